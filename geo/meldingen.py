"""The wijkteam's overlastmeldingen over time and per inhabitant, as map figures.

Why per wijk: CBS gives inwoners per wijk in the bundled data, not per buurt, so a rate per
buurt has no honest denominator. The rate is a per-unit figure, so a buurt shows its wijk's
rate (marked as a wijk figure), as for the other comparable indicators.
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from geo.beheer import JAAR
from geo.boundaries import Grenzen, wijkcode_van_buurt
from geo.gebieden import Programmagebied
from geo.indicators import Indicator

INDICATOR = "meldingen_per_1000_inwoners"


def jaren(periode: str) -> tuple[int, int] | None:
    """The years an item's period covers: '2022', '2021-2022' or a date '2026-11-20'; else None."""
    tekst = periode.strip()
    if len(tekst) == 10 and tekst[4] == "-" and tekst[:4].isdigit():  # a date
        return int(tekst[:4]), int(tekst[:4])
    treffer = JAAR.match(tekst)
    if not treffer:
        return None
    return int(treffer.group(1)), int(treffer.group(2) or treffer.group(1))


def in_periode(periodes: pd.Series, van: int, tot: int) -> pd.Series:
    """True for items whose years overlap ``van``-``tot``; items without readable years stay
    shown, because hiding them would suggest they do not exist."""
    def past(periode: str) -> bool:
        bereik = jaren(periode)
        return bereik is None or (bereik[0] <= tot and bereik[1] >= van)

    return periodes.map(past).astype(bool)


def _wijk(gebiedscode: str) -> str | None:
    if gebiedscode.startswith("BU"):
        return wijkcode_van_buurt(gebiedscode)
    return gebiedscode if gebiedscode.startswith("WK") else None


def per_1000_inwoners(
    hotspots: pd.DataFrame,
    indicatoren: pd.DataFrame,
    grenzen: Grenzen,
    programmagebied: Programmagebied,
    definitie: Indicator,
    vandaag: date,
) -> list[dict]:
    """Indicator rows (wijken, programme area, gemeente) of dated meldingen per 1,000 inwoners.

    Only meldingen with a date count: the bundled hotspots are themes of the programme, not
    reports. A melding for the whole programme area counts for it and for the gemeente only.
    No dated meldingen: no rows, so the map does not offer a figure of zeros that nobody counted.
    """
    meldingen = hotspots[hotspots["datum"] != ""]
    if meldingen.empty:
        return []
    inwoners = indicatoren[indicatoren["indicator"] == "inwoners"].set_index("gebiedscode")
    wijk_per_melding = meldingen["gebiedscode"].map(_wijk)
    noord_wijken = {wijkcode_van_buurt(b) for b in programmagebied.buurten}
    jaartallen = sorted({d[:4] for d in meldingen["datum"]})
    peiljaar = jaartallen[0] if len(jaartallen) == 1 else f"{jaartallen[0]}–{jaartallen[-1]}"
    bron = (f"Meldingen: registratie van het wijkteam in deze wijkkaart, {peiljaar}, "
            f"stand {vandaag:%d-%m-%Y}; inwoners: {inwoners['bron'].iloc[0]}")
    tellingen = {code: int((wijk_per_melding == code).sum()) for code in grenzen.wijken["code"]}
    tellingen[programmagebied.code] = int(
        (wijk_per_melding.isin(noord_wijken) | (meldingen["gebiedscode"] == programmagebied.code)).sum())
    tellingen.update({code: len(meldingen) for code in grenzen.gemeente["code"]})
    rijen = []
    for code, aantal in tellingen.items():
        if code not in inwoners.index or inwoners.loc[code, "waarde"] <= 0:
            continue
        rijen.append({
            "gebiedscode": code, "niveau": inwoners.loc[code, "niveau"], "indicator": definitie.id,
            "waarde": round(aantal / inwoners.loc[code, "waarde"] * 1000, 2), "eenheid": definitie.eenheid,
            "peiljaar": peiljaar, "kwalificatie": "", "bron": bron,
            "opmerking": f"{aantal} meldingen; inwoners peiljaar {inwoners.loc[code, 'peiljaar']}", "afgeleid": True,
        })
    return rijen
