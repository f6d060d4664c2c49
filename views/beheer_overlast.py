"""Overlastmeldingen en hotspots bijhouden (inloggen nodig)."""

import streamlit as st

from app import beheer_view, toegang, url_state
from app import settings as s
from app.data import opslag, wijkdata

st.title(s.PAGINA_BEHEER_OVERLAST.koptekst)
url_state.herstel(s.PAGINA_BEHEER_OVERLAST.pad, [])
winkel = opslag()
gebruiker = toegang.vereis_login(winkel)
beheer_view.toon(wijkdata(), winkel, gebruiker, "hotspot")
