"""The Kaart page's controls, in the sidebar, returned as one typed choice."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import streamlit as st

from app import settings as s
from app.area_panel import BUURT_KEY
from app.url_state import Parameter

from geo.bundel import Wijkdata
from geo.indicators import Indicator, in_jaar, peiljaren
from geo.meldingen import jaren
from geo.schema import OPGAVEN, STATUSSEN

# The overlast period: two year choosers. Not a range slider: its front-end code loads on first
# use and delayed the first map by ~0.7 s (bench/bench_kaart.py).
VAN_KEY, TOT_KEY = "kaart_van", "kaart_tot"
PEILJAAR_KEY = "kaart_peiljaar"  # shown only for an indicator with figures of several years


@dataclass(frozen=True)
class Kaartkeuze:
    opgaven: tuple[str, ...]
    statussen: tuple[str, ...]
    indicator: Indicator
    toon_acties: bool
    toon_hotspots: bool
    achtergrond: bool
    beeld: str
    periode: tuple[int, int]  # years of overlast shown, inclusive
    peiljaar: int | None  # reference year of the figures; None: the newest figure of every area


def indicatoren_voor(data: Wijkdata, opgaven: tuple[str, ...]) -> list[str]:
    """Mappable indicators that belong to a chosen opgave, plus general context figures.

    With no opgave chosen every mappable indicator stays available: the map still needs a colour.
    """
    gekozen = set(opgaven) or set(OPGAVEN)
    return [
        i for i in data.kaartbaar
        if not data.definities[i].opgaven or gekozen & set(data.definities[i].opgaven)
    ]


def periodejaren(data: Wijkdata, dit_jaar: int) -> list[int]:
    """Every year from the earliest overlast item up to this year (or the latest item's year)."""
    items = data.programma.items
    bereiken = [b for b in map(jaren, items.loc[items["soort"] == "hotspot", "periode"]) if b]
    eerste = min((b[0] for b in bereiken), default=dit_jaar)
    laatste = max([dit_jaar, *(b[1] for b in bereiken)])
    return list(range(eerste, laatste + 1))


def cijfers(data: Wijkdata, keuze: Kaartkeuze) -> pd.DataFrame:
    """The figures that colour the map: of the chosen reference year, else the newest ones."""
    return data.indicatoren if keuze.peiljaar is None else in_jaar(data.reeksen, keuze.peiljaar)


def url_parameters(data: Wijkdata, jaartallen: list[int]) -> list[Parameter]:
    """The Kaart choices a shared link carries; ``jaartallen`` from :func:`periodejaren`."""
    cijferjaren = sorted({j for i in data.meerjarig for j in peiljaren(data.reeksen, i)})
    return [
        *([Parameter("peiljaar", PEILJAAR_KEY, {str(j): j for j in cijferjaren}, cijferjaren[-1], "peiljaar",
                     alleen_als_gekozen=True, lidwoord="het")] if cijferjaren else []),
        Parameter("indicator", "kaart_indicator", {i: i for i in data.kaartbaar}, s.STANDAARD_INDICATOR, "indicator"),
        Parameter("opgave", "kaart_opgaven", s.OPGAVE_URL, list(s.STANDAARD_OPGAVEN), "opgave", meervoud=True),
        Parameter("status", "kaart_status", {t: t for t in STATUSSEN}, list(STATUSSEN), "status", meervoud=True),
        Parameter("beeld", "kaart_beeld", s.BEELD_URL, s.BEELD_NOORD, "kaartbeeld", lidwoord="het"),
        Parameter("buurt", BUURT_KEY, {c: c for c in data.grenzen.buurten["code"]}, None, "buurtcode"),
        Parameter("van", VAN_KEY, {str(j): j for j in jaartallen}, jaartallen[0], "beginjaar", alleen_als_gekozen=True,
                  lidwoord="het"),
        Parameter("tot", TOT_KEY, {str(j): j for j in jaartallen}, jaartallen[-1], "eindjaar", alleen_als_gekozen=True,
                  lidwoord="het"),
    ]


def toon(data: Wijkdata, jaartallen: list[int]) -> Kaartkeuze:
    """Draw the filters and return what the user chose (values come from session state / URL)."""
    with st.sidebar:
        st.subheader("Filters")
        opgaven = st.pills(
            s.LABEL_OPGAVE, OPGAVEN, selection_mode="multi", key="kaart_opgaven",
            help="Kies één, meerdere of alle opgaven. De keuze bepaalt de acties op de kaart en de indicatoren.",
        )
        statussen = st.pills(s.LABEL_STATUS, STATUSSEN, selection_mode="multi", key="kaart_status")
        opties = indicatoren_voor(data, tuple(opgaven))
        if st.session_state.get("kaart_indicator") not in opties:  # the opgave filter removed it
            st.session_state["kaart_indicator"] = s.STANDAARD_INDICATOR if s.STANDAARD_INDICATOR in opties else opties[0]
        indicator = st.selectbox(
            s.LABEL_INDICATOR, opties, key="kaart_indicator",
            format_func=lambda i: f"{data.definities[i].label} ({data.definities[i].eenheid})",
        )
        beschikbaar = peiljaren(data.reeksen, indicator) if indicator in data.meerjarig else []
        peiljaar = None
        if beschikbaar:
            if st.session_state.get(PEILJAAR_KEY) not in beschikbaar:  # another indicator has other years
                st.session_state[PEILJAAR_KEY] = beschikbaar[-1]
            peiljaar = st.selectbox(s.LABEL_PEILJAAR, beschikbaar, key=PEILJAAR_KEY,
                                    help=f"De cijfers van dit jaar kleuren de kaart (CBS-grenzen {data.grenzen.bron.jaar}).")
        # required: a second click on the chosen view does not leave none chosen (and the map on Noord)
        beeld = st.segmented_control(s.LABEL_BEELD, [s.BEELD_NOORD, s.BEELD_GEMEENTE], key="kaart_beeld", required=True)
        st.caption("Lagen")
        toon_acties = st.toggle(s.LABEL_ACTIES, value=True, key="kaart_acties")
        toon_hotspots = st.toggle(s.LABEL_HOTSPOTS, value=True, key="kaart_hotspots")
        for key, standaard in ((VAN_KEY, jaartallen[0]), (TOT_KEY, jaartallen[-1])):
            if st.session_state.get(key) not in jaartallen:  # the data changed under the choice
                st.session_state[key] = standaard
        van_kolom, tot_kolom = st.columns(2)
        van = van_kolom.selectbox(s.LABEL_PERIODE_VAN, jaartallen, key=VAN_KEY, disabled=not toon_hotspots,
                                  help="Overlast (hotspots en meldingen) uit deze jaren. Wat geen jaar heeft, blijft zichtbaar.")
        tot = tot_kolom.selectbox(s.LABEL_PERIODE_TOT, jaartallen, key=TOT_KEY, disabled=not toon_hotspots)
        achtergrond = st.toggle(s.LABEL_ACHTERGROND, value=False, key="kaart_achtergrond",
                                help="Laadt kaarttegels van PDOK via internet. Zonder internet blijft de kaart leesbaar.")
    return Kaartkeuze(
        opgaven=tuple(opgaven), statussen=tuple(statussen), indicator=data.definities[indicator],
        toon_acties=toon_acties, toon_hotspots=toon_hotspots, achtergrond=achtergrond,
        beeld=beeld, periode=(min(van, tot), max(van, tot)), peiljaar=peiljaar,
    )
