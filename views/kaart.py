"""Kaart: buurten coloured by an indicator, with actions and hotspots, filterable by opgave."""

from datetime import date

import streamlit as st

from app import area_panel, filters, items_table, map_view, url_state
from app import settings as s
from app.data import wijkdata
from app.legend import LEGENDA_CSS, indicator_legenda, symbool_legenda
from geo.classify import natuurlijke_grenzen
from geo.indicators import kaartwaarden

st.title(s.PAGINA_KAART.koptekst)
st.caption(s.KAART_ONDERSCHRIFT)

data = wijkdata()
jaartallen = filters.periodejaren(data, date.today().year)  # once per run: it reads every overlast item
parameters = filters.url_parameters(data, jaartallen)
url_state.herstel(s.PAGINA_KAART.pad, parameters)
keuze = filters.toon(data, jaartallen)
kw = kaartwaarden(filters.cijfers(data, keuze), data.grenzen.buurten, keuze.indicator)
klassen = natuurlijke_grenzen(kw.waarden["waarde"].tolist())
items = map_view.gefilterde_items(data, keuze)

kaart_kolom, paneel_kolom = st.columns([3, 2], gap="medium")
with kaart_kolom:
    op_kaart = map_view.toon(data, keuze, kw, klassen, items)  # a large map: only what is in view
    map_view.toon_kaarttabel(data, kw)
    if items.empty:
        st.warning(items_table.leeg_bericht(keuze))
    st.caption(
        f"Grenzen: {data.grenzen.bron.bron}, CC-BY 4.0; {data.grenzen.bron.precisie} (bron in EPSG:28992, voor de "
        "webkaart omgerekend naar WGS84)."
    )
with paneel_kolom:
    st.html(LEGENDA_CSS + indicator_legenda(kw, klassen) + symbool_legenda())
    area_panel.toon(data)

if len(op_kaart) or items.empty:  # none drawn of many in view: the map already says to zoom in
    items_table.toon(op_kaart)
url_state.bewaar(parameters)
