"""Dutch number formatting, and "onbekend" for missing figures (never 0)."""

from __future__ import annotations

import html
import re

import pandas as pd

from geo.getallen import getal_tekst
from geo.schema import ONBEKEND


def waarde_tekst(waarde: float | None, eenheid: str, kwalificatie: str = "") -> str:
    """A figure with its unit: '42 %', 'ruim 2.000 huishoudens', 'onbekend'."""
    getal = getal_tekst(waarde)
    if getal == ONBEKEND:
        return getal
    voor = f"{kwalificatie} " if kwalificatie else ""
    return f"{voor}{getal} {eenheid}".strip()


def korte_waarde(waarde: float | None, eenheid: str, kwalificatie: str = "") -> str:
    """A figure without its unit where a header or label already gives it; '%' stays ('42 %')."""
    return waarde_tekst(waarde, "%" if eenheid == "%" else "", kwalificatie)


def verloop_tekst(reeks: pd.Series, eenheid: str) -> str:
    """'2023: 5.370; 2024: 5.380 (+10)' for a figure with more than one reference year, else ''.
    (No arrow: the PDF font lacks it.)"""
    if len(reeks) < 2:
        return ""
    stappen = "; ".join(f"{jaar}: {korte_waarde(w, eenheid)}" for jaar, w in reeks.items())
    verschil = round(float(reeks.iloc[-1] - reeks.iloc[0]), 2)
    return f"{stappen} ({'+' if verschil > 0 else ''}{getal_tekst(verschil)})"


def verandering_tekst(reeks: pd.Series) -> str:
    """'+2 sinds 2023' for a table cell, '' with fewer than two years."""
    if len(reeks) < 2:
        return ""
    verschil = round(float(reeks.iloc[-1] - reeks.iloc[0]), 2)
    return f"{'+' if verschil > 0 else ''}{getal_tekst(verschil)} sinds {reeks.index[0]}"


_MARKDOWN_TEKENS = re.compile(r"([\\`*_\[\]<>#|~$:])")
_LIJST_BEGIN = re.compile(r"^(\s*(?:\d+)?)([-+.)])(?=\s|$)")


def markdown_veilig(tekst: str) -> str:
    """Text that Streamlit's markdown shows literally (warnings, headers, table cells, labels).

    Why: Streamlit renders markdown there, so a value from a URL or a data file could otherwise
    become a link, an image that loads from the internet, LaTeX or an icon. The signs that start
    such constructs are escaped, and so is a list marker at the start; a line break becomes a space.
    """
    zichtbaar = "".join(t if t.isprintable() else " " for t in tekst)
    return _LIJST_BEGIN.sub(r"\1\\\2", _MARKDOWN_TEKENS.sub(r"\\\1", zichtbaar), count=1)


def veilige_tabel(tabel: pd.DataFrame) -> pd.DataFrame:
    """A copy of a display table whose text cells and index are :func:`markdown_veilig`."""
    def veilig(waarde: object) -> object:
        return markdown_veilig(waarde) if isinstance(waarde, str) else waarde

    uit = tabel.map(veilig)
    uit.index = uit.index.map(veilig)
    return uit


_JS_TEKENS = str.maketrans({"$": "&#36;", "`": "&#96;", "\\": "&#92;"})


def html_veilig(tekst: str) -> str:
    """Text for HTML that folium puts on the map: escaped as HTML, and also ``$``, backtick and
    backslash, because folium places popup HTML inside a JavaScript template literal, where
    ``${...}`` would run as code (an e2e test found ``${7*7}`` shown as 49)."""
    return html.escape(tekst).translate(_JS_TEKENS)
