"""What an actie or overlastmelding entered by the wijkteam must satisfy, before it is stored.

One set of rules for the forms and for every import format, so a row that a form refuses is
refused by an import too, with the same Dutch reason. Text is kept literally (also ``<script>``):
it is escaped where it is shown, never stripped here, so nothing the user typed is lost.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date

from geo.boundaries import Grenzen
from geo.schema import OPGAVEN, STATUSSEN, split_lijst

SOORT_ACTIE = "actie"
SOORT_HOTSPOT = "hotspot"
SOORTEN = (SOORT_ACTIE, SOORT_HOTSPOT)
TABEL = {SOORT_ACTIE: "acties", SOORT_HOTSPOT: "hotspots"}

# The fields a user edits, per soort, in form order. Location is gebiedscode or lon/lat.
# A source is given as ids of the programme's source list (``bron``), in words
# (``bron_omschrijving``), or both; a melding has a date, or a period when it has no single date.
VELDEN: dict[str, tuple[str, ...]] = {
    SOORT_ACTIE: ("naam", "opgave", "status", "jaar", "partners", "omschrijving", "gebiedscode", "lon", "lat",
                  "bron", "bron_omschrijving", "opmerking"),
    SOORT_HOTSPOT: ("thema", "datum", "periode", "omschrijving", "gebiedscode", "lon", "lat", "bron",
                    "bron_omschrijving", "opmerking"),
}
VERPLICHT: dict[str, tuple[str, ...]] = {
    SOORT_ACTIE: ("naam", "opgave", "status", "jaar"),
    SOORT_HOTSPOT: ("thema",),
}
VELDNAAM = {
    "naam": "naam", "opgave": "opgave", "status": "status", "jaar": "jaar of jaren", "partners": "partners",
    "omschrijving": "omschrijving", "gebiedscode": "gebied", "lon": "lengtegraad", "lat": "breedtegraad",
    "bron": "bron-id's uit de bronnenlijst", "bron_omschrijving": "bron in woorden", "opmerking": "opmerking",
    "thema": "soort overlast", "datum": "datum", "periode": "periode",
}
MAX_LENGTE = {"omschrijving": 2000, "opmerking": 1000, "partners": 500}
STANDAARD_MAX_LENGTE = 200

JAAR = re.compile(r"^(\d{4})(?:-(\d{4}))?$")  # "2022" or "2022-2025"
# How people type a range of years, and how the app itself shows one ("2022–2025", en dash)
_JAREN_GETYPT = re.compile(r"^(\d{4})\s*[-\u2013\u2014]\s*(\d{4})$")
# Years an item may have: the programme runs 2021-2041, so anything far outside is a typo (and a
# typo like 0224 would stretch the Kaart's period slider over eighteen centuries).
MIN_JAAR, MAX_JAAR = 2000, 2050
_DATUM = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_STUURTEKENS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class Gebiedscontext:
    """What validation needs to know of the map: the area codes and the buurt polygons."""

    gebiedscodes: frozenset[str]
    bronnen: frozenset[str]  # ids of the programme's source list (data/programma/bronnen.csv)
    grenzen: Grenzen

    def buurt_bij(self, lon: float, lat: float) -> str | None:
        """The buurt containing a WGS84 point, or None when it lies outside the gemeente."""
        return self.grenzen.buurt_op_punt(lon, lat)


def getal(tekst: str) -> float | None:
    """A finite number from text with a decimal point or comma (4,412 or 4.412), else None."""
    try:
        waarde = float(tekst.replace(",", "."))
    except ValueError:
        return None
    return waarde if math.isfinite(waarde) else None


def _tekst(waarde: object) -> str:
    """A cell as trimmed text; empty for missing values (None, NaN) from any import format."""
    if waarde is None or (isinstance(waarde, float) and math.isnan(waarde)):
        return ""
    if isinstance(waarde, float) and waarde.is_integer():
        return str(int(waarde))
    if isinstance(waarde, date):
        return waarde.isoformat()[:10]
    return str(waarde).strip()


def valideer(soort: str, invoer: dict[str, object], context: Gebiedscontext, vandaag: date) -> tuple[dict[str, str], list[str]]:
    """Clean one row and list every reason it cannot be stored (Dutch, one sentence each).

    A location is either an area (gebiedscode) or a point (lon/lat in WGS84) inside the gemeente;
    a point also fills in the buurt that contains it, so area filters and profiles include it.
    """
    rij = {veld: _tekst(invoer.get(veld)) for veld in VELDEN[soort]}
    for veld in ("jaar", "periode"):  # one stored form: "2022-2025"
        if veld in rij:
            rij[veld] = _JAREN_GETYPT.sub(r"\1-\2", rij[veld])
    fouten = [f"{VELDNAAM[v]} ontbreekt" for v in VERPLICHT[soort] if not rij[v]]
    if not rij["bron"] and not rij["bron_omschrijving"]:
        fouten.append("bron ontbreekt: noem in 'bron in woorden' wie het meldde of uit welk document het komt")
    fouten += [f"onbekende bron {b!r} (niet in de bronnenlijst)" for b in split_lijst(rij["bron"]) if b not in context.bronnen]
    for veld, waarde in rij.items():
        if len(waarde) > MAX_LENGTE.get(veld, STANDAARD_MAX_LENGTE):
            fouten.append(f"{VELDNAAM[veld]} is langer dan {MAX_LENGTE.get(veld, STANDAARD_MAX_LENGTE)} tekens")
        if _STUURTEKENS.search(waarde):
            fouten.append(f"{VELDNAAM[veld]} bevat onzichtbare stuurtekens")
    if soort == SOORT_ACTIE:
        if rij["opgave"] and rij["opgave"] not in OPGAVEN:
            fouten.append(f"opgave moet een van {', '.join(OPGAVEN)} zijn")
        if rij["status"] and rij["status"] not in STATUSSEN:
            fouten.append(f"status moet {' of '.join(STATUSSEN)} zijn")
        fouten += _periodefouten(rij["jaar"])
    else:
        datumfouten = _datumfouten(rij, vandaag)
        fouten += datumfouten + _periodefouten(rij["periode"])
        if not rij["datum"] and not rij["periode"]:
            fouten.append("datum ontbreekt (of, als er geen datum is, een periode)")
        if rij["datum"] and not datumfouten:  # a date decides the period, also after a change of date
            rij["periode"] = rij["datum"][:4]
    fouten += _locatiefouten(rij, context)
    return rij, fouten


def _periodefouten(tekst: str) -> list[str]:
    jaar = JAAR.match(tekst)
    if tekst and (not jaar or (jaar.group(2) and jaar.group(2) < jaar.group(1))):
        return ["periode moet een jaartal (2022) of een reeks jaren (2022-2025) zijn"]
    if jaar and not all(MIN_JAAR <= int(j) <= MAX_JAAR for j in jaar.groups() if j):
        return [f"periode moet tussen {MIN_JAAR} en {MAX_JAAR} liggen"]
    return []


def _datumfouten(rij: dict[str, str], vandaag: date) -> list[str]:
    """Only JJJJ-MM-DD (or a spreadsheet date cell) is a date, so every stored date has one form."""
    tekst = rij["datum"]
    if not tekst:
        return []
    try:
        datum = date.fromisoformat(tekst) if _DATUM.match(tekst) else None
    except ValueError:
        datum = None
    if datum is None:
        return [f"datum {tekst!r} is geen datum in de vorm JJJJ-MM-DD"]
    if datum.year < MIN_JAAR:
        return [f"datum ligt voor {MIN_JAAR}"]
    return ["datum ligt in de toekomst"] if datum > vandaag else []


def _locatiefouten(rij: dict[str, str], context: Gebiedscontext) -> list[str]:
    """Fills ``gebiedscode`` from a point; refuses points outside the gemeente."""
    if not rij["lon"] and not rij["lat"]:
        if not rij["gebiedscode"]:
            return ["locatie ontbreekt: kies een gebied of een punt op de kaart"]
        return [] if rij["gebiedscode"] in context.gebiedscodes else [f"onbekend gebied {rij['gebiedscode']!r}"]
    punt, fouten = valideer_punt(rij["lon"], rij["lat"], context)
    if punt is not None:
        rij.update(lon=punt[0], lat=punt[1], gebiedscode=punt[2])
    return fouten


def valideer_punt(lon: str, lat: str, context: Gebiedscontext) -> tuple[tuple[str, str, str] | None, list[str]]:
    """A typed or clicked point as (lon, lat, buurtcode) text, or the Dutch reasons it is refused."""
    x, y = getal(_tekst(lon)), getal(_tekst(lat))
    if x is None or y is None:
        return None, ["lengtegraad en breedtegraad moeten allebei een getal zijn"]
    buurt = context.buurt_bij(x, y)
    if buurt is None:
        return None, [f"het punt ({y:.5f}, {x:.5f}) ligt buiten de gemeente"]
    return (f"{x:.6f}", f"{y:.6f}", buurt), []
