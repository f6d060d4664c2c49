"""The programme timeline as a static SVG: 2020 to 2024 in detail, then a break, then 2041.

Why a broken axis: the events sit in 2020-2024 and the goal in 2041; on one linear axis the
first five years would take a quarter of the width. The break is drawn, so the jump is visible.
The table on the Programma page is the text alternative. No Streamlit here; text is escaped.
"""

from __future__ import annotations

import html
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from app import settings as s

KERN_SOORTEN = ("besluit", "mijlpaal")
SOORT_KLEUR = {
    "voorbereiding": "#737373",
    "bijeenkomst": "#0072B2",
    "besluit": "#000000",
    "uitvoering": "#009E73",
    "mijlpaal": "#D55E00",
}
DOEL = pd.Timestamp(f"{s.DOELJAAR}-01-01")  # the programme's end point, drawn after the break
ZEKERHEID_TEKST = {"gepland": " (gepland)", "afgeleid": " (jaar afgeleid)", "bron": ""}


@dataclass(frozen=True)
class _As:
    """The broken axis: from the first event to the end of the year of the last one before 2041."""

    begin: pd.Timestamp
    einde: pd.Timestamp
    links: float
    breuk: float
    rechts: float

    def x(self, moment: pd.Timestamp) -> float:
        if moment >= DOEL:
            return self.rechts
        deel = (moment - self.begin) / (self.einde - self.begin)
        return self.links + (self.breuk - self.links) * min(max(deel, 0.0), 1.0)


def _regels(r: object) -> list[str]:
    """Date line (with planned/derived marked) and up to three title lines, cut with an ellipsis."""
    titel = textwrap.wrap(r.titel, 26)
    if len(titel) > 3:
        titel = [*titel[:2], textwrap.shorten(" ".join(titel[2:]), 25, placeholder=" …")]
    return [r.datum_tekst + ZEKERHEID_TEKST.get(r.zekerheid, ""), *titel]


NIVEAUS = 3  # label rows above and below the axis
RIJ_HOOGTE = 66
TEKEN_PX = 7.2  # average width of a character at 13 px, to keep labels apart


def _labels(gebeurtenissen: pd.DataFrame, as_: _As) -> list[tuple[float, int, list[str]]]:
    """(x, slot, lines) per label: each label takes the first slot (above 1, below 1, above 2, …)
    where it overlaps no other label, its leader line crosses no label nearer the axis, and no
    leader line of a label further out crosses it. When no slot is free, the one whose labels end
    soonest."""
    bezet: list[list[tuple[float, float, float]]] = [[] for _ in range(2 * NIVEAUS)]  # per slot: (begin, end, x)

    def vrij(slot: int, begin: float, eind: float, x: float) -> bool:
        niveau, kant = divmod(slot, 2)
        for ander in range(kant, 2 * NIVEAUS, 2):  # the slots on the same side of the axis
            for b, e, ax in bezet[ander]:
                if ander == slot and b < eind and begin < e:
                    return False
                if ander // 2 < niveau and b <= x <= e:  # my line would cross a label nearer the axis
                    return False
                if ander // 2 > niveau and begin <= ax <= eind:  # its line would cross me
                    return False
        return True

    uit = []
    for r in gebeurtenissen.itertuples():
        x = as_.x(r.begin)
        regels = _regels(r)
        breedte = TEKEN_PX * max(len(t) for t in regels) + 12
        begin = x - breedte if x > as_.breuk else x
        slot = next((k for k in range(2 * NIVEAUS) if vrij(k, begin, begin + breedte, x)),
                    min(range(2 * NIVEAUS), key=lambda k: max((e for _, e, _ in bezet[k]), default=-1e9)))
        bezet[slot].append((begin, begin + breedte, x))
        uit.append((x, slot, regels))
    return uit


def tijdlijn_svg(gebeurtenissen: pd.DataFrame, breedte: int = 1100, acties: Sequence[tuple[str, str]] = ()) -> str:
    """Every event as a mark on the axis; decisions and milestones labelled (the rest in the table).

    ``acties`` are (opgave, text) lanes under the axis, e.g. ("Onderwijs en jeugd", "2 gestart, 2 gepland").
    """
    links, rechts = 20.0, breedte - 40.0
    breuk = rechts - 90
    voor_doel = gebeurtenissen[gebeurtenissen["begin"] < DOEL]
    as_ = _As(
        begin=voor_doel["begin"].min().replace(day=1) - pd.DateOffset(months=2),
        einde=pd.Timestamp(year=voor_doel["einde"].max().year + 1, month=1, day=1),
        links=links, breuk=breuk, rechts=rechts,
    )
    labels = _labels(gebeurtenissen[gebeurtenissen["soort"].isin(KERN_SOORTEN)], as_)
    boven = max((slot // 2 + 1 for _, slot, _ in labels if slot % 2 == 0), default=0)
    onder = max((slot // 2 + 1 for _, slot, _ in labels if slot % 2 == 1), default=0)
    as_y = 40 + boven * RIJ_HOOGTE
    lanen_y = as_y + 40 + onder * RIJ_HOOGTE
    hoogte = lanen_y + 30 * len(acties) + 40
    delen = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="wk-tijdlijn" role="img" width="{breedte}" height="{hoogte}" '
        f'viewBox="0 0 {breedte} {hoogte}" font-family="{s.SVG_LETTERTYPE}" font-size="13">'
        f"<title>Tijdlijn van {s.PROGRAMMA_NAAM}, {as_.begin.year + 1} tot het doel in {s.DOELJAAR}</title>",
        f'<line x1="{links}" y1="{as_y}" x2="{breuk}" y2="{as_y}" stroke="#000" stroke-width="3"/>',
        f'<line x1="{breuk + 30}" y1="{as_y}" x2="{rechts}" y2="{as_y}" stroke="#000" stroke-width="3"/>',
        f'<line x1="{breuk + 8}" y1="{as_y + 8}" x2="{breuk + 16}" y2="{as_y - 8}" stroke="#000" stroke-width="2"/>'
        f'<line x1="{breuk + 16}" y1="{as_y + 8}" x2="{breuk + 24}" y2="{as_y - 8}" stroke="#000" stroke-width="2"/>',
    ]
    for jaar in range(as_.begin.year + 1, as_.einde.year):
        x = as_.x(pd.Timestamp(year=jaar, month=1, day=1))
        delen.append(f'<line x1="{x:.1f}" y1="{as_y - 8}" x2="{x:.1f}" y2="{as_y + 8}" stroke="#000" stroke-width="2"/>'
                     f'<text x="{x:.1f}" y="{as_y + 24}" text-anchor="middle" font-weight="bold" fill="#000">{jaar}</text>')
    if not (gebeurtenissen["begin"] >= DOEL).any():  # else the event's own label names the year
        delen.append(f'<text x="{rechts:.1f}" y="{as_y + 24}" text-anchor="middle" font-weight="bold" fill="#000">{s.DOELJAAR}</text>')
    for r in gebeurtenissen.itertuples():
        x0, x1 = as_.x(r.begin), as_.x(r.einde)
        kleur = SOORT_KLEUR.get(r.soort, "#000000")
        if x1 - x0 > 6:
            delen.append(f'<line x1="{x0:.1f}" y1="{as_y}" x2="{x1:.1f}" y2="{as_y}" stroke="{kleur}" stroke-width="9" opacity="0.55"/>')
        delen.append(f'<circle cx="{x0:.1f}" cy="{as_y}" r="6" fill="{kleur}" stroke="#fff" stroke-width="1.5">'
                     f"<title>{html.escape(f'{r.datum_tekst}: {r.titel}')}</title></circle>")
    # Every leader line first, then every label on a white box: where a crowded year leaves no
    # free slot and a line must pass a label nearer the axis, it passes behind it, not through it.
    lijnen, teksten = [], []
    for x, slot, regels in labels:
        niveau, erboven = slot // 2, slot % 2 == 0
        y0 = as_y - 30 - niveau * RIJ_HOOGTE - 15 * (len(regels) - 1) if erboven else as_y + 40 + niveau * RIJ_HOOGTE
        lijn_eind = y0 + 15 * (len(regels) - 1) + 4 if erboven else y0 - 12
        anker, dx = ("end", -4) if x > as_.breuk else ("start", 4)
        lijnen.append(f'<line x1="{x:.1f}" y1="{as_y}" x2="{x:.1f}" y2="{lijn_eind:.1f}" stroke="#737373" stroke-width="1"/>')
        vak = TEKEN_PX * max(len(r) for r in regels) + 4
        teksten.append(f'<rect x="{x + dx - (vak if anker == "end" else 2):.1f}" y="{y0 - 13:.1f}" width="{vak:.1f}" '
                       f'height="{15 * len(regels) + 2}" fill="#fff"/>')
        for j, regel in enumerate(regels):
            dik = ' font-weight="bold"' if j == 0 else ""
            teksten.append(f'<text x="{x + dx:.1f}" y="{y0 + 15 * j:.1f}" text-anchor="{anker}"{dik} fill="#1a1a1a">{html.escape(regel)}</text>')
    delen += lijnen + teksten
    x0, x1 = as_.x(pd.Timestamp("2022-01-01")), as_.x(pd.Timestamp("2022-12-31"))
    for k, (opgave, tekst) in enumerate(acties):
        y = lanen_y + 30 * k
        delen.append(f'<rect x="{x0:.1f}" y="{y - 12}" width="{x1 - x0:.1f}" height="16" fill="{s.OPGAVE_KLEUR.get(opgave, "#4d4d4d")}"/>'
                     f'<text x="{x1 + 8:.1f}" y="{y + 1}" fill="#1a1a1a">{html.escape(f"{opgave}: {tekst}")}</text>')
    x = links
    for soort, kleur in SOORT_KLEUR.items():
        delen.append(f'<circle cx="{x + 6}" cy="{hoogte - 18}" r="6" fill="{kleur}"/><text x="{x + 16}" y="{hoogte - 14}" fill="#000">{soort}</text>')
        x += 40 + TEKEN_PX * len(soort)
    delen.append("</svg>")
    return "".join(delen)
