"""Shareable views: a page's choices live in the URL query, so a copied link opens the same view.

Every URL value is only ever looked up in a table of allowed values (never evaluated, parsed as
code or unpickled); anything else gives a short Dutch notice and the default for that choice.
``lees`` and ``als_query`` are pure so they are tested without a running app.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import streamlit as st

from app.formats import markdown_veilig

MAX_LENGTE = 500  # longer than any valid value; a longer one is refused unread
LAATSTE_PAGINA = "_url_laatste_pagina"  # session key: the page that read the URL last
MELDINGEN = "_url_meldingen"  # session key: the notices about that page's link


@dataclass(frozen=True)
class Parameter:
    """One URL parameter bound to one widget.

    ``waarden`` maps the URL text to the widget value and is the whole set of allowed values;
    ``meervoud`` parameters are comma-separated lists (an opgave filter).
    """

    naam: str
    widget_key: str
    waarden: Mapping[str, Any]
    standaard: Any
    omschrijving: str
    meervoud: bool = False
    # Left out of the link while it has its default: a default that moves with the data (all
    # years up to now) must not be frozen into a bookmark.
    alleen_als_gekozen: bool = False
    aliassen: tuple[str, ...] = ()  # other names a link may use (?buurt= for an area code); written as ``naam``
    lidwoord: str = "de"  # of ``omschrijving``: "het peiljaar" makes "een onbekend peiljaar"


def lees(query: Mapping[str, str], parameters: Sequence[Parameter]) -> tuple[dict[str, Any], list[str]]:
    """Widget values for the valid parameters, and a notice for every invalid or unknown one.
    Values match regardless of case: a code typed by hand in lower case still opens its area."""
    bekend = {naam: p for p in parameters for naam in (p.naam, *p.aliassen)}
    waarden: dict[str, Any] = {}
    meldingen = [f"De link bevat een onbekende instelling '{_kort(k)}'; die is genegeerd." for k in query if k not in bekend]
    for naam, tekst in query.items():
        p = bekend.get(naam)
        if p is None:
            continue
        delen = [d for d in tekst.split(",") if d] if p.meervoud else [tekst]
        sleutels = {k.casefold(): k for k in p.waarden}
        fout = [d for d in delen if d.casefold() not in sleutels]
        if len(tekst) > MAX_LENGTE or fout:
            onjuist = fout[0] if fout else tekst
            onbekend = "onbekend" if p.lidwoord == "het" else "onbekende"
            meldingen.append(f"De link bevat een {onbekend} {p.omschrijving} '{_kort(onjuist)}'; de standaardkeuze wordt getoond.")
            continue
        gekozen = [p.waarden[sleutels[d.casefold()]] for d in dict.fromkeys(delen)]
        waarden[p.widget_key] = gekozen if p.meervoud else gekozen[0]
    return waarden, meldingen


def als_query(staat: Mapping[str, Any], parameters: Sequence[Parameter]) -> dict[str, str]:
    """The URL query for the current widget values (values without a URL form are left out)."""
    query = {}
    for p in parameters:
        waarde = staat.get(p.widget_key)
        if p.alleen_als_gekozen and waarde == p.standaard:
            continue
        terug = {v: k for k, v in p.waarden.items()}
        if p.meervoud and isinstance(waarde, list | tuple):
            query[p.naam] = ",".join(terug[v] for v in waarde if v in terug)
        elif not p.meervoud and waarde in terug:
            query[p.naam] = terug[waarde]
    return query


def _kort(tekst: str) -> str:
    return tekst[:40] + ("…" if len(tekst) > 40 else "")


def herstel(pagina: str, parameters: Sequence[Parameter]) -> None:
    """Before the widgets: take the choices from the link when the page is entered.

    Only on entering the page (a new tab, a shared link, a page link with parameters): later
    reruns of the same page may carry a query string the browser has not yet updated, and
    applying that would undo the user's last click. Every page calls this (with no parameters
    if it has none), so leaving and re-entering a page always counts as entering. Widgets get
    their value only through session state, so a link's value and a default never compete.
    Invalid values are reported on the page until it is left (the Kaart reruns right after its
    first draw, so a notice shown only once would flash away).
    """
    if st.session_state.get(LAATSTE_PAGINA) != pagina:
        st.session_state[LAATSTE_PAGINA] = pagina
        waarden, st.session_state[MELDINGEN] = lees(st.query_params.to_dict(), parameters)
        for p in parameters:
            st.session_state[p.widget_key] = waarden.get(p.widget_key, p.standaard)
    for melding in st.session_state.get(MELDINGEN, []):
        st.warning(markdown_veilig(melding))
    for p in parameters:
        st.session_state.setdefault(p.widget_key, p.standaard)


def bewaar(parameters: Sequence[Parameter]) -> None:
    """After the widgets: write the current choices into the URL (no rerun, no history entry)."""
    query = als_query(st.session_state, parameters)
    if st.query_params.to_dict() != query:
        st.query_params.from_dict(query)
