"""The database under the store and the accounts: a SQLite file, or PostgreSQL with PostGIS.

Why this layer: :mod:`geo.opslag` and :mod:`geo.accounts` state their rules (versions, conflicts,
the log, the revision, failed logins) once, in SQL that both databases understand. What differs
lives in one class per database: how to connect, how writers queue, the placeholder style, the
catalog queries, the type of a counting key and how a table of items keeps its insertion order
and (PostGIS) its points. Callers write ``?`` placeholders and get rows as dicts.

Both databases get the same writer model: one writer at a time, taken at the start of the
transaction (SQLite ``BEGIN IMMEDIATE``, PostgreSQL a transaction-level advisory lock), while
readers never wait. Writes are short, so the queue is too, and a change always reads the latest
committed rows, which is what the version check needs.

Which one is used follows from the configured address (:func:`lees_adres`): a ``postgresql://``
URL is a PostgreSQL database, anything else the path of a SQLite file.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Sequence
from contextlib import AbstractContextManager, closing
from pathlib import Path
from typing import Any, ClassVar

URL_VOORVOEGSELS = ("postgresql://", "postgres://")
BEZET = "De opslag is bezet door een andere schrijver; probeer het over een minuut opnieuw."

Rij = dict[str, Any]
Waarde = str | int | float | None


class OpslagFout(RuntimeError):
    """The store cannot be used; the message is Dutch and user-facing (never with a password)."""

    @property
    def melding(self) -> str:
        return str(self)


def lees_adres(adres: str | Path) -> Path | str:
    """A configured store as the backends take it: a PostgreSQL URL stays text, anything else is a path."""
    if isinstance(adres, str) and adres.startswith(URL_VOORVOEGSELS):
        return adres
    return Path(adres)


def kies_databank(adres: str | Path) -> Databank:
    """The database behind an address (see :func:`lees_adres`)."""
    gelezen = lees_adres(adres)
    # Imported here: each backend builds on this module, and psycopg loads only when a URL is configured.
    if isinstance(gelezen, Path):
        from geo.opslag_sqlite import SqliteDatabank

        return SqliteDatabank(gelezen)
    from geo.opslag_postgis import PostgisDatabank

    return PostgisDatabank(gelezen)


class Verbinding(ABC):
    """One open connection (the driver's own, wrapped), in autocommit mode: a transaction is only
    what :meth:`schrijven` opens."""

    TELLER: ClassVar[str]  # column definition of a primary key that counts up by itself
    VOLGORDE: ClassVar[str]  # what orders the rows of an item table as they were added

    def __init__(self, verbinding: Any) -> None:
        self._verbinding = verbinding

    def uitvoeren(self, sql: str, parameters: Sequence[Waarde] = ()) -> int:
        """Run one statement; returns how many rows it changed."""
        return int(self._verbinding.execute(self._sql(sql), parameters).rowcount)

    def veel(self, sql: str, reeks: Iterable[Sequence[Waarde]]) -> None:
        """Run one statement for each parameter row (an import of thousands: one call)."""
        with closing(self._verbinding.cursor()) as cursor:
            cursor.executemany(self._sql(sql), reeks)

    def rij(self, sql: str, parameters: Sequence[Waarde] = ()) -> Rij | None:
        rij: Rij | None = self._verbinding.execute(self._sql(sql), parameters).fetchone()
        return rij

    def rijen(self, sql: str, parameters: Sequence[Waarde] = ()) -> list[Rij]:
        return list(self._verbinding.execute(self._sql(sql), parameters).fetchall())

    def vul_als_leeg(self, vul: Callable[[Verbinding], None], toegestaan: set[str]) -> bool:
        """Run ``vul`` in one write transaction when the database has no tables besides
        ``toegestaan``; True if it ran. Two processes starting at once: the second finds the tables."""
        with self.schrijven():
            if not self.tabellen() <= toegestaan:
                return False
            vul(self)
            return True

    def maak_itemtabel(self, naam: str, definitie: str, velden: Sequence[str]) -> None:
        """Create a table of items; ``definitie`` lists its columns, ``velden`` are its text fields."""
        self.uitvoeren(f"CREATE TABLE {naam} ({definitie})")

    def zet_teller(self, tabel: str, kolom: str) -> None:
        """After rows were copied in with their own :attr:`TELLER` values, continue after the highest.
        SQLite's AUTOINCREMENT does so by itself."""

    def _sql(self, sql: str) -> str:
        """The statement in the driver's placeholder style."""
        return sql

    @abstractmethod
    def schrijven(self) -> AbstractContextManager[None]:
        """One write transaction, the only writer meanwhile: all of it is stored, or none of it."""

    @abstractmethod
    def tabellen(self) -> set[str]:
        """The tables of the database's own (not the database's or an extension's)."""

    @abstractmethod
    def kolommen(self, tabel: str) -> list[str]:
        """The columns of a table in their order, without the backend's internal ones."""


class Databank(ABC):
    """Where a store lives. Holds only its address: every :meth:`verbinding` is a new connection, so
    one object may be shared by sessions, threads and (as its address) processes."""

    @property
    @abstractmethod
    def naam(self) -> str:
        """The database as messages name it: a path, or a URL without its password."""

    @abstractmethod
    def verbinding(self, maken: bool = False) -> AbstractContextManager[Verbinding]:
        """A connection; a driver error inside becomes :class:`OpslagFout`. ``maken``: create a
        missing SQLite file (the first account may come before the first start of the app); a
        PostgreSQL database is made by its administrator, so there it changes nothing."""

    @abstractmethod
    def maak_aan(self, vul: Callable[[Verbinding], None], toegestaan: set[str]) -> bool:
        """Create the store with ``vul`` if the database holds no tables besides ``toegestaan``,
        all at once or not at all, also with several processes starting together; True if this call did."""

    def stel_in(self) -> None:
        """Settings the database keeps for every later connection, once the store is known to be ours."""

