"""CBS Kerncijfers wijken en buurten of one gemeente and year, from CBS StatLine OData v3.

Service: ``https://opendata.cbs.nl/ODataApi/odata/<tabel>/`` with ``DataProperties`` (what each
column means and its unit) and ``TypedDataSet`` (the figures), JSON via ``$format=json``.

What was verified, and where (stored copies read with the search tool, not the live service):

- Table ids: cbs.nl/nl-nl/cijfers/detail/<id> pages title 85039NED "Kerncijfers wijken en buurten
  2021", 85318NED "... 2022", 85618NED "... 2023" and 85984NED "... 2024"; 86165NED for 2025 only
  from public code (several projects, one pairing it with 85984NED for 2024).
- OData v3 JSON: ``{"odata.metadata": ..., "value": [...]}`` and, when there is more,
  ``"odata.nextLink"`` (the cbsodata client follows exactly that key). ``$filter`` with
  ``startswith(WijkenEnBuurten,'GM')`` and ``$select`` are used on these tables in public code.
- ``WijkenEnBuurten`` codes are space-padded (public code strips them; public examples filter on
  ``'GM0193  '``). Missing figures are ``null`` in TypedDataSet (shown as "." on StatLine).
- DataProperties rows have ``Type`` (``Topic`` for a figure), ``Key`` and ``Unit`` (cbsodataR
  documentation; public test data ``{"Type": "Topic", "Key": "..._1", "Unit": "aantal"}``).
- Each key and unit in :data:`VARIABELEN`: the key names (with their 2024 suffixes, e.g.
  ``AantalInwoners_5``, ``Bevolkingsdichtheid_34``, ``GemiddeldeWOZWaardeVanWoningen_39``,
  ``PersonenPerSoortUitkeringBijstand_87``, ``OppervlakteLand_116``) in public code reading these
  tables; the units as StatLine prints them after the title on the cbs.nl table pages and in
  StatLine exports: Aantal inwoners (aantal), 0 tot 15 jaar (aantal), 65 jaar of ouder (aantal),
  Huishoudens totaal (aantal), Gemiddelde huishoudensgrootte (aantal), Bevolkingsdichtheid
  (aantal inwoners per km²), Oppervlakte totaal/land (ha), Woningvoorraad (aantal), Gemiddelde
  WOZ-waarde van woningen (x 1 000 euro), Gemiddeld inkomen per inwoner (x 1 000 euro),
  Huishoudens met een laag inkomen (%), Huish. onder of rond sociaal minimum (%), Personen per
  soort uitkering; Bijstand (aantal). The service may write "km²" or spaces differently, so units
  are compared after Unicode normalisation (NFKC), case folding and collapsing whitespace.

Note: ``ODataApi`` answers at most 10,000 rows per request (the cbsodata client pages the bulk
``ODataFeed`` instead); one gemeente with its wijken and buurten stays far below that, and any
``odata.nextLink`` is followed all the same.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

import pandas as pd

from geo.boundaries import GEMEENTECODE
from geo.getallen import aantal_tekst
from geo.indicators import KOLOMMEN
from geo.ververs.web import (
    CBS_HOST,
    Bronvermelding,
    Ophaler,
    VerversFout,
    Voortgang,
)

BASIS = f"https://{CBS_HOST}/ODataApi/odata"
LICENTIE = "CC-BY 4.0"
CODEKOLOM = "WijkenEnBuurten"

KERNCIJFER_TABELLEN: Mapping[int, str] = MappingProxyType({
    2021: "85039NED",
    2022: "85318NED",
    2023: "85618NED",
    2024: "85984NED",
    2025: "86165NED",
})


@dataclass(frozen=True)
class Variabele:
    """One CBS kerncijfer we take over, with what validation and documentation need to know.

    ``cbs`` is the DataProperties key without its numeric suffix, which changes per table
    (``AantalInwoners_5``); ``cbs_eenheden`` the units CBS may give it; ``eenheid`` our unit text;
    ``minimum``/``maximum`` the plausible range for any gemeente, wijk or buurt.
    ``eerder_gemeten``: CBS measures income, WOZ and benefits over a year before the table's year;
    the source text says so, since the reference year column holds the table's year (the edition
    the trend follows) and no offset is guessed here.
    """

    cbs: str
    indicator: str
    cbs_eenheden: tuple[str, ...]
    eenheid: str
    minimum: float
    maximum: float
    eerder_gemeten: bool = False


EERDER = "; gemeten over een eerder jaar dan de tabel (zie de toelichting van CBS bij de tabel)"

_AANTAL = ("aantal",)
_DUIZEND_EURO = ("x 1 000 euro",)
_PROCENT = ("%",)
_MENSEN = 2_000_000.0  # more than any Dutch gemeente has inhabitants, households or homes

VARIABELEN: tuple[Variabele, ...] = (
    Variabele("AantalInwoners", "inwoners", _AANTAL, "aantal inwoners", 0, _MENSEN),
    Variabele("Bevolkingsdichtheid", "bevolkingsdichtheid", ("aantal inwoners per km²",), "inwoners per km² land", 0, 50_000),
    Variabele("Woningvoorraad", "woningvoorraad", _AANTAL, "aantal woningen", 0, _MENSEN),
    Variabele("OppervlakteLand", "oppervlakte_land", ("ha",), "ha", 0, 150_000),
    Variabele("OppervlakteTotaal", "oppervlakte_totaal", ("ha",), "ha", 0, 150_000),
    Variabele("HuishoudensTotaal", "huishoudens", _AANTAL, "aantal huishoudens", 0, _MENSEN),
    Variabele("GemiddeldeHuishoudensgrootte", "gemiddelde_huishoudensgrootte", _AANTAL, "personen per huishouden", 0, 10),
    Variabele("k_0Tot15Jaar", "inwoners_0_tot_15", _AANTAL, "aantal inwoners", 0, _MENSEN),
    Variabele("k_65JaarOfOuder", "inwoners_65_plus", _AANTAL, "aantal inwoners", 0, _MENSEN),
    Variabele("GemiddeldeWOZWaardeVanWoningen", "woz_waarde", _DUIZEND_EURO, "× 1.000 euro", 0, 10_000, eerder_gemeten=True),
    Variabele("GemiddeldInkomenPerInwoner", "inkomen_per_inwoner", _DUIZEND_EURO, "× 1.000 euro", 0, 1_000, eerder_gemeten=True),
    Variabele("HuishoudensMetEenLaagInkomen", "huishoudens_laag_inkomen", _PROCENT, "%", 0, 100, eerder_gemeten=True),
    Variabele("HuishOnderOfRondSociaalMinimum", "huishoudens_sociaal_minimum", _PROCENT, "%", 0, 100, eerder_gemeten=True),
    Variabele("PersonenPerSoortUitkeringBijstand", "personen_bijstand", _AANTAL, "aantal personen", 0, _MENSEN, eerder_gemeten=True),
)

_NIVEAUS = (("GM", "gemeente", ""), ("WK", "wijk", "[0-9A-Z]{2}"), ("BU", "buurt", "[0-9A-Z]{4}"))
_SUFFIX = re.compile(r"_\d+$")


def tabel_van_jaar(jaar: int) -> str:
    """The StatLine table with the kerncijfers of ``jaar``."""
    if jaar not in KERNCIJFER_TABELLEN:
        bekend = ", ".join(str(j) for j in KERNCIJFER_TABELLEN)
        raise VerversFout(f"Voor {jaar} is geen tabel Kerncijfers wijken en buurten bekend (wel voor {bekend}).")
    return KERNCIJFER_TABELLEN[jaar]


def herkomst_kerncijfers(jaar: int) -> Bronvermelding:
    """The provenance of :func:`kerncijfers_van_jaar` for that year."""
    tabel = tabel_van_jaar(jaar)
    return Bronvermelding(wat=f"CBS Kerncijfers wijken en buurten {jaar} (StatLine OData)",
                          url=f"{BASIS}/{tabel}", tabel=tabel, licentie=LICENTIE)


def bron_tekst(jaar: int) -> str:
    """The ``bron`` cell of every figure of that year."""
    return f"CBS, Kerncijfers wijken en buurten {jaar} (StatLine {tabel_van_jaar(jaar)})"


def kerncijfers_van_jaar(ophaler: Ophaler, gemeentecode: str, jaar: int,
                         voortgang: Voortgang) -> tuple[pd.DataFrame, Bronvermelding]:
    """The figures of :data:`VARIABELEN` for the gemeente, its wijken and its buurten in ``jaar``,
    and where they came from.

    Columns of :data:`geo.indicators.KOLOMMEN`; a missing figure (``null``) gives no row, so the
    app shows "onbekend". A unit other than documented or a value outside the plausible range
    stops the refresh with a Dutch :class:`VerversFout`: a wrong figure must not reach the map.
    """
    if not GEMEENTECODE.match(gemeentecode):
        raise VerversFout(f"Ongeldige gemeentecode {gemeentecode!r}: verwacht GM gevolgd door vier cijfers.")
    tabel = tabel_van_jaar(jaar)
    eigenschappen = _alle(ophaler, f"{BASIS}/{tabel}/DataProperties", {"$format": "json"},
                          f"Kerncijfers {jaar}, beschrijving", voortgang)
    sleutels = _sleutels(eigenschappen, tabel, jaar, voortgang)
    rijen = _alle(ophaler, f"{BASIS}/{tabel}/TypedDataSet", {
        "$format": "json",
        "$filter": " or ".join(f"startswith({CODEKOLOM},'{voor}{gemeentecode[2:]}')" for voor, _, _ in _NIVEAUS),
        "$select": ",".join((CODEKOLOM, *sleutels.values())),
    }, f"Kerncijfers {jaar}, cijfers", voortgang)
    return _tidy(rijen, sleutels, gemeentecode, jaar, tabel), herkomst_kerncijfers(jaar)


def _alle(ophaler: Ophaler, url: str, params: Mapping[str, str], wat: str,
          voortgang: Voortgang) -> list[Mapping[str, Any]]:
    """Every ``value`` row of an OData v3 collection, following ``odata.nextLink``."""
    rijen: list[Mapping[str, Any]] = []
    volgende: str | None = url
    vraag: Mapping[str, str] | None = params
    gezien: set[str] = set()
    while volgende:
        antwoord = ophaler.json(volgende, vraag)
        pagina = antwoord.get("value") if isinstance(antwoord, dict) else None
        if not isinstance(pagina, list):
            raise VerversFout(f"{wat}: het antwoord van CBS is geen OData-lijst ({volgende}).")
        rijen.extend(pagina)
        gezien.add(volgende)
        voortgang(f"{wat}: pagina {len(gezien)}, {aantal_tekst(len(rijen), 'regel', 'regels')}")
        volgende, vraag = antwoord.get("odata.nextLink"), None
        if volgende in gezien:
            raise VerversFout(f"{wat}: CBS verwijst opnieuw naar een al opgehaalde pagina ({volgende}).")
    return rijen


def _sleutels(eigenschappen: list[Mapping[str, Any]], tabel: str, jaar: int,
              voortgang: Voortgang) -> dict[Variabele, str]:
    """The table's full key of each variable, after checking its unit.

    A variable the table lacks is reported and skipped (its indicator stays "onbekend"); a key that
    matches twice or a unit other than documented stops the refresh.
    """
    per_stam: dict[str, list[Mapping[str, Any]]] = {}
    for eigenschap in eigenschappen:
        if eigenschap.get("Type") == "Topic":
            per_stam.setdefault(_SUFFIX.sub("", str(eigenschap.get("Key") or "")), []).append(eigenschap)
    sleutels: dict[Variabele, str] = {}
    for variabele in VARIABELEN:
        kandidaten = per_stam.get(variabele.cbs, [])
        if not kandidaten:
            voortgang(f"Kerncijfers {jaar}: {variabele.cbs} staat niet in {tabel}; {variabele.indicator} blijft onbekend.")
            continue
        if len(kandidaten) > 1:
            dubbel = ", ".join(str(k.get("Key")) for k in kandidaten)
            raise VerversFout(f"Kerncijfers {jaar}: {variabele.cbs} komt meer dan eens voor in {tabel} ({dubbel}).")
        sleutel, eenheid = str(kandidaten[0]["Key"]), str(kandidaten[0].get("Unit") or "")
        if _eenheid(eenheid) not in {_eenheid(e) for e in variabele.cbs_eenheden}:
            verwacht = " of ".join(repr(e) for e in variabele.cbs_eenheden)
            raise VerversFout(f"Kerncijfers {jaar}: {sleutel} in {tabel} heeft eenheid {eenheid!r}, verwacht {verwacht}. "
                              f"De cijfers zijn niet overgenomen.")
        sleutels[variabele] = sleutel
    return sleutels


def _eenheid(tekst: str) -> str:
    """A unit in comparable form: 'x 1 000 euro' with a no-break space equals the plain one, km² km2."""
    return " ".join(unicodedata.normalize("NFKC", tekst).casefold().split())


def _niveau(code: str, gemeentecode: str) -> str | None:
    """buurt, wijk or gemeente for a code of this gemeente; None for any other code.

    Wijk and buurt parts may hold capitals: CBS uses letters once a gemeente has 100 or more wijken
    or a wijk 100 or more buurten (Toelichting Wijk- en Buurtkaart).
    """
    for voor, niveau, rest in _NIVEAUS:
        if re.fullmatch(voor + gemeentecode[2:] + rest, code):
            return niveau
    return None


def _tidy(rijen: list[Mapping[str, Any]], sleutels: dict[Variabele, str], gemeentecode: str, jaar: int,
          tabel: str) -> pd.DataFrame:
    """One row per area and figure, gemeente first, then wijken and buurten by code."""
    gebieden: dict[str, tuple[str, Mapping[str, Any]]] = {}
    for rij in rijen:
        code = str(rij.get(CODEKOLOM) or "").strip()
        niveau = _niveau(code, gemeentecode)
        if niveau is not None:
            if code in gebieden:
                raise VerversFout(f"Kerncijfers {jaar}: {code} staat meer dan eens in het antwoord van {tabel}.")
            gebieden[code] = (niveau, rij)
    if gemeentecode not in gebieden:
        raise VerversFout(f"Kerncijfers {jaar}: {tabel} heeft geen cijfers voor {gemeentecode}.")
    volgorde = {niveau: i for i, (_, niveau, _) in enumerate(_NIVEAUS)}
    records = []
    for code, (niveau, rij) in sorted(gebieden.items(), key=lambda item: (volgorde[item[1][0]], item[0])):
        for variabele, sleutel in sleutels.items():
            if rij.get(sleutel) is None:
                continue
            records.append({
                "gebiedscode": code, "niveau": niveau, "indicator": variabele.indicator,
                "waarde": _waarde(rij[sleutel], variabele, code, sleutel, jaar), "eenheid": variabele.eenheid,
                "peiljaar": str(jaar), "kwalificatie": "", "bron": bron_tekst(jaar) + (EERDER if variabele.eerder_gemeten else ""),
                "opmerking": "",
            })
    return pd.DataFrame(records, columns=list(KOLOMMEN)).astype({"waarde": float})


def _waarde(ruw: Any, variabele: Variabele, code: str, sleutel: str, jaar: int) -> float:
    """The figure as a float, if it is a number in the plausible range."""
    if isinstance(ruw, bool) or not isinstance(ruw, int | float):
        raise VerversFout(f"Kerncijfers {jaar}: {code} heeft voor {sleutel} geen getal maar {ruw!r}.")
    waarde = float(ruw)
    if not (math.isfinite(waarde) and variabele.minimum <= waarde <= variabele.maximum):
        raise VerversFout(f"Kerncijfers {jaar}: {code} heeft voor {sleutel} de waarde {ruw}, buiten het aannemelijke "
                          f"bereik {variabele.minimum:g} tot {variabele.maximum:g} ({variabele.eenheid}). "
                          f"De cijfers zijn niet overgenomen.")
    return waarde
