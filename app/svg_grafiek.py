"""The gap chart of the Buurtprofiel: per indicator the area, Leidschendam-Noord and the gemeente.

A dot chart reads at a glance: the black tick is the gemeente average (the 2041 goal), the dot
is the area, coloured and labelled by whether it is better or worse, and the line between them
is the gap. Each row has its own scale starting at 0, so a gap is never exaggerated. Static
SVG for the same reasons as the small maps; the profile table below it is its text alternative.
"""

from __future__ import annotations

import html
import math
from dataclasses import dataclass

from app import settings as s
from app.formats import korte_waarde, waarde_tekst

RICHTING = {"lager": "lager is beter", "hoger": "hoger is beter", "neutraal": "geen beter of slechter"}


@dataclass(frozen=True)
class Rij:
    label: str
    eenheid: str
    beter: str
    waarde: float
    gemeente: float
    programmagebied: float
    vergelijking: str


def afstandsgrafiek(rijen: list[Rij], gebiedsnaam: str, programmanaam: str, breedte: int = 720) -> str:
    """One row per indicator; every row needs an area value and a gemeente value."""
    links, rechts, hoogte_rij = 300, breedte - 190, 46
    hoogte = 30 + hoogte_rij * len(rijen)
    delen = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="wk-grafiek" role="img" width="{breedte}" height="{hoogte}" '
        f'viewBox="0 0 {breedte} {hoogte}" font-family="{s.SVG_LETTERTYPE}" font-size="13">'
        f"<title>{html.escape(f'Afstand tot het gemeentegemiddelde: {gebiedsnaam}')}</title>",
        # Legend on its own line from the left edge, the area's (longest) name last, so it never runs into another label.
        f'<g font-size="12" fill="#1a1a1a"><line x1="2" y1="12" x2="2" y2="22" stroke="#000" stroke-width="3"/>'
        f'<text x="10" y="21">gemeente</text>'
        f'<path d="M100 11 l6 6 -6 6 -6 -6 Z" fill="#fff" stroke="#000" stroke-width="1.5"/>'
        f'<text x="112" y="21">{html.escape(programmanaam)}</text>'
        f'<circle cx="266" cy="17" r="6" fill="{s.TEKST_GRIJS}"/><text x="276" y="21">{html.escape(gebiedsnaam)}</text></g>',
    ]
    for i, r in enumerate(rijen):
        y = 30 + i * hoogte_rij + 22
        waarden = [v for v in (r.waarde, r.gemeente, r.programmagebied) if not math.isnan(v)]
        top = max(waarden) * 1.1 or 1.0

        def x(v: float, top: float = top) -> float:
            return links + (rechts - links) * v / top

        kleur = s.VERGELIJKING_TEKSTKLEUR.get(r.vergelijking, s.TEKST_GRIJS)
        delen.append(
            f'<text x="0" y="{y - 4}" fill="#1a1a1a">{html.escape(r.label)}</text>'
            f'<text x="0" y="{y + 12}" font-size="11" fill="#4d4d4d">{html.escape(RICHTING[r.beter])}</text>'
            f'<line x1="{links}" y1="{y}" x2="{rechts}" y2="{y}" stroke="#bdbdbd"/>'
            f'<line x1="{x(r.gemeente):.1f}" y1="{y}" x2="{x(r.waarde):.1f}" y2="{y}" stroke="{kleur}" stroke-width="4"/>'
            f'<line x1="{x(r.gemeente):.1f}" y1="{y - 9}" x2="{x(r.gemeente):.1f}" y2="{y + 9}" stroke="#000" stroke-width="3"/>'
        )
        if not math.isnan(r.programmagebied):
            px = x(r.programmagebied)
            delen.append(f'<path d="M{px:.1f} {y - 7} l7 7 -7 7 -7 -7 Z" fill="#fff" stroke="#000" stroke-width="1.5"/>')
        tekst = f"{waarde_tekst(r.waarde, r.eenheid)} — {r.vergelijking} (gemeente {waarde_tekst(r.gemeente, r.eenheid)})"
        delen.append(
            f'<circle cx="{x(r.waarde):.1f}" cy="{y}" r="7" fill="{kleur}"><title>{html.escape(tekst)}</title></circle>'
            f'<text x="{rechts + 12}" y="{y + 4}" fill="{kleur}" font-weight="bold">'
            f"{html.escape(korte_waarde(r.waarde, r.eenheid))} · {html.escape(r.vergelijking)}</text>"
        )
    delen.append("</svg>")
    return "".join(delen)
