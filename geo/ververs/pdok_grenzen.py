"""Full-precision CBS Wijk- en Buurtkaart boundaries of one gemeente and year, from PDOK.

Service: PDOK OGC API Features, one dataset per year at
``https://api.pdok.nl/cbs/wijken-en-buurten-<jaar>/ogc/v1`` with the collections ``buurten``,
``wijken`` and ``gemeenten``; items at ``.../collections/<collectie>/items``.

What was verified, and where (stored copies read with the search tool, not the live service):

- URL pattern and years: pdok.nl/ogc-apis/-/article/cbs-wijken-en-buurten lists the 2023 and 2025
  datasets with this pattern (its 2024 entry links to the 2025 URL, a slip on that page); public
  code uses ``wijken-en-buurten-2024/ogc/v1`` and ``-2023/ogc/v1`` with these three collections.
- Filtering on the gemeente with the query parameter ``gemeentecode=GM0917`` on ``buurten``,
  ``wijken`` and ``gemeenten``: public code against the 2024 dataset. PDOK's server (GoKoala)
  offers such property filters as query parameters (its test data). Features are also filtered
  here on the code prefix, so a service that ignored the filter would cost time, not correctness.
- Properties ``buurtcode``/``buurtnaam``, ``wijkcode``/``wijknaam``, ``gemeentecode``/
  ``gemeentenaam`` and ``water`` with values ``"NEE"``/``"JA"``: public code and test data reading
  these collections. CBS's Toelichting Wijk- en Buurtkaart (cbs.nl, 2021) defines WATER:
  "JA" water, "NEE" land, "B" Belgian territory around Baarle-Nassau.
- Paging: a GoKoala FeatureCollection carries ``links`` with ``rel: "next"`` (a cursor URL that
  repeats every query parameter) and ``numberReturned``; it gives no ``numberMatched``, so nothing
  here relies on it. pdok.nl/features and the PDOK OGC API FAQ: at most 1000 objects per request.
- Coordinates in RD: ``crs=http://www.opengis.net/def/crs/EPSG/0/28992`` (OGC API Features
  Part 2); PDOK collections list that CRS and GoKoala's test data requests it this way. The answer
  is checked to lie in the RD box of the Netherlands, so lon/lat can never pass as RD.

Water: the Wijk- en Buurtkaart can describe an area as a land part and a water part with the same
code. Parts marked ``water: "JA"`` are dropped when the area has land, and the remaining parts of
one code are merged into one geometry, so each area is one row of land. An area with only water
parts keeps them (it would otherwise vanish from the map); parts without a ``water`` property
count as land, since the service then does not tell.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

import geopandas as gpd
import shapely
from pyproj import CRS, Transformer
from shapely.geometry import shape
from shapely.geometry.base import BaseGeometry

from geo.boundaries import GEMEENTECODE
from geo.getallen import aantal_tekst
from geo.schema import GEMEENTE_CRS
from geo.ververs.web import (
    PDOK_HOST,
    Bronvermelding,
    Ophaler,
    VerversFout,
    Voortgang,
)

BASIS = f"https://{PDOK_HOST}/cbs/wijken-en-buurten-{{jaar}}/ogc/v1"
RD = "http://www.opengis.net/def/crs/EPSG/0/28992"
PER_PAGINA = 1000  # PDOK's maximum per request
LICENTIE = "CC-BY 4.0"
KOLOMMEN = ("statcode", "statnaam", "geometry")
WATER = "JA"


@dataclass(frozen=True)
class Niveau:
    """One collection of the dataset and the properties that hold an area's code and name."""

    sleutel: str  # key in the result of grenzen_van_jaar
    collectie: str
    code: str
    naam: str
    voorvoegsel: str


NIVEAUS = (
    Niveau("buurten", "buurten", "buurtcode", "buurtnaam", "BU"),
    Niveau("wijken", "wijken", "wijkcode", "wijknaam", "WK"),
    Niveau("gemeente", "gemeenten", "gemeentecode", "gemeentenaam", "GM"),
)


@dataclass(frozen=True)
class _Deel:
    naam: str
    water: bool
    geometrie: BaseGeometry


def dataset_url(jaar: int) -> str:
    return BASIS.format(jaar=jaar)


def herkomst_grenzen(jaar: int) -> Bronvermelding:
    """The provenance of :func:`grenzen_van_jaar` for that year."""
    return Bronvermelding(
        wat=f"CBS Wijk- en Buurtkaart {jaar}, volledige precisie (PDOK OGC API Features)",
        url=dataset_url(jaar), tabel="", licentie=LICENTIE,
    )


def grenzen_van_jaar(ophaler: Ophaler, gemeentecode: str, jaar: int,
                     voortgang: Voortgang) -> tuple[dict[str, gpd.GeoDataFrame], Bronvermelding]:
    """Buurten, wijken and gemeente of ``gemeentecode`` in ``jaar`` (land only, EPSG:28992), and
    where they came from.

    Keys ``buurten``, ``wijken``, ``gemeente``; each frame has exactly ``statcode``, ``statnaam``
    and ``geometry``, one row per area, sorted by code.
    """
    if not GEMEENTECODE.match(gemeentecode):
        raise VerversFout(f"Ongeldige gemeentecode {gemeentecode!r}: verwacht GM gevolgd door vier cijfers.")
    gebieden = {
        niveau.sleutel: _gebieden(_features(ophaler, niveau, gemeentecode, jaar, voortgang), niveau, gemeentecode, jaar)
        for niveau in NIVEAUS
    }
    return gebieden, herkomst_grenzen(jaar)


def _features(ophaler: Ophaler, niveau: Niveau, gemeentecode: str, jaar: int,
              voortgang: Voortgang) -> list[Mapping[str, Any]]:
    """All features of one collection for the gemeente, following the ``next`` links."""
    url: str | None = f"{dataset_url(jaar)}/collections/{niveau.collectie}/items"
    params: dict[str, str] | None = {"f": "json", "crs": RD, "limit": str(PER_PAGINA), "gemeentecode": gemeentecode}
    features: list[Mapping[str, Any]] = []
    gezien: set[str] = set()
    while url:
        antwoord = ophaler.json(url, params)
        pagina = antwoord.get("features") if isinstance(antwoord, dict) else None
        if not isinstance(pagina, list):
            raise VerversFout(f"Grenzen {jaar}, {niveau.sleutel}: het antwoord van PDOK is geen GeoJSON "
                              f"FeatureCollection ({url}).")
        features.extend(pagina)
        gezien.add(url)
        voortgang(f"Grenzen {jaar}, {niveau.sleutel}: pagina {len(gezien)}, {aantal_tekst(len(features), 'object', 'objecten')}")
        url, params = _volgende(antwoord), None
        if url in gezien:
            raise VerversFout(f"Grenzen {jaar}, {niveau.sleutel}: PDOK verwijst opnieuw naar een al opgehaalde "
                              f"pagina ({url}).")
    return features


def _volgende(antwoord: Mapping[str, Any]) -> str | None:
    """The ``next`` link of a page in a JSON encoding (a server may also list one for HTML)."""
    for link in antwoord.get("links") or ():
        if link.get("rel") == "next" and "html" not in str(link.get("type", "")):
            return str(link["href"])
    return None


def _gebieden(features: list[Mapping[str, Any]], niveau: Niveau, gemeentecode: str, jaar: int) -> gpd.GeoDataFrame:
    """One row of land per area of the gemeente (see the module docstring on water)."""
    voorvoegsel = niveau.voorvoegsel + gemeentecode[2:]
    delen: dict[str, list[_Deel]] = {}
    for feature in features:
        kenmerken = feature.get("properties") or {}
        code = str(kenmerken.get(niveau.code) or "").strip()
        if not code.startswith(voorvoegsel):
            continue
        if not feature.get("geometry"):
            raise VerversFout(f"Grenzen {jaar}: {code} heeft geen geometrie.")
        delen.setdefault(code, []).append(_Deel(
            naam=str(kenmerken.get(niveau.naam) or "").strip(),
            water=str(kenmerken.get("water") or "").strip().upper() == WATER,
            geometrie=shape(feature["geometry"]),
        ))
    if not delen:
        raise VerversFout(f"Grenzen {jaar}: PDOK gaf geen {niveau.sleutel} voor {gemeentecode}.")
    rijen = []
    for code in sorted(delen):
        gekozen = [deel for deel in delen[code] if not deel.water] or delen[code]
        geometrie = gekozen[0].geometrie if len(gekozen) == 1 else shapely.union_all([d.geometrie for d in gekozen])
        rijen.append({"statcode": code, "statnaam": gekozen[0].naam, "geometry": geometrie})
    gebieden = gpd.GeoDataFrame(rijen, columns=list(KOLOMMEN), geometry="geometry", crs=GEMEENTE_CRS)
    _controleer_rd(gebieden, niveau, jaar)
    return gebieden


def _controleer_rd(gebieden: gpd.GeoDataFrame, niveau: Niveau, jaar: int) -> None:
    """Coordinates must lie in the RD box of the Netherlands: a service that ignored ``crs`` fails here."""
    minx, miny, maxx, maxy = gebieden.total_bounds
    lx, ly, hx, hy = _rd_kader()
    if not (lx <= minx and ly <= miny and maxx <= hx and maxy <= hy):
        raise VerversFout(f"Grenzen {jaar}, {niveau.sleutel}: de coördinaten liggen niet in RD (EPSG:28992) "
                          f"binnen Nederland; PDOK gaf ze mogelijk in een ander stelsel.")


@cache
def _rd_kader() -> tuple[float, float, float, float]:
    """The area of use of EPSG:28992 (from the EPSG registry via pyproj), in RD metres."""
    gebied = CRS.from_user_input(GEMEENTE_CRS).area_of_use
    assert gebied is not None
    naar_rd = Transformer.from_crs("EPSG:4326", GEMEENTE_CRS, always_xy=True)
    return naar_rd.transform_bounds(gebied.west, gebied.south, gebied.east, gebied.north)
