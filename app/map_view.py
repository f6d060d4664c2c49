"""The interactive map on the Kaart page: base map once per indicator, layers per filter."""

from __future__ import annotations

import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from app import settings as s
from app.area_panel import BUURT_KEY
from app.filters import Kaartkeuze
from app.formats import markdown_veilig, veilige_tabel, waarde_tekst
from app.map_build import basiskaart, beeld, selectielaag, symboollaag
from app.profiel import NIVEAU_TEKST
from geo.bundel import Wijkdata
from geo.classify import Klasse
from geo.indicators import Kaartwaarden
from geo.meldingen import in_periode
from geo.schema import ONBEKEND

KLIK_KEY = "kaart_laatste_klik"


def gefilterde_items(data: Wijkdata, keuze: Kaartkeuze) -> pd.DataFrame:
    """Items that match the opgave and status filter and whose layer is switched on."""
    items = data.programma.items
    acties = items[(items["soort"] == "actie") & items["opgave"].isin(keuze.opgaven) & items["status"].isin(keuze.statussen)]
    hotspots = items[(items["soort"] == "hotspot") & items["opgave"].isin(keuze.opgaven)]
    hotspots = hotspots[in_periode(hotspots["periode"], *keuze.periode)]
    delen = ([acties] if keuze.toon_acties else []) + ([hotspots] if keuze.toon_hotspots else [])
    return pd.concat(delen) if delen else items.iloc[0:0]


def _kaartbeeld(data: Wijkdata, keuze: Kaartkeuze) -> tuple[list[float], float]:
    frame = data.omlijningen_web["programmagebied" if keuze.beeld == s.BEELD_NOORD else "gemeente"]
    return beeld(frame.total_bounds)


def toon(data: Wijkdata, keuze: Kaartkeuze, kw: Kaartwaarden, klassen: list[Klasse], items: pd.DataFrame) -> None:
    """Draw the map; a click on a buurt selects it in the buurt chooser."""
    # The base map always starts on Leidschendam-Noord, so switching the view does not change it
    # (and is not re-sent); st_folium moves the existing map with center/zoom instead.
    start_noord = beeld(data.omlijningen_web["programmagebied"].total_bounds)
    kaart = basiskaart(data.buurten_web, data.wijknamen, data.omlijningen_web, kw, klassen, start_noord, keuze.achtergrond)
    centrum, zoom = _kaartbeeld(data, keuze)
    lagen = []
    gekozen = st.session_state.get(BUURT_KEY)
    if gekozen:
        lagen.append(selectielaag(data.buurten_web[data.buurten_web["code"] == gekozen]))
    for soort, naam in (("actie", "Acties"), ("hotspot", "Overlast")):
        deel = items[items["soort"] == soort]
        if len(deel):
            lagen.append(symboollaag(deel, naam))
    uit = st_folium(
        kaart,
        key="kaart",
        height=s.KAART_HOOGTE,
        use_container_width=True,
        returned_objects=["last_clicked"],
        feature_group_to_add=lagen,
        center=centrum,
        zoom=zoom,
    )
    klik = (uit or {}).get("last_clicked")
    if klik and klik != st.session_state.get(KLIK_KEY):
        st.session_state[KLIK_KEY] = klik
        code = data.grenzen.buurt_op_punt(klik["lng"], klik["lat"])
        if code and code != gekozen:
            st.session_state[BUURT_KEY] = code
            st.rerun()


def kaarttabel(data: Wijkdata, kw: Kaartwaarden) -> pd.DataFrame:
    """The choropleth as a table: every buurt with the figure its colour stands for."""
    buurten = data.grenzen.buurten
    ind = kw.indicator
    waarden = kw.waarden.loc[buurten["code"]]
    return pd.DataFrame({
        "Buurt": buurten["naam"].to_numpy(),
        "Wijk": buurten["wijkcode"].map(data.wijknamen).to_numpy(),
        ind.label: [waarde_tekst(w, ind.eenheid, q) for w, q in zip(waarden["waarde"], waarden["kwalificatie"], strict=True)],
        "Niveau": waarden["niveau"].map(NIVEAU_TEKST).fillna("—").to_numpy(),
        "Peiljaar": waarden["peiljaar"].fillna(ONBEKEND).to_numpy(),
        "Bron": waarden["bron"].fillna(ONBEKEND).to_numpy(),
    }).sort_values(["Wijk", "Buurt"], ignore_index=True)


def toon_kaarttabel(data: Wijkdata, kw: Kaartwaarden) -> None:
    """The map's text alternative, one click away under the map (keyboard and screen reader)."""
    with st.expander(markdown_veilig(f"Tabel bij de kaart: {kw.indicator.label} per buurt")):
        st.table(veilige_tabel(kaarttabel(data, kw).set_index("Buurt")))
