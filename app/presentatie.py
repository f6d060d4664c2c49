"""The steps of the presentation for partnerbijeenkomsten, built once for the screen and the PDF deck.

No Streamlit here. Every figure and every sentence comes from the bundled data with its source;
the steps only choose and order them: opening, one step per opgave, overlast, timeline, closing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

import pandas as pd

from app import settings as s
from app.formats import waarde_tekst
from app.kleine_kaarten import Indicatorkaart, programmakaart
from app.legend import klassen_regels
from app.raadsoverzicht import actietabellen
from app.svg_tijdlijn import tijdlijn_svg
from app.symbolen import plek_tekst
from geo.bundel import Wijkdata
from geo.indicators import gemeentewaarde
from geo.schema import ONBEKEND, OPGAVEN, split_lijst


@dataclass(frozen=True)
class Kerncijfer:
    """One figure in large type: the number, what it is, the gemeente next to it, source and year."""

    waarde: str
    wat: str
    gemeente: str = ""
    bron: str = ""
    peiljaar: str = ""
    bron_nr: int = 0  # its number in the step's source list, set when the step is built

    @property
    def voetnoot(self) -> str:
        """'gemeente: 9 % · peiljaar onbekend · bron [1]': short, the full source is in the step's list."""
        delen = [self.gemeente, f"peiljaar {self.peiljaar}" if self.peiljaar else "", f"bron [{self.bron_nr}]" if self.bron_nr else ""]
        return "  ·  ".join(d for d in delen if d)


_DATUM_BEGIN = re.compile(r"^(\d{4}|ongedateerd|ca\.)")


def _zonder_datum(titel: str) -> str:
    """'Titel (2022-05-25)' -> 'Titel': the programme's source texts carry their date, the
    timeline's do not, and one source must not be listed twice. Nested brackets are handled."""
    if not titel.endswith(")"):
        return titel
    diepte = 0
    for i in range(len(titel) - 1, -1, -1):
        diepte += {")": 1, "(": -1}.get(titel[i], 0)
        if diepte == 0:
            return titel[:i].rstrip() if _DATUM_BEGIN.match(titel[i + 1:]) else titel
    return titel


def _bronnen(*teksten: str) -> tuple[str, ...]:
    """Distinct source titles from '; '-joined source texts, sorted."""
    return tuple(sorted({_zonder_datum(d.strip()) for tekst in teksten if tekst for d in tekst.split("; ") if d.strip()}))


SYMBOLEN_UITLEG = ("Symbolen: vorm en kleur per opgave, driehoek = overlast; gestippelde rand = plek bij benadering, "
                   f"? = plek onbekend (op de rand van {s.GEBIED_NAAM}); zwarte lijn = {s.GEBIED_NAAM}.")


@dataclass(frozen=True)
class Stap:
    """One step: text, key figures, an optional map with legend, a list, a timeline, sources."""

    titel: str
    ondertitel: str = ""
    regels: tuple[str, ...] = ()
    kerncijfers: tuple[Kerncijfer, ...] = ()
    kaart: Indicatorkaart | None = None
    kaart_alt: str = ""
    legenda: tuple[tuple[str, str], ...] = ()  # (colour, text) of the map's classes
    legenda_titel: str = ""  # what the colours show, in which unit, from which source
    symbolen_uitleg: str = ""  # what the map's symbols mean, for screen and PDF
    tabel: pd.DataFrame | None = None
    tabel_titel: str = ""
    tijdlijn: str = ""  # SVG
    bronnen: tuple[str, ...] = field(default_factory=tuple)

    @property
    def bronregel(self) -> str:
        """'Bronnen: [1] …; [2] …' — the numbers the key figures refer to."""
        return "Bronnen: " + "; ".join(f"[{i}] {b}" for i, b in enumerate(self.bronnen, start=1))


def kerncijfer(data: Wijkdata, indicator: str, code: str) -> Kerncijfer:
    """A bundled figure for one area, with the gemeente's figure and source and year."""
    ind = data.definities[indicator]
    rij = data.indicatoren[(data.indicatoren["indicator"] == indicator) & (data.indicatoren["gebiedscode"] == code)]
    if rij.empty:
        return Kerncijfer(ONBEKEND, f"{ind.label} — {data.gebieden.at[code, 'naam']}", bron="geen bron geeft dit cijfer")
    r = rij.iloc[0]
    gem = gemeentewaarde(data.indicatoren, indicator)
    gemeente = "" if gem is None else f"gemeente: {waarde_tekst(gem['waarde'], ind.eenheid, gem['kwalificatie'])}"
    return Kerncijfer(
        waarde=waarde_tekst(r["waarde"], ind.eenheid, r["kwalificatie"]),
        wat=f"{ind.label} — {data.gebieden.at[code, 'naam']}",
        gemeente=gemeente,
        bron=r["bron"],
        peiljaar=r["peiljaar"],
    )


def _opening(data: Wijkdata) -> Stap:
    """The programme, its goal, its key agreement and partners (configured milestones), the opgaven."""
    tl = data.tijdlijn
    gebeurtenissen = tl.gebeurtenissen
    patroon = "|".join(map(re.escape, s.MIJLPALEN)) or "$^"
    mijlpalen = gebeurtenissen[gebeurtenissen["titel"].str.contains(patroon, case=False)
                               & gebeurtenissen["soort"].isin(["besluit", "mijlpaal"])]
    regels = [f"{r.datum_tekst}: {r.titel}" + (f". {r.opmerking}" if s.MIJLPALEN[0] in r.titel and r.opmerking else "")
              for r in mijlpalen.itertuples()]
    if len(tl.partners):
        regels.append(f"Partners die de bronnen noemen (niet allemaal als ondertekenaar): {', '.join(tl.partners['partner'])}.")
    opgaven = tuple(Kerncijfer(o, r.ambitie) for o, r in data.programma.opgaven.iterrows())
    return Stap(
        titel=s.PAGINA_PRESENTATIE.koptekst,
        ondertitel=s.DOEL_TEKST,
        regels=tuple(regels),
        kerncijfers=opgaven,
        bronnen=_bronnen(*mijlpalen["bron_tekst"], *tl.partners["bron_tekst"], *data.programma.opgaven["bron_tekst"]),
    )


def _opgave(data: Wijkdata, opgave: str, acties: pd.DataFrame) -> Stap:
    """The opgave's ambition, its key figures, its indicator on the map with its actions, the list."""
    indicator = s.PRESENTATIE_INDICATOR[opgave]
    ind = data.definities[indicator]
    items = data.programma.items
    eigen = items[(items["soort"] == "actie") & (items["opgave"] == opgave)]
    kaart = programmakaart(data, indicator, eigen, f"{opgave}: {ind.label} per buurt en de acties")
    ruw = [kerncijfer(data, i, c) for i, c in s.PRESENTATIE_KERNCIJFERS[opgave]]
    kaartbronnen = sorted(set(kaart.kw.waarden["bron"].dropna())) if kaart.kw else []
    bronnen = _bronnen(*(c.bron for c in ruw), *kaartbronnen, data.programma.opgaven.at[opgave, "bron_tekst"])
    cijfers = tuple(replace(c, bron_nr=bronnen.index(_zonder_datum(c.bron)) + 1) for c in ruw)
    nummers = sorted({bronnen.index(b) + 1 for b in _bronnen(*kaartbronnen)})
    legenda_titel = f"Kaart: {ind.label} per buurt ({ind.eenheid})" + (
        f", bron {', '.join(f'[{n}]' for n in nummers)}" if nummers else ", geen bron")
    info = data.programma.opgaven.loc[opgave]
    return Stap(
        titel=opgave,
        ondertitel=info["ambitie"],
        regels=tuple(f"{s.AANDACHTSPUNT}: {p}" for p in split_lijst(info["aandachtspunten"])),
        kerncijfers=cijfers,
        kaart=kaart,
        kaart_alt=f"Kaart van {s.GEBIED_NAAM}: {ind.label} per buurt, met de {len(eigen)} symbolen van de acties.",
        legenda=tuple(klassen_regels(kaart.kw, kaart.klassen, tel=False)) if kaart.kw else (),
        legenda_titel=legenda_titel,
        symbolen_uitleg=SYMBOLEN_UITLEG,
        tabel=acties[["Actie", "Status", "Waar"]] if acties["Jaar/periode"].nunique() == 1 else acties[["Actie", "Status", "Jaar/periode", "Waar"]],
        tabel_titel=f"Acties {acties['Jaar/periode'].iloc[0]} ({len(acties)})" if acties["Jaar/periode"].nunique() == 1 else f"Acties ({len(acties)})",
        bronnen=bronnen,
    )


def _overlast(data: Wijkdata) -> Stap:
    items = data.programma.items
    hotspots = items[items["soort"] == "hotspot"]
    kaart = programmakaart(data, None, hotspots, f"Overlast in {s.GEBIED_NAAM}")
    tabel = pd.DataFrame({
        "Thema": hotspots["naam"],
        "Waar": plek_tekst(hotspots["gebiedsnaam"], hotspots["precisie"]),
        "Periode": hotspots["periode"],
    })
    return Stap(
        titel="Overlast: waar de wijk last van heeft",
        ondertitel=s.OVERLAST_TEKST or f"{', '.join(dict.fromkeys(hotspots['naam']))}.",
        kaart=kaart,
        symbolen_uitleg=SYMBOLEN_UITLEG,
        kaart_alt=f"Kaart van {s.GEBIED_NAAM} met {len(hotspots)} overlastthema's; de meeste zonder bekende plek.",
        tabel=tabel,
        tabel_titel=f"Overlastthema's ({len(tabel)})",
        regels=(f"Geen bron geeft een precieze plek: de driehoeken staan in hun wijk of op de rand van {s.GEBIED_NAAM}.",),
        bronnen=_bronnen(*hotspots["bron"]),
    )


def _tijdlijn(data: Wijkdata) -> Stap:
    tl = data.tijdlijn
    budget = tl.budget
    regels = tuple(f"{r.onderdeel}: {waarde_tekst(r.bedrag, '')} {r.eenheid} ({r.periode})" for r in budget.itertuples())
    return Stap(
        titel="Van programmaplan naar uitvoering",
        ondertitel=f"De belangrijkste stappen sinds {tl.gebeurtenissen['begin'].min():%Y}, en het doel in {s.DOELJAAR}.",
        tijdlijn=tijdlijn_svg(tl.gebeurtenissen, breedte=1200),
        regels=regels,
        bronnen=_bronnen(*tl.gebeurtenissen["bron_tekst"], *budget["bron_tekst"]),
    )


def _afsluiting(data: Wijkdata) -> Stap:
    tl = data.tijdlijn
    regels = [f"{r.orgaan}: {r.samenstelling}" for r in tl.organisatie.itertuples()]
    return Stap(
        titel=s.AFSLUITING_TITEL,
        ondertitel=s.AFSLUITING_TEKST,
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
