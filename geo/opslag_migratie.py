"""Copy a store to another database without loss: the embedded SQLite file into PostGIS.

Why a copy of every table rather than a fresh start from the bundle: the items keep their ids,
versions and removed state, the log its numbers, the revision its value, and the accounts their
hashes, failed attempts and locks, so the app on the new database carries on exactly where the old
one stopped (a page open during the move even keeps its versions).

The copy is one transaction on the target, made while holding the source's write lock (no change
can slip in between). Before it commits, every table is compared: row count and a checksum over
all columns of all rows, in the source and in the target. A failure or a difference rolls the
target back, so it is either a complete copy or left as it was.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from geo import accounts
from geo.opslag import BEHEER_KOLOMMEN, BEWERKBAAR, SCHEMA_VERSIE, geen_opslag, maak_schema
from geo.opslag_databank import Verbinding, kies_databank

STORE_TABELLEN = ("meta", "logboek", *BEWERKBAAR)


class MigratieFout(RuntimeError):
    """Nothing was copied; the message is Dutch."""


class DoelNietLeeg(MigratieFout):
    """The target already holds a store or accounts, and replacing them was not asked for."""


@dataclass(frozen=True)
class Controle:
    """One table as compared after the copy: its rows and a checksum over their contents."""

    tabel: str
    rijen: int
    controlesom: str


def migreer(van: Path | str, naar: Path | str, overschrijven: bool = False) -> list[Controle]:
    """Copy every table of the store at ``van`` (and its accounts) to ``naar``; the comparison per
    table. ``overschrijven`` replaces a store or accounts already in the target; without it such a
    target is refused (:class:`DoelNietLeeg`). :class:`MigratieFout` or
    :class:`geo.opslag_databank.OpslagFout` when nothing was copied."""
    bron_db, doel_db = kies_databank(van), kies_databank(naar)
    with bron_db.verbinding() as bron, bron.schrijven():
        tabellen = _tabellen_van_bron(bron, bron_db.naam)
        with doel_db.verbinding(maken=True) as doel, doel.schrijven():
            _maak_plaats(doel, doel_db.naam, overschrijven)
            maak_schema(doel, {naam: [k for k in bron.kolommen(naam) if k != "id" and k not in BEHEER_KOLOMMEN]
                               for naam in BEWERKBAAR})
            if accounts.TABEL in tabellen:
                accounts.maak_tabel(doel)
            for tabel in tabellen:
                _kopieer(bron, doel, tabel)
            doel.zet_teller("logboek", "nr")
            voor = [controle(bron, tabel) for tabel in tabellen]
            na = [controle(doel, tabel) for tabel in tabellen]
            verschil = [f"{v.tabel} ({v.rijen} rijen in de bron, {n.rijen} in het doel)"
                        for v, n in zip(voor, na, strict=True) if v != n]
            if verschil:  # raising rolls the target back
                raise MigratieFout(f"De kopie verschilt van de bron in {', '.join(verschil)}; er is niets gekopieerd.")
    return na


def controle(verbinding: Verbinding, tabel: str) -> Controle:
    """Row count and SHA-256 over every row (all columns, by name). Items and log in their order,
    which the copy keeps; meta and accounts sorted, since only their contents matter."""
    kolommen = sorted(verbinding.kolommen(tabel))
    regels = [json.dumps([r[k] for k in kolommen], ensure_ascii=False)
              for r in verbinding.rijen(f"SELECT {', '.join(kolommen)} FROM {tabel}{_volgorde(verbinding, tabel)}")]
    if not _volgorde(verbinding, tabel):
        regels.sort()
    som = hashlib.sha256(json.dumps(kolommen).encode())
    for regel in regels:
        som.update(regel.encode() + b"\n")
    return Controle(tabel, len(regels), som.hexdigest())


def _tabellen_van_bron(bron: Verbinding, naam: str) -> list[str]:
    aanwezig = bron.tabellen()
    schema = bron.rij("SELECT waarde FROM meta WHERE sleutel = 'schema'") if "meta" in aanwezig else None
    if not set(STORE_TABELLEN) <= aanwezig or schema is None or schema["waarde"] != SCHEMA_VERSIE:
        raise MigratieFout(f"De bron {geen_opslag(naam)} Er is niets gekopieerd.")
    return [*STORE_TABELLEN, *([accounts.TABEL] if accounts.TABEL in aanwezig else [])]


def _maak_plaats(doel: Verbinding, naam: str, overschrijven: bool) -> None:
    """Refuse a target with a store or accounts in it, or (when asked) remove them first."""
    aanwezig = sorted(doel.tabellen() & {*STORE_TABELLEN, accounts.TABEL})
    gevuld = [tabel for tabel in aanwezig if doel.rij(f"SELECT 1 AS er FROM {tabel} LIMIT 1") is not None]
    if gevuld and not overschrijven:
        raise DoelNietLeeg(f"Het doel {naam} bevat al gegevens (tabellen {', '.join(gevuld)}); er is niets gekopieerd.")
    for tabel in aanwezig:
        doel.uitvoeren(f"DROP TABLE {tabel}")


def _kopieer(bron: Verbinding, doel: Verbinding, tabel: str) -> None:
    kolommen = bron.kolommen(tabel)
    rijen = bron.rijen(f"SELECT {', '.join(kolommen)} FROM {tabel}{_volgorde(bron, tabel)}")
    doel.veel(f"INSERT INTO {tabel} ({', '.join(kolommen)}) VALUES ({', '.join('?' * len(kolommen))})",
              [tuple(r[k] for k in kolommen) for r in rijen])


def _volgorde(verbinding: Verbinding, tabel: str) -> str:
    """The ORDER BY that keeps a table's order, or '' for a table whose order has no meaning."""
    if tabel in BEWERKBAAR:
        return f" ORDER BY {verbinding.VOLGORDE}"
    return " ORDER BY nr" if tabel == "logboek" else ""
