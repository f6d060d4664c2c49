"""Timeline, governance, budget and partners of Sterk voor Noord: load and validate.

Every row names its sources. A date keeps the precision its source gives (a year, a month or a
day), so the display never suggests a day that no source states; a year that was worked out
rather than read is marked ``zekerheid = afgeleid`` with the reason in ``opmerking``.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from geo.configuratie import CONFIG
from geo.schema import OPGAVEN, DataFout, lees_csv, split_lijst

MAP = CONFIG.programma_map

SOORTEN: tuple[str, ...] = ("voorbereiding", "besluit", "bijeenkomst", "uitvoering", "mijlpaal")
# bron: the source states it happened; afgeleid: a year worked out (reason in opmerking);
# gepland: the source (spring 2022) gives it as a plan, not as something that took place.
ZEKERHEDEN: tuple[str, ...] = ("bron", "afgeleid", "gepland")
MAANDEN: tuple[str, ...] = (
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
)

KOLOMMEN = {
    "tijdlijn": ("start", "eind", "titel", "soort", "opgave", "bron", "zekerheid", "opmerking"),
    "organisatie": ("orgaan", "samenstelling", "bron"),
    "budget": ("onderdeel", "opgave", "bedrag", "eenheid", "periode", "bron", "opmerking"),
    "partners": ("partner", "rol", "bron"),
}
# Columns that together must be unique per file, so a row pasted twice is caught.
SLEUTELS = {
    "tijdlijn": ("start", "titel"),
    "organisatie": ("orgaan",),
    "budget": ("onderdeel",),
    "partners": ("partner",),
}
# Columns that may not be empty.
VERPLICHT = {
    "tijdlijn": ("start", "titel", "soort", "bron", "zekerheid"),
    "organisatie": ("orgaan", "samenstelling", "bron"),
    "budget": ("onderdeel", "bedrag", "eenheid", "bron"),
    "partners": ("partner", "rol", "bron"),
}

_DATUM = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@dataclass(frozen=True)
class Tijdlijnbestanden:
    tijdlijn: Path = MAP / "tijdlijn.csv"
    organisatie: Path = MAP / "organisatie.csv"
    budget: Path = MAP / "budget.csv"
    partners: Path = MAP / "partners.csv"


@dataclass(frozen=True)
class Datum:
    """A date at the precision its source gives: the whole period it may mean, and how to say it."""

    begin: pd.Timestamp  # first day of the year, month or day
    einde: pd.Timestamp  # last day of the year, month or day
    tekst: str  # Dutch: "2041", "september 2020", "15 juni 2022"


@dataclass(frozen=True)
class Tijdlijn:
    """Validated tables; every one has ``bron_tekst`` (source titles), events are sorted by ``begin``."""

    gebeurtenissen: pd.DataFrame
    organisatie: pd.DataFrame
    budget: pd.DataFrame
    partners: pd.DataFrame


def lees_datum(waarde: str) -> Datum:
    """Parse YYYY, YYYY-MM or YYYY-MM-DD; raises ValueError with a Dutch reason otherwise."""
    gevonden = _DATUM.match(waarde.strip())
    if not gevonden:
        raise ValueError(f"datum {waarde!r} is geen JJJJ, JJJJ-MM of JJJJ-MM-DD")
    jaar, maand, dag = (int(d) if d else None for d in gevonden.groups())
    try:
        begin = pd.Timestamp(dt.date(jaar, maand or 1, dag or 1))
    except ValueError:
        raise ValueError(f"datum {waarde!r} bestaat niet") from None
    if dag:
        return Datum(begin, begin, f"{dag} {MAANDEN[maand - 1]} {jaar}")
    if maand:
        return Datum(begin, begin + pd.offsets.MonthEnd(0), f"{MAANDEN[maand - 1]} {jaar}")
    return Datum(begin, pd.Timestamp(dt.date(jaar, 12, 31)), str(jaar))


def laad_tijdlijn(bronnen: pd.DataFrame, bestanden: Tijdlijnbestanden = Tijdlijnbestanden()) -> Tijdlijn:
    """Load and validate the four files; ``bronnen`` is the validated bronnen table of the programme.

    Raises :class:`geo.schema.DataFout` naming the file and the rows that break a rule.
    """
    titels = dict(zip(bronnen["bron"], bronnen["titel"], strict=True))
    tabellen = {}
    for soort in KOLOMMEN:
        pad = getattr(bestanden, soort)
        tabel = _lees(pad, soort)
        fouten = _controleer_algemeen(tabel, soort, titels)
        if soort == "tijdlijn":
            tabel, extra = _met_datums(tabel)
            fouten += extra
        elif soort == "budget":
            tabel, extra = _met_bedragen(tabel)
            fouten += extra
        if fouten:
            raise DataFout(pad, "; ".join(fouten[:10]))
        tabellen[soort] = tabel.assign(
            bron_tekst=["; ".join(titels[b] for b in split_lijst(v)) for v in tabel["bron"]]
        )
    gebeurtenissen = tabellen["tijdlijn"].sort_values(["begin", "einde"], kind="stable").reset_index(drop=True)
    return Tijdlijn(gebeurtenissen, tabellen["organisatie"], tabellen["budget"], tabellen["partners"])


def _lees(pad: Path, soort: str) -> pd.DataFrame:
    tabel = lees_csv(pad, KOLOMMEN[soort]).apply(lambda kolom: kolom.str.strip())
    dubbel = tabel.duplicated(list(SLEUTELS[soort]), keep="first")
    if dubbel.any():
        rijen = ", ".join(str(i + 2) for i in tabel.index[dubbel])
        raise DataFout(pad, f"rij {rijen}: dubbele {' + '.join(SLEUTELS[soort])}")
    return tabel


def _controleer_algemeen(tabel: pd.DataFrame, soort: str, titels: dict[str, str]) -> list[str]:
    """Rules shared by the four files: filled-in columns, known opgave and known sources."""
    fouten = []
    for rij, r in enumerate(tabel.to_dict("records"), start=2):
        fouten += [f"rij {rij}: {k} ontbreekt" for k in VERPLICHT[soort] if not r[k]]
        if "opgave" in r and r["opgave"] and r["opgave"] not in OPGAVEN:
            fouten.append(f"rij {rij}: onbekende opgave {r['opgave']!r} (leeg of {', '.join(OPGAVEN)})")
        fouten += [f"rij {rij}: onbekende bron {b!r}" for b in split_lijst(r["bron"]) if b not in titels]
        if soort == "tijdlijn":
            if r["soort"] and r["soort"] not in SOORTEN:
                fouten.append(f"rij {rij}: soort {r['soort']!r} moet {', '.join(SOORTEN)} zijn")
            if r["zekerheid"] and r["zekerheid"] not in ZEKERHEDEN:
                fouten.append(f"rij {rij}: zekerheid {r['zekerheid']!r} moet {' of '.join(ZEKERHEDEN)} zijn")
            if r["zekerheid"] == "afgeleid" and not r["opmerking"]:
                fouten.append(f"rij {rij}: afgeleide datum zonder reden in opmerking")
    return fouten


def _met_datums(tabel: pd.DataFrame) -> tuple[pd.DataFrame, list[str]]:
    """Add ``begin``, ``einde`` and ``datum_tekst``; a range runs from the start of ``start`` to
    the end of ``eind``, a single moment covers its own year, month or day."""
    fouten, begin, einde, tekst = [], [], [], []
    for rij, r in enumerate(tabel.to_dict("records"), start=2):
        if not r["start"]:
            continue  # already reported as missing
        try:
            van = lees_datum(r["start"])
            tot = lees_datum(r["eind"]) if r["eind"] else None
        except ValueError as fout:
            fouten.append(f"rij {rij}: {fout}")
            continue
        if tot is not None and (tot.begin < van.begin or tot.einde < van.einde):
            fouten.append(f"rij {rij}: eind {r['eind']} ligt voor start {r['start']}")
        elif tot is not None and tot == van:
            fouten.append(f"rij {rij}: eind is gelijk aan start; laat eind leeg voor één moment")
        begin.append(van.begin)
        einde.append(tot.einde if tot else van.einde)
        tekst.append(f"{van.tekst} – {tot.tekst}" if tot else van.tekst)
    if fouten:
        return tabel, fouten
    return tabel.assign(begin=pd.to_datetime(begin), einde=pd.to_datetime(einde), datum_tekst=tekst), fouten


def _met_bedragen(tabel: pd.DataFrame) -> tuple[pd.DataFrame, list[str]]:
    """``bedrag`` as a number in euros: finite and not negative ("8800000", not "8,8 mln")."""
    fouten, bedragen = [], []
    for rij, waarde in enumerate(tabel["bedrag"], start=2):
        try:
            bedrag = float(waarde)
        except ValueError:
            bedrag = math.nan
        if not waarde:
            pass  # already reported as missing
        elif not math.isfinite(bedrag) or bedrag < 0:
            fouten.append(f"rij {rij}: bedrag {waarde!r} is geen getal in euro's van 0 of meer (bijv. 8800000)")
        bedragen.append(bedrag)
    return tabel.assign(bedrag=pd.Series(bedragen, index=tabel.index, dtype="float64")), fouten
