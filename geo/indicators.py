"""Indicator figures: the tidy table, its definitions, derived indicators and map values.

The bundled table holds only figures a source gives. Derived indicators are computed here
(never typed into a file) and carry ``afgeleid=True`` and a source text that says how.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd
import pandas as pd

from geo.boundaries import Grenzen
from geo.configuratie import CONFIG
from geo.gebieden import Programmagebied
from geo.schema import NIVEAUS, ONBEKEND, OPGAVEN, DataFout, lees_csv, split_lijst

INDICATOREN = CONFIG.indicatoren
DEFINITIES = CONFIG.definities

KOLOMMEN = ("gebiedscode", "niveau", "indicator", "waarde", "eenheid", "peiljaar", "kwalificatie", "bron", "opmerking")
DEFINITIE_KOLOMMEN = ("indicator", "label", "eenheid", "opgaven", "beter", "vergelijkbaar", "afgeleid", "definitie")


@dataclass(frozen=True)
class Indicator:
    """What an indicator means.

    ``beter`` says which direction is an improvement. ``vergelijkbaar`` says whether an area's
    figure can stand against the gemeente's: shares and per-unit figures can, totals
    (inwoners, ha) and shares *of* the gemeente total cannot. Only comparable figures of a
    wijk may stand in for a buurt without its own figure: a wijk total is not a buurt total.
    """

    id: str
    label: str
    eenheid: str
    opgaven: tuple[str, ...]
    beter: str  # "hoger", "lager" or "neutraal"
    vergelijkbaar: bool
    afgeleid: bool
    definitie: str


def laad_definities(pad: Path = DEFINITIES) -> dict[str, Indicator]:
    """Read the indicator definitions, checking opgaven and directions."""
    tabel = lees_csv(pad, DEFINITIE_KOLOMMEN)
    definities: dict[str, Indicator] = {}
    for rij, r in enumerate(tabel.itertuples(index=False), start=2):
        opgaven = split_lijst(r.opgaven)
        if any(o not in OPGAVEN for o in opgaven):
            raise DataFout(pad, f"rij {rij}: onbekende opgave in {r.opgaven!r}")
        if r.beter not in ("hoger", "lager", "neutraal"):
            raise DataFout(pad, f"rij {rij}: 'beter' moet hoger, lager of neutraal zijn")
        if r.vergelijkbaar not in ("ja", "nee") or r.afgeleid not in ("ja", "nee"):
            raise DataFout(pad, f"rij {rij}: 'vergelijkbaar' en 'afgeleid' moeten ja of nee zijn")
        if r.indicator in definities:
            raise DataFout(pad, f"rij {rij}: indicator {r.indicator!r} staat er dubbel in")
        definities[r.indicator] = Indicator(
            r.indicator, r.label, r.eenheid, opgaven, r.beter, r.vergelijkbaar == "ja", r.afgeleid == "ja", r.definitie
        )
    return definities


def laad_indicatoren(
    grenzen: Grenzen,
    programmagebieden: tuple[Programmagebied, ...],
    definities: dict[str, Indicator],
    paden: Sequence[Path] = (INDICATOREN,),
    eerdere_codes: frozenset[str] = frozenset(),
) -> pd.DataFrame:
    """Read and validate the tidy figure tables (the snapshot's CBS figures and the programme's
    own); ``waarde`` becomes a float.

    Every code must exist at its stated level (in the boundaries drawn, or for an older reference
    year in ``eerdere_codes``: CBS recodes buurten now and then), every indicator must be defined
    and not marked derived, every value numeric, every year a year or "onbekend", and no area may
    have the same indicator twice for one year.
    """
    codes = {
        "buurt": set(grenzen.buurten["code"]),
        "wijk": set(grenzen.wijken["code"]),
        "gemeente": set(grenzen.gemeente["code"]),
        "programmagebied": {p.code for p in programmagebieden},
    }
    tabellen = [_lees_indicatoren(pad, codes, definities, eerdere_codes) for pad in paden]
    tabel = pd.concat(tabellen, ignore_index=True)
    dubbel = tabel[tabel.duplicated(["gebiedscode", "indicator", "peiljaar"], keep=False)]
    if len(dubbel):
        paren = sorted(set(dubbel["gebiedscode"] + "/" + dubbel["indicator"] + "/" + dubbel["peiljaar"]))
        raise DataFout(paden[-1], "dubbele combinaties gebied/indicator/peiljaar: " + ", ".join(paren[:10]))
    return tabel.assign(waarde=tabel["waarde"].astype(float), afgeleid=False)


def _lees_indicatoren(pad: Path, codes: dict[str, set[str]], definities: dict[str, Indicator],
                      eerdere_codes: frozenset[str]) -> pd.DataFrame:
    tabel = lees_csv(pad, KOLOMMEN)
    fouten = []
    # as plain Python strings: walking pandas' Arrow-backed text cells one by one took ~1 s for
    # the 150,000 rows of a national set
    for rij, r in enumerate(tabel.astype(object).itertuples(index=False), start=2):
        if r.niveau not in NIVEAUS:
            fouten.append(f"rij {rij}: onbekend niveau {r.niveau!r}")
        elif r.gebiedscode not in codes[r.niveau] and r.gebiedscode not in eerdere_codes:
            fouten.append(f"rij {rij}: gebiedscode {r.gebiedscode!r} bestaat niet als {r.niveau}")
        if r.indicator not in definities:
            fouten.append(f"rij {rij}: indicator {r.indicator!r} heeft geen definitie")
        elif definities[r.indicator].afgeleid:
            fouten.append(f"rij {rij}: afgeleide indicator {r.indicator!r} hoort niet in het bestand")
        if not _is_getal(r.waarde):
            fouten.append(f"rij {rij}: waarde {r.waarde!r} is geen getal")
        if r.peiljaar != ONBEKEND and not (r.peiljaar.isdigit() and len(r.peiljaar) == 4):
            fouten.append(f"rij {rij}: peiljaar {r.peiljaar!r} is geen jaartal of 'onbekend'")
        if not r.bron.strip():
            fouten.append(f"rij {rij}: bron ontbreekt")
    if fouten:
        raise DataFout(pad, "; ".join(fouten[:10]))
    return tabel[list(KOLOMMEN)]


def actueel(tabel: pd.DataFrame) -> pd.DataFrame:
    """The newest figure per area and indicator ("onbekend" counts as oldest): what every page
    shows unless the user picks a year."""
    volgorde = tabel.assign(_jaar=_jaarsleutel(tabel["peiljaar"])).sort_values("_jaar", kind="stable")
    return volgorde.drop_duplicates(["gebiedscode", "indicator"], keep="last").drop(columns="_jaar").sort_index()


def in_jaar(tabel: pd.DataFrame, jaar: int) -> pd.DataFrame:
    """The figures of one reference year (for the map's year choice)."""
    return tabel[tabel["peiljaar"] == str(jaar)]


def peiljaren(tabel: pd.DataFrame, indicator: str) -> list[int]:
    """The reference years an indicator has figures for, oldest first."""
    deel = tabel.loc[tabel["indicator"] == indicator, "peiljaar"]
    return sorted({int(j) for j in deel if j.isdigit()})


def verloop(tabel: pd.DataFrame, indicator: Indicator, code: str, terugval: str | None = None) -> pd.Series:
    """The area's figure per reference year (index year, oldest first), from the same level as
    :func:`waarden_per_gebied` would pick: the area's own figures, else (comparable indicators)
    its ``terugval`` area's. Empty when no year has a figure; "onbekend" years are left out, as
    they cannot be placed on a time line."""
    deel = tabel[(tabel["indicator"] == indicator.id) & tabel["peiljaar"].str.isdigit()]
    eigen = deel[deel["gebiedscode"] == code]
    if eigen.empty and terugval is not None and indicator.vergelijkbaar:
        eigen = deel[deel["gebiedscode"] == terugval]
    return eigen.set_index(eigen["peiljaar"].astype(int))["waarde"].sort_index()


def _jaarsleutel(peiljaren: pd.Series) -> pd.Series:
    return peiljaren.where(peiljaren.str.isdigit(), "0000")


def _is_getal(tekst: str) -> bool:
    try:
        return math.isfinite(float(tekst))
    except ValueError:
        return False


def _rij(code: str, niveau: str, indicator: str, waarde: float, eenheid: str, jaar: str, bron: str, opmerking: str) -> dict:
    return {
        "gebiedscode": code, "niveau": niveau, "indicator": indicator, "waarde": waarde,
        "eenheid": eenheid, "peiljaar": jaar, "kwalificatie": "", "bron": bron,
        "opmerking": opmerking, "afgeleid": True,
    }


def met_afgeleide(
    tabel: pd.DataFrame, grenzen: Grenzen, programmagebieden: tuple[Programmagebied, ...], definities: dict[str, Indicator]
) -> pd.DataFrame:
    """Add derived figures computed from source figures of the same year (per reference year).

    - programme-area totals (inwoners, woningvoorraad, oppervlakte, dichtheid) where the
      programme area consists of whole wijken that have those figures, because CBS gives
      wijk figures and the programme area is not a CBS area;
    - the ratios of :data:`VERHOUDINGEN` (inwoners per woning, age shares, bijstand per 1,000)
      for every area that has both figures (programme areas included, hence the order).
    """
    delen = []
    for _, jaartabel in tabel.groupby("peiljaar", sort=True):
        basis = pd.concat([jaartabel, pd.DataFrame(_programmagebied_totalen(jaartabel, grenzen, programmagebieden, definities))],
                          ignore_index=True)
        delen.append(pd.concat([basis, pd.DataFrame(_verhoudingen(basis, definities))], ignore_index=True))
    return pd.concat(delen, ignore_index=True)


# Derived ratios: (indicator, numerator, denominator, factor, decimals). Each is computed only from
# two source figures of the same area and year.
VERHOUDINGEN = (
    ("inwoners_per_woning", "inwoners", "woningvoorraad", 1, 2),
    ("aandeel_0_tot_15", "inwoners_0_tot_15", "inwoners", 100, 1),
    ("aandeel_65_plus", "inwoners_65_plus", "inwoners", 100, 1),
    ("bijstand_per_1000_inwoners", "personen_bijstand", "inwoners", 1000, 1),
)


def _verhoudingen(tabel: pd.DataFrame, definities: dict[str, Indicator]) -> list[dict]:
    """One row per area that has both figures of a ratio (vectorised: a national set has 15,000 areas)."""
    rijen: list[dict] = []
    for indicator, teller, noemer, factor, decimalen in VERHOUDINGEN:
        if indicator not in definities:
            continue
        boven = tabel[tabel["indicator"] == teller].set_index("gebiedscode")
        onder = tabel.loc[tabel["indicator"] == noemer].set_index("gebiedscode")["waarde"]
        paar = boven.join(onder.rename("noemer"), how="inner")
        paar = paar[paar["noemer"] > 0].sort_index()
        uitleg = f"Afgeleid uit {definities[teller].label.lower()} en {definities[noemer].label.lower()}"
        rijen += [
            _rij(code, r.niveau, indicator, round(factor * r.waarde / r.noemer, decimalen), definities[indicator].eenheid,
                 r.peiljaar, f"{uitleg} ({r.bron})", "")
            for code, r in zip(paar.index, paar.itertuples(index=False), strict=True)
        ]
    return rijen


def _programmagebied_totalen(
    tabel: pd.DataFrame, grenzen: Grenzen, programmagebieden: tuple[Programmagebied, ...], definities: dict[str, Indicator]
) -> list[dict]:
    """Sum wijk figures for programme areas made of whole wijken (only then is a sum honest)."""
    rijen: list[dict] = []
    wijk_van = grenzen.buurten.set_index("code")["wijkcode"]
    buurten_per_wijk = grenzen.buurten.groupby("wijkcode")["code"].apply(set)
    for gebied in programmagebieden:
        wijken = sorted({wijk_van[b] for b in gebied.buurten})
        if any(buurten_per_wijk[w] - set(gebied.buurten) for w in wijken):
            continue  # a partial wijk: a sum of wijk figures would overstate the area
        bestaand = set(tabel.loc[tabel["gebiedscode"] == gebied.code, "indicator"])
        namen = " + ".join(grenzen.naam(w) or w for w in wijken)
        sommen, jaar = {}, ONBEKEND
        for ind in ("inwoners", "woningvoorraad", "oppervlakte_land", "oppervlakte_totaal"):
            deel = tabel[(tabel["indicator"] == ind) & tabel["gebiedscode"].isin(wijken)]
            if ind in bestaand or len(deel) != len(wijken):
                continue
            sommen[ind], jaar = deel["waarde"].sum(), deel["peiljaar"].iloc[0]
            rijen.append(_rij(
                gebied.code, "programmagebied", ind, sommen[ind], deel["eenheid"].iloc[0], jaar,
                f"Afgeleid: som van de wijken {namen} ({deel['bron'].iloc[0]})", "",
            ))
        if "bevolkingsdichtheid" not in bestaand and {"inwoners", "oppervlakte_land"} <= set(sommen):
            rijen.append(_rij(
                gebied.code, "programmagebied", "bevolkingsdichtheid",
                round(sommen["inwoners"] / (sommen["oppervlakte_land"] / 100)),
                definities["bevolkingsdichtheid"].eenheid, jaar,
                "Afgeleid: inwoners gedeeld door landoppervlak van de wijken", "",
            ))
    return rijen


@dataclass(frozen=True)
class Kaartwaarden:
    """Per buurt the value to colour by, and where it comes from (buurt or its wijk)."""

    indicator: Indicator
    waarden: pd.DataFrame  # index buurtcode; columns waarde, kwalificatie, niveau, peiljaar, bron
    gemeente: pd.Series | None  # the gemeente row of this indicator, if any


def kaartbare_indicatoren(tabel: pd.DataFrame, definities: dict[str, Indicator]) -> list[str]:
    """Indicators that can colour buurten: a buurt figure, or a comparable wijk figure."""
    buurt = set(tabel.loc[tabel["niveau"] == "buurt", "indicator"])
    wijk = {i for i in tabel.loc[tabel["niveau"] == "wijk", "indicator"] if definities[i].vergelijkbaar}
    return sorted(buurt | wijk)


_WAARDE_KOLOMMEN = ["waarde", "kwalificatie", "niveau", "peiljaar", "bron"]


def waarden_per_gebied(
    tabel: pd.DataFrame, indicator: Indicator, codes: Sequence[str], terugval: Sequence[str | None] | None = None
) -> pd.DataFrame:
    """One figure per area code: the area's own, else its ``terugval`` area's, else NaN.

    ``terugval`` maps each code to a larger area (a buurt to its wijk). It is used only for
    comparable indicators: a wijk's share is a fair stand-in for its buurten, a wijk's total
    (inwoners, ha) is not a buurt's total. Returns a frame indexed by code with
    ``waarde, kwalificatie, niveau, peiljaar, bron``; ``niveau`` tells where the figure is from.
    """
    deel = tabel.loc[tabel["indicator"] == indicator.id, ["gebiedscode", *_WAARDE_KOLOMMEN]].set_index("gebiedscode")
    codes = pd.Index(list(codes), name="code")
    uit = deel.reindex(codes)
    if terugval is not None and indicator.vergelijkbaar:
        zonder = uit["waarde"].isna() & ~codes.isin(deel.index)
        groter = deel.reindex(pd.Index(list(terugval), name="code"))
        groter.index = codes
        uit[zonder] = groter[zonder]
    uit["kwalificatie"] = uit["kwalificatie"].fillna("")
    uit = uit.astype({"niveau": object, "peiljaar": object, "bron": object})
    return uit.where(uit.notna(), None).assign(waarde=uit["waarde"].astype(float), kwalificatie=uit["kwalificatie"])


def gemeentewaarde(tabel: pd.DataFrame, indicator: str) -> pd.Series | None:
    """The gemeente row of an indicator, or None when no source gives it."""
    deel = tabel[(tabel["indicator"] == indicator) & (tabel["niveau"] == "gemeente")]
    return deel.iloc[0] if len(deel) else None


def kaartwaarden(tabel: pd.DataFrame, buurten: gpd.GeoDataFrame, indicator: Indicator) -> Kaartwaarden:
    """Value per buurt: the buurt's own figure, else (comparable indicators) its wijk's, else missing.

    Why the wijk fallback: CBS kerncijfers in the bundle exist per wijk only; colouring each
    buurt with its wijk's share shows all 43 buurten while the level column tells the truth.
    """
    waarden = waarden_per_gebied(tabel, indicator, buurten["code"], buurten["wijkcode"])
    return Kaartwaarden(indicator, waarden, gemeentewaarde(tabel, indicator.id))


def gebiedsprofiel(
    tabel: pd.DataFrame, grenzen: Grenzen, definities: dict[str, Indicator], code: str, programmacode: str | None
) -> pd.DataFrame:
    """Every indicator for one area next to the gemeente and programme-area figure.

    ``code`` may be a buurt, wijk, programme area or the gemeente; a buurt falls back to its
    wijk as in :func:`waarden_per_gebied`. Rows have ``indicator, waarde, kwalificatie, niveau,
    peiljaar, bron, gemeente, programmagebied`` (the last two with their ``_kwalificatie``, e.g.
    "ruim"); a missing figure stays NaN so the UI can say "onbekend" instead of 0.
    """
    wijk = grenzen.buurten.set_index("code")["wijkcode"].get(code)
    referenties = [grenzen.gemeente["code"].iloc[0], programmacode]
    rijen = []
    for ind_id in sorted(tabel["indicator"].unique()):
        ind = definities[ind_id]
        eigen = waarden_per_gebied(tabel, ind, [code], [wijk]).iloc[0]
        gem, prog = (r for _, r in waarden_per_gebied(tabel, ind, referenties).iterrows())
        rijen.append({
            "indicator": ind_id, **eigen.to_dict(),
            "gemeente": gem["waarde"], "gemeente_kwalificatie": gem["kwalificatie"],
            "programmagebied": prog["waarde"], "programmagebied_kwalificatie": prog["kwalificatie"],
        })
    return pd.DataFrame(rijen)
