"""The figures of the chosen buurt next to the map, against the gemeente and Leidschendam-Noord."""

from __future__ import annotations

import math

import pandas as pd
import streamlit as st

from app import settings as s
from app.formats import getal_tekst, waarde_tekst
from geo.bundel import Wijkdata
from geo.indicators import Indicator, gebiedsprofiel
from geo.schema import ONBEKEND

BUURT_KEY = "kaart_buurt"
HOOFDKOLOMMEN = ("Deze buurt", "Gemeente", "Leidschendam-Noord", "Beoordeling")


def oordeel(indicator: Indicator, waarde: float, gemeente: float) -> str:
    """How the area compares with the gemeente, in the direction the indicator calls better."""
    if math.isnan(waarde) or math.isnan(gemeente) or indicator.beter == "neutraal":
        return "—"
    if waarde == gemeente:
        return "gelijk aan gemeente"
    slechter = waarde > gemeente if indicator.beter == "lager" else waarde < gemeente
    return "ongunstiger dan gemeente" if slechter else "gunstiger dan gemeente"


def profieltabel(data: Wijkdata, buurtcode: str) -> pd.DataFrame:
    """Display table (all strings) of every indicator for one buurt; missing = 'onbekend'."""
    profiel = gebiedsprofiel(data.indicatoren, data.grenzen, buurtcode, data.programmagebied.code)
    volgorde = {ind: i for i, ind in enumerate(data.definities)}  # programme figures first
    profiel = profiel.sort_values("indicator", key=lambda k: k.map(volgorde))
    rijen = []
    for r in profiel.itertuples(index=False):
        ind = data.definities[r.indicator]
        verschil = r.waarde - r.gemeente
        # A difference of percentages is in percentage points.
        verschil_eenheid = "procentpunt" if ind.eenheid.startswith("%") else ind.eenheid
        rijen.append({
            "Indicator": ind.label,
            "Deze buurt": waarde_tekst(r.waarde, ind.eenheid, r.kwalificatie),
            "Niveau": {"buurt": "buurtcijfer", "wijk": "wijkcijfer"}.get(r.niveau, "—"),
            "Gemeente": waarde_tekst(r.gemeente, ind.eenheid),
            "Leidschendam-Noord": waarde_tekst(r.programmagebied, ind.eenheid),
            "Verschil met gemeente": "onbekend" if math.isnan(verschil)
            else f"{'+' if verschil > 0 else ''}{getal_tekst(round(verschil, 2))} {verschil_eenheid}",
            "Beoordeling": oordeel(ind, r.waarde, r.gemeente),
            "Peiljaar": ONBEKEND if pd.isna(r.peiljaar) else r.peiljaar,
            "Bron": ONBEKEND if pd.isna(r.bron) else r.bron,
        })
    return pd.DataFrame(rijen)


def toon(data: Wijkdata) -> None:
    """Buurt chooser (keyboard alternative to clicking the map) and the figures of the choice."""
    buurten = data.grenzen.buurten
    namen = dict(zip(buurten["code"], buurten["naam"], strict=True))
    code = st.selectbox(
        "Buurt", list(namen), index=None, key=BUURT_KEY, placeholder="Klik op de kaart of kies een buurt",
        format_func=lambda c: f"{namen[c]} ({c})",
    )
    if code is None:
        st.info("Klik op een buurt op de kaart (of kies er hierboven een) om de cijfers te zien, "
                f"naast het gemiddelde van de gemeente {s.GEMEENTE_NAAM}.")
        return
    wijk = buurten.set_index("code").loc[code, "wijkcode"]
    st.markdown(f"#### {namen[code]}")
    noord = " — onderdeel van Leidschendam-Noord" if code in data.programmagebied.buurten else ""
    st.caption(f"Buurt {code}, wijk {data.wijknamen[wijk]} ({wijk}){noord}")
    # Static tables (not a canvas grid): printable, readable by screen readers and by tests.
    # The narrow column gets the comparison; sources and years sit one click further.
    tabel = profieltabel(data, code).set_index("Indicator")
    st.table(tabel[list(HOOFDKOLOMMEN)])
    with st.expander("Verschil, niveau, peiljaar en bron per cijfer"):
        st.table(tabel.drop(columns=[k for k in HOOFDKOLOMMEN if k != "Deze buurt"]))
    st.caption("'wijkcijfer': CBS geeft dit cijfer alleen per wijk; de buurt krijgt het cijfer van haar wijk. "
               "'onbekend': geen bron geeft dit cijfer.")
