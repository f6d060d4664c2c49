"""The wijkteam's store of acties, overlastmeldingen and places: one SQLite file outside git.

Why SQLite: it needs no server, every write is a real transaction (a writer killed halfway
leaves the file as it was), several processes can write at once (WAL, ``BEGIN IMMEDIATE``
queues them), and Python ships it. Points are kept as WGS84 ``lon``/``lat`` columns: the only
geometry an item has. The file is created on first start from the bundled CSV files; after that
the store, not the CSV, is what every page shows.

Every row has a ``versie``: a change names the version it was based on, and when someone else
changed the row in the meantime the change is refused with :class:`Conflict` instead of
silently overwriting. Every change is written to ``logboek`` with the previous and new values,
in the same transaction. Removing only marks a row (``verwijderd``), so it can be restored.
"""

from __future__ import annotations

import json
import os
import sqlite3
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd

from geo.beheer import SOORT_ACTIE, TABEL
from geo.configuratie import CONFIG
from geo.schema import TIJDZONE

OPSLAG_OMGEVING = "WIJKKAART_OPSLAG"  # environment variable with the store's path
SCHEMA_VERSIE = "1"
BEWERKBAAR = ("acties", "hotspots", "plaatsen")
# Columns the bundled CSV files may lack; the store always has them.
EXTRA_KOLOMMEN = {
    "acties": ("lon", "lat", "bron_omschrijving"),
    "hotspots": ("datum", "lon", "lat", "bron_omschrijving"),
    "plaatsen": (),
}
BEHEER_KOLOMMEN = ("versie", "verwijderd", "gewijzigd_op", "gewijzigd_door")
ID_VOORVOEGSEL = {"acties": "actie", "hotspots": "melding"}
ACCOUNT_TABELLEN = {"accounts"}  # geo.accounts may create the file first; sqlite_sequence comes with AUTOINCREMENT


def standaard_pad() -> Path:
    """``$WIJKKAART_OPSLAG``, else a file in the user's data folder: never inside the git clone."""
    gekozen = os.environ.get(OPSLAG_OMGEVING)
    basis = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return Path(gekozen) if gekozen else basis / CONFIG.bestandsnaam / "wijkkaart.sqlite"


class OpslagFout(RuntimeError):
    """The store cannot be used; the message is Dutch and user-facing."""

    @property
    def melding(self) -> str:
        return str(self)


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
    """Access to one store file. Holds only its path: every call opens its own connection, so
    one object may be shared by sessions and threads."""

    pad: Path

    @contextmanager
    def _verbinding(self) -> Iterator[sqlite3.Connection]:
        """A connection to the existing file (``mode=rw``: reading never creates an empty store)."""
        try:
            verbinding = sqlite3.connect(f"{self.pad.resolve().as_uri()}?mode=rw", uri=True, timeout=30,
                                         isolation_level=None)
        except sqlite3.Error as fout:
            raise OpslagFout(f"De opslag {self.pad} kan niet worden geopend ({fout}).") from None
        verbinding.row_factory = sqlite3.Row
        try:
            verbinding.execute("PRAGMA busy_timeout=30000")
            yield verbinding
        except sqlite3.OperationalError as fout:
            if "locked" in str(fout) or "busy" in str(fout):
                raise OpslagFout("De opslag is bezet door een andere schrijver; probeer het over een minuut opnieuw.") from None
            raise OpslagFout(f"De opslag {self.pad} is onleesbaar of beschadigd ({fout}).") from None
        except sqlite3.DatabaseError as fout:
            raise OpslagFout(f"De opslag {self.pad} is onleesbaar of beschadigd ({fout}).") from None
        finally:
            verbinding.close()

    @contextmanager
    def _schrijf(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: all of it is stored, or none of it (also when the process dies)."""
        with self._verbinding() as verbinding:
            verbinding.execute("BEGIN IMMEDIATE")
            try:
                yield verbinding
                verbinding.execute("UPDATE meta SET waarde = CAST(waarde AS INTEGER) + 1 WHERE sleutel = 'revisie'")
                verbinding.execute("COMMIT")
            except BaseException:
                verbinding.execute("ROLLBACK")
                raise

    # -- creation ---------------------------------------------------------------------------

    def initialiseer(self, bundel: dict[str, pd.DataFrame]) -> bool:
        """Create the store from the bundled tables when it does not exist yet; True if created.

        A new file is built under a temporary name and linked into place in one step, so a crash
        or a second process starting at the same moment never leaves a half-filled store. A file
        that holds only accounts (the first account may be made before the first start) gets
        the tables added in one transaction.
        """
        if not self.pad.exists():
            self.pad.parent.mkdir(parents=True, exist_ok=True)
            tijdelijk = self.pad.with_name(f".{self.pad.name}.{uuid.uuid4().hex}.nieuw")
            try:
                verbinding = sqlite3.connect(tijdelijk, isolation_level=None)
                try:
                    verbinding.execute("BEGIN")
                    _maak_tabellen(verbinding, bundel)
                    verbinding.execute("COMMIT")
                finally:
                    verbinding.close()
                gemaakt = _zet_neer(tijdelijk, self.pad)
            finally:
                tijdelijk.unlink(missing_ok=True)
        else:
            gemaakt = self._vul_accountbestand(bundel)
        self._controleer_schema()
        with self._verbinding() as verbinding:
            verbinding.execute("PRAGMA journal_mode=WAL")
        return gemaakt

    def _vul_accountbestand(self, bundel: dict[str, pd.DataFrame]) -> bool:
        with self._verbinding() as verbinding:
            verbinding.execute("BEGIN IMMEDIATE")
            tabellen = {r[0] for r in verbinding.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            if not tabellen <= ACCOUNT_TABELLEN:
                verbinding.execute("ROLLBACK")
                return False
            _maak_tabellen(verbinding, bundel)
            verbinding.execute("COMMIT")
            return True

    def _controleer_schema(self) -> None:
        with self._verbinding() as verbinding:
            try:
                rij = verbinding.execute("SELECT waarde FROM meta WHERE sleutel = 'schema'").fetchone()
            except sqlite3.OperationalError:
                rij = None
        if rij is None or rij["waarde"] != SCHEMA_VERSIE:
            raise OpslagFout(f"{self.pad} is geen opslag van deze wijkkaart (schema {SCHEMA_VERSIE} verwacht).")

    # -- reading ----------------------------------------------------------------------------

    def revisie(self) -> int:
        """A number that grows with every write: pages reload the items when it changes."""
        with self._verbinding() as verbinding:
            return int(verbinding.execute("SELECT waarde FROM meta WHERE sleutel = 'revisie'").fetchone()[0])

    def tabel(self, naam: str, verwijderd: bool = False) -> pd.DataFrame:
        """A table as text cells ('' for empty), like the CSV files, with ``versie`` per row."""
        with self._verbinding() as verbinding:
            tabel = pd.read_sql_query(
                f"SELECT * FROM {_naam(naam)} WHERE verwijderd = ? ORDER BY rowid", verbinding, params=(int(verwijderd),)
            )
        return tabel.fillna("").astype(str)

    def rij(self, naam: str, item_id: str) -> dict[str, str] | None:
        with self._verbinding() as verbinding:
            return _rij(verbinding, naam, item_id)

    def logboek(self, aantal: int = 500) -> pd.DataFrame:
        """The latest changes, newest first."""
        with self._verbinding() as verbinding:
            return pd.read_sql_query(
                "SELECT nr, tijd, gebruiker, tabel, item_id, handeling, oud, nieuw FROM logboek ORDER BY nr DESC LIMIT ?",
                verbinding, params=(aantal,),
            ).fillna("")

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
        voortgang: Callable[[int], None] | None = None,
    ) -> list[str]:
        """Store validated rows in one transaction: all of them or, on any failure, none."""
        naam = TABEL[soort]
        ids = []
        with self._schrijf() as verbinding:
            for nummer, rij in enumerate(rijen, start=1):
                volledig = {**_standaardwaarden(soort), **rij}
                volledig["id"] = f"{ID_VOORVOEGSEL[naam]}_{uuid.uuid4().hex[:10]}"
                _zet(verbinding, naam, volledig, gebruiker, nieuw=True)
                _log(verbinding, gebruiker, naam, volledig["id"], handeling, None, volledig)
                ids.append(volledig["id"])
                if voortgang:
                    voortgang(nummer)
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


def _zet_neer(tijdelijk: Path, pad: Path) -> bool:
    """Put a finished new store in place without ever replacing one another process made.

    A hard link fails when the name exists, which makes the step atomic; on a file system
    without hard links, a rename of the finished file is the fallback."""
    try:
        os.link(tijdelijk, pad)
        return True
    except FileExistsError:
        return False
    except OSError:
        if pad.exists():
            return False
        os.replace(tijdelijk, pad)
        return True


def _naam(naam: str) -> str:
    """Table names come from code, never from users; refuse anything else before it meets SQL."""
    if naam not in BEWERKBAAR:
        raise ValueError(f"onbekende tabel {naam!r}")
    return naam


def _kolommen(verbinding: sqlite3.Connection, naam: str) -> list[str]:
    return [r[1] for r in verbinding.execute(f"PRAGMA table_info({_naam(naam)})")]


def _rij(verbinding: sqlite3.Connection, naam: str, item_id: str) -> dict[str, str] | None:
    rij = verbinding.execute(f"SELECT * FROM {_naam(naam)} WHERE id = ?", (item_id,)).fetchone()
    return None if rij is None else {k: "" if rij[k] is None else str(rij[k]) for k in rij.keys()}


def _huidig(verbinding: sqlite3.Connection, naam: str, item_id: str, versie: int, verwijderd: bool) -> dict[str, str]:
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


def _zet(verbinding: sqlite3.Connection, naam: str, rij: dict[str, str], gebruiker: str, nieuw: bool) -> None:
    kolommen = _kolommen(verbinding, naam)
    waarden = {k: rij.get(k, "") for k in kolommen if k not in BEHEER_KOLOMMEN}
    waarden.update(gewijzigd_op=_nu(), gewijzigd_door=gebruiker, verwijderd=int(rij.get("verwijderd", "0") or 0))
    if nieuw:
        waarden["versie"] = 1
        lijst = ", ".join(waarden)
        verbinding.execute(f"INSERT INTO {_naam(naam)} ({lijst}) VALUES ({', '.join('?' * len(waarden))})",
                           tuple(waarden.values()))
        return
    waarden["versie"] = int(rij["versie"]) + 1
    toewijzing = ", ".join(f"{k} = ?" for k in waarden)
    bijgewerkt = verbinding.execute(
        f"UPDATE {_naam(naam)} SET {toewijzing} WHERE id = ? AND versie = ?",
        (*waarden.values(), rij["id"], int(rij["versie"])),
    ).rowcount
    if bijgewerkt != 1:  # cannot happen inside BEGIN IMMEDIATE; guard against silent loss anyway
        raise Conflict("Dit item is intussen gewijzigd; uw wijziging is niet opgeslagen.", None)


def _log(verbinding: sqlite3.Connection, gebruiker: str, naam: str, item_id: str, handeling: str,
         oud: dict[str, str] | None, nieuw: dict[str, str] | None) -> None:
    def inhoud(rij: dict[str, str] | None) -> str | None:
        return None if rij is None else json.dumps({k: v for k, v in rij.items() if k not in BEHEER_KOLOMMEN},
                                                   ensure_ascii=False)

    verbinding.execute(
        "INSERT INTO logboek (tijd, gebruiker, tabel, item_id, handeling, oud, nieuw) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (_nu(), gebruiker, naam, item_id, handeling, inhoud(oud), inhoud(nieuw)),
    )


def _standaardwaarden(soort: str) -> dict[str, str]:
    """Columns of the bundled schema that a form does not ask for."""
    vandaag = datetime.now(UTC).date().isoformat()
    if soort == SOORT_ACTIE:
        return {"opgave_herkomst": "wijkteam", "bron_datum": vandaag, "plaatsen": ""}
    return {"plaatsen": ""}


def _maak_tabellen(verbinding: sqlite3.Connection, bundel: dict[str, pd.DataFrame]) -> None:
    """Create and fill the store's tables inside the caller's transaction."""
    verbinding.execute("CREATE TABLE meta (sleutel TEXT PRIMARY KEY, waarde TEXT NOT NULL)")
    verbinding.executemany("INSERT INTO meta VALUES (?, ?)",
                           [("schema", SCHEMA_VERSIE), ("revisie", "1"), ("aangemaakt", _nu())])
    verbinding.execute(
        "CREATE TABLE logboek (nr INTEGER PRIMARY KEY AUTOINCREMENT, tijd TEXT NOT NULL, gebruiker TEXT NOT NULL, "
        "tabel TEXT NOT NULL, item_id TEXT NOT NULL, handeling TEXT NOT NULL, oud TEXT, nieuw TEXT)"
    )
    for naam in BEWERKBAAR:
        tabel = bundel[naam]
        kolommen = list(dict.fromkeys([*tabel.columns, *EXTRA_KOLOMMEN[naam]]))
        velden = ", ".join(f"{k} TEXT NOT NULL DEFAULT ''" for k in kolommen if k != "id")
        verbinding.execute(
            f"CREATE TABLE {_naam(naam)} (id TEXT PRIMARY KEY, {velden}, versie INTEGER NOT NULL DEFAULT 1, "
            "verwijderd INTEGER NOT NULL DEFAULT 0, gewijzigd_op TEXT NOT NULL DEFAULT '', "
            "gewijzigd_door TEXT NOT NULL DEFAULT '')"
        )
        rijen = tabel.reindex(columns=kolommen, fill_value="").fillna("")
        verbinding.executemany(
            f"INSERT INTO {naam} ({', '.join(kolommen)}, gewijzigd_door) VALUES ({', '.join('?' * len(kolommen))}, ?)",
            [(*r, "gebundelde gegevens") for r in rijen.itertuples(index=False)],
        )
