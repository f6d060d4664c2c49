"""Raadsoverzicht: all buurten (or wijken) against the gemeente, actions per opgave, printable."""

from datetime import date

import streamlit as st

from app import raad_view, stijl, url_state
from app import settings as s
from app.data import wijkdata

st.title("Raadsoverzicht")
st.caption(f"Alle buurten tegenover het gemiddelde van de gemeente {s.GEMEENTE_NAAM}; {s.GEBIED_NAAM} gemarkeerd.")
stijl.schermtip("Afdrukken (Ctrl+P) geeft een A4 liggend; 'Download als PDF' maakt een rapport.", "raad_afdrukken")
data = wijkdata()
parameters = raad_view.url_parameters()
url_state.herstel(s.PAGINA_RAAD.pad, parameters)
niveau, sorteer, aflopend = raad_view.keuzes(data)
vandaag = date.today()
overzicht = raad_view.bouw_overzicht(data, niveau, sorteer, aflopend, vandaag)
raad_view.toon_downloads(data, overzicht, vandaag)
raad_view.toon_tabel(overzicht)
st.subheader("Eén kaart per indicator")
raad_view.toon_kaartjes(data, overzicht)
st.subheader("Acties per opgave")
raad_view.toon_acties(overzicht)
st.subheader("Bronnen")
raad_view.toon_bronnen(overzicht)
url_state.bewaar(parameters)
