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

from geo.boundaries import DATA_DIR, Grenzen
from geo.gebieden import Programmagebied
from geo.schema import NIVEAUS, ONBEKEND, OPGAVEN, DataFout, lees_csv, split_lijst

INDICATOREN = DATA_DIR / "indicatoren.csv"
DEFINITIES = DATA_DIR / "indicator_definities.csv"

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
    pad: Path = INDICATOREN,
) -> pd.DataFrame:
    """Read and validate the tidy figure table; ``waarde`` becomes a float.

    Every code must exist at its stated level, every indicator must be defined and not marked
    derived, every value numeric, every year a year or "onbekend", and no area may have the same
    indicator twice.
    """
    tabel = lees_csv(pad, KOLOMMEN)
    codes = {
        "buurt": set(grenzen.buurten["code"]),
        "wijk": set(grenzen.wijken["code"]),
        "gemeente": set(grenzen.gemeente["code"]),
        "programmagebied": {p.code for p in programmagebieden},
    }
    fouten = []
    for rij, r in enumerate(tabel.itertuples(index=False), start=2):
        if r.niveau not in NIVEAUS:
            fouten.append(f"rij {rij}: onbekend niveau {r.niveau!r}")
        elif r.gebiedscode not in codes[r.niveau]:
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
    dubbel = tabel[tabel.duplicated(["gebiedscode", "indicator"], keep=False)]
    if len(dubbel):
        fouten.append("dubbele combinaties gebied/indicator: " + ", ".join(sorted(set(dubbel["gebiedscode"] + "/" + dubbel["indicator"]))))
    if fouten:
        raise DataFout(pad, "; ".join(fouten[:10]))
    tabel = tabel.assign(waarde=tabel["waarde"].astype(float), afgeleid=False)
    return tabel


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
    """Add derived figures computed from source figures of the same year.

    - programme-area totals (inwoners, woningvoorraad, oppervlakte, dichtheid) where the
      programme area consists of whole wijken that have those figures, because CBS gives
      wijk figures and the programme area is not a CBS area;
    - ``inwoners_per_woning`` for every area that has both inwoners and woningvoorraad
      (programme areas included, hence the order).
    """
    basis = pd.concat([tabel, pd.DataFrame(_programmagebied_totalen(tabel, grenzen, programmagebieden, definities))], ignore_index=True)
    return pd.concat([basis, pd.DataFrame(_inwoners_per_woning(basis, definities))], ignore_index=True)


def _inwoners_per_woning(tabel: pd.DataFrame, definities: dict[str, Indicator]) -> list[dict]:
    per = tabel.set_index(["gebiedscode", "indicator"])
    rijen = []
    for code in sorted(set(tabel["gebiedscode"])):
        if (code, "inwoners") not in per.index or (code, "woningvoorraad") not in per.index:
            continue
        inwoners, woningen = per.loc[(code, "inwoners")], per.loc[(code, "woningvoorraad")]
        if woningen["waarde"] <= 0:
            continue
        rijen.append(_rij(
            code, inwoners["niveau"], "inwoners_per_woning", round(inwoners["waarde"] / woningen["waarde"], 2),
            definities["inwoners_per_woning"].eenheid, inwoners["peiljaar"],
            f"Afgeleid uit inwoners en woningvoorraad ({inwoners['bron']})", "",
        ))
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


def waarden_per_gebied(
    tabel: pd.DataFrame, indicator: Indicator, codes: Sequence[str], terugval: Sequence[str | None] | None = None
) -> pd.DataFrame:
    """One figure per area code: the area's own, else its ``terugval`` area's, else NaN.

    ``terugval`` maps each code to a larger area (a buurt to its wijk). It is used only for
    comparable indicators: a wijk's share is a fair stand-in for its buurten, a wijk's total
    (inwoners, ha) is not a buurt's total. Returns a frame indexed by code with
    ``waarde, kwalificatie, niveau, peiljaar, bron``; ``niveau`` tells where the figure is from.
    """
    deel = tabel[tabel["indicator"] == indicator.id].set_index("gebiedscode")
    reserve = list(terugval) if terugval is not None and indicator.vergelijkbaar else [None] * len(codes)
    rijen = []
    for code, groter in zip(codes, reserve, strict=True):
        bron = code if code in deel.index else groter if groter in deel.index else None
        if bron is None:
            rijen.append({"code": code, "waarde": math.nan, "kwalificatie": "", "niveau": None, "peiljaar": None, "bron": None})
        else:
            r = deel.loc[bron]
            rijen.append({"code": code, "waarde": r["waarde"], "kwalificatie": r["kwalificatie"], "niveau": r["niveau"],
                          "peiljaar": r["peiljaar"], "bron": r["bron"]})
    return pd.DataFrame(rijen, columns=["code", "waarde", "kwalificatie", "niveau", "peiljaar", "bron"]).set_index("code")


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
