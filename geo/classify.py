"""Class breaks and colours for the choropleth.

With 2 to 13 distinct figures (the bundle has seed figures for two buurten and CBS figures for
13 wijken) quantiles would make empty or duplicate classes; natural breaks (Fisher-Jenks,
exact for such small sets) group figures that are close together, and a set with at most
``max_klassen`` distinct figures gets one class per figure.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

# ColorBrewer YlGnBu: sequential and colour-blind safe; the darkest class has white-text contrast.
PALET: dict[int, tuple[str, ...]] = {
    1: ("#2c7fb8",),
    2: ("#a1dab4", "#2c7fb8"),
    3: ("#edf8b1", "#7fcdbb", "#2c7fb8"),
    4: ("#ffffcc", "#a1dab4", "#41b6c4", "#225ea8"),
    5: ("#ffffcc", "#a1dab4", "#41b6c4", "#2c7fb8", "#253494"),
}
GEEN_GEGEVENS = "#ffffff"
MAX_EXACT = 120  # distinct figures up to which natural breaks are computed exactly (n³ steps)


@dataclass(frozen=True)
class Klasse:
    ondergrens: float
    bovengrens: float
    kleur: str


def natuurlijke_grenzen(waarden: Sequence[float], max_klassen: int = 5) -> list[Klasse]:
    """Classes for the finite ``waarden``; an empty list when there is nothing to classify."""
    uniek = sorted({w for w in waarden if not math.isnan(w)})
    if not uniek:
        return []
    if len(uniek) <= max_klassen:
        groepen = [[w] for w in uniek]
    elif len(uniek) > MAX_EXACT:
        return _grenzen_uit_steekproef(uniek, max_klassen)
    else:
        groepen = _jenks(uniek, max_klassen)
    kleuren = PALET[len(groepen)]
    return [Klasse(g[0], g[-1], k) for g, k in zip(groepen, kleuren, strict=True)]


def _grenzen_uit_steekproef(uniek: list[float], k: int) -> list[Klasse]:
    """Natural breaks of a large set (a national map has ~15,000 figures; the exact method costs
    n³): Jenks on ``MAX_EXACT`` evenly spaced quantiles, then each class widened to meet the
    next, so every figure falls in exactly one class and the ends are the true minimum and maximum."""
    stap = (len(uniek) - 1) / (MAX_EXACT - 1)
    steekproef = sorted({uniek[round(i * stap)] for i in range(MAX_EXACT)})
    groepen = _jenks(steekproef, k)
    bovengrenzen = [g[-1] for g in groepen[:-1]] + [uniek[-1]]
    ondergrenzen = [uniek[0]] + [min(w for w in uniek if w > b) for b in bovengrenzen[:-1]]
    return [Klasse(o, b, kleur) for o, b, kleur in zip(ondergrenzen, bovengrenzen, PALET[len(groepen)], strict=True)]


def _jenks(gesorteerd: list[float], k: int) -> list[list[float]]:
    """Fisher-Jenks by dynamic programming: minimal within-class squared deviation."""
    n = len(gesorteerd)

    def kosten(i: int, j: int) -> float:  # values i..j inclusive
        deel = gesorteerd[i : j + 1]
        gem = sum(deel) / len(deel)
        return sum((x - gem) ** 2 for x in deel)

    beste = [[math.inf] * n for _ in range(k)]
    terug = [[0] * n for _ in range(k)]
    for j in range(n):
        beste[0][j] = kosten(0, j)
    for c in range(1, k):
        for j in range(c, n):
            for i in range(c, j + 1):
                waarde = beste[c - 1][i - 1] + kosten(i, j)
                if waarde < beste[c][j]:
                    beste[c][j], terug[c][j] = waarde, i
    groepen, eind = [], n - 1
    for c in range(k - 1, -1, -1):
        start = terug[c][eind] if c else 0
        groepen.append(gesorteerd[start : eind + 1])
        eind = start - 1
    return groepen[::-1]


def kleur_voor(waarde: float, klassen: Sequence[Klasse]) -> str:
    """Colour of the class a value falls in; the no-data colour for NaN or no classes."""
    if math.isnan(waarde) or not klassen:
        return GEEN_GEGEVENS
    for klasse in klassen:
        if waarde <= klasse.bovengrens:
            return klasse.kleur
    return klassen[-1].kleur
