"""The Kaart page's controls, in the sidebar, returned as one typed choice."""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from app import settings as s
from app.area_panel import BUURT_KEY
from app.url_state import Parameter
from geo.bundel import Wijkdata
from geo.indicators import Indicator
from geo.schema import OPGAVEN, STATUSSEN


@dataclass(frozen=True)
class Kaartkeuze:
    opgaven: tuple[str, ...]
    statussen: tuple[str, ...]
    indicator: Indicator
    toon_acties: bool
    toon_hotspots: bool
    achtergrond: bool
    beeld: str


def indicatoren_voor(data: Wijkdata, opgaven: tuple[str, ...]) -> list[str]:
    """Mappable indicators that belong to a chosen opgave, plus general context figures.

    With no opgave chosen every mappable indicator stays available: the map still needs a colour.
    """
    gekozen = set(opgaven) or set(OPGAVEN)
    return [
        i for i in data.kaartbaar
        if not data.definities[i].opgaven or gekozen & set(data.definities[i].opgaven)
    ]


def url_parameters(data: Wijkdata) -> list[Parameter]:
    """The Kaart choices a shared link carries."""
    return [
        Parameter("indicator", "kaart_indicator", {i: i for i in data.kaartbaar}, s.STANDAARD_INDICATOR, "indicator"),
        Parameter("opgave", "kaart_opgaven", s.OPGAVE_URL, list(s.STANDAARD_OPGAVEN), "opgave", meervoud=True),
        Parameter("status", "kaart_status", {t: t for t in STATUSSEN}, list(STATUSSEN), "status", meervoud=True),
        Parameter("beeld", "kaart_beeld", s.BEELD_URL, s.BEELD_NOORD, "kaartbeeld"),
        Parameter("buurt", BUURT_KEY, {c: c for c in data.grenzen.buurten["code"]}, None, "buurtcode"),
    ]


def toon(data: Wijkdata) -> Kaartkeuze:
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
        beeld = st.segmented_control(s.LABEL_BEELD, [s.BEELD_NOORD, s.BEELD_GEMEENTE], key="kaart_beeld")
        st.caption("Lagen")
        toon_acties = st.toggle(s.LABEL_ACTIES, value=True, key="kaart_acties")
        toon_hotspots = st.toggle(s.LABEL_HOTSPOTS, value=True, key="kaart_hotspots")
        achtergrond = st.toggle(s.LABEL_ACHTERGROND, value=False, key="kaart_achtergrond",
                                help="Laadt kaarttegels van PDOK via internet. Zonder internet blijft de kaart leesbaar.")
    return Kaartkeuze(
        opgaven=tuple(opgaven), statussen=tuple(statussen), indicator=data.definities[indicator],
        toon_acties=toon_acties, toon_hotspots=toon_hotspots, achtergrond=achtergrond,
        beeld=beeld or s.BEELD_NOORD,
    )
