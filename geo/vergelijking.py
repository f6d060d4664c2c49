"""How an area stands against the gemeente average — the programme's goal for 2041.

One vocabulary for the profile, the overview, the PDF and the tests, so a buurt is never
"ongunstiger" on one page and "hoger" on another.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import pandas as pd

from geo.bundel import Wijkdata
from geo.indicators import Indicator, gemeentewaarde, waarden_per_gebied
from geo.schema import ONBEKEND

GUNSTIGER = "gunstiger"
ONGUNSTIGER = "ongunstiger"
GELIJK = "gelijk"
HOGER = "hoger"  # neutral indicators: different, neither better nor worse
LAGER = "lager"
NIET_VERGELIJKBAAR = "niet vergelijkbaar"  # a total (inwoners, ha) against the gemeente total

OVERZICHT_NIVEAUS = ("buurt", "wijk")


def vergelijk(indicator: Indicator, waarde: float, gemeente: float) -> str:
    """The comparison word for one figure, in the direction the indicator calls better."""
    if not indicator.vergelijkbaar:
        return NIET_VERGELIJKBAAR
    if math.isnan(waarde) or math.isnan(gemeente):
        return ONBEKEND
    if waarde == gemeente:
        return GELIJK
    hoger = waarde > gemeente
    if indicator.beter == "neutraal":
        return HOGER if hoger else LAGER
    return GUNSTIGER if hoger == (indicator.beter == "hoger") else ONGUNSTIGER


def verschil(indicator: Indicator, waarde: float, gemeente: float) -> float:
    """Area minus gemeente (percentage points for shares); NaN when not comparable or unknown."""
    if not indicator.vergelijkbaar:
        return math.nan
    return waarde - gemeente


def verschil_eenheid(indicator: Indicator) -> str:
    """A difference of percentages is in percentage points, not percent."""
    return "procentpunt" if indicator.eenheid.startswith("%") else indicator.eenheid


def overzicht(data: Wijkdata, niveau: str, indicatoren: Sequence[str]) -> pd.DataFrame:
    """Every buurt (or wijk) with the given indicators against the gemeente, in long form.

    Buurten without their own figure get their wijk's, with ``niveau`` saying so. Rows:
    ``code, naam, wijknaam, in_programma, indicator, waarde, kwalificatie, niveau, peiljaar, bron,
    gemeente, vergelijking, verschil``.
    """
    if niveau not in OVERZICHT_NIVEAUS:
        raise ValueError(f"niveau moet buurt of wijk zijn, niet {niveau!r}")
    programma = set(data.programmagebied.buurten)
    if niveau == "buurt":
        gebieden = data.grenzen.buurten
        terugval = gebieden["wijkcode"]
        in_programma = gebieden["code"].isin(programma)
    else:
        gebieden = data.grenzen.wijken
        terugval = None
        wijken_in_programma = set(data.grenzen.buurten.loc[data.grenzen.buurten["code"].isin(programma), "wijkcode"])
        in_programma = gebieden["code"].isin(wijken_in_programma)
    wijkcodes = terugval if terugval is not None else gebieden["code"]
    basis = pd.DataFrame({
        "code": gebieden["code"].to_numpy(),
        "naam": gebieden["naam"].to_numpy(),
        "wijknaam": wijkcodes.map(data.wijknamen).to_numpy(),
        "in_programma": in_programma.to_numpy(),
    })
    delen = []
    for ind_id in indicatoren:
        ind = data.definities[ind_id]
        waarden = waarden_per_gebied(data.indicatoren, ind, gebieden["code"], terugval).reset_index(drop=True)
        gem = gemeentewaarde(data.indicatoren, ind_id)
        gem_waarde = math.nan if gem is None else float(gem["waarde"])
        deel = pd.concat([basis, waarden], axis=1).assign(indicator=ind_id, gemeente=gem_waarde)
        deel["vergelijking"] = [vergelijk(ind, w, gem_waarde) for w in deel["waarde"]]
        deel["verschil"] = [verschil(ind, w, gem_waarde) for w in deel["waarde"]]
        delen.append(deel)
    kolommen = ["code", "naam", "wijknaam", "in_programma", "indicator", "waarde", "kwalificatie", "niveau",
                "peiljaar", "bron", "gemeente", "vergelijking", "verschil"]
    return pd.concat(delen, ignore_index=True)[kolommen] if delen else pd.DataFrame(columns=kolommen)
