"""Importeren en exporteren: files of acties and meldingen, checked before storing (inloggen nodig)."""

import streamlit as st

from app import invoer_view, toegang, url_state
from app import settings as s
from app.data import opslag, wijkdata

st.title(s.PAGINA_BEHEER_IMPORT.koptekst)
url_state.herstel(s.PAGINA_BEHEER_IMPORT.pad, [])
winkel = opslag()
gebruiker = toegang.vereis_login(winkel)
invoer_view.toon(wijkdata(), winkel, gebruiker)
