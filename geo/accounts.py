"""Local user accounts for the editing ("Beheer") part of the app: create, check, lock, unlock.

Why local accounts: the app runs on one server for one programme team, without a company
identity provider, so the few people who may edit need a name and a password that the app
checks itself. Passwords are stored only as Argon2id hashes (argon2-cffi), the memory-hard
algorithm that RFC 9106 and OWASP recommend, so a copied database does not give the passwords.

Guessing is slowed down by locking an account for :data:`BLOKKEER_DUUR` after
:data:`MAX_POGINGEN` consecutive wrong passwords. An unknown name and a wrong password give the
same message and cost the same hash computation, so neither the text nor the response time tells
which names exist.

The accounts live in the table ``accounts`` of the store's database (:mod:`geo.opslag`: a SQLite
file, or a PostgreSQL database that several app servers share), whose other tables belong to the
store. So every function gets the store's address, creates the table only when missing, opens its
own short connection (safe from any Streamlit thread, a second process or a second server) and
writes in transactions that take the writers' lock up front instead of failing halfway
(:mod:`geo.opslag_databank`). A database error becomes :class:`geo.opslag_databank.OpslagFout`.
No Streamlit here, and no state at module level besides constants.
"""

from __future__ import annotations

import base64
import math
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Final

from argon2 import Parameters, PasswordHasher, Type, profiles
from argon2.exceptions import InvalidHashError, VerificationError

from geo.opslag_databank import Rij, Verbinding, kies_databank
from geo.schema import TIJDZONE

MAX_POGINGEN: Final = 5
BLOKKEER_DUUR: Final = timedelta(minutes=15)
MIN_WACHTWOORD: Final = 12
# Lower case only, so "Anna" and "anna" are one account; characters that also fit an e-mail address.
NAAM_PATROON: Final = re.compile(r"[a-z0-9._@-]{3,64}")
# Argon2id with the parameters RFC 9106 recommends for machines with little memory (64 MiB, about
# 0.1 s per hash): the library's default. Tests may set this to ``argon2.profiles.CHEAPEST`` with
# monkeypatch to stay fast; every hash and check goes through :func:`maak_hasher`, which reads it.
HASH_PARAMETERS: Parameters = profiles.RFC_9106_LOW_MEMORY

ONJUIST: Final = "Gebruikersnaam of wachtwoord onjuist."

TABEL: Final = "accounts"
_TABEL = f"""
CREATE TABLE IF NOT EXISTS {TABEL} (
    gebruiker TEXT PRIMARY KEY,
    wachtwoord_hash TEXT NOT NULL,
    mislukt INTEGER NOT NULL DEFAULT 0,
    geblokkeerd_tot TEXT,
    aangemaakt TEXT NOT NULL,
    laatst_ingelogd TEXT
)
"""
_ARGON2_NAMEN: Final = {Type.ID: "argon2id", Type.I: "argon2i", Type.D: "argon2d"}


class AccountFout(ValueError):
    """Invalid input or an account that exists (or not) when it should not; ``melding`` is Dutch
    and fit to show as is, and never contains a password."""

    def __init__(self, melding: str) -> None:
        super().__init__(melding)
        self.melding = melding


@dataclass(frozen=True)
class Inlogresultaat:
    """The outcome of one login attempt.

    ``gebruiker`` is the stored (lower-case) name, only when the login succeeded;
    ``geblokkeerd_tot`` (UTC) is set when the account is locked, so a page can show a countdown.
    """

    gelukt: bool
    gebruiker: str | None
    melding: str
    geblokkeerd_tot: datetime | None = None


def maak_hasher() -> PasswordHasher:
    """The password hasher with the current :data:`HASH_PARAMETERS`.

    A function rather than a module-level object so a changed constant (stronger parameters
    later, cheap ones in tests) takes effect at once; old hashes are upgraded at the next login.
    """
    return PasswordHasher.from_parameters(HASH_PARAMETERS)


def normaliseer_naam(gebruiker: str) -> str:
    """The name as stored: trimmed and lower case, so a login does not depend on capitals."""
    return gebruiker.strip().lower()


def controleer_naam(gebruiker: str) -> str:
    """The normalised name, or :class:`AccountFout` when it does not fit :data:`NAAM_PATROON`."""
    naam = normaliseer_naam(gebruiker)
    if not NAAM_PATROON.fullmatch(naam):
        raise AccountFout(
            "Een gebruikersnaam heeft 3 tot 64 tekens: kleine letters a-z, cijfers en . _ @ -"
        )
    return naam


def controleer_wachtwoord(wachtwoord: str) -> None:
    """Raise :class:`AccountFout` for a password that is too short or only spaces.

    Length is what makes a password hard to guess; no rules on character kinds, which mostly
    lead to predictable patterns (NIST SP 800-63B).
    """
    if len(wachtwoord) < MIN_WACHTWOORD:
        raise AccountFout(f"Een wachtwoord heeft minstens {MIN_WACHTWOORD} tekens.")
    if not wachtwoord.strip():
        raise AccountFout("Een wachtwoord mag niet alleen uit spaties bestaan.")


def maak_account(adres: Path | str, gebruiker: str, wachtwoord: str) -> None:
    """Create an account; :class:`AccountFout` for an invalid name or password or an existing name."""
    naam = controleer_naam(gebruiker)
    controleer_wachtwoord(wachtwoord)
    # Hash before taking the write lock: hashing takes about 0.1 s and must not block other writers.
    hash_ = maak_hasher().hash(wachtwoord)
    with _verbinding(adres) as conn, conn.schrijven():
        if _rij(conn, naam) is not None:
            raise AccountFout(f"Het account '{naam}' bestaat al.")
        conn.uitvoeren(
            "INSERT INTO accounts (gebruiker, wachtwoord_hash, mislukt, geblokkeerd_tot, aangemaakt)"
            " VALUES (?, ?, 0, NULL, ?)",
            (naam, hash_, _iso(_nu(None))),
        )


def wijzig_wachtwoord(adres: Path | str, gebruiker: str, nieuw: str) -> None:
    """Set a new password; this also unlocks the account.

    Unlocking too because whoever sets the new password (an administrator at the server) has
    dealt with the user, and the failed attempts were against the old password.
    """
    naam = normaliseer_naam(gebruiker)
    controleer_wachtwoord(nieuw)
    hash_ = maak_hasher().hash(nieuw)
    with _verbinding(adres) as conn, conn.schrijven():
        bijgewerkt = conn.uitvoeren(
            "UPDATE accounts SET wachtwoord_hash = ?, mislukt = 0, geblokkeerd_tot = NULL"
            " WHERE gebruiker = ?",
            (hash_, naam),
        )
        if not bijgewerkt:
            raise AccountFout(f"Het account '{naam}' bestaat niet.")


def ontgrendel(adres: Path | str, gebruiker: str) -> None:
    """Lift a lock and forget the failed attempts, so a locked-out user need not wait."""
    naam = normaliseer_naam(gebruiker)
    with _verbinding(adres) as conn, conn.schrijven():
        bijgewerkt = conn.uitvoeren(
            "UPDATE accounts SET mislukt = 0, geblokkeerd_tot = NULL WHERE gebruiker = ?", (naam,)
        )
        if not bijgewerkt:
            raise AccountFout(f"Het account '{naam}' bestaat niet.")


def accounts(adres: Path | str) -> list[str]:
    """All account names, sorted by character code (not by the database's collation, which differs
    between servers): for the command line's list, never with hashes."""
    with _verbinding(adres) as conn:
        return sorted(r["gebruiker"] for r in conn.rijen("SELECT gebruiker FROM accounts"))


def heeft_accounts(adres: Path | str) -> bool:
    """Whether any account exists, so the app can explain how to create the first one."""
    with _verbinding(adres) as conn:
        return conn.rij("SELECT 1 AS er FROM accounts LIMIT 1") is not None


def controleer(
    adres: Path | str, gebruiker: str, wachtwoord: str, nu: datetime | None = None
) -> Inlogresultaat:
    """Check a login attempt and record its outcome.

    ``nu`` is the moment of the attempt (default: now; a naive value counts as UTC), so tests can
    step past the lock without waiting. A locked account is refused even with the right password.
    The hash is checked outside any transaction (about 0.1 s), then the outcome is written in one
    short write transaction that re-reads the row, so attempts at the same moment from
    two sessions all count and none undoes another's lock.
    """
    moment = _nu(nu)
    naam = normaliseer_naam(gebruiker)
    hasher = maak_hasher()
    with _verbinding(adres) as conn:
        rij = _rij(conn, naam) if NAAM_PATROON.fullmatch(naam) else None
    if rij is None:
        # Same cost as a real check, so the response time does not reveal which names exist.
        _klopt(hasher, _dummy_hash(HASH_PARAMETERS), wachtwoord)
        return Inlogresultaat(False, None, ONJUIST)
    tot = _blokkade(rij, moment)
    if tot is not None:
        return _geblokkeerd(tot)
    oude_hash = rij["wachtwoord_hash"]
    klopt = _klopt(hasher, oude_hash, wachtwoord)
    nieuwe_hash = hasher.hash(wachtwoord) if klopt and hasher.check_needs_rehash(oude_hash) else None

    with _verbinding(adres) as conn, conn.schrijven():
        rij = _rij(conn, naam)
        if rij is None:  # removed while the hash was checked
            return Inlogresultaat(False, None, ONJUIST)
        tot = _blokkade(rij, moment)
        if tot is not None:  # locked by a parallel attempt meanwhile
            return _geblokkeerd(tot)
        if klopt and rij["wachtwoord_hash"] != oude_hash:
            # The password was changed while we checked the old one: the old one no longer counts.
            return Inlogresultaat(False, None, ONJUIST)
        if klopt:
            conn.uitvoeren(
                "UPDATE accounts SET mislukt = 0, geblokkeerd_tot = NULL, laatst_ingelogd = ?,"
                " wachtwoord_hash = COALESCE(?, wachtwoord_hash) WHERE gebruiker = ?",
                (_iso(moment), nieuwe_hash, naam),
            )
            return Inlogresultaat(True, naam, "Ingelogd.")
        # An expired lock starts a fresh series of attempts.
        mislukt = (0 if rij["geblokkeerd_tot"] else rij["mislukt"]) + 1
        if mislukt >= MAX_POGINGEN:
            tot = moment + BLOKKEER_DUUR
            conn.uitvoeren(
                "UPDATE accounts SET mislukt = ?, geblokkeerd_tot = ? WHERE gebruiker = ?",
                (mislukt, _iso(tot), naam),
            )
            return _geblokkeerd(tot, ONJUIST + " ")
        conn.uitvoeren(
            "UPDATE accounts SET mislukt = ?, geblokkeerd_tot = NULL WHERE gebruiker = ?",
            (mislukt, naam),
        )
        return Inlogresultaat(False, None, ONJUIST)


# --- helpers -------------------------------------------------------------------------------


def maak_tabel(verbinding: Verbinding) -> None:
    """Create the accounts table inside the caller's transaction (also when copying a store)."""
    verbinding.uitvoeren(_TABEL)


@contextmanager
def _verbinding(adres: Path | str) -> Iterator[Verbinding]:
    """A fresh connection with the accounts table in place, closed afterwards.

    A SQLite file is created when missing (the first account may come before the first start of
    the app). The table is made in a write transaction of its own, so two first accounts at the
    same moment do not both try to create it.
    """
    with kies_databank(adres).verbinding(maken=True) as conn:
        if TABEL not in conn.tabellen():
            with conn.schrijven():
                maak_tabel(conn)
        yield conn


def _rij(conn: Verbinding, naam: str) -> Rij | None:
    return conn.rij("SELECT wachtwoord_hash, mislukt, geblokkeerd_tot FROM accounts WHERE gebruiker = ?", (naam,))


def _klopt(hasher: PasswordHasher, hash_: str, wachtwoord: str) -> bool:
    """Whether the password fits the hash; a damaged hash counts as a wrong password."""
    try:
        return hasher.verify(hash_, wachtwoord)
    except (VerificationError, InvalidHashError):
        return False


def _dummy_hash(parameters: Parameters) -> str:
    """A well-formed hash with the given parameters that no password matches.

    Built as text instead of computed, so checking against it costs one hash computation with the
    same parameters as a real account, not two (hashing a dummy first would double the time).
    """

    def b64(n: int) -> str:
        return base64.b64encode(bytes(n)).decode("ascii").rstrip("=")

    return (
        f"${_ARGON2_NAMEN[parameters.type]}$v={parameters.version}"
        f"$m={parameters.memory_cost},t={parameters.time_cost},p={parameters.parallelism}"
        f"${b64(parameters.salt_len)}${b64(parameters.hash_len)}"
    )


def _blokkade(rij: Rij, moment: datetime) -> datetime | None:
    """The end of the account's lock if it is still locked at ``moment``, else None."""
    if not rij["geblokkeerd_tot"]:
        return None
    tot = datetime.fromisoformat(rij["geblokkeerd_tot"])
    return tot if tot > moment else None


def _geblokkeerd(tot: datetime, voorvoegsel: str = "") -> Inlogresultaat:
    """Refusal that says until when: the time in :data:`TIJDZONE`, rounded up to the minute so
    that a retry at the time shown works."""
    lokaal = tot.astimezone(TIJDZONE)
    if lokaal.second or lokaal.microsecond:
        lokaal = lokaal.replace(second=0, microsecond=0) + timedelta(minutes=1)
    minuten = math.ceil(BLOKKEER_DUUR.total_seconds() / 60)
    melding = (
        f"{voorvoegsel}Dit account is geblokkeerd tot {lokaal:%H:%M} uur"
        f" ({minuten} minuten na {MAX_POGINGEN} mislukte pogingen)."
        " Probeer het daarna opnieuw of vraag een beheerder het account te ontgrendelen."
    )
    return Inlogresultaat(False, None, melding, tot)


def _nu(nu: datetime | None) -> datetime:
    """``nu`` in UTC (naive counts as UTC), or the current time."""
    if nu is None:
        return datetime.now(UTC)
    return nu.replace(tzinfo=UTC) if nu.tzinfo is None else nu.astimezone(UTC)


def _iso(moment: datetime) -> str:
    """ISO 8601 in UTC with offset, so :func:`datetime.fromisoformat` gives back the same moment."""
    return moment.astimezone(UTC).isoformat()
