"""The steps of the presentation for partnerbijeenkomsten, built once for the screen and the PDF deck.

No Streamlit here. Every figure and every sentence comes from the bundled data with its source;
the steps only choose and order them: opening, one step per opgave, overlast, timeline, closing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pandas as pd

from app import settings as s
from app.formats import waarde_tekst
from app.kleine_kaarten import Indicatorkaart, programmakaart
from app.legend import klassen_regels
from app.raadsoverzicht import actietabellen
from app.svg_tijdlijn import tijdlijn_svg
from geo.bundel import Wijkdata
from geo.indicators import gemeentewaarde
from geo.schema import OPGAVEN, ONBEKEND, split_lijst


@dataclass(frozen=True)
class Kerncijfer:
    """One figure in large type: the number, what it is, the gemeente next to it, its source."""

    waarde: str
    wat: str
    gemeente: str
    bron: str


_DATUM_ACHTER = re.compile(r" \((?:\d{4}[-\d]*|ongedateerd[^)]*|ca\.[^)]*)\)$")


def _bronnen(*teksten: str) -> tuple[str, ...]:
    """Distinct source titles from '; '-joined source texts (a trailing date dropped), sorted."""
    delen = {_DATUM_ACHTER.sub("", d.strip()) for tekst in teksten if tekst for d in tekst.split("; ") if d.strip()}
    return tuple(sorted(delen))


@dataclass(frozen=True)
class Stap:
    titel: str
    ondertitel: str = ""
    regels: tuple[str, ...] = ()
    kerncijfers: tuple[Kerncijfer, ...] = ()
    kaart: Indicatorkaart | None = None
    kaart_alt: str = ""
    legenda: tuple[tuple[str, str], ...] = ()  # (colour, text) of the map's classes
    tabel: pd.DataFrame | None = None
    tabel_titel: str = ""
    tijdlijn: str = ""  # SVG
    bronnen: tuple[str, ...] = field(default_factory=tuple)


def kerncijfer(data: Wijkdata, indicator: str, code: str) -> Kerncijfer:
    """A bundled figure for one area, with the gemeente's figure and source and year."""
    ind = data.definities[indicator]
    rij = data.indicatoren[(data.indicatoren["indicator"] == indicator) & (data.indicatoren["gebiedscode"] == code)]
    if rij.empty:
        return Kerncijfer(ONBEKEND, f"{ind.label} — {data.gebieden.at[code, 'naam']}", "", "geen bron geeft dit cijfer")
    r = rij.iloc[0]
    gem = gemeentewaarde(data.indicatoren, indicator)
    gemeente = "" if gem is None else f"gemeente: {waarde_tekst(gem['waarde'], ind.eenheid, gem['kwalificatie'])}"
    return Kerncijfer(
        waarde=waarde_tekst(r["waarde"], ind.eenheid, r["kwalificatie"]),
        wat=f"{ind.label} — {data.gebieden.at[code, 'naam']}",
        gemeente=gemeente,
        bron=f"{r['bron']}; peiljaar {r['peiljaar']}",
    )


def _opening(data: Wijkdata) -> Stap:
    """The programme, its 2041 goal, the Deal voor Noord and its partners, the three opgaven."""
    tl = data.tijdlijn
    gebeurtenissen = tl.gebeurtenissen
    mijlpalen = gebeurtenissen[gebeurtenissen["titel"].str.contains("Deal voor Noord|programmaplan", case=False)
                               & gebeurtenissen["soort"].isin(["besluit", "mijlpaal"])]
    regels = [f"{r.datum_tekst}: {r.titel}" for r in mijlpalen.itertuples()]
    if len(tl.partners):
        regels.append(f"Partners die de bronnen noemen: {', '.join(tl.partners['partner'])}.")
    opgaven = tuple(Kerncijfer(o, r.ambitie, "", "") for o, r in data.programma.opgaven.iterrows())
    return Stap(
        titel=s.PAGINA_PRESENTATIE.koptekst,
        ondertitel=f"Samen de achterstanden in Leidschendam-Noord inlopen: in 20 jaar naar het gemiddelde van de "
                   f"gemeente {s.GEMEENTE_NAAM}.",
        regels=tuple(regels),
        kerncijfers=opgaven,
        bronnen=_bronnen(*mijlpalen["bron_tekst"], *tl.partners["bron_tekst"], *data.programma.opgaven["bron_tekst"]),
    )


def _opgave(data: Wijkdata, opgave: str, acties: pd.DataFrame) -> Stap:
    indicator = s.PRESENTATIE_INDICATOR[opgave]
    ind = data.definities[indicator]
    items = data.programma.items
    eigen = items[(items["soort"] == "actie") & (items["opgave"] == opgave)]
    kaart = programmakaart(data, indicator, eigen, f"{opgave}: {ind.label} per buurt en de acties")
    cijfers = tuple(kerncijfer(data, i, c) for i, c in s.PRESENTATIE_KERNCIJFERS[opgave])
    info = data.programma.opgaven.loc[opgave]
    return Stap(
        titel=opgave,
        ondertitel=info["ambitie"],
        regels=tuple(f"Aandachtspunt (werksessie 21 april 2022): {p}" for p in split_lijst(info["aandachtspunten"])),
        kerncijfers=cijfers,
        kaart=kaart,
        kaart_alt=f"Kaart van Leidschendam-Noord: {ind.label} per buurt, met de {len(eigen)} symbolen van de acties.",
        legenda=tuple(klassen_regels(kaart.kw, kaart.klassen)) if kaart.kw else (),
        tabel=acties[["Actie", "Status", "Jaar/periode", "Waar"]],
        tabel_titel=f"Acties ({len(acties)})",
        bronnen=_bronnen(*(c.bron.split("; peiljaar")[0] for c in cijfers), info["bron_tekst"]),
    )


def _overlast(data: Wijkdata) -> Stap:
    items = data.programma.items
    hotspots = items[items["soort"] == "hotspot"]
    kaart = programmakaart(data, None, hotspots, "Overlast in Leidschendam-Noord")
    tabel = pd.DataFrame({
        "Thema": hotspots["naam"],
        "Waar": hotspots["gebiedsnaam"] + " — " + hotspots["precisie"],
        "Periode": hotspots["periode"],
    })
    return Stap(
        titel="Overlast: waar de wijk last van heeft",
        ondertitel="Meeuwen, ratten, grofvuil, drugs en de omgeving van de Koreaanse kerk (werksessie 21 april 2022).",
        kaart=kaart,
        kaart_alt=f"Kaart van Leidschendam-Noord met {len(hotspots)} overlastthema's; de meeste zonder bekende plek.",
        tabel=tabel,
        tabel_titel=f"Overlastthema's ({len(tabel)})",
        regels=("Geen bron geeft een precieze plek: de driehoeken staan in hun wijk of op de rand van Leidschendam-Noord.",),
        bronnen=_bronnen(*hotspots["bron"]),
    )


def _tijdlijn(data: Wijkdata) -> Stap:
    tl = data.tijdlijn
    budget = tl.budget
    regels = tuple(f"{r.onderdeel}: {waarde_tekst(r.bedrag, '')} {r.eenheid} ({r.periode})".replace("  ", " ")
                   for r in budget.itertuples())
    return Stap(
        titel="Van programmaplan naar uitvoering",
        ondertitel="De belangrijkste stappen sinds 2020, en het doel in 2041.",
        tijdlijn=tijdlijn_svg(tl.gebeurtenissen, breedte=1200, alleen_kern=True),
        regels=regels,
        bronnen=_bronnen(*tl.gebeurtenissen["bron_tekst"], *budget["bron_tekst"]),
    )


def _afsluiting(data: Wijkdata) -> Stap:
    tl = data.tijdlijn
    regels = [f"{r.orgaan}: {r.samenstelling}" for r in tl.organisatie.itertuples()]
    return Stap(
        titel="Samen sterk voor Noord",
        ondertitel="Doorlopend: Sterk voor Noord op de agenda en onder de aandacht houden. Vragen: sterkvoornoord@lv.nl",
        regels=tuple(regels),
        bronnen=_bronnen(*tl.organisatie["bron_tekst"]),
    )


def stappen(data: Wijkdata) -> list[Stap]:
    """All steps in presentation order."""
    acties = actietabellen(data)
    return [
        _opening(data),
        *(_opgave(data, o, acties[o]) for o in OPGAVEN),
        _overlast(data),
        _tijdlijn(data),
        _afsluiting(data),
    ]
