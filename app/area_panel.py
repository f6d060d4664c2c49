"""The figures of the chosen buurt next to the map, against the gemeente and Leidschendam-Noord."""

from __future__ import annotations

import html

import pandas as pd
import streamlit as st

from app import settings as s
from app.formats import markdown_veilig
from app.profiel import GEBIED, profiel, profieltabel
from geo.bundel import Wijkdata

BUURT_KEY = "kaart_buurt"
LEEG = "—"  # profieltabel's cell for "does not apply"
GEEN_OORDEEL = (LEEG, "niet vergelijkbaar")  # Beoordeling values that say nothing more than the figures


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
        st.html(detaillijst(tabel, f"Verschil, niveau, peiljaar en bron van {namen[code]}"))
    st.page_link(s.PAGINA_PROFIEL.bestand, label=f"Volledig buurtprofiel van {naam} →", query_params={"gebied": code})
    st.caption("'wijkcijfer': CBS geeft dit cijfer alleen per wijk; de buurt krijgt het cijfer van haar wijk. "
               "'onbekend': geen bron geeft dit cijfer.")


def cijferlijst(tabel: pd.DataFrame, naam: str) -> str:
    """The main figures of :func:`profieltabel` as a list, one indicator per item: the area's figure,
    the gemeente's and Leidschendam-Noord's, and the verdict. The panel beside the map is too narrow
    for these as a table (its last two columns scrolled out of sight); the figures read as a line."""
    regels = []
    for indicator, rij in tabel.iterrows():
        delen = [_getal(rij[GEBIED], "wk-waarde"), f"gemeente {_getal(rij['Gemeente'])}",
                 f"{html.escape(s.GEBIED_NAAM)} {_getal(rij[s.GEBIED_NAAM])}"]
        if rij["Beoordeling"] not in GEEN_OORDEEL:
            delen.append(f'<span class="wk-oordeel">{html.escape(str(rij["Beoordeling"]))}</span>')
        regels.append((str(indicator), " · ".join(delen)))
    return _lijst(regels, naam)


def detaillijst(tabel: pd.DataFrame, naam: str) -> str:
    """The rest of :func:`profieltabel` in the same form: per indicator the area's figure, its level
    (buurt- or wijkcijfer), the difference with the gemeente, the reference year, the trend when
    there is one, and the source on a line of its own."""
    regels = []
    for indicator, rij in tabel.iterrows():
        delen = [_getal(rij[GEBIED], "wk-waarde")]
        if rij["Niveau"] != LEEG:
            delen.append(html.escape(str(rij["Niveau"])))
        if rij["Verschil met gemeente"] != LEEG:
            delen.append(f"verschil met gemeente {_getal(rij['Verschil met gemeente'])}")
        delen.append(f"peiljaar {html.escape(str(rij['Peiljaar']))}")
        if rij.get("Verloop", LEEG) != LEEG:
            delen.append(f"verloop: {html.escape(str(rij['Verloop']))}")
        bron = f' <span class="wk-bron">Bron: {html.escape(str(rij["Bron"]))}</span>'  # a line of its own (CSS)
        regels.append((str(indicator), " · ".join(delen) + bron))
    return _lijst(regels, naam)


def _getal(waarde: object, klasse: str = "") -> str:
    """A figure with its unit, kept on one line."""
    klassen = f"wk-getal {klasse}".strip()
    return f'<span class="{klassen}">{html.escape(str(waarde))}</span>'


def _lijst(regels: list[tuple[str, str]], naam: str) -> str:
    """A named list of (indicator, HTML of its line); the indicator is escaped here, the line by its
    maker. Everything is escaped: it is page HTML."""
    items = "".join(f"<dt>{html.escape(term)}</dt><dd>{regel}</dd>" for term, regel in regels)
    return f'<div class="wk-cijfers" role="region" aria-label="{html.escape(naam)}"><dl>{items}</dl></div>'
