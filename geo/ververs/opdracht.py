"""The refresh: download, check with the app's own loaders, then switch in one step.

Order matters for "nothing is lost": everything is written to a hidden folder beside the current
snapshots; that folder is loaded exactly as the app would load it (:func:`geo.bundel.laad_wijkdata`
with the candidate), plus the checks the downloads do themselves (units, ranges). Only then is it
renamed to its final, dated name and ``HUIDIG`` pointed at it (:func:`geo.snapshot.activeer`).
Any failure removes the hidden folder and leaves the running app on its previous data.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Sequence
from dataclasses import asdict
from datetime import datetime
from pathlib import Path

import pandas as pd

from geo.bundel import laad_wijkdata, met_bewerkbaar
from geo.configuratie import CONFIG, Configuratie
from geo.indicators import KOLOMMEN
from geo.opslag import BEWERKBAAR, Opslag, OpslagFout
from geo.programma import lees_bewerkbaar
from geo.schema import DataFout
from geo.snapshot import (
    GEOCODERING_KOLOMMEN,
    MANIFEST,
    Herkomst,
    activeer,
    lees_snapshot,
)
from geo.ververs.cbs_kerncijfers import kerncijfers_van_jaar
from geo.ververs.locatieserver import geocodeer
from geo.ververs.pdok_grenzen import grenzen_van_jaar
from geo.ververs.web import Bronvermelding, Ophaler, VerversFout, Voortgang


def ververs(
    jaren: Sequence[int],
    ophaler: Ophaler,
    voortgang: Voortgang,
    nu: datetime,
    opslag: Path | str | None = None,
    geocoderen: bool = True,
) -> Path:
    """Refresh the CBS data of the configured gemeente for ``jaren``; returns the new snapshot folder.

    Always for this process's configuration (:data:`geo.configuratie.CONFIG`): the check loads the
    candidate exactly as the app of that configuration would.

    ``opslag`` is the wijkteam's store: its places without coordinates are geocoded (read only;
    the result lives in the snapshot, see :func:`geo.snapshot.met_geocodering`).
    Raises :class:`VerversFout` with a Dutch message; the current snapshot then stays active.
    """
    if not jaren:
        raise VerversFout("Geef minstens één jaar.")
    config = CONFIG
    doel = config.ververs_map
    doel.mkdir(parents=True, exist_ok=True)
    naam = f"{nu:%Y%m%d-%H%M%S}-{config.gemeentecode}"
    if (doel / naam).exists():
        raise VerversFout(f"Snapshot {naam} bestaat al; probeer het over een seconde opnieuw.")
    bewerkbaar = _bewerkbaar(opslag)
    tijdelijk = Path(tempfile.mkdtemp(prefix=".nieuw-", dir=doel))
    try:
        _schrijf(tijdelijk, config, sorted(set(jaren)), ophaler, voortgang, nu, bewerkbaar["plaatsen"], geocoderen)
        voortgang("Controleren: de nieuwe gegevens laden zoals de app ze laadt…")
        try:
            met_bewerkbaar(laad_wijkdata(tijdelijk), bewerkbaar, nu.date())
        except DataFout as fout:
            raise VerversFout(f"De gedownloade gegevens zijn afgekeurd: {fout}. Er is niets veranderd.") from None
        tijdelijk.rename(doel / naam)
        activeer(doel, naam)
    except BaseException:
        shutil.rmtree(tijdelijk, ignore_errors=True)
        raise
    voortgang(f"Klaar: snapshot {naam} is actief. De app toont de nieuwe gegevens bij de volgende klik.")
    return doel / naam


def _schrijf(map_: Path, config: Configuratie, jaren: list[int], ophaler: Ophaler, voortgang: Voortgang,
             nu: datetime, plaatsen: pd.DataFrame, geocoderen: bool) -> None:
    """Download every part into ``map_`` and write the manifest last."""
    opgehaald = f"{nu:%Y-%m-%d}"
    herkomst: list[Herkomst] = []
    grenzen: dict[str, dict[str, str]] = {}
    cijfers = []
    for jaar in jaren:
        delen, bron = grenzen_van_jaar(ophaler, config.gemeentecode, jaar, voortgang)
        grenzen[str(jaar)] = {"bron": f"CBS / Kadaster (PDOK), Wijk- en Buurtkaart {jaar}"}
        for niveau, frame in delen.items():
            bestand = f"{niveau}_{jaar}.geojson"
            frame.to_file(map_ / bestand, driver="GeoJSON")
            grenzen[str(jaar)][niveau] = bestand
        herkomst.append(_herkomst(bron, opgehaald))
        tabel, bron = kerncijfers_van_jaar(ophaler, config.gemeentecode, jaar, voortgang)
        cijfers.append(tabel)
        herkomst.append(_herkomst(bron, opgehaald))
    pd.concat(cijfers, ignore_index=True)[list(KOLOMMEN)].to_csv(map_ / "kerncijfers.csv", index=False)
    manifest = {
        "gemeentecode": config.gemeentecode,
        "aangemaakt": nu.isoformat(timespec="seconds"),
        "gegeneraliseerd": False,
        "grenzen": grenzen,
        "kerncijfers": "kerncijfers.csv",
    }
    if geocoderen:
        gevonden, bron = _geocodeer(ophaler, config, plaatsen, voortgang, opgehaald)
        if bron is not None:
            gevonden.to_csv(map_ / "geocodering.csv", index=False)
            manifest["geocodering"] = "geocodering.csv"
            herkomst.append(_herkomst(bron, opgehaald))
    manifest["herkomst"] = [asdict(h) for h in herkomst]
    (map_ / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    lees_snapshot(map_)  # the manifest itself is well-formed


def _herkomst(bron: Bronvermelding, opgehaald: str) -> Herkomst:
    return Herkomst(bron.wat, bron.url, bron.tabel, opgehaald, bron.licentie)


def _geocodeer(ophaler: Ophaler, config: Configuratie, plaatsen: pd.DataFrame, voortgang: Voortgang,
               opgehaald: str) -> tuple[pd.DataFrame, Bronvermelding | None]:
    """Geocode the places that have an address but no coordinates; a miss stays without a point."""
    open_ = plaatsen[(plaatsen["lat"].str.strip() == "") & (plaatsen["lon"].str.strip() == "")
                     & (plaatsen["address"].str.strip() != "")]
    rijen, bron = [], None
    for nummer, r in enumerate(open_.itertuples(index=False), start=1):
        voortgang(f"Adressen zoeken (PDOK Locatieserver): {nummer} van {len(open_)}")
        treffer, bron = geocodeer(ophaler, r.address, config.gemeentecode)
        if treffer is None:
            voortgang(f"  geen adres in de gemeente gevonden voor {r.name!r}; die plek blijft zonder coördinaten")
            continue
        rijen.append({
            "id": r.id, "adres": r.address, "lon": treffer.lon, "lat": treffer.lat,
            "weergavenaam": treffer.weergavenaam, "score": treffer.score,
            "bron": f"PDOK Locatieserver, geocodering van het adres ('{treffer.weergavenaam}', {opgehaald})",
        })
    return pd.DataFrame(rijen, columns=list(GEOCODERING_KOLOMMEN)), bron


def _bewerkbaar(opslag: Path | str | None) -> dict[str, pd.DataFrame]:
    """Acties, meldingen and places as the app knows them: from the wijkteam's store when it
    exists, else the bundled files. Read only: the refresh never writes to the store."""
    if opslag is not None and (isinstance(opslag, str) or opslag.exists()):
        try:
            winkel = Opslag(opslag)
            return {naam: winkel.tabel(naam) for naam in BEWERKBAAR}
        except OpslagFout as fout:
            raise VerversFout(f"De opslag van het wijkteam kon niet worden gelezen: {fout}") from None
    return lees_bewerkbaar()
