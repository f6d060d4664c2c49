"""Legends drawn as page HTML next to the map (a branca ColorMap would pull d3 from a CDN).

Every text that comes from data is escaped before it is put into the HTML.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from app import settings as s
from app.formats import waarde_tekst
from geo.classify import GEEN_GEGEVENS, Klasse
from geo.getallen import getal_tekst
from geo.indicators import Kaartwaarden
from geo.schema import OPGAVEN

_VORM_CSS = {
    "cirkel": "border-radius:50%",
    "vierkant": "",
    "ruit": "transform:rotate(45deg) scale(.8)",
}


def _vak(kleur: str, extra: str = "") -> str:
    return f'<span class="wk-vak" style="background:{kleur};{extra}"></span>'


def klassen_regels(kw: Kaartwaarden, klassen: Sequence[Klasse], tel: bool = True) -> list[tuple[str, str]]:
    """(colour, text) per class with its unit, then the no-data entry (left out when every buurt
    has a figure): for the page and the PDF. ``tel`` adds the number of buurten without a figure,
    which only fits a map of the whole gemeente."""
    regels = []
    for k in klassen:
        bereik = getal_tekst(k.ondergrens) if k.ondergrens == k.bovengrens else f"{getal_tekst(k.ondergrens)} – {getal_tekst(k.bovengrens)}"
        regels.append((k.kleur, f"{bereik} {kw.indicator.eenheid}"))
    geen = int(kw.waarden["waarde"].isna().sum())
    if geen:
        regels.append((GEEN_GEGEVENS, f"geen gegevens ({geen} buurten)" if tel else "geen gegevens"))
    return regels


def klassen_lijst(kw: Kaartwaarden, klassen: Sequence[Klasse]) -> str:
    """The colour classes as an HTML list; the no-data box has a dashed border as on the map."""
    rijen = [
        f"<li>{_vak(kleur, 'border:1px dashed #737373' if kleur == GEEN_GEGEVENS else '')}{html.escape(tekst)}</li>"
        for kleur, tekst in klassen_regels(kw, klassen)
    ]
    return f"<ul>{''.join(rijen)}</ul>"


def indicator_legenda(kw: Kaartwaarden, klassen: Sequence[Klasse]) -> str:
    """Classes with unit, the no-data style, the gemeente figure, years and sources."""
    ind = kw.indicator
    niveaus = set(kw.waarden["niveau"].dropna())
    regels = []
    if "wijk" in niveaus:
        regels.append("Buurten zonder eigen cijfer tonen het cijfer van hun wijk.")
    if kw.gemeente is not None:
        gem = waarde_tekst(kw.gemeente["waarde"], ind.eenheid, kw.gemeente["kwalificatie"])
        regels.append(f"Gemeente {s.GEMEENTE_NAAM}: {gem}.")
    jaren = sorted(set(kw.waarden["peiljaar"].dropna()))
    bronnen = sorted(set(kw.waarden["bron"].dropna()))
    regels.append(f"Peiljaar: {', '.join(jaren) or 'onbekend'}.")
    regels.append(f"Bron: {'; '.join(bronnen) or 'onbekend'}.")
    if ind.afgeleid:
        regels.append(ind.definitie)
    toelichting = "".join(f"<p>{html.escape(r)}</p>" for r in regels)
    return (
        f'<div class="wk-legenda" role="group" aria-label="Legenda indicator">'
        f"<strong>{html.escape(ind.label)} ({html.escape(ind.eenheid)})</strong>"
        f"{klassen_lijst(kw, klassen)}{toelichting}</div>"
    )


def symbool_legenda() -> str:
    """Shapes per opgave, the hotspot triangle, precision borders and outlines."""
    rijen = [
        f"<li>{_vak(s.OPGAVE_KLEUR[o], _VORM_CSS[s.OPGAVE_VORM[o]])}Actie — {html.escape(o)}</li>" for o in OPGAVEN
    ]
    rijen.append(f'<li><span class="wk-vak wk-driehoek-legenda" style="background:{s.HOTSPOT_KLEUR}"></span>Overlast (hotspot)</li>')
    rijen.append(f"<li>{_vak('#ffffff', 'border:2px solid #1a1a1a;border-radius:50%')}Wit rondje met getal: zoveel "
                 "symbolen met een precieze plek liggen hier dicht bij elkaar; klik of zoom in</li>")
    rijen.append(f"<li>{_vak('#ffffff', 'border:2px dashed #1a1a1a')}Gestippelde rand: locatie bij benadering of onbekend "
                 f"(getoond in het midden van de buurt/wijk, of op de rand van {s.GEBIED_NAAM})</li>")
    rijen.append(f"<li>{_vak('transparent', f'border:3px solid {s.PROGRAMMA_RAND}')}{s.GEBIED_NAAM} (programmagebied)</li>")
    rijen.append(f"<li>{_vak('transparent', f'border:2px solid {s.GEMEENTE_RAND}')}Gemeentegrens</li>")
    rijen.append(f"<li>{_vak('transparent', f'border:3px solid {s.SELECTIE_RAND}')}Gekozen buurt</li>")
    return f'<div class="wk-legenda" role="group" aria-label="Legenda symbolen"><strong>Symbolen</strong><ul>{"".join(rijen)}</ul></div>'


LEGENDA_CSS = """
<style>
.wk-legenda ul { list-style: none; padding: 0; margin: 4px 0; }
.wk-legenda li { margin: 2px 0; display: flex; align-items: center; gap: 6px; }
.wk-legenda p { margin: 2px 0; font-size: 0.85rem; }
.wk-vak { display: inline-block; width: 16px; height: 16px; border: 1px solid #4d4d4d; flex: none; box-sizing: border-box; }
.wk-driehoek-legenda { border: 0; clip-path: polygon(50% 0, 100% 100%, 0 100%); }
</style>
"""
