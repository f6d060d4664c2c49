"""The figures of one area as display rows: shared by the Kaart panel, the Buurtprofiel and the PDF.

No Streamlit here; every cell is a finished Dutch string, a missing figure reads "onbekend".
"""

from __future__ import annotations

import math

import pandas as pd

from app import settings as s
from app.formats import verloop_tekst, waarde_tekst
from app.svg_grafiek import Rij
from geo.bundel import Wijkdata
from geo.getallen import getal_tekst
from geo.indicators import gebiedsprofiel, verloop
from geo.schema import ONBEKEND
from geo.vergelijking import (
    GELIJK,
    NIET_VERGELIJKBAAR,
    vergelijk,
    verschil,
    verschil_eenheid,
)

GEBIED = "Dit gebied"
NIVEAU_TEKST = {
    "buurt": "buurtcijfer",
    "wijk": "wijkcijfer",
    "programmagebied": f"cijfer {s.GEBIED_NAAM}",
    "gemeente": "gemeentecijfer",
}


def beoordeling_tekst(vergelijking: str) -> str:
    """'ongunstiger' -> 'ongunstiger dan gemeente'; unknown and totals say why there is no verdict."""
    if vergelijking == ONBEKEND:
        return "—"
    if vergelijking == NIET_VERGELIJKBAAR:
        return "niet vergelijkbaar"
    return f"{vergelijking} {'aan' if vergelijking == GELIJK else 'dan'} gemeente"


def profiel(data: Wijkdata, code: str) -> pd.DataFrame:
    """Every indicator of one area (programme figures first); computed once per page and passed
    to :func:`profieltabel` and :func:`grafiekrijen`."""
    profiel = gebiedsprofiel(data.indicatoren, data.grenzen, data.definities, code, data.programmagebied.code)
    wijk = data.grenzen.buurten.set_index("code")["wijkcode"].get(code)
    profiel["verloop"] = [verloop(data.reeksen, data.definities[i], code, wijk) if i in data.meerjarig else pd.Series()
                          for i in profiel["indicator"]]
    volgorde = {ind: i for i, ind in enumerate(data.definities)}  # programme figures first
    return profiel.sort_values("indicator", key=lambda k: k.map(volgorde))


def profieltabel(data: Wijkdata, gebied: pd.DataFrame) -> pd.DataFrame:
    """Every indicator of an area's :func:`profiel` against the gemeente and Leidschendam-Noord."""
    rijen = []
    for r in gebied.itertuples(index=False):
        ind = data.definities[r.indicator]
        vs = verschil(ind, r.waarde, r.gemeente)
        rijen.append({
            "Indicator": ind.label,
            GEBIED: waarde_tekst(r.waarde, ind.eenheid, r.kwalificatie),
            "Niveau": NIVEAU_TEKST.get(r.niveau, "—"),
            "Gemeente": waarde_tekst(r.gemeente, ind.eenheid, r.gemeente_kwalificatie),
            s.GEBIED_NAAM: waarde_tekst(r.programmagebied, ind.eenheid, r.programmagebied_kwalificatie),
            "Verschil met gemeente": "—" if not ind.vergelijkbaar else ONBEKEND if math.isnan(vs)
            else f"{'+' if vs > 0 else ''}{getal_tekst(round(vs, 2))} {verschil_eenheid(ind)}",
            "Beoordeling": beoordeling_tekst(vergelijk(ind, r.waarde, r.gemeente)),
            "Peiljaar": ONBEKEND if pd.isna(r.peiljaar) else r.peiljaar,
            "Verloop": verloop_tekst(r.verloop, ind.eenheid) or "—",
            "Bron": ONBEKEND if pd.isna(r.bron) else r.bron,
        })
    tabel = pd.DataFrame(rijen)
    # Only when some figure has several reference years: a column of dashes would only distract.
    return tabel if (tabel["Verloop"] != "—").any() else tabel.drop(columns="Verloop")


def grafiekrijen(data: Wijkdata, gebied: pd.DataFrame) -> list[Rij]:
    """Rows for the gap chart: comparable indicators for which the area and the gemeente have a figure."""
    rijen = []
    for r in gebied.itertuples(index=False):
        ind = data.definities[r.indicator]
        if ind.vergelijkbaar and not (math.isnan(r.waarde) or math.isnan(r.gemeente)):
            rijen.append(Rij(ind.label, ind.eenheid, ind.beter, r.waarde, r.gemeente, r.programmagebied,
                             vergelijk(ind, r.waarde, r.gemeente)))
    return rijen
