"""The lightest page Streamlit serves: a title. bench_schaal.py opens it next to the Kaart, so
its time is what Streamlit's own front end costs on this machine at that moment."""

import streamlit as st

st.title("Sterk voor Noord")
