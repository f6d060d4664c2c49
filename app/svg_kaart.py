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

import shapely
from shapely.geometry import LineString, MultiPolygon, Polygon
from shapely.geometry.base import BaseGeometry

from app import settings as s
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
class Symbool:
    """An action or hotspot: shape and colour as on the Kaart, placed at an anchor plus a pixel offset.

    ``x, y`` are in the source CRS; ``dx, dy`` (SVG pixels) spread symbols that share an anchor.
    A dashed ring means "location approximate or unknown"; ``vraag`` adds the "?" of unknown.
    """

    x: float
    y: float
    dx: int
    dy: int
    vorm: str  # cirkel, vierkant, ruit, driehoek
    kleur: str
    gestippeld: bool
    vraag: bool
    tekst: str


@dataclass(frozen=True)
class Lijn:
    """An outline drawn on top (programme area, gemeente, chosen area)."""

    vorm: BaseGeometry
    kleur: str
    dikte: float


def _ringen(vorm: BaseGeometry) -> list[tuple[Sequence[tuple[float, float]], bool]]:
    """(coordinates, closed) of every ring of a polygon and every part of a line."""
    if isinstance(vorm, Polygon):
        return [(vorm.exterior.coords, True), *((r.coords, True) for r in vorm.interiors)]
    if isinstance(vorm, LineString):
        return [(vorm.coords, False)]
    if hasattr(vorm, "geoms"):  # Multi* and collections, e.g. after clipping
        return [ring for deel in vorm.geoms for ring in _ringen(deel)]
    return []


def _symbool_svg(sym: Symbool, x: float, y: float, maat: float) -> str:
    """The Kaart's symbol shapes in SVG; the hover/alt text is escaped."""
    h = maat / 2
    rand = 'stroke="#1a1a1a" stroke-width="2" stroke-dasharray="3 2"' if sym.gestippeld else 'stroke="#ffffff" stroke-width="2"'
    r = h * 1.15  # a diamond's half diagonal, so it looks as large as the square
    punten = {
        "vierkant": [(x - h, y - h), (x + h, y - h), (x + h, y + h), (x - h, y + h)],
        "ruit": [(x, y - r), (x + r, y), (x, y + r), (x - r, y)],
        "driehoek": [(x, y - h), (x + h, y + h), (x - h, y + h)],
    }
    titel = f"<title>{html.escape(sym.tekst)}</title>"
    if sym.vorm == "cirkel":
        vorm = f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{h:.1f}" fill="{sym.kleur}" {rand}>{titel}</circle>'
    else:
        d = "M" + " L".join(f"{px:.1f} {py:.1f}" for px, py in punten[sym.vorm]) + " Z"
        vorm = f'<path d="{d}" fill="{sym.kleur}" {rand}>{titel}</path>'
    teken = "!" if sym.vorm == "driehoek" else "?" if sym.vraag else ""
    if teken:
        vorm += (f'<text x="{x:.1f}" y="{y + h * 0.45:.1f}" font-size="{maat * 0.6:.0f}" font-weight="bold" fill="#ffffff" '
                 f'text-anchor="middle" font-family="{s.SVG_LETTERTYPE}">{teken}</text>')
    return vorm


def svg_kaart(
    vlakken: Sequence[Vlak],
    lijnen: Sequence[Lijn],
    titel: str,
    breedte: int = 240,
    marge: int = 4,
    symbolen: Sequence[Symbool] = (),
    uitsnede: tuple[float, float, float, float] | None = None,
    symbool_px: float = 18,
) -> str:
    """An ``<svg>`` of ``breedte`` pixels wide, its height following the extent shown.

    The extent is ``uitsnede`` (minx, miny, maxx, maxy in the source CRS) or else every shape;
    shapes outside it are clipped by the viewBox.
    """
    vormen = [v.vorm for v in vlakken] + [lijn.vorm for lijn in lijnen]
    minx, miny, maxx, maxy = uitsnede or (
        min(v.bounds[0] for v in vormen), min(v.bounds[1] for v in vormen),
        max(v.bounds[2] for v in vormen), max(v.bounds[3] for v in vormen),
    )
    schaal = (breedte - 2 * marge) / max(maxx - minx, 1e-9)
    hoogte = round((maxy - miny) * schaal + 2 * marge)

    def pad(vorm: BaseGeometry) -> str:
        if uitsnede:  # clip here: not every SVG renderer (fpdf2) clips to the viewBox
            vorm = shapely.clip_by_rect(vorm, *uitsnede)
        stukken = []
        for ring, gesloten in _ringen(vorm):
            punten = " L".join(f"{(x - minx) * schaal + marge:.1f} {(maxy - y) * schaal + marge:.1f}" for x, y in ring)
            stukken.append(f"M{punten}{' Z' if gesloten else ''}")
        return " ".join(stukken)

    delen = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="wk-svgkaart" role="img" width="{breedte}" height="{hoogte}" '
        f'viewBox="0 0 {breedte} {hoogte}"><title>{html.escape(titel)}</title>'
    ]
    for v in vlakken:
        d = pad(v.vorm)
        if not d:  # entirely outside the view
            continue
        leeg = v.kleur == GEEN_GEGEVENS
        rand = f'stroke="{GEEN_GEGEVENS_RAND}" stroke-dasharray="3 2"' if leeg else f'stroke="{BUURT_RAND}"'
        delen.append(
            f'<path d="{d}" fill="{v.kleur}" fill-rule="evenodd" {rand} stroke-width="0.8">'
            f"<title>{html.escape(v.tekst)}</title></path>"
        )
    for lijn in lijnen:  # outlines as lines, so clipping adds no edge along the frame
        d = pad(lijn.vorm.boundary if isinstance(lijn.vorm, Polygon | MultiPolygon) else lijn.vorm)
        if not d:
            continue
        delen.append(f'<path d="{d}" fill="none" stroke="{lijn.kleur}" stroke-width="{lijn.dikte}" stroke-linejoin="round"/>')
    for sym in symbolen:
        x = (sym.x - minx) * schaal + marge + sym.dx
        y = (maxy - sym.y) * schaal + marge + sym.dy
        if 0 <= x <= breedte and 0 <= y <= hoogte:  # outside the view: not drawn (fpdf2 would draw it off the map)
            delen.append(_symbool_svg(sym, x, y, symbool_px))
    delen.append("</svg>")
    return "".join(delen)


def als_afbeelding(svg: str, alt: str) -> str:
    """The SVG as an ``<img>`` with a data URI and alt text, for ``st.html``.

    Why: st.html sanitises with DOMPurify's HTML profile, which strips inline ``<svg>``; an image
    with a data URI passes, stays offline and carries its text alternative in ``alt``.
    """
    data = base64.b64encode(svg.encode("utf-8")).decode("ascii")
    return f'<img src="data:image/svg+xml;base64,{data}" alt="{html.escape(alt)}" style="max-width:100%;height:auto">'
