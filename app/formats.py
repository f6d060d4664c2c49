"""Dutch number formatting, and "onbekend" for missing figures (never 0)."""

from __future__ import annotations

import math

from geo.schema import ONBEKEND


def getal_tekst(waarde: float | None) -> str:
    """1234.5 -> '1.234,5'; whole numbers without decimals; None/NaN -> 'onbekend'."""
    if waarde is None or (isinstance(waarde, float) and math.isnan(waarde)):
        return ONBEKEND
    if float(waarde).is_integer():
        return f"{int(waarde):,}".replace(",", ".")
    tekst = f"{waarde:,.2f}".rstrip("0").rstrip(".")
    return tekst.replace(",", "_").replace(".", ",").replace("_", ".")


def waarde_tekst(waarde: float | None, eenheid: str, kwalificatie: str = "") -> str:
    """A figure with its unit: '42 %', 'ruim 2.000 huishoudens', 'onbekend'."""
    getal = getal_tekst(waarde)
    if getal == ONBEKEND:
        return getal
    voor = f"{kwalificatie} " if kwalificatie else ""
    return f"{voor}{getal} {eenheid}".strip()
