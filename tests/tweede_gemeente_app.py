"""Open every reading page of the app on the configuration in ``$WIJKKAART_CONFIG`` and print
what a visitor sees as JSON on stdout. tests/test_tweede_gemeente.py runs it as
``python -m tests.tweede_gemeente_app`` from the repository root.

Why a script of its own: :mod:`geo.configuratie` reads the configuration once at import, so a
second gemeente can only be tried in a fresh process with its own environment
(``$WIJKKAART_CONFIG`` and a private ``$WIJKKAART_OPSLAG``). The script only reports; the test
decides what is wrong, so a failure shows the page, the text and the traceback together.

Output: ``{"paginas": {titel: {"teksten": [...], "uitzonderingen": [...], ...}}, "config": path}``.
"""

from __future__ import annotations

import base64
import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd
from streamlit.testing.v1 import AppTest
from streamlit.testing.v1.element_tree import Block, Element, Widget

from app import settings as s
from geo.configuratie import CONFIG

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "streamlit_app.py"
TIMEOUT = 60
MAX_DIAS = 20  # more steps than any configuration has opgaven plus intro and end
MEERJARIG = "bevolkingsdichtheid"  # a CBS figure the fixture gives for both snapshot years
# Proto fields that hold what a reader sees or hears (labels, help, alt texts, options, values).
TEKSTVELDEN = ("label", "body", "help", "placeholder", "options", "default", "value", "caption", "text", "icon")
# Images drawn by the app (SVG charts and maps) carry their words inside a base64 data URI.
SVG_DATA_URI = re.compile(r"data:image/svg\+xml;base64,([A-Za-z0-9+/=]+)")


def _tabeltekst(tabel: pd.DataFrame) -> list[str]:
    """Every cell, column and index label of a table, as text."""
    namen = [str(n) for n in (*tabel.columns, *tabel.index, tabel.index.name, tabel.columns.name) if n is not None]
    return namen + [str(v) for v in tabel.astype(str).to_numpy().ravel()]


def _met_svg(tekst: str) -> list[str]:
    """The text, plus the decoded SVG of every image it embeds (chart labels are visible words)."""
    return [tekst, *(base64.b64decode(m).decode("utf-8", "replace") for m in SVG_DATA_URI.findall(tekst))]


def _prototeksten(proto: Any) -> Iterator[str]:
    """The reader-facing string fields of one element's proto message."""
    if not hasattr(proto, "ListFields"):
        return
    for veld, waarde in proto.ListFields():
        if veld.name not in TEKSTVELDEN and veld.name != "json_args":
            continue
        waarden = waarde if isinstance(waarde, (list, tuple)) or hasattr(waarde, "extend") else [waarde]
        for w in waarden:
            if isinstance(w, str):
                yield from _met_svg(w)
            elif hasattr(w, "ListFields"):
                yield from _prototeksten(w)


def _elementteksten(element: Element) -> Iterator[str]:
    yield from _prototeksten(element.proto)
    try:
        waarde = element.value
    except Exception:  # some elements have no readable value outside a browser
        return
    if isinstance(waarde, pd.DataFrame):
        yield from _tabeltekst(waarde)
    elif isinstance(waarde, str):
        yield from _met_svg(waarde)
    elif isinstance(waarde, (list, tuple)):
        yield from (str(w) for w in waarde)
    elif waarde is not None and not isinstance(waarde, bool):
        yield str(waarde)
    opties = getattr(element, "options", None) if isinstance(element, Widget) else None
    if isinstance(opties, (list, tuple)):
        yield from (str(o) for o in opties)


def teksten(knoop: Block | Element) -> Iterator[str]:
    """All visible text under a node of the AppTest tree: main area and sidebar, every element."""
    if isinstance(knoop, Block):
        label = getattr(knoop, "label", None)
        if isinstance(label, str) and label:
            yield label
        for kind in knoop.children.values():
            yield from teksten(kind)
    else:
        yield from _elementteksten(knoop)


def _open(pagina: s.Pagina) -> AppTest:
    """The page reached as a visitor does: the router first, then the page."""
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT).run()
    return at if pagina is s.PAGINA_KAART else at.switch_page(pagina.bestand).run()


def _verslag(at: AppTest) -> dict[str, Any]:
    return {
        "teksten": list(dict.fromkeys(t for t in teksten(at._tree) if t.strip())),  # a proto and its value repeat
        "uitzonderingen": [f"{e.value}\n" + "\n".join(e.stack_trace) for e in at.exception],
        "selectbox_labels": [w.label for w in at.selectbox],
        "text_input_labels": [w.label for w in at.text_input],
        "knoppen": [b.label for b in at.button],
    }


def _kaart_met_peiljaar(at: AppTest) -> dict[str, Any]:
    """The Kaart page coloured by a CBS figure of both snapshot years, then the older year chosen:
    the year choice appears only for an indicator with figures of several years."""
    at.selectbox(key="kaart_indicator").set_value(MEERJARIG).run()
    verslag = _verslag(at)
    jaren = [w for w in at.selectbox if w.label == s.LABEL_PEILJAAR]
    verslag["peiljaren"] = list(jaren[0].options) if jaren else []
    if jaren and not at.exception:
        jaren[0].set_value(min(int(o) for o in jaren[0].options)).run()
        ouder = _verslag(at)
        verslag["teksten"] += ouder["teksten"]
        verslag["uitzonderingen"] += ouder["uitzonderingen"]
    return verslag


def _alle_dias(at: AppTest) -> dict[str, Any]:
    """The presentation step by step ("Volgende" until it is disabled): each step has its own text."""
    verslag = _verslag(at)
    for _ in range(MAX_DIAS):
        knop = next((b for b in at.button if b.key == "dia_volgende"), None)
        if knop is None or knop.disabled or at.exception:
            break
        knop.click().run()
        volgende = _verslag(at)
        verslag["teksten"] += volgende["teksten"]
        verslag["uitzonderingen"] += volgende["uitzonderingen"]
    return verslag


def main() -> None:
    paginas: dict[str, dict[str, Any]] = {}
    for pagina in s.PAGINAS:
        at = _open(pagina)
        paginas[pagina.titel] = _alle_dias(at) if pagina is s.PAGINA_PRESENTATIE else _verslag(at)
        if pagina is s.PAGINA_KAART and not at.exception:
            paginas[f"{pagina.titel} (peiljaar)"] = _kaart_met_peiljaar(at)
    # One editing page: without a login it must show only its login form.
    paginas[s.PAGINA_BEHEER_ACTIES.titel] = _verslag(_open(s.PAGINA_BEHEER_ACTIES))
    json.dump({"config": str(CONFIG.bestand), "paginas": paginas}, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
