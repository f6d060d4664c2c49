"""The content of the Raadsoverzicht, built once for the page and the PDF (no Streamlit here).

Why one builder: what a raadslid prints from the browser and what the PDF button gives must be
the same figures in the same order with the same words.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from app import settings as s
from app.formats import korte_waarde, verandering_tekst
from app.kleine_kaarten import Indicatorkaart, indicatorkaart
from app.symbolen import plek_tekst
from geo.bundel import Wijkdata
from geo.export import bronvermelding
from geo.indicators import peiljaren, verloop, waarden_per_gebied
from geo.schema import ONBEKEND, OPGAVEN
from geo.vergelijking import NIET_VERGELIJKBAAR, overzicht

GEBIED, WIJK, NOORD = "Gebied", "Wijk", f"{s.GEBIED_NAAM}"
WIJKCIJFER = "*"  # marks a buurt showing its wijk's figure
ACTIE_KOLOMMEN = ("Actie", "Status", "Jaar/periode", "Waar", "Partners")


@dataclass(frozen=True)
class Raadsoverzicht:
    niveau: str
    lang: pd.DataFrame  # geo.vergelijking.overzicht rows
    tabel: pd.DataFrame  # display strings; first rows gemeente and Leidschendam-Noord
    vergelijkingen: pd.DataFrame  # same shape as tabel: comparison word per cell ('' elsewhere)
    in_programma: list[bool]  # per row of tabel: an area in Leidschendam-Noord (False for the two reference rows)
    gesorteerd_op_naam: bool  # the chosen sort column has no figure at this level, so rows are by name
    kaarten: dict[str, Indicatorkaart]
    acties: dict[str, pd.DataFrame]  # per opgave
    bronnen: list[str]
    peiljaren: str


def kolomnaam(data: Wijkdata, indicator: str) -> str:
    """Label with unit, unless the label already says the unit ('Inwoners per woning')."""
    ind = data.definities[indicator]
    return ind.label if ind.eenheid.lower() in ind.label.lower() else f"{ind.label} ({ind.eenheid})"


def _cel(data: Wijkdata, indicator: str, r: pd.Series, niveau: str, code: str) -> str:
    """'27 % (ongunstiger)', '8.049* (hoger)' for a wijk figure in a buurt row, or 'onbekend';
    with ', +2 sinds 2023' when the figure has more than one reference year."""
    tekst = korte_waarde(r["waarde"], data.definities[indicator].eenheid, r["kwalificatie"] or "")
    if tekst == ONBEKEND:
        return tekst
    if niveau == "buurt" and r["niveau"] == "wijk":
        tekst += WIJKCIJFER
    if r["vergelijking"] not in (NIET_VERGELIJKBAAR, ONBEKEND):
        tekst += f" ({r['vergelijking']})"
    return _met_verandering(data, indicator, tekst, code)


def _met_verandering(data: Wijkdata, indicator: str, tekst: str, code: str) -> str:
    if indicator not in data.meerjarig:
        return tekst
    wijk = data.grenzen.buurten.set_index("code")["wijkcode"].get(code)
    verandering = verandering_tekst(verloop(data.reeksen, data.definities[indicator], code, wijk))
    return f"{tekst}, {verandering}" if verandering else tekst


def _referentierij(data: Wijkdata, naam: str, code: str, indicatoren: tuple[str, ...]) -> dict[str, str]:
    """The gemeente or programme-area row that every area is read against."""
    rij = {GEBIED: naam, WIJK: "", NOORD: ""}
    for ind in indicatoren:
        r = waarden_per_gebied(data.indicatoren, data.definities[ind], [code]).iloc[0]
        rij[kolomnaam(data, ind)] = _met_verandering(
            data, ind, korte_waarde(r["waarde"], data.definities[ind].eenheid, r["kwalificatie"]), code)
    return rij


def sorteervolgorde(lang: pd.DataFrame, sorteer: str, aflopend: bool) -> list[str]:
    """Area codes by name or by an indicator's value; unknown values always last."""
    namen = lang.drop_duplicates("code").set_index("code")["naam"]
    if sorteer == s.SORTEER_NAAM:
        return namen.sort_values(ascending=not aflopend, key=lambda n: n.str.lower()).index.tolist()
    waarden = lang[lang["indicator"] == sorteer].set_index("code")["waarde"]
    return waarden.sort_values(ascending=not aflopend, na_position="last", kind="stable").index.tolist()


def actietabellen(data: Wijkdata) -> dict[str, pd.DataFrame]:
    """Per opgave the actions (one row per action, however many places) with status."""
    acties = data.programma.items[data.programma.items["soort"] == "actie"]
    tabellen = {}
    for opgave in OPGAVEN:
        rijen = []
        for _, groep in acties[acties["opgave"] == opgave].groupby("actie_id", sort=False):
            eerste = groep.iloc[0]
            plekken = sorted(set(groep["gebiedsnaam"]))
            waar = ", ".join(plekken) + (f" ({len(groep)} plekken)" if len(groep) > 1 else "")
            rijen.append({"Actie": eerste["naam"], "Status": eerste["status"], "Jaar/periode": eerste["periode"],
                          "Waar": plek_tekst(waar, eerste["precisie"]), "Partners": eerste["partners"] or "—"})
        tabellen[opgave] = pd.DataFrame(rijen, columns=list(ACTIE_KOLOMMEN)).sort_values(["Status", "Actie"], ignore_index=True)
    return tabellen


def bouw(data: Wijkdata, niveau: str, sorteer: str, aflopend: bool, gemaakt: date) -> Raadsoverzicht:
    """Everything the overview shows for one level and sort order."""
    indicatoren = s.RAAD_INDICATOREN
    lang = overzicht(data, niveau, indicatoren)
    # A sort column without any figure at this level (the shares exist per buurt only) sorts by name.
    op_naam = sorteer != s.SORTEER_NAAM and lang.loc[lang["indicator"] == sorteer, "waarde"].isna().all()
    volgorde = sorteervolgorde(lang, s.SORTEER_NAAM if op_naam else sorteer, aflopend and not op_naam)
    per_code = lang.set_index(["code", "indicator"])
    basis = lang.drop_duplicates("code").set_index("code")
    rijen = [
        _referentierij(data, f"Gemeente {s.GEMEENTE_NAAM} (gemiddelde)", data.grenzen.gemeente["code"].iloc[0], indicatoren),
        _referentierij(data, f"{data.programmagebied.naam} (programmagebied)", data.programmagebied.code, indicatoren),
    ]
    vergelijkingen = [{}, {}]
    for code in volgorde:
        rij = {GEBIED: basis.at[code, "naam"], WIJK: basis.at[code, "wijknaam"] if niveau == "buurt" else "",
               NOORD: "ja" if basis.at[code, "in_programma"] else ""}
        woorden = {}
        for ind in indicatoren:
            r = per_code.loc[(code, ind)]
            rij[kolomnaam(data, ind)] = _cel(data, ind, r, niveau, code)
            woorden[kolomnaam(data, ind)] = r["vergelijking"]
        rijen.append(rij)
        vergelijkingen.append(woorden)
    tabel = pd.DataFrame(rijen)
    if niveau == "wijk":
        tabel = tabel.drop(columns=[WIJK])
    jaren = sorted({j for j in lang["peiljaar"].dropna() if j != ONBEKEND})
    trendjaren = sorted({j for i in indicatoren if i in data.meerjarig for j in peiljaren(data.reeksen, i)})
    zonder_jaar = sorted(set(lang.loc[lang["peiljaar"] == ONBEKEND, "bron"]))
    return Raadsoverzicht(
        niveau=niveau,
        lang=lang,
        tabel=tabel,
        vergelijkingen=pd.DataFrame(vergelijkingen, columns=tabel.columns).fillna(""),
        in_programma=[False, False] + [bool(basis.at[c, "in_programma"]) for c in volgorde],
        gesorteerd_op_naam=op_naam,
        kaarten={ind: indicatorkaart(data, ind) for ind in indicatoren},
        acties=actietabellen(data),
        bronnen=bronvermelding(data, gemaakt),
        peiljaren="; ".join(
            ([f"Peiljaar cijfers: {', '.join(jaren)}"] if jaren else [])
            + ([f"verloop sinds {trendjaren[0]}"] if trendjaren else [])
            + [f"zonder peiljaar: {b}" for b in zonder_jaar]
            + [f"grenzen {data.grenzen.bron.jaar}"]
        ) + ".",
    )
