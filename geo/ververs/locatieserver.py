"""Geocode an address inside one gemeente with the PDOK Locatieserver (``free`` endpoint).

Service: ``https://api.pdok.nl/bzk/locatieserver/search/v3_1/free``.

What was verified, and where (stored copies read with the search tool, not the live service):

- The URL: many public projects call exactly this endpoint.
- Parameters ``q`` (search text), ``fq`` (Solr filter query, e.g. ``type:adres``; filters combine
  with ``AND`` in one ``fq``), ``rows`` and ``fl`` (fields to return): the RijksICTGilde
  "Handleiding Locatieserver" (chapter *free*) and PDOK's Locatieserver wiki.
- The answer ``{"response": {"numFound", "start", "maxScore", "docs": [...]}}`` with per doc
  ``type``, ``weergavenaam``, ``score`` and ``centroide_ll`` as WKT ``POINT(lon lat)`` in WGS 84
  (handleiding; PDOK's introduction page).
- ``gemeentecode`` of an address is the four digits without "GM" (``"0363"`` for Amsterdam) in
  public test data and in a documented call ``fl=gemeentecode,gemeentenaam``.
- The handleiding notes that the Locatieserver ignores punctuation; characters with a meaning in
  Solr's query syntax are therefore replaced by spaces, so an address can never act as a query.

The gemeente is filtered by the service (``fq``), so its best address is found even where another
gemeente has a better-scoring one, and checked again here: a hit of another type or gemeente is
``None``, never a guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from geo.boundaries import GEMEENTECODE
from geo.ververs.web import PDOK_HOST, Bronvermelding, Ophaler, VerversFout

FREE = f"https://{PDOK_HOST}/bzk/locatieserver/search/v3_1/free"
VELDEN = "weergavenaam,type,score,centroide_ll,gemeentecode"
LICENTIE = "CC0 1.0 (BAG)"

_PUNT = re.compile(r"POINT\(\s*(-?\d+(?:\.\d+)?)\s+(-?\d+(?:\.\d+)?)\s*\)")
_SOLR_TEKENS = re.compile(r'[+\-!(){}\[\]^"~*?:\\/&|]')


@dataclass(frozen=True)
class Treffer:
    """The address the Locatieserver found: its centre in WGS 84 and how PDOK writes it."""

    lon: float
    lat: float
    weergavenaam: str
    score: float


def herkomst_geocodering() -> Bronvermelding:
    """The provenance of :func:`geocodeer`."""
    return Bronvermelding(wat="PDOK Locatieserver (adressen uit de BAG)", url=FREE, tabel="", licentie=LICENTIE)


def geocodeer(ophaler: Ophaler, adres: str, gemeentecode: str) -> tuple[Treffer | None, Bronvermelding]:
    """The best address-type hit for ``adres`` inside ``gemeentecode`` (or None), and its source."""
    if not GEMEENTECODE.match(gemeentecode):
        raise VerversFout(f"Ongeldige gemeentecode {gemeentecode!r}: verwacht GM gevolgd door vier cijfers.")
    return _zoek(ophaler, " ".join(_SOLR_TEKENS.sub(" ", adres).split()), gemeentecode[2:]), herkomst_geocodering()


def _zoek(ophaler: Ophaler, zoekterm: str, nummer: str) -> Treffer | None:
    """One request for the best address in gemeente ``nummer``; the answer's doc is checked again."""
    if not zoekterm:
        return None
    antwoord = ophaler.json(FREE, {"q": zoekterm, "fq": f"type:adres AND gemeentecode:{nummer}", "rows": "1",
                                   "fl": VELDEN})
    inhoud = antwoord.get("response") if isinstance(antwoord, dict) else None
    docs = inhoud.get("docs") if isinstance(inhoud, dict) else None
    if not isinstance(docs, list):
        raise VerversFout(f"Het antwoord van de PDOK Locatieserver op {zoekterm!r} heeft geen lijst met resultaten.")
    for doc in docs:
        if doc.get("type") == "adres" and str(doc.get("gemeentecode", "")).removeprefix("GM") == nummer:
            return _treffer(doc, zoekterm)
    return None


def _treffer(doc: dict, zoekterm: str) -> Treffer:
    """The hit as a :class:`Treffer`; a doc without a point or a score is an error, not a hit."""
    punt = _PUNT.fullmatch(str(doc.get("centroide_ll", "")).strip())
    score = doc.get("score")
    if punt is None or isinstance(score, bool) or not isinstance(score, int | float):
        raise VerversFout(f"De PDOK Locatieserver gaf voor {zoekterm!r} een adres zonder punt (centroide_ll) of score.")
    return Treffer(lon=float(punt[1]), lat=float(punt[2]), weergavenaam=str(doc.get("weergavenaam", "")),
                   score=float(score))
