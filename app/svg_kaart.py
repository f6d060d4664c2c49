"""Small static maps as SVG: the locator map, the small multiples and the maps in the PDF.

Why SVG and not a second Leaflet map: a small map needs no tiles, no JavaScript and no iframe,
prints sharply, reads with a ``<title>`` in a screen reader and embeds as-is in the PDF (fpdf2
draws SVG paths). Coordinates stay in the source CRS (EPSG:28992, metres), which is planar, so
a simple scale and a flipped y axis give a true-shaped map. No Streamlit here.
"""

from __future__ import annotations

import base64
import html
from collections.abc import Sequence
from dataclasses import dataclass

from shapely.geometry import MultiPolygon, Polygon
from shapely.geometry.base import BaseGeometry

from geo.classify import GEEN_GEGEVENS

GEEN_GEGEVENS_RAND = "#737373"
BUURT_RAND = "#ffffff"


@dataclass(frozen=True)
class Vlak:
    """One area to draw: its shape, fill colour and the text a hover or screen reader gets."""

    vorm: BaseGeometry
    kleur: str
    tekst: str


@dataclass(frozen=True)
class Lijn:
    """An outline drawn on top (programme area, gemeente, chosen area)."""

    vorm: BaseGeometry
    kleur: str
    dikte: float


def _ringen(vorm: BaseGeometry) -> list[Sequence[tuple[float, float]]]:
    delen = vorm.geoms if isinstance(vorm, MultiPolygon) else [vorm] if isinstance(vorm, Polygon) else []
    ringen: list[Sequence[tuple[float, float]]] = []
    for deel in delen:
        ringen.append(deel.exterior.coords)
        ringen.extend(r.coords for r in deel.interiors)
    return ringen


def svg_kaart(vlakken: Sequence[Vlak], lijnen: Sequence[Lijn], titel: str, breedte: int = 240, marge: int = 4) -> str:
    """An ``<svg>`` of ``breedte`` pixels wide, its height following the areas' extent."""
    vormen = [v.vorm for v in vlakken] + [lijn.vorm for lijn in lijnen]
    minx = min(v.bounds[0] for v in vormen)
    miny = min(v.bounds[1] for v in vormen)
    maxx = max(v.bounds[2] for v in vormen)
    maxy = max(v.bounds[3] for v in vormen)
    schaal = (breedte - 2 * marge) / max(maxx - minx, 1e-9)
    hoogte = round((maxy - miny) * schaal + 2 * marge)

    def pad(vorm: BaseGeometry) -> str:
        stukken = []
        for ring in _ringen(vorm):
            punten = " L".join(f"{(x - minx) * schaal + marge:.1f} {(maxy - y) * schaal + marge:.1f}" for x, y in ring)
            stukken.append(f"M{punten} Z")
        return " ".join(stukken)

    delen = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="wk-svgkaart" role="img" width="{breedte}" height="{hoogte}" '
        f'viewBox="0 0 {breedte} {hoogte}"><title>{html.escape(titel)}</title>'
    ]
    for v in vlakken:
        leeg = v.kleur == GEEN_GEGEVENS
        rand = f'stroke="{GEEN_GEGEVENS_RAND}" stroke-dasharray="3 2"' if leeg else f'stroke="{BUURT_RAND}"'
        delen.append(
            f'<path d="{pad(v.vorm)}" fill="{v.kleur}" fill-rule="evenodd" {rand} stroke-width="0.8">'
            f"<title>{html.escape(v.tekst)}</title></path>"
        )
    for lijn in lijnen:
        delen.append(f'<path d="{pad(lijn.vorm)}" fill="none" stroke="{lijn.kleur}" stroke-width="{lijn.dikte}" stroke-linejoin="round"/>')
    delen.append("</svg>")
    return "".join(delen)


def als_afbeelding(svg: str, alt: str) -> str:
    """The SVG as an ``<img>`` with a data URI and alt text, for ``st.html``.

    Why: st.html sanitises with DOMPurify's HTML profile, which strips inline ``<svg>``; an image
    with a data URI passes, stays offline and carries its text alternative in ``alt``.
    """
    data = base64.b64encode(svg.encode("utf-8")).decode("ascii")
    return f'<img src="data:image/svg+xml;base64,{data}" alt="{html.escape(alt)}" style="max-width:100%;height:auto">'
