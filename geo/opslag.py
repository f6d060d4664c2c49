"""The wijkteam's store of acties, overlastmeldingen and places, outside git: the single source
every page shows after the first start.

Where it lives is configuration (``$WIJKKAART_OPSLAG``): a SQLite file by default, one per server
(:mod:`geo.opslag_sqlite`), or a ``postgresql://`` URL of a PostgreSQL database with PostGIS that
several app servers share (:mod:`geo.opslag_postgis`). The rules below are written once for both
(:mod:`geo.opslag_databank` holds what differs). The store is created on first start from the
bundled CSV files. Points are kept as WGS84 ``lon``/``lat`` text columns, the geometry the app reads.

Every row has a ``versie``: a change names the version it was based on, and when someone else
changed the row in the meantime the change is refused with :class:`Conflict` instead of
silently overwriting. Every change is written to ``logboek`` with the previous and new values,
in the same transaction, which also raises the store's revision. Removing only marks a row
(``verwijderd``), so it can be restored.
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import partial
from pathlib import Path

import pandas as pd

from geo.beheer import SOORT_ACTIE, TABEL
from geo.configuratie import CONFIG
from geo.opslag_databank import Databank, OpslagFout, Verbinding, kies_databank, lees_adres
from geo.schema import TIJDZONE

OPSLAG_OMGEVING = "WIJKKAART_OPSLAG"  # environment variable with the store's path or PostgreSQL URL
SCHEMA_VERSIE = "1"
BEWERKBAAR = ("acties", "hotspots", "plaatsen")
# Columns the bundled CSV files may lack; the store always has them.
EXTRA_KOLOMMEN = {
    "acties": ("lon", "lat", "bron_omschrijving"),
    "hotspots": ("datum", "lon", "lat", "bron_omschrijving"),
    "plaatsen": (),
}
BEHEER_KOLOMMEN = ("versie", "verwijderd", "gewijzigd_op", "gewijzigd_door")
LOGBOEK_KOLOMMEN = ("nr", "tijd", "gebruiker", "tabel", "item_id", "handeling", "oud", "nieuw")
ID_VOORVOEGSEL = {"acties": "actie", "hotspots": "melding"}
ACCOUNT_TABELLEN = {"accounts"}  # geo.accounts may create the database's first table


def standaard_pad() -> Path | str:
    """``$WIJKKAART_OPSLAG`` (a file, or a ``postgresql://`` URL), else a file in the user's data
    folder: never inside the git clone."""
    gekozen = os.environ.get(OPSLAG_OMGEVING)
    basis = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return lees_adres(gekozen) if gekozen else basis / CONFIG.bestandsnaam / "wijkkaart.sqlite"


def geen_opslag(naam: str) -> str:
    return f"{naam} is geen opslag van deze wijkkaart (schema {SCHEMA_VERSIE} verwacht)."


class Conflict(RuntimeError):
    """The row changed since the user opened it; nothing was written."""

    def __init__(self, melding: str, huidig: dict[str, str] | None) -> None:
        super().__init__(melding)
        self.melding = melding
        self.huidig = huidig


def _nu() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def lokale_tijd(iso: str) -> str:
    """A stored UTC time as the wijkteam reads it: '25-11-2026 18:36' (Dutch time); '' stays ''."""
    return datetime.fromisoformat(iso).astimezone(TIJDZONE).strftime("%d-%m-%Y %H:%M") if iso else ""


@dataclass(frozen=True)
class Opslag:
    """Access to one store. ``pad`` is the SQLite file or the PostgreSQL URL (text given for a file
    becomes a path). Holds only that: every call takes a connection of its own (a new one, or with
    PostgreSQL an idle one of the process), so one object may be shared by sessions and threads."""

    pad: Path | str

    def __post_init__(self) -> None:
        object.__setattr__(self, "pad", lees_adres(self.pad))

    @property
    def databank(self) -> Databank:
        return kies_databank(self.pad)

    @property
    def naam(self) -> str:
        """The store as messages name it: never with a password."""
        return self.databank.naam

    def _verbinding(self) -> AbstractContextManager[Verbinding]:
        """A connection to the existing store (reading never creates an empty one)."""
        return self.databank.verbinding()

    @contextmanager
    def _schrijf(self) -> Iterator[Verbinding]:
        """One write transaction that raises the revision: all of it is stored, or none of it
        (also when the process dies)."""
        with self._verbinding() as verbinding, verbinding.schrijven():
            yield verbinding
            verbinding.uitvoeren("UPDATE meta SET waarde = CAST(CAST(waarde AS INTEGER) + 1 AS TEXT) WHERE sleutel = 'revisie'")

    # -- creation ---------------------------------------------------------------------------

    def initialiseer(self, bundel: dict[str, pd.DataFrame]) -> bool:
        """Create the store from the bundled tables when it does not exist yet; True if created.

        Never half: the backend builds it in one step, also when a second process or server starts
        at the same moment. A database that holds only accounts (the first account may be made
        before the first start) gets the tables added.
        """
        gemaakt = self.databank.maak_aan(partial(_maak_tabellen, bundel=bundel), ACCOUNT_TABELLEN)
        self._controleer_schema()
        self.databank.stel_in()
        return gemaakt

    def _controleer_schema(self) -> None:
        with self._verbinding() as verbinding:
            rij = verbinding.rij("SELECT waarde FROM meta WHERE sleutel = 'schema'") if "meta" in verbinding.tabellen() else None
        if rij is None or rij["waarde"] != SCHEMA_VERSIE:
            raise OpslagFout(geen_opslag(self.naam))

    # -- reading ----------------------------------------------------------------------------

    def revisie(self) -> int:
        """A number that grows with every write: pages reload the items when it changes."""
        with self._verbinding() as verbinding:
            rij = verbinding.rij("SELECT waarde FROM meta WHERE sleutel = 'revisie'")
        if rij is None:
            raise OpslagFout(geen_opslag(self.naam))
        return int(rij["waarde"])

    def tabel(self, naam: str, verwijderd: bool = False) -> pd.DataFrame:
        """A table as text cells ('' for empty), like the CSV files, with ``versie`` per row."""
        with self._verbinding() as verbinding:
            kolommen = verbinding.kolommen(_naam(naam))
            rijen = verbinding.rijen(f"SELECT {', '.join(kolommen)} FROM {naam} WHERE verwijderd = ? "
                                     f"ORDER BY {verbinding.VOLGORDE}", (int(verwijderd),))
        return pd.DataFrame(rijen, columns=kolommen).fillna("").astype(str)

    def rij(self, naam: str, item_id: str) -> dict[str, str] | None:
        with self._verbinding() as verbinding:
            return _rij(verbinding, naam, item_id)

    def logboek(self, aantal: int = 500) -> pd.DataFrame:
        """The latest changes, newest first."""
        with self._verbinding() as verbinding:
            rijen = verbinding.rijen(f"SELECT {', '.join(LOGBOEK_KOLOMMEN)} FROM logboek ORDER BY nr DESC LIMIT ?", (aantal,))
        return pd.DataFrame(rijen, columns=list(LOGBOEK_KOLOMMEN)).fillna("")

    # -- writing ----------------------------------------------------------------------------

    def voeg_toe(self, soort: str, rij: dict[str, str], gebruiker: str) -> str:
        """Store a new, validated actie or melding; returns its id."""
        return self.importeer(soort, [rij], gebruiker, handeling="toegevoegd")[0]

    def importeer(
        self,
        soort: str,
        rijen: list[dict[str, str]],
        gebruiker: str,
        handeling: str = "geïmporteerd",
    ) -> list[str]:
        """Store validated rows in one transaction: all of them or, on any failure, none."""
        naam = TABEL[soort]
        ids = []
        with self._schrijf() as verbinding:
            for rij in rijen:
                volledig = {**_standaardwaarden(soort), **rij}
                volledig["id"] = f"{ID_VOORVOEGSEL[naam]}_{uuid.uuid4().hex[:10]}"
                _zet(verbinding, naam, volledig, gebruiker, nieuw=True)
                _log(verbinding, gebruiker, naam, volledig["id"], handeling, None, volledig)
                ids.append(volledig["id"])
        return ids

    def wijzig(self, naam: str, item_id: str, wijzigingen: dict[str, str], versie: int, gebruiker: str) -> None:
        """Change a row that the user saw at ``versie``; :class:`Conflict` if it moved on since."""
        with self._schrijf() as verbinding:
            oud = _huidig(verbinding, naam, item_id, versie, verwijderd=False)
            nieuw = {**oud, **wijzigingen}
            _zet(verbinding, naam, nieuw, gebruiker, nieuw=False)
            _log(verbinding, gebruiker, naam, item_id, "gewijzigd", oud, nieuw)

    def verwijder(self, naam: str, item_id: str, versie: int, gebruiker: str) -> None:
        self._markeer(naam, item_id, versie, gebruiker, verwijderd=True)

    def herstel(self, naam: str, item_id: str, versie: int, gebruiker: str) -> None:
        self._markeer(naam, item_id, versie, gebruiker, verwijderd=False)

    def _markeer(self, naam: str, item_id: str, versie: int, gebruiker: str, verwijderd: bool) -> None:
        with self._schrijf() as verbinding:
            oud = _huidig(verbinding, naam, item_id, versie, verwijderd=not verwijderd)
            _zet(verbinding, naam, {**oud, "verwijderd": str(int(verwijderd))}, gebruiker, nieuw=False)
            _log(verbinding, gebruiker, naam, item_id, "verwijderd" if verwijderd else "hersteld", oud, None)


def _naam(naam: str) -> str:
    """Table names come from code, never from users; refuse anything else before it meets SQL."""
    if naam not in BEWERKBAAR:
        raise ValueError(f"onbekende tabel {naam!r}")
    return naam


def _rij(verbinding: Verbinding, naam: str, item_id: str) -> dict[str, str] | None:
    kolommen = verbinding.kolommen(_naam(naam))
    rij = verbinding.rij(f"SELECT {', '.join(kolommen)} FROM {naam} WHERE id = ?", (item_id,))
    return None if rij is None else {k: "" if v is None else str(v) for k, v in rij.items()}


def _huidig(verbinding: Verbinding, naam: str, item_id: str, versie: int, verwijderd: bool) -> dict[str, str]:
    """The row as stored, if it is still the version the user based the change on."""
    huidig = _rij(verbinding, naam, item_id)
    if huidig is None:
        raise Conflict("Dit item bestaat niet (meer).", None)
    if huidig["verwijderd"] != str(int(verwijderd)):
        raise Conflict(f"Dit item is intussen {'verwijderd' if huidig['verwijderd'] == '1' else 'hersteld'} door "
                       f"{huidig['gewijzigd_door'] or 'iemand anders'} ({lokale_tijd(huidig['gewijzigd_op'])}).", huidig)
    if int(huidig["versie"]) != versie:
        raise Conflict(
            f"Dit item is intussen gewijzigd door {huidig['gewijzigd_door'] or 'iemand anders'} "
            f"({lokale_tijd(huidig['gewijzigd_op'])}, versie {huidig['versie']}). Uw wijziging is niet opgeslagen; "
            "uw invoer staat nog in het formulier. Bekijk de nieuwe versie en sla opnieuw op.",
            huidig,
        )
    return huidig


def _zet(verbinding: Verbinding, naam: str, rij: dict[str, str], gebruiker: str, nieuw: bool) -> None:
    kolommen = verbinding.kolommen(_naam(naam))
    waarden = {k: rij.get(k, "") for k in kolommen if k not in BEHEER_KOLOMMEN}
    waarden.update(gewijzigd_op=_nu(), gewijzigd_door=gebruiker, verwijderd=int(rij.get("verwijderd", "0") or 0))
    if nieuw:
        waarden["versie"] = 1
        lijst = ", ".join(waarden)
        verbinding.uitvoeren(f"INSERT INTO {naam} ({lijst}) VALUES ({', '.join('?' * len(waarden))})",
                             tuple(waarden.values()))
        return
    waarden["versie"] = int(rij["versie"]) + 1
    toewijzing = ", ".join(f"{k} = ?" for k in waarden)
    bijgewerkt = verbinding.uitvoeren(
        f"UPDATE {naam} SET {toewijzing} WHERE id = ? AND versie = ?",
        (*waarden.values(), rij["id"], int(rij["versie"])),
    )
    if bijgewerkt != 1:  # cannot happen with one writer at a time; guard against silent loss anyway
        raise Conflict("Dit item is intussen gewijzigd; uw wijziging is niet opgeslagen.", None)


def _log(verbinding: Verbinding, gebruiker: str, naam: str, item_id: str, handeling: str,
         oud: dict[str, str] | None, nieuw: dict[str, str] | None) -> None:
    def inhoud(rij: dict[str, str] | None) -> str | None:
        return None if rij is None else json.dumps({k: v for k, v in rij.items() if k not in BEHEER_KOLOMMEN},
                                                   ensure_ascii=False)

    verbinding.uitvoeren(
        "INSERT INTO logboek (tijd, gebruiker, tabel, item_id, handeling, oud, nieuw) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (_nu(), gebruiker, naam, item_id, handeling, inhoud(oud), inhoud(nieuw)),
    )


def _standaardwaarden(soort: str) -> dict[str, str]:
    """Columns of the bundled schema that a form does not ask for."""
    vandaag = datetime.now(UTC).date().isoformat()
    if soort == SOORT_ACTIE:
        return {"opgave_herkomst": "wijkteam", "bron_datum": vandaag, "plaatsen": ""}
    return {"plaatsen": ""}


def maak_schema(verbinding: Verbinding, velden: dict[str, list[str]]) -> None:
    """Create the store's empty tables inside the caller's transaction; ``velden`` are the text
    columns of each item table besides ``id`` (from the bundle, or from a store being copied)."""
    verbinding.uitvoeren("CREATE TABLE meta (sleutel TEXT PRIMARY KEY, waarde TEXT NOT NULL)")
    verbinding.uitvoeren(
        f"CREATE TABLE logboek (nr {verbinding.TELLER}, tijd TEXT NOT NULL, gebruiker TEXT NOT NULL, "
        "tabel TEXT NOT NULL, item_id TEXT NOT NULL, handeling TEXT NOT NULL, oud TEXT, nieuw TEXT)"
    )
    for naam in BEWERKBAAR:
        definitie = ", ".join(["id TEXT PRIMARY KEY", *(f"{k} TEXT NOT NULL DEFAULT ''" for k in velden[naam]),
                               "versie INTEGER NOT NULL DEFAULT 1", "verwijderd INTEGER NOT NULL DEFAULT 0",
                               "gewijzigd_op TEXT NOT NULL DEFAULT ''", "gewijzigd_door TEXT NOT NULL DEFAULT ''"])
        verbinding.maak_itemtabel(_naam(naam), definitie, velden[naam])


def _maak_tabellen(verbinding: Verbinding, bundel: dict[str, pd.DataFrame]) -> None:
    """Create the store's tables and fill them from the bundle, inside the caller's transaction."""
    velden = {naam: [k for k in dict.fromkeys([*bundel[naam].columns, *EXTRA_KOLOMMEN[naam]]) if k != "id"]
              for naam in BEWERKBAAR}
    maak_schema(verbinding, velden)
    verbinding.veel("INSERT INTO meta VALUES (?, ?)", [("schema", SCHEMA_VERSIE), ("revisie", "1"), ("aangemaakt", _nu())])
    for naam in BEWERKBAAR:
        kolommen = ["id", *velden[naam]]
        rijen = bundel[naam].reindex(columns=kolommen, fill_value="").fillna("")
        verbinding.veel(
            f"INSERT INTO {naam} ({', '.join(kolommen)}, gewijzigd_door) VALUES ({', '.join('?' * len(kolommen))}, ?)",
            [(*r, "gebundelde gegevens") for r in rijen.itertuples(index=False)],
        )
