"""The interactive map on the Kaart page: base map once per indicator, layers per filter."""

from __future__ import annotations

import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from app import settings as s
from app.area_panel import BUURT_KEY
from app.data import zoombanden
from app.filters import Kaartkeuze
from app.formats import markdown_veilig, waarde_tekst
from app.html_tabel import html_tabel
from app.map_build import (basiskaart, beeld, buurt_hoverregels, grote_basiskaart, omtrek, selectielaag, symboollagen,
                           vlakkenlaag)
from app.profiel import NIVEAU_TEKST
from geo.bundel import Wijkdata
from geo.classify import Klasse, kleur_voor
from geo.export import csv_bytes
from geo.getallen import getal_tekst
from geo.indicators import Kaartwaarden
from geo.meldingen import in_periode
from geo.schema import ONBEKEND
from geo.vereenvoudiging import band, in_beeld

KAART_KEY = "kaart"
KLIK_KEY = "kaart_laatste_klik"
GEVRAAGD_KEY = "kaart_gevraagd_beeld"  # the centre and zoom the page last asked the map for


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


def toon(data: Wijkdata, keuze: Kaartkeuze, kw: Kaartwaarden, klassen: list[Klasse], items: pd.DataFrame) -> pd.DataFrame:
    """Draw the map and return the items on it (of a large map: those in view); a click on a buurt
    selects it in the buurt chooser."""
    _neem_klik(data)
    # The base map always starts on the programme area, so switching the view does not change it
    # (and is not re-sent); st_folium moves the existing map with center/zoom instead.
    start_noord = beeld(data.omlijningen_web["programmagebied"].total_bounds)
    centrum, zoom = _kaartbeeld(data, keuze)
    groot = len(data.buurten_web) > s.GROOT_AANTAL
    lagen = []
    if groot:
        kaart = grote_basiskaart(data.omlijningen_web, start_noord, keuze.achtergrond)
        grenzen, kaartzoom = _zicht(centrum, zoom)
        lagen.append(_buurten_in_beeld(data, kw, klassen, grenzen, kaartzoom))
        items = _items_in_beeld(items, grenzen)
    else:
        kaart = basiskaart(data.buurten_web, data.wijknamen, data.omlijningen_web, kw, klassen, start_noord,
                           keuze.achtergrond)
    gekozen = st.session_state.get(BUURT_KEY)
    if gekozen:
        lagen.append(selectielaag(data.buurten_web[data.buurten_web["code"] == gekozen]))
    lagen.extend(symboollagen(items))
    st_folium(
        kaart,
        key=KAART_KEY,
        height=s.KAART_HOOGTE,
        use_container_width=True,
        # a large map follows the view: every pan or zoom asks the server for what is then in view
        returned_objects=["last_clicked", "bounds", "zoom"] if groot else ["last_clicked"],
        feature_group_to_add=lagen,
        center=centrum,
        zoom=zoom,
    )
    return items


def _neem_klik(data: Wijkdata) -> None:
    """A click on the map reruns the page with the click already in the map's state: take it
    before drawing, so this same run shows the chosen buurt (a second run after drawing would
    double the server's work for every map click)."""
    klik = (st.session_state.get(KAART_KEY) or {}).get("last_clicked")
    if klik and klik != st.session_state.get(KLIK_KEY):
        st.session_state[KLIK_KEY] = klik
        code = data.grenzen.buurt_op_punt(klik["lng"], klik["lat"])
        if code:
            st.session_state[BUURT_KEY] = code


def _zicht(centrum: list[float], zoom: float) -> tuple[tuple[float, float, float, float], float]:
    """What the map shows: the view the user panned to (st_folium reports it, also before this run
    draws), unless the page asks for another view now (a new 'Kaartbeeld')."""
    vorige = st.session_state.get(KAART_KEY) or {}
    gevraagd = (tuple(centrum), zoom)
    if st.session_state.get(GEVRAAGD_KEY) == gevraagd and vorige.get("bounds") and vorige.get("zoom"):
        zw, no = vorige["bounds"]["_southWest"], vorige["bounds"]["_northEast"]
        return (zw["lng"], zw["lat"], no["lng"], no["lat"]), float(vorige["zoom"])
    st.session_state[GEVRAAGD_KEY] = gevraagd
    return omtrek(centrum, zoom), zoom


def _buurten_in_beeld(data: Wijkdata, kw: Kaartwaarden, klassen: list[Klasse], grenzen: tuple[float, ...],
                      zoom: float):
    """The buurten that intersect the view, simplified for the zoom, coloured and with a hover text."""
    posities = in_beeld(data.buurten_web.geometry, grenzen)
    index = band(zoom)
    vormen = (data.buurten_web.geometry.to_numpy() if index is None
              else zoombanden(data)[index])[posities]
    deel = data.buurten_web.iloc[posities]
    tips = ["\n".join(regels) for regels in buurt_hoverregels(deel, kw, data.wijknamen)]
    kleuren = [kleur_voor(w, klassen) for w in kw.waarden.loc[deel["code"], "waarde"]]
    return vlakkenlaag(deel["code"].tolist(), vormen, kleuren, tips)


def _items_in_beeld(items: pd.DataFrame, grenzen: tuple[float, ...]) -> pd.DataFrame:
    """Symbols in view; with more than the map can show at once, none, and a note to zoom in."""
    west, zuid, oost, noord = grenzen
    binnen = items[items["lon"].between(west, oost) & items["lat"].between(zuid, noord)]
    if len(binnen) > s.MAX_SYMBOLEN_IN_BEELD:
        st.info(f"{getal_tekst(len(binnen))} acties en meldingen in beeld: zoom in om ze te zien "
                f"(de kaart toont er tot {getal_tekst(s.MAX_SYMBOLEN_IN_BEELD)} tegelijk).")
        return binnen.iloc[0:0]
    return binnen


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
        tabel = kaarttabel(data, kw)
        if len(tabel) > s.GROOT_AANTAL:  # a table of every buurt would be megabytes at every click
            st.caption(f"{getal_tekst(len(tabel))} buurten: te veel om hier te tonen; download de tabel.")
            st.download_button("Tabel bij de kaart downloaden (CSV)", csv_bytes(tabel, [kw.indicator.label]),
                               file_name=f"{s.BESTANDSNAAM}-kaart-{kw.indicator.id}.csv", mime="text/csv",
                               on_click="ignore", key="kaart_tabel_csv")
        else:  # HTML, not st.table: app/html_tabel.py says why
            st.html(html_tabel(tabel.set_index("Buurt"), f"{kw.indicator.label} per buurt"))
