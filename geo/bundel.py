"""Everything the app shows, loaded and validated once: the single entry point for the UI,
the benchmarks and the tests."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

import geopandas as gpd
import pandas as pd

from geo.beheer import Gebiedscontext
from geo.boundaries import Grenzen, codes, laad_grenzen, naar_web
from geo.configuratie import CONFIG
from geo.gebieden import Programmagebied, gebieden_tabel, laad_programmagebieden
from geo.indicators import (
    Indicator,
    actueel,
    kaartbare_indicatoren,
    laad_definities,
    laad_indicatoren,
    met_afgeleide,
    peiljaren,
)
from geo.meldingen import INDICATOR as MELDINGEN_INDICATOR
from geo.meldingen import per_1000_inwoners
from geo.programma import Programma, laad_programma
from geo.schema import DataFout
from geo.snapshot import Snapshot, actieve_snapshotmap, lees_snapshot, met_geocodering
from geo.tijdlijn import Tijdlijn, laad_tijdlijn


@dataclass(frozen=True)
class Wijkdata:
    """Read-only bundle; shared between sessions through a process-wide cache, so never mutate."""

    grenzen: Grenzen
    programmagebied: Programmagebied
    gebieden: gpd.GeoDataFrame  # every area, source CRS, indexed by code
    gebieden_web: gpd.GeoDataFrame  # the same in WGS84 (lon/lat): reprojected once, it is slow at scale
    snapshot: Snapshot  # which CBS data, of which years, from where
    definities: dict[str, Indicator]
    reeksen: pd.DataFrame  # every reference year: source figures plus derived ones
    indicatoren: pd.DataFrame  # the newest figure per area and indicator (what pages show by default)
    kaartbaar: tuple[str, ...]
    meerjarig: frozenset[str]  # indicators with figures for more than one reference year (trends, year choice)
    programma: Programma
    tijdlijn: Tijdlijn  # timeline, governance, budget and partners, sourced from programma.bronnen
    buurten_web: gpd.GeoDataFrame
    omlijningen_web: dict[str, gpd.GeoDataFrame]
    wijknamen: dict[str, str]
    revisie: int = 0  # the store revision the acties and meldingen come from; 0: the bundled files


def laad_wijkdata(snapshotmap: Path | None = None) -> Wijkdata:
    """Load the active CBS snapshot (or ``snapshotmap``, a candidate being checked) and the files of
    this process's configuration; raises :class:`geo.schema.DataFout` with a Dutch message. The map
    draws the newest boundary year; figures of older years feed the trends."""
    config = CONFIG
    snapshot = lees_snapshot(snapshotmap or actieve_snapshotmap(config.cbs_map, config.ververs_map))
    if snapshot.gemeentecode != config.gemeentecode:
        raise DataFout(snapshot.map / "snapshot.json",
                       f"snapshot van {snapshot.gemeentecode}, de configuratie is voor {config.gemeentecode}")
    grenzen = laad_grenzen(snapshot.grensbron)
    eerder = frozenset().union(*(codes(b) for j, b in snapshot.grenzen.items() if j != snapshot.jaar))
    programmagebieden = laad_programmagebieden(grenzen)
    gebied = next((p for p in programmagebieden if p.code == config.programmacode), None)
    if gebied is None:
        raise DataFout(config.bestand, f"programmagebied {config.programmacode!r} staat niet in gebieden.csv")
    gebieden = gebieden_tabel(grenzen, programmagebieden)
    definities = laad_definities(config.definities)
    bronnen = laad_indicatoren(grenzen, programmagebieden, definities, (snapshot.kerncijfers, config.indicatoren), eerder)
    reeksen = met_afgeleide(bronnen, grenzen, programmagebieden, definities)
    tabel = actueel(reeksen)
    web = naar_web(gebieden)
    programma = laad_programma(grenzen, gebieden, gebieden_web=web)
    return Wijkdata(
        grenzen=grenzen,
        programmagebied=gebied,
        gebieden=gebieden,
        gebieden_web=web,
        snapshot=snapshot,
        definities=definities,
        reeksen=reeksen,
        indicatoren=tabel,
        kaartbaar=tuple(kaartbare_indicatoren(tabel, definities)),
        meerjarig=frozenset(i for i in definities if len(peiljaren(reeksen, i)) > 1),
        programma=programma,
        tijdlijn=laad_tijdlijn(programma.bronnen),
        # the buurten of the reprojected area table: one transformation (it is the slow part at scale)
        buurten_web=gpd.GeoDataFrame(grenzen.buurten.drop(columns="geometry").assign(
            geometry=web.loc[grenzen.buurten["code"], "geometry"].to_numpy()), crs=web.crs),
        omlijningen_web={
            "gemeente": web[web["niveau"] == "gemeente"],
            "programmagebied": web.loc[[config.programmacode]],
        },
        wijknamen=dict(zip(grenzen.wijken["code"], grenzen.wijken["naam"], strict=True)),
    )


def gebiedscontext(data: Wijkdata) -> Gebiedscontext:
    """What the input rules (:mod:`geo.beheer`) need to know of the areas and sources."""
    return Gebiedscontext(frozenset(data.gebieden.index), frozenset(data.programma.bronnen["bron"]), data.grenzen)


def met_bewerkbaar(basis: Wijkdata, bewerkbaar: dict[str, pd.DataFrame], vandaag: date, revisie: int = 0) -> Wijkdata:
    """The bundle with the store's acties, meldingen and places instead of the bundled ones (places
    without coordinates get the snapshot's geocoded ones), plus the meldingen per 1,000 inwoners
    they give (see :mod:`geo.meldingen`)."""
    bewerkbaar = {**bewerkbaar, "plaatsen": met_geocodering(bewerkbaar["plaatsen"], basis.snapshot)}
    programma = laad_programma(basis.grenzen, basis.gebieden, bewerkbaar=bewerkbaar, gebieden_web=basis.gebieden_web)
    rijen = per_1000_inwoners(programma.hotspots, basis.indicatoren, basis.grenzen, basis.programmagebied,
                              basis.definities[MELDINGEN_INDICATOR], vandaag)
    erbij = pd.DataFrame(rijen)
    tabel = pd.concat([basis.indicatoren, erbij], ignore_index=True) if rijen else basis.indicatoren
    reeksen = pd.concat([basis.reeksen, erbij], ignore_index=True) if rijen else basis.reeksen
    return replace(basis, programma=programma, indicatoren=tabel, reeksen=reeksen,
                   kaartbaar=tuple(kaartbare_indicatoren(tabel, basis.definities)), revisie=revisie)
