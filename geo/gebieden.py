"""One table of every area the app talks about: buurten, wijken, gemeente and programme areas.

Why: figures, actions and hotspots refer to areas of different levels by code. A single
lookup (code -> name, level, geometry) keeps joins and validation in one place.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd
import pandas as pd

from geo.boundaries import Grenzen, unie
from geo.configuratie import CONFIG
from geo.schema import DataFout, split_lijst

PROGRAMMAGEBIEDEN = CONFIG.programma_map / "gebieden.csv"


@dataclass(frozen=True)
class Programmagebied:
    code: str
    naam: str
    buurten: tuple[str, ...]
    toelichting: str


def laad_programmagebieden(grenzen: Grenzen, pad: Path = PROGRAMMAGEBIEDEN) -> tuple[Programmagebied, ...]:
    """Read the programme areas and check that each is made of known buurten."""
    tabel = pd.read_csv(pad, dtype=str, keep_default_na=False)
    bekend = set(grenzen.buurten["code"])  # once: per buurt it cost 1.4 s with 14,500 buurten
    gebieden = []
    for rij, r in enumerate(tabel.itertuples(index=False), start=2):
        buurten = split_lijst(r.bestaat_uit)
        onbekend = [b for b in buurten if b not in bekend]
        if not buurten or onbekend:
            raise DataFout(pad, f"rij {rij}: onbekende of geen buurten: {', '.join(onbekend) or '-'}")
        gebieden.append(Programmagebied(r.gebiedscode, r.naam, buurten, r.toelichting))
    return tuple(gebieden)


def gebieden_tabel(grenzen: Grenzen, programmagebieden: tuple[Programmagebied, ...]) -> gpd.GeoDataFrame:
    """All areas as rows ``code, naam, niveau, geometry`` in the source CRS."""
    delen = [
        grenzen.buurten.assign(niveau="buurt")[["code", "naam", "niveau", "geometry"]],
        grenzen.wijken.assign(niveau="wijk")[["code", "naam", "niveau", "geometry"]],
        grenzen.gemeente.assign(niveau="gemeente")[["code", "naam", "niveau", "geometry"]],
        gpd.GeoDataFrame(
            {
                "code": [p.code for p in programmagebieden],
                "naam": [p.naam for p in programmagebieden],
                "niveau": ["programmagebied"] * len(programmagebieden),
            },
            geometry=[unie(grenzen, p.buurten) for p in programmagebieden],
            crs=grenzen.buurten.crs,
        ),
    ]
    tabel = gpd.GeoDataFrame(pd.concat(delen, ignore_index=True), crs=grenzen.buurten.crs)
    return tabel.set_index("code", drop=False)
