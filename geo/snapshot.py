"""A CBS snapshot: boundaries of one or more years, their kerncijfers and provenance, in one folder.

Why a folder with a manifest: the refresh command (:mod:`geo.ververs.opdracht`) writes a complete
new folder, checks it with the same loaders the app uses, and only then points ``HUIDIG`` at it
(one atomic rename). The app therefore reads either the old or the new snapshot, never a mix.
The bundled, generalised 2024 data is a snapshot too (``data/cbs``), used until a refresh exists.

``snapshot.json``::

    {"gemeentecode": "GM1916", "aangemaakt": "2026-11-25T18:45:00+00:00", "gegeneraliseerd": false,
     "grenzen": {"2024": {"buurten": "buurten_2024.geojson", "wijken": "…", "gemeente": "…",
                          "bron": "CBS / Kadaster (PDOK), Wijk- en Buurtkaart 2024"}},
     "kerncijfers": "kerncijfers.csv", "geocodering": "geocodering.csv",
     "herkomst": [{"wat": "…", "url": "…", "tabel": "85984NED", "opgehaald": "2026-11-25",
                   "licentie": "CC-BY 4.0"}]}

``kerncijfers.csv`` has the columns of :data:`geo.indicators.KOLOMMEN`; ``geocodering.csv`` (optional)
those of :data:`GEOCODERING_KOLOMMEN`.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from geo.boundaries import GrensBron
from geo.schema import GEMEENTE_CRS, DataFout, lees_csv

MANIFEST = "snapshot.json"
HUIDIG = "HUIDIG"  # in the refresh folder: the name of the active snapshot
NIVEAUS = ("buurten", "wijken", "gemeente")
GEOCODERING_KOLOMMEN = ("id", "adres", "lon", "lat", "weergavenaam", "score", "bron")


@dataclass(frozen=True)
class Herkomst:
    """Where one part of a snapshot comes from; shown on the 'Over de gegevens' page."""

    wat: str
    url: str
    tabel: str
    opgehaald: str
    licentie: str


@dataclass(frozen=True)
class Snapshot:
    map: Path
    gemeentecode: str
    aangemaakt: str
    gegeneraliseerd: bool
    grenzen: dict[int, GrensBron]  # per reference year
    kerncijfers: Path
    geocodering: Path | None
    herkomst: tuple[Herkomst, ...]

    @property
    def jaar(self) -> int:
        """The newest boundary year: the map draws this indeling."""
        return max(self.grenzen)

    @property
    def grensbron(self) -> GrensBron:
        return self.grenzen[self.jaar]


def actieve_snapshotmap(bundel: Path, ververst: Path) -> Path:
    """The refreshed snapshot ``HUIDIG`` points at, else the bundled one."""
    wijzer = ververst / HUIDIG
    if not wijzer.exists():
        return bundel
    naam = wijzer.read_text(encoding="utf-8").strip()
    if not naam or "/" in naam or naam.startswith("."):
        raise DataFout(wijzer, f"verwijst niet naar een snapshotmap: {naam!r}")
    return ververst / naam


def activeer(ververst: Path, naam: str) -> None:
    """Point ``HUIDIG`` at snapshot ``naam``: written aside, then renamed (atomic on POSIX)."""
    tijdelijk = ververst / f".{HUIDIG}.{os.getpid()}"
    tijdelijk.write_text(naam + "\n", encoding="utf-8")
    os.replace(tijdelijk, ververst / HUIDIG)


def lees_snapshot(map_: Path) -> Snapshot:
    """Read and check a snapshot's manifest (the files themselves are checked by their loaders)."""
    pad = map_ / MANIFEST
    try:
        ruw = json.loads(pad.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DataFout(pad, "snapshotbeschrijving ontbreekt") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as fout:
        raise DataFout(pad, f"geen geldige JSON ({fout})") from None
    try:
        gegeneraliseerd = bool(ruw["gegeneraliseerd"])
        grenzen = {
            int(jaar): GrensBron(
                *(map_ / delen[n] for n in NIVEAUS), crs=GEMEENTE_CRS, jaar=int(jaar), bron=delen["bron"],
                gegeneraliseerd=gegeneraliseerd,
            )
            for jaar, delen in ruw["grenzen"].items()
        }
        herkomst = tuple(Herkomst(h["wat"], h["url"], h.get("tabel", ""), h["opgehaald"], h["licentie"])
                         for h in ruw["herkomst"])
        snapshot = Snapshot(
            map=map_, gemeentecode=ruw["gemeentecode"], aangemaakt=ruw["aangemaakt"], gegeneraliseerd=gegeneraliseerd,
            grenzen=grenzen, kerncijfers=map_ / ruw["kerncijfers"],
            geocodering=map_ / ruw["geocodering"] if ruw.get("geocodering") else None, herkomst=herkomst,
        )
    except (KeyError, TypeError, ValueError) as fout:
        raise DataFout(pad, f"onvolledige snapshotbeschrijving ({fout})") from None
    if not grenzen:
        raise DataFout(pad, "geen grenzen in de snapshot")
    return snapshot


def met_geocodering(plaatsen: pd.DataFrame, snapshot: Snapshot) -> pd.DataFrame:
    """Places without coordinates get the snapshot's geocoded point, and a source text that says
    so. Only while the address is still the one that was geocoded: an edited address must not
    keep an old point. Coordinates the wijkteam set (or a source gave) always win."""
    if snapshot.geocodering is None:
        return plaatsen
    gevonden = lees_geocodering(snapshot.geocodering).set_index("id")
    plaatsen = plaatsen.copy()
    for i, r in plaatsen.iterrows():
        if r["id"] not in gevonden.index or str(r["lat"]).strip() or str(r["lon"]).strip():
            continue
        g = gevonden.loc[r["id"]]
        if g["adres"] != r["address"]:
            continue
        plaatsen.loc[i, ["lon", "lat", "coord_source"]] = [g["lon"], g["lat"], g["bron"]]
    return plaatsen


def lees_geocodering(pad: Path) -> pd.DataFrame:
    """The geocoded places of a snapshot, checked: numbers, WGS84 range, a source on every row."""
    tabel = lees_csv(pad, GEOCODERING_KOLOMMEN)
    lon, lat = pd.to_numeric(tabel["lon"], errors="coerce"), pd.to_numeric(tabel["lat"], errors="coerce")
    fout = tabel.loc[~(lon.between(-180, 180) & lat.between(-90, 90)) | (tabel["bron"].str.strip() == ""), "id"].tolist()
    if fout:
        raise DataFout(pad, f"ongeldige coördinaten of bron bij: {', '.join(fout[:10])}")
    return tabel
