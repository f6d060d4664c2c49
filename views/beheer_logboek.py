"""Logboek en herstel: every change with its previous values; removed items restored (inloggen nodig)."""

import streamlit as st

from app import logboek_view, toegang, url_state
from app import settings as s
from app.data import opslag

st.title(s.PAGINA_BEHEER_LOGBOEK.koptekst)
url_state.herstel(s.PAGINA_BEHEER_LOGBOEK.pad, [])
winkel = opslag()
gebruiker = toegang.vereis_login(winkel)
logboek_view.toon(winkel, gebruiker)
