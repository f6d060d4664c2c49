"""The embedded backend: one SQLite file outside git, the default.

Why SQLite: it needs no server, every write is a real transaction (a writer killed halfway leaves
the file as it was), several processes on one server can write at once (WAL, ``BEGIN IMMEDIATE``
queues them) and Python ships it. Reading never creates a file (``mode=rw``), so a wrong path is
an error instead of an empty store; only the accounts may create it (``maken``).
"""

from __future__ import annotations

import os
import sqlite3
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from geo.opslag_databank import BEZET, Databank, OpslagFout, Rij, Verbinding


def _als_dict(cursor: sqlite3.Cursor, rij: tuple) -> Rij:
    return {kolom[0]: waarde for kolom, waarde in zip(cursor.description, rij, strict=True)}


class SqliteVerbinding(Verbinding):
    TELLER = "INTEGER PRIMARY KEY AUTOINCREMENT"
    VOLGORDE = "rowid"

    @contextmanager
    def schrijven(self) -> Iterator[None]:
        """``BEGIN IMMEDIATE`` takes the file's write lock up front, so writers queue (busy timeout)
        instead of failing halfway."""
        self._verbinding.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            if self._verbinding.in_transaction:
                self._verbinding.execute("ROLLBACK")
            raise
        self._verbinding.execute("COMMIT")

    def tabellen(self) -> set[str]:
        return {r["name"] for r in self.rijen("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")}

    def kolommen(self, tabel: str) -> list[str]:
        return [r["name"] for r in self.rijen(f"PRAGMA table_info({tabel})")]


@dataclass(frozen=True)
class SqliteDatabank(Databank):
    pad: Path

    @property
    def naam(self) -> str:
        return str(self.pad)

    @contextmanager
    def verbinding(self, maken: bool = False) -> Iterator[Verbinding]:
        try:
            if maken and not self.pad.exists():
                self._maak_leeg_bestand()
            verbinding = sqlite3.connect(f"{self.pad.resolve().as_uri()}?mode=rw", uri=True, timeout=30,
                                         isolation_level=None)
        except (sqlite3.Error, OSError) as fout:
            raise OpslagFout(f"De opslag {self.pad} kan niet worden geopend ({fout}).") from None
        verbinding.row_factory = _als_dict
        try:
            verbinding.execute("PRAGMA busy_timeout=30000")
            yield SqliteVerbinding(verbinding)
        except sqlite3.OperationalError as fout:
            if "locked" in str(fout) or "busy" in str(fout):
                raise OpslagFout(BEZET) from None
            raise OpslagFout(f"De opslag {self.pad} is onleesbaar of beschadigd ({fout}).") from None
        except sqlite3.DatabaseError as fout:
            raise OpslagFout(f"De opslag {self.pad} is onleesbaar of beschadigd ({fout}).") from None
        finally:
            verbinding.close()

    def _maak_leeg_bestand(self) -> None:
        """An empty store already in WAL mode (readers do not wait for a writer; the mode is kept in
        the file), put in place in one step. Switching a shared new file to WAL is not safe: with
        several first connections at once, SQLite answers "locked" without waiting."""
        self.pad.parent.mkdir(parents=True, exist_ok=True)
        tijdelijk = self.pad.with_name(f".{self.pad.name}.{uuid.uuid4().hex}.nieuw")
        try:
            verbinding = sqlite3.connect(tijdelijk, isolation_level=None)
            try:
                verbinding.execute("PRAGMA journal_mode=WAL")
            finally:
                verbinding.close()
            _zet_neer(tijdelijk, self.pad)
        finally:
            tijdelijk.unlink(missing_ok=True)

    def maak_aan(self, vul: Callable[[Verbinding], None], toegestaan: set[str]) -> bool:
        """A new file is built under a temporary name and linked into place in one step, so a crash
        or a second process starting at the same moment never leaves a half-filled store. An existing
        file (for instance one that holds only accounts) gets the tables in one transaction."""
        if self.pad.exists():
            with self.verbinding() as verbinding:
                return verbinding.vul_als_leeg(vul, toegestaan)
        tijdelijk = self.pad.with_name(f".{self.pad.name}.{uuid.uuid4().hex}.nieuw")
        try:
            with SqliteDatabank(tijdelijk).verbinding(maken=True) as verbinding, verbinding.schrijven():
                vul(verbinding)
            return _zet_neer(tijdelijk, self.pad)
        finally:
            tijdelijk.unlink(missing_ok=True)

    def stel_in(self) -> None:
        """WAL, so readers do not wait for a writer: also for a file put back from a backup copy."""
        with self.verbinding() as verbinding:
            verbinding.uitvoeren("PRAGMA journal_mode=WAL")


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
