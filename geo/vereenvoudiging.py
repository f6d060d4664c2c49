"""Buurt shapes for a large map: simplified by zoom level and cut to what is in view.

Why: a national set has ~14,500 buurten of a few hundred vertices (3.6 million in all). Sent as
they are, one map would be a hundred megabytes. At a given zoom a pixel covers tens to hundreds
of metres, so vertices closer than that cannot be seen: each zoom band gets a tolerance of about
one pixel, and only the buurten that intersect the view are sent. The bands are simplified one
from the other (fine to coarse), so only the first costs seconds.
"""

from __future__ import annotations

from collections.abc import Sequence

import geopandas as gpd
import numpy as np
import shapely

# (highest zoom of the band, tolerance in degrees; ~1 pixel at 52°N: 1° ≈ 111 km north-south)
BANDEN: tuple[tuple[float, float], ...] = ((9.0, 0.0025), (11.0, 0.0006), (13.0, 0.00015), (15.0, 0.00004))


def band(zoom: float) -> int | None:
    """Index of the zoom band, or None above the last band (exact shapes)."""
    return next((i for i, (tot, _) in enumerate(BANDEN) if zoom <= tot), None)


def vereenvoudig(web: gpd.GeoSeries) -> list[np.ndarray]:
    """Per band the shapes (WGS84, same order as ``web``), finest band first computed from the
    exact shapes, every coarser one from the band before; coordinates rounded to ~1 m.

    The rounding is pointwise: these shapes are only drawn (a click and the view query use the
    exact shapes), and repairing every shape after rounding cost 1.5 of the 3.8 s the national
    set took."""
    banden: list[np.ndarray] = []
    vorige = web.to_numpy()
    for _, tolerantie in reversed(BANDEN):
        vorige = shapely.simplify(vorige, tolerantie, preserve_topology=True)
        banden.append(shapely.set_precision(vorige, 0.00001, mode="pointwise"))
    return banden[::-1]


def in_beeld(web: gpd.GeoSeries, grenzen: Sequence[float]) -> np.ndarray:
    """Positions of the shapes that intersect the view ``(west, south, east, north)``."""
    return np.sort(web.sindex.query(shapely.box(*grenzen), predicate="intersects"))
