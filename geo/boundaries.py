"""CBS buurt/wijk/gemeente boundaries: load, validate, reproject.

Which files form a set is described by a `GrensBron`, taken from a CBS snapshot
(:mod:`geo.snapshot`): the bundled generalised 2024 set or a full-precision refresh, so no caller
depends on file names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import geopandas as gpd
import pandas as pd
from pyproj import Transformer
from shapely.geometry import Point
from shapely.geometry.base import BaseGeometry

from geo.schema import WEB_CRS, DataFout

BUURTCODE = re.compile(r"^BU\d{4}[0-9A-Z]{4}$")  # CBS uses capitals in large gemeenten: BU0363AF09
WIJKCODE = re.compile(r"^WK\d{4}[0-9A-Z]{2}$")
GEMEENTECODE = re.compile(r"^GM\d{4}$")


@dataclass(frozen=True)
class GrensBron:
    """Where a boundary set lives and how to describe it on screen."""

    buurten: Path
    wijken: Path
    gemeente: Path
    crs: str
    jaar: int
    bron: str
    gegeneraliseerd: bool



    @property
    def precisie(self) -> str:
        """How exact the lines are, for captions, PDFs and exports."""
        if self.gegeneraliseerd:
            return ("vereenvoudigde grenzen (4 tot 20 hoekpunten per buurt): geschikt voor een overzicht, "
                    "niet voor straatniveau")
        return "grenzen op volle precisie"


@dataclass(frozen=True)
class Grenzen:
    """Buurten, wijken and gemeente of one gemeente, all in the metric CRS of the source.

    Each frame has the columns ``code``, ``naam`` and ``geometry``; buurten also ``wijkcode``.
    """

    buurten: gpd.GeoDataFrame
    wijken: gpd.GeoDataFrame
    gemeente: gpd.GeoDataFrame
    bron: GrensBron

    def naam(self, code: str) -> str | None:
        """Name of a buurt, wijk or gemeente code, or None when the code is not in the set."""
        for frame in (self.buurten, self.wijken, self.gemeente):
            hit = frame.loc[frame["code"] == code, "naam"]
            if len(hit):
                return str(hit.iloc[0])
        return None

    def buurt_op_punt(self, lon: float, lat: float) -> str | None:
        """Code of the buurt under a WGS84 point (a map click, a typed or imported point), or
        None outside the gemeente. Fast enough for every row of a large import: one transform
        and a spatial-index lookup, no frame built per point."""
        x, y = _van_web(self.buurten.crs.to_string()).transform(lon, lat)
        hit = self.buurten.sindex.query(Point(x, y), predicate="covered_by")
        return str(self.buurten["code"].iloc[hit[0]]) if len(hit) else None


@cache
def _van_web(crs: str) -> Transformer:
    """WGS84 → the boundaries' CRS; one immutable transformer per CRS, shared."""
    return Transformer.from_crs(WEB_CRS, crs, always_xy=True)


def wijkcode_van_buurt(buurtcode: str) -> str:
    """CBS encodes the wijk in the buurt code: BU1916WWBB belongs to WK1916WW."""
    if not BUURTCODE.match(buurtcode):
        raise ValueError(f"Geen geldige buurtcode: {buurtcode!r}")
    return "WK" + buurtcode[2:8]


def _lees(pad: Path, crs: str, patroon: re.Pattern[str], soort: str) -> gpd.GeoDataFrame:
    """Read one CBS layer, keep code/naam/geometry and check what the map relies on."""
    if not pad.exists():
        raise DataFout(pad, f"bestand met {soort}grenzen ontbreekt")
    # GeoParquet for large sets (columnar, read ~10x faster than GeoJSON); GeoJSON otherwise.
    ruw = gpd.read_parquet(pad) if pad.suffix == ".parquet" else gpd.read_file(pad)
    ontbrekend = {"statcode", "statnaam"} - set(ruw.columns)
    if ontbrekend:
        raise DataFout(pad, f"kolommen ontbreken: {', '.join(sorted(ontbrekend))}")
    # The GeoJSON 'crs' member is not always honoured by readers; the source defines it.
    frame = ruw.set_crs(crs, allow_override=True)
    frame = frame.rename(columns={"statcode": "code", "statnaam": "naam"})[
        ["code", "naam", "geometry"]
    ]
    fout = frame.loc[~frame["code"].astype(str).str.match(patroon), "code"].tolist()
    if fout:
        raise DataFout(pad, f"ongeldige {soort}codes: {', '.join(map(str, fout))}")
    dubbel = frame.loc[frame["code"].duplicated(), "code"].tolist()
    if dubbel:
        raise DataFout(pad, f"dubbele {soort}codes: {', '.join(dubbel)}")
    naamloos = frame.loc[frame["naam"].isna() | (frame["naam"].astype(str).str.strip() == ""), "code"].tolist()
    if naamloos:
        raise DataFout(pad, f"{soort} zonder naam: {', '.join(naamloos)}")
    leeg = frame.loc[frame.geometry.is_empty | frame.geometry.isna(), "code"].tolist()
    if leeg:
        raise DataFout(pad, f"{soort} zonder geometrie: {', '.join(leeg)}")
    ongeldig = frame.loc[~frame.geometry.is_valid, "code"].tolist()
    if ongeldig:
        raise DataFout(pad, f"{soort} met ongeldige geometrie: {', '.join(ongeldig)}")
    return frame.sort_values("code").reset_index(drop=True)


def laad_grenzen(bron: GrensBron) -> Grenzen:
    """Load and cross-check the three levels of one boundary set."""
    buurten = _lees(bron.buurten, bron.crs, BUURTCODE, "buurt")
    wijken = _lees(bron.wijken, bron.crs, WIJKCODE, "wijk")
    gemeente = _lees(bron.gemeente, bron.crs, GEMEENTECODE, "gemeente")
    if len(gemeente) != 1:
        raise DataFout(bron.gemeente, f"verwacht 1 gemeente, gevonden {len(gemeente)}")
    gm = gemeente["code"].iloc[0][2:]
    vreemd = [c for c in [*buurten["code"], *wijken["code"]] if c[2:6] != gm]
    if vreemd:
        raise DataFout(bron.buurten, f"codes van een andere gemeente: {', '.join(vreemd)}")
    buurten["wijkcode"] = buurten["code"].map(wijkcode_van_buurt)
    zonder_wijk = sorted(set(buurten["wijkcode"]) - set(wijken["code"]))
    if zonder_wijk:
        raise DataFout(bron.buurten, f"buurten verwijzen naar onbekende wijken: {', '.join(zonder_wijk)}")
    return Grenzen(buurten=buurten, wijken=wijken, gemeente=gemeente, bron=bron)


def codes(bron: GrensBron) -> frozenset[str]:
    """The buurt and wijk codes of a boundary set without its geometry: an older reference year only
    tells which codes its figures may use."""
    def lees(pad: Path) -> pd.Series:
        if pad.suffix == ".parquet":
            return pd.read_parquet(pad, columns=["statcode"])["statcode"]
        return gpd.read_file(pad, ignore_geometry=True)["statcode"]
    return frozenset(lees(bron.buurten)) | frozenset(lees(bron.wijken))


def naar_web(frame: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Reproject to lon/lat for Leaflet; a copy, so the metric frame stays usable for maths."""
    return frame.to_crs(WEB_CRS) if not frame.crs.equals(WEB_CRS) else frame.copy()


def unie(grenzen: Grenzen, buurtcodes: tuple[str, ...]) -> BaseGeometry:
    """Geometry of a set of buurten, e.g. the programme area, in the source CRS."""
    deel = grenzen.buurten[grenzen.buurten["code"].isin(buurtcodes)]
    return deel.geometry.union_all()
