"""The small static maps the pages and the PDF share: locator map and one map per indicator."""

from __future__ import annotations

from dataclasses import dataclass

from app import settings as s
from app.formats import waarde_tekst
from app.svg_kaart import Lijn, Vlak, svg_kaart
from geo.bundel import Wijkdata
from geo.classify import Klasse, kleur_voor, natuurlijke_grenzen
from geo.indicators import Kaartwaarden, kaartwaarden

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
    titel = f"Ligging van {gekozen['naam']} in de gemeente {s.GEMEENTE_NAAM} (oranje omlijnd; zwart: Leidschendam-Noord)"
    return svg_kaart(vlakken, lijnen, titel, breedte)


@dataclass(frozen=True)
class Indicatorkaart:
    """One small multiple: the SVG, and the classes and values its legend needs."""

    svg: str
    kw: Kaartwaarden
    klassen: list[Klasse]


def indicatorkaart(data: Wijkdata, indicator: str, breedte: int = 240) -> Indicatorkaart:
    """Buurten coloured by one indicator, with the same classes and colours as the Kaart page."""
    ind = data.definities[indicator]
    kw = kaartwaarden(data.indicatoren, data.grenzen.buurten, ind)
    klassen = natuurlijke_grenzen(kw.waarden["waarde"].tolist())
    vlakken = []
    for r in data.grenzen.buurten.itertuples(index=False):
        w = kw.waarden.loc[r.code]
        vlakken.append(Vlak(r.geometry, kleur_voor(w["waarde"], klassen),
                            f"{r.naam}: {waarde_tekst(w['waarde'], ind.eenheid, w['kwalificatie'])}"))
    svg = svg_kaart(vlakken, _omlijningen(data), f"Kaart: {ind.label} per buurt ({ind.eenheid})", breedte)
    return Indicatorkaart(svg, kw, klassen)
