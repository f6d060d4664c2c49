"""Everything the app shows, loaded and validated once: the single entry point for the UI,
the benchmarks and the tests."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

import geopandas as gpd
import pandas as pd

from geo.beheer import Gebiedscontext
from geo.boundaries import (
    CBS_2024_GENERALISEERD,
    GrensBron,
    Grenzen,
    laad_grenzen,
    naar_web,
)
from geo.gebieden import Programmagebied, gebieden_tabel, laad_programmagebieden
from geo.indicators import (
    Indicator,
    kaartbare_indicatoren,
    laad_definities,
    laad_indicatoren,
    met_afgeleide,
)
from geo.meldingen import INDICATOR as MELDINGEN_INDICATOR
from geo.meldingen import per_1000_inwoners
from geo.programma import Programma, laad_programma
from geo.tijdlijn import Tijdlijn, laad_tijdlijn


@dataclass(frozen=True)
class Wijkdata:
    """Read-only bundle; shared between sessions through a process-wide cache, so never mutate."""

    grenzen: Grenzen
    programmagebied: Programmagebied
    gebieden: gpd.GeoDataFrame  # every area, source CRS, indexed by code
    definities: dict[str, Indicator]
    indicatoren: pd.DataFrame  # source figures plus derived ones
    kaartbaar: tuple[str, ...]
    programma: Programma
    tijdlijn: Tijdlijn  # timeline, governance, budget and partners, sourced from programma.bronnen
    buurten_web: gpd.GeoDataFrame
    omlijningen_web: dict[str, gpd.GeoDataFrame]
    wijknamen: dict[str, str]
    revisie: int = 0  # the store revision the acties and meldingen come from; 0: the bundled files


def laad_wijkdata(programmacode: str, grensbron: GrensBron = CBS_2024_GENERALISEERD) -> Wijkdata:
    """Load every bundled file; raises :class:`geo.schema.DataFout` with a Dutch message."""
    grenzen = laad_grenzen(grensbron)
    programmagebieden = laad_programmagebieden(grenzen)
    gebied = next(p for p in programmagebieden if p.code == programmacode)
    gebieden = gebieden_tabel(grenzen, programmagebieden)
    definities = laad_definities()
    tabel = met_afgeleide(laad_indicatoren(grenzen, programmagebieden, definities), grenzen, programmagebieden, definities)
    web = naar_web(gebieden)
    programma = laad_programma(grenzen, gebieden)
    return Wijkdata(
        grenzen=grenzen,
        programmagebied=gebied,
        gebieden=gebieden,
        definities=definities,
        indicatoren=tabel,
        kaartbaar=tuple(kaartbare_indicatoren(tabel, definities)),
        programma=programma,
        tijdlijn=laad_tijdlijn(programma.bronnen),
        buurten_web=naar_web(grenzen.buurten),
        omlijningen_web={
            "gemeente": web[web["niveau"] == "gemeente"],
            "programmagebied": web.loc[[programmacode]],
        },
        wijknamen=dict(zip(grenzen.wijken["code"], grenzen.wijken["naam"], strict=True)),
    )


def gebiedscontext(data: Wijkdata) -> Gebiedscontext:
    """What the input rules (:mod:`geo.beheer`) need to know of the areas and sources."""
    return Gebiedscontext(frozenset(data.gebieden.index), frozenset(data.programma.bronnen["bron"]), data.grenzen)


def met_bewerkbaar(basis: Wijkdata, bewerkbaar: dict[str, pd.DataFrame], vandaag: date, revisie: int = 0) -> Wijkdata:
    """The bundle with the store's acties, meldingen and places instead of the bundled ones,
    plus the meldingen per 1,000 inwoners they give (see :mod:`geo.meldingen`)."""
    programma = laad_programma(basis.grenzen, basis.gebieden, bewerkbaar=bewerkbaar)
    rijen = per_1000_inwoners(programma.hotspots, basis.indicatoren, basis.grenzen, basis.programmagebied,
                              basis.definities[MELDINGEN_INDICATOR], vandaag)
    tabel = pd.concat([basis.indicatoren, pd.DataFrame(rijen)], ignore_index=True) if rijen else basis.indicatoren
    return replace(basis, programma=programma, indicatoren=tabel,
                   kaartbaar=tuple(kaartbare_indicatoren(tabel, basis.definities)), revisie=revisie)
