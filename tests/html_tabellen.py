"""Read the page's own HTML back in AppTest: its tables (app/html_tabel.py) as DataFrames, as AppTest
reads st.table, and the legend."""

from __future__ import annotations

from html.parser import HTMLParser

import pandas as pd
from streamlit.testing.v1 import AppTest


class _Lezer(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tabellen: list[list[list[str]]] = []
        self._cel: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag == "table":
            self.tabellen.append([])
        elif tag == "tr":
            self.tabellen[-1].append([])
        elif tag in ("th", "td"):
            self._cel = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("th", "td") and self._cel is not None:
            self.tabellen[-1][-1].append("".join(self._cel))
            self._cel = None

    def handle_data(self, data: str) -> None:
        if self._cel is not None:
            self._cel.append(data)


def lees(body: str) -> list[pd.DataFrame]:
    """Every table in ``body``: first row the column headers, first column the index; cell texts
    as the browser shows them (entities decoded)."""
    lezer = _Lezer()
    lezer.feed(body)
    uit = []
    for kop, *rijen in lezer.tabellen:
        frame = pd.DataFrame([r[1:] for r in rijen], columns=kop[1:], index=[r[0] for r in rijen])
        frame.index.name = kop[0]
        uit.append(frame)
    return uit


class _Lijstlezer(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.items: dict[str, str] = {}
        self._term = ""
        self._in: str | None = None
        self._tekst: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in ("dt", "dd"):
            self._in, self._tekst = tag, []

    def handle_endtag(self, tag: str) -> None:
        if tag == "dt":
            self._term = "".join(self._tekst)
        elif tag == "dd":
            self.items[self._term] = "".join(self._tekst)
        self._in = None if tag in ("dt", "dd") else self._in

    def handle_data(self, data: str) -> None:
        if self._in:
            self._tekst.append(data)


def lees_lijst(body: str) -> dict[str, str]:
    """A definition list in ``body`` (the buurt panel's figures): term -> its text, as the browser
    shows it (entities decoded, tags dropped)."""
    lezer = _Lijstlezer()
    lezer.feed(body)
    return lezer.items


def cijferlijst(at: AppTest, naam: str) -> dict[str, str]:
    """A list of the buurt panel (app/area_panel.py) whose name starts with ``naam``."""
    return lees_lijst(next(blok.proto.body for blok in at.get("html") if f'aria-label="{naam}' in blok.proto.body))


def html_tabellen(at: AppTest) -> list[pd.DataFrame]:
    """Every HTML table on the page."""
    return [t for blok in at.get("html") for t in lees(blok.proto.body)]


def legenda_html(at: AppTest) -> str:
    """The Kaart's legend (app/legend.py): the st.html block that carries it."""
    return next(blok.proto.body for blok in at.get("html") if "wk-legenda" in blok.proto.body)
