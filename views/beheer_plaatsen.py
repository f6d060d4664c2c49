"""Nog te plaatsen: give coordinates to places known only by address (inloggen nodig)."""

import streamlit as st

from app import plaatsen_view, toegang, url_state
from app import settings as s
from app.data import opslag, wijkdata

st.title(s.PAGINA_BEHEER_PLAATSEN.koptekst)
url_state.herstel(s.PAGINA_BEHEER_PLAATSEN.pad, [])
winkel = opslag()
gebruiker = toegang.vereis_login(winkel)
plaatsen_view.toon(wijkdata(), winkel, gebruiker)
