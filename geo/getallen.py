"""Numbers written the Dutch way ("1.234,5"), shared by the app's pages and the refresh
command's progress lines, so both say a count the same way."""

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


def aantal_tekst(aantal: int, enkelvoud: str, meervoud: str) -> str:
    """'1 rij', '3 rijen', '1.200 rijen'."""
    return f"{getal_tekst(aantal)} {enkelvoud if aantal == 1 else meervoud}"
