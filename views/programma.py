"""Programma: the programme over time, its organisation and its budget, each with its source."""

import streamlit as st

from app import programma_view, url_state
from app import settings as s
from app.data import wijkdata

st.title(s.PAGINA_PROGRAMMA.koptekst)
st.caption(f"Van startnotitie tot het doel in {s.DOELJAAR}: besluiten, bijeenkomsten en uitvoering, de organisatie en het "
           "budget. Elke regel noemt zijn bron; een jaartal dat de bron niet geeft, is als afgeleid gemarkeerd.")
url_state.herstel(s.PAGINA_PROGRAMMA.pad, [])
data = wijkdata()
programma_view.toon_tijdlijn(data)
programma_view.toon_organisatie_en_budget(data)
url_state.bewaar([])
