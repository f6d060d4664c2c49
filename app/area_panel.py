"""The figures of the chosen buurt next to the map, against the gemeente and Leidschendam-Noord."""

from __future__ import annotations

import html

import pandas as pd
import streamlit as st

from app import settings as s
from app.formats import markdown_veilig
from app.html_tabel import html_tabel
from app.profiel import GEBIED, HOOFDKOLOMMEN, profiel, profieltabel
from geo.bundel import Wijkdata

BUURT_KEY = "kaart_buurt"
GEEN_OORDEEL = ("—", "niet vergelijkbaar")  # Beoordeling values that say nothing more than the figures


def toon(data: Wijkdata) -> None:
    """Buurt chooser (keyboard alternative to clicking the map) and the figures of the choice."""
    buurten = data.grenzen.buurten
    namen = dict(zip(buurten["code"], buurten["naam"], strict=True))
    code = st.selectbox(  # index=None keeps the choice clearable; the value itself comes from session state
        "Buurt", list(namen), index=None, key=BUURT_KEY, placeholder="Klik op de kaart of kies een buurt",
        format_func=lambda c: f"{namen[c]} ({c})",
    )
    if code is None:
        st.info("Klik op een buurt op de kaart (of kies er hierboven een) om de cijfers te zien, "
                f"naast het gemiddelde van de gemeente {s.GEMEENTE_NAAM}.")
        return
    wijk = buurten.set_index("code").loc[code, "wijkcode"]
    naam = markdown_veilig(namen[code])
    st.markdown(f"#### {naam}")
    noord = f" — onderdeel van {s.GEBIED_NAAM}" if code in data.programmagebied.buurten else ""
    st.caption(markdown_veilig(f"Buurt {code}, wijk {data.wijknamen[wijk]} ({wijk}){noord}"))
    # Static HTML (not a canvas grid, not st.table: app/html_tabel.py says why): printable, readable
    # by screen readers and by tests. The narrow column gets the comparison; sources and years sit
    # one click further.
    tabel = profieltabel(data, profiel(data, code)).set_index("Indicator")
    st.html(cijferlijst(tabel, f"Cijfers van {namen[code]}"))
    with st.expander("Verschil, niveau, peiljaar en bron per cijfer"):
        details = tabel.drop(columns=[k for k in HOOFDKOLOMMEN if k != GEBIED])
        st.html(html_tabel(details, f"Verschil, niveau, peiljaar en bron van {namen[code]}"))
    st.page_link(s.PAGINA_PROFIEL.bestand, label=f"Volledig buurtprofiel van {naam} →", query_params={"gebied": code})
    st.caption("'wijkcijfer': CBS geeft dit cijfer alleen per wijk; de buurt krijgt het cijfer van haar wijk. "
               "'onbekend': geen bron geeft dit cijfer.")


def cijferlijst(tabel: pd.DataFrame, naam: str) -> str:
    """The main figures of :func:`profieltabel` as a list, one indicator per item: the area's figure,
    the gemeente's and Leidschendam-Noord's, and the verdict. The panel beside the map is too narrow
    for these as a table (its last two columns scrolled out of sight); the figures read as a line.
    Everything is escaped: it is page HTML."""
    e = html.escape
    items = []
    for indicator, rij in tabel[list(HOOFDKOLOMMEN)].iterrows():
        delen = [f'<span class="wk-getal wk-waarde">{e(str(rij[GEBIED]))}</span>',
                 f'gemeente <span class="wk-getal">{e(str(rij["Gemeente"]))}</span>',
                 f'{e(s.GEBIED_NAAM)} <span class="wk-getal">{e(str(rij[s.GEBIED_NAAM]))}</span>']
        if rij["Beoordeling"] not in GEEN_OORDEEL:
            delen.append(f'<span class="wk-oordeel">{e(str(rij["Beoordeling"]))}</span>')
        items.append(f"<dt>{e(str(indicator))}</dt><dd>{' · '.join(delen)}</dd>")
    return f'<div class="wk-cijfers" role="region" aria-label="{e(naam)}"><dl>{"".join(items)}</dl></div>'
