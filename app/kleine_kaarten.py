"""The small static maps the pages and the PDF share: locator map and one map per indicator."""

from __future__ import annotations

from dataclasses import dataclass

import geopandas as gpd
import pandas as pd

from app import settings as s
from app.formats import waarde_tekst
from app.svg_kaart import Lijn, Symbool, Vlak, svg_kaart
from app.symbolen import plaatsing, symbooltekst, symboolvorm
from geo.bundel import Wijkdata
from geo.classify import Klasse, kleur_voor, natuurlijke_grenzen
from geo.indicators import Kaartwaarden, kaartwaarden
from geo.schema import GEMEENTE_CRS, PRECISIE_EXACT, PRECISIE_ONBEKEND, WEB_CRS


def _omlijningen(data: Wijkdata) -> list[Lijn]:
    gebieden = data.gebieden
    gemeente = gebieden[gebieden["niveau"] == "gemeente"].geometry.iloc[0]
    return [
        Lijn(gemeente, s.GEMEENTE_RAND, 1.2),
        Lijn(gebieden.loc[data.programmagebied.code].geometry, s.PROGRAMMA_RAND, 2.0),
    ]


def locatorkaart(data: Wijkdata, code: str, breedte: int = 260) -> str:
    """The whole gemeente in grey with the chosen area in orange, to see where it lies."""
    gekozen = data.gebieden.loc[code]
    vlakken = [
        Vlak(r.geometry, s.LOCATOR_GRIJS, r.naam) for r in data.grenzen.buurten.itertuples(index=False)
    ]
    lijnen = [*_omlijningen(data), Lijn(gekozen.geometry, s.SELECTIE_RAND, 3.0)]
    titel = f"Ligging van {gekozen['naam']} in de gemeente {s.GEMEENTE_NAAM} (oranje omlijnd; zwart: {s.GEBIED_NAAM})"
    return svg_kaart(vlakken, lijnen, titel, breedte)


@dataclass(frozen=True)
class Indicatorkaart:
    """One small multiple: the SVG, and the classes and values its legend needs."""

    svg: str
    kw: Kaartwaarden | None  # None for a map without colouring
    klassen: list[Klasse]


def _ingekleurd(data: Wijkdata, indicator: str) -> tuple[list[Vlak], Kaartwaarden, list[Klasse]]:
    ind = data.definities[indicator]
    kw = kaartwaarden(data.indicatoren, data.grenzen.buurten, ind)
    klassen = natuurlijke_grenzen(kw.waarden["waarde"].tolist())
    vlakken = []
    for r in data.grenzen.buurten.itertuples(index=False):
        w = kw.waarden.loc[r.code]
        vlakken.append(Vlak(r.geometry, kleur_voor(w["waarde"], klassen),
                            f"{r.naam}: {waarde_tekst(w['waarde'], ind.eenheid, w['kwalificatie'])}"))
    return vlakken, kw, klassen


def indicatorkaart(data: Wijkdata, indicator: str, breedte: int = 240) -> Indicatorkaart:
    """Buurten coloured by one indicator, with the same classes and colours as the Kaart page."""
    vlakken, kw, klassen = _ingekleurd(data, indicator)
    ind = kw.indicator
    svg = svg_kaart(vlakken, _omlijningen(data), f"Kaart: {ind.label} per buurt ({ind.eenheid})", breedte)
    return Indicatorkaart(svg, kw, klassen)


def symbolen(items: pd.DataFrame, px: float) -> list[Symbool]:
    """The Kaart's symbols for static maps, at ``px`` pixels, placed as on the Kaart."""
    if items.empty:
        return []
    ankers = gpd.GeoSeries(gpd.points_from_xy(items["lon"], items["lat"]), index=items.index, crs=WEB_CRS).to_crs(GEMEENTE_CRS)
    schaal = px / s.SYMBOOL_PX
    uit = []
    for item, (dx, dy) in plaatsing(items):
        vorm, kleur = symboolvorm(item)
        punt = ankers.loc[item.name]
        uit.append(Symbool(punt.x, punt.y, round(dx * schaal), round(dy * schaal), vorm, kleur,
                           item["precisie"] != PRECISIE_EXACT, item["precisie"] == PRECISIE_ONBEKEND, symbooltekst(item)))
    return uit


def programmakaart(data: Wijkdata, indicator: str | None, items: pd.DataFrame, titel: str, breedte: int = 720) -> Indicatorkaart:
    """Leidschendam-Noord up close: buurten by ``indicator`` (or plain grey) and the given items.

    For the presentation: the view is the programme area with room above it for the symbols of
    actions without a known place (they sit on its top edge, as on the Kaart).
    """
    if indicator:
        vlakken, kw, klassen = _ingekleurd(data, indicator)
    else:
        vlakken = [Vlak(r.geometry, s.LOCATOR_GRIJS, r.naam) for r in data.grenzen.buurten.itertuples(index=False)]
        kw, klassen = None, []
    minx, miny, maxx, maxy = data.gebieden.loc[data.programmagebied.code].geometry.bounds
    rand_x, rand_y = (maxx - minx) * 0.25, (maxy - miny) * 0.25
    uitsnede = (minx - rand_x, miny - rand_y, maxx + rand_x, maxy + rand_y * 2.2)
    svg = svg_kaart(vlakken, _omlijningen(data), titel, breedte, symbolen=symbolen(items, 30), uitsnede=uitsnede, symbool_px=30)
    return Indicatorkaart(svg, kw, klassen)
