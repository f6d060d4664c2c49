"""Over de gegevens: where every file comes from, its licence and its limits."""

from pathlib import Path

import streamlit as st

from app import settings as s
from app import url_state
from app.bronnen_view import cijfertabel
from app.data import wijkdata

st.title("Over de gegevens")
url_state.herstel(s.PAGINA_BRONNEN.pad, [])  # no choices of its own; a stray parameter gets a notice
data = wijkdata()

st.markdown((Path(__file__).resolve().parent.parent / "data" / "README.md").read_text(encoding="utf-8"))

st.subheader("Alle cijfers")
st.dataframe(cijfertabel(data), hide_index=True, width="stretch")

st.subheader("Bronnen van acties en overlast")
st.dataframe(data.programma.bronnen, hide_index=True, width="stretch")
url_state.bewaar([])
