"""Local accounts: create, check, lock after five wrong passwords, unlock, and the command line.

The accounts live in the store's database, so every test that takes ``opslag_adres`` runs against
both backends (SQLite file, PostgreSQL with PostGIS); the command line takes a file."""

from __future__ import annotations

import dataclasses
import sqlite3
import subprocess
import sys
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import argon2
import pytest
from argon2 import profiles

from geo import accounts
from geo.accounts import AccountFout
from geo.opslag_databank import kies_databank

ROOT = Path(__file__).resolve().parent.parent
WACHTWOORD = "correct paard batterij"
NU = datetime(2025, 3, 14, 13, 20, tzinfo=UTC)  # 14:20 in Amsterdam (winter time)


@pytest.fixture(autouse=True)
def goedkope_hash(monkeypatch: pytest.MonkeyPatch) -> None:
    """The documented way to keep tests fast: cheap Argon2 parameters via HASH_PARAMETERS."""
    monkeypatch.setattr(accounts, "HASH_PARAMETERS", profiles.CHEAPEST)


@pytest.fixture
def pad(tmp_path: Path) -> Path:
    """A SQLite file only: for the command line (it takes a path) and for input rules, which are
    checked before the database is reached."""
    return tmp_path / "sub" / "wijkkaart.sqlite"  # the folder does not exist yet


def rij(adres: Path | str, naam: str) -> dict[str, object]:
    with kies_databank(adres).verbinding() as conn:
        gevonden = conn.rij("SELECT * FROM accounts WHERE gebruiker = ?", (naam,))
    assert gevonden is not None
    return gevonden


def blokkeer(adres: Path | str, naam: str, nu: datetime = NU) -> accounts.Inlogresultaat:
    for _ in range(accounts.MAX_POGINGEN):
        uit = accounts.controleer(adres, naam, "fout wachtwoord!", nu)
    return uit


def test_aanmaken_en_inloggen(opslag_adres: Path | str) -> None:
    assert not accounts.heeft_accounts(opslag_adres)
    accounts.maak_account(opslag_adres, " Anna.de-Vries@Noord ", WACHTWOORD)
    assert accounts.heeft_accounts(opslag_adres)
    assert accounts.accounts(opslag_adres) == ["anna.de-vries@noord"]
    uit = accounts.controleer(opslag_adres, "ANNA.DE-VRIES@NOORD", WACHTWOORD, NU)
    assert uit == accounts.Inlogresultaat(True, "anna.de-vries@noord", "Ingelogd.", None)
    opgeslagen = rij(opslag_adres, "anna.de-vries@noord")
    assert opgeslagen["laatst_ingelogd"] == NU.isoformat()
    assert opgeslagen["mislukt"] == 0 and opgeslagen["geblokkeerd_tot"] is None
    assert datetime.fromisoformat(str(opgeslagen["aangemaakt"])).tzinfo is not None


def test_fout_wachtwoord(opslag_adres: Path | str) -> None:
    accounts.maak_account(opslag_adres, "anna", WACHTWOORD)
    uit = accounts.controleer(opslag_adres, "anna", WACHTWOORD + "x", NU)
    assert uit == accounts.Inlogresultaat(False, None, "Gebruikersnaam of wachtwoord onjuist.", None)
    assert rij(opslag_adres, "anna")["mislukt"] == 1
    assert rij(opslag_adres, "anna")["laatst_ingelogd"] is None


def test_blokkade_na_vijf_pogingen_en_weer_open_na_15_minuten(opslag_adres: Path | str) -> None:
    accounts.maak_account(opslag_adres, "anna", WACHTWOORD)
    for _ in range(accounts.MAX_POGINGEN - 1):
        assert accounts.controleer(opslag_adres, "anna", "fout wachtwoord!", NU).geblokkeerd_tot is None
    uit = accounts.controleer(opslag_adres, "anna", "fout wachtwoord!", NU)
    assert not uit.gelukt
    assert uit.geblokkeerd_tot == NU + timedelta(minutes=15)
    assert "geblokkeerd tot 14:35 uur" in uit.melding  # Amsterdam time

    # The right password is refused while locked, and does not end the lock.
    for moment in (NU + timedelta(minutes=1), NU + timedelta(minutes=14, seconds=59)):
        uit = accounts.controleer(opslag_adres, "anna", WACHTWOORD, moment)
        assert (uit.gelukt, uit.gebruiker) == (False, None)
        assert uit.geblokkeerd_tot == NU + timedelta(minutes=15)
        assert "geblokkeerd tot 14:35 uur" in uit.melding

    uit = accounts.controleer(opslag_adres, "anna", WACHTWOORD, NU + timedelta(minutes=15))
    assert uit.gelukt and uit.gebruiker == "anna"
    assert rij(opslag_adres, "anna")["mislukt"] == 0 and rij(opslag_adres, "anna")["geblokkeerd_tot"] is None


def test_na_verlopen_blokkade_weer_vijf_pogingen(opslag_adres: Path | str) -> None:
    accounts.maak_account(opslag_adres, "anna", WACHTWOORD)
    blokkeer(opslag_adres, "anna")
    later = NU + timedelta(minutes=20)
    uit = accounts.controleer(opslag_adres, "anna", "fout wachtwoord!", later)
    assert uit.geblokkeerd_tot is None and rij(opslag_adres, "anna")["mislukt"] == 1


def test_gelukte_poging_zet_teller_terug(opslag_adres: Path | str) -> None:
    accounts.maak_account(opslag_adres, "anna", WACHTWOORD)
    for _ in range(accounts.MAX_POGINGEN - 1):
        accounts.controleer(opslag_adres, "anna", "fout wachtwoord!", NU)
    assert accounts.controleer(opslag_adres, "anna", WACHTWOORD, NU).gelukt
    for _ in range(accounts.MAX_POGINGEN - 1):
        assert accounts.controleer(opslag_adres, "anna", "fout wachtwoord!", NU).geblokkeerd_tot is None


def test_blokkade_tijd_afgerond_naar_boven(opslag_adres: Path | str) -> None:
    accounts.maak_account(opslag_adres, "anna", WACHTWOORD)
    uit = blokkeer(opslag_adres, "anna", NU + timedelta(seconds=10))
    assert "geblokkeerd tot 14:36 uur" in uit.melding  # 14:35:10 shown as 14:36, when it is open


def test_onbekende_gebruiker_zelfde_melding_en_een_hashcontrole(
    opslag_adres: Path | str, monkeypatch: pytest.MonkeyPatch
) -> None:
    accounts.maak_account(opslag_adres, "anna", WACHTWOORD)
    fout = accounts.controleer(opslag_adres, "anna", "fout wachtwoord!", NU)
    gecontroleerd: list[str] = []
    echt = argon2.PasswordHasher.verify

    def tel(self: argon2.PasswordHasher, hash_: str, wachtwoord: str) -> bool:
        gecontroleerd.append(hash_)
        return echt(self, hash_, wachtwoord)

    monkeypatch.setattr(argon2.PasswordHasher, "verify", tel)
    for naam in ("bert", "x", "onbekend met spaties"):
        onbekend = accounts.controleer(opslag_adres, naam, WACHTWOORD, NU)
        assert onbekend == fout
        assert onbekend.melding == "Gebruikersnaam of wachtwoord onjuist."
    # One verification each, with the same Argon2 parameters as a real account.
    assert len(gecontroleerd) == 3
    assert all(argon2.extract_parameters(h) == profiles.CHEAPEST for h in gecontroleerd)
    assert accounts.accounts(opslag_adres) == ["anna"]  # nothing recorded for unknown names


def test_onbekende_gebruiker_wordt_nooit_geblokkeerd(opslag_adres: Path | str) -> None:
    uit = blokkeer(opslag_adres, "bert")
    assert uit.geblokkeerd_tot is None and uit.melding == accounts.ONJUIST


@pytest.mark.parametrize(
    "naam", ["ab", "a" * 65, "an na", "anna!", "ånna", "anna/..", "", "   "]
)
def test_ongeldige_naam(pad: Path, naam: str) -> None:
    with pytest.raises(AccountFout, match="3 tot 64 tekens") as fout:
        accounts.maak_account(pad, naam, WACHTWOORD)
    assert isinstance(fout.value, ValueError)
    assert fout.value.melding.startswith("Een gebruikersnaam")


@pytest.mark.parametrize("naam", ["abc", "a" * 64, "Anna_Bakker.1@noord-west"])
def test_geldige_naam(pad: Path, naam: str) -> None:
    accounts.maak_account(pad, naam, WACHTWOORD)
    assert accounts.accounts(pad) == [naam.lower()]


@pytest.mark.parametrize(
    ("wachtwoord", "melding"),
    [
        ("", "minstens 12 tekens"),
        ("a" * 11, "minstens 12 tekens"),
        (" " * 12, "niet alleen uit spaties"),
        ("\t " * 8, "niet alleen uit spaties"),
    ],
)
def test_ongeldig_wachtwoord(pad: Path, wachtwoord: str, melding: str) -> None:
    with pytest.raises(AccountFout, match=melding):
        accounts.maak_account(pad, "anna", wachtwoord)
    assert not accounts.heeft_accounts(pad)


def test_wachtwoord_van_12_tekens_mag(pad: Path) -> None:
    accounts.maak_account(pad, "anna", " a" * 6)
    assert accounts.controleer(pad, "anna", " a" * 6, NU).gelukt


def test_dubbel_account(opslag_adres: Path | str) -> None:
    accounts.maak_account(opslag_adres, "anna", WACHTWOORD)
    with pytest.raises(AccountFout, match="'anna' bestaat al"):
        accounts.maak_account(opslag_adres, "ANNA", "een ander wachtwoord")
    assert accounts.controleer(opslag_adres, "anna", WACHTWOORD, NU).gelukt  # the first one is kept


def test_ontgrendel(opslag_adres: Path | str) -> None:
    accounts.maak_account(opslag_adres, "anna", WACHTWOORD)
    assert blokkeer(opslag_adres, "anna").geblokkeerd_tot is not None
    accounts.ontgrendel(opslag_adres, "Anna")
    assert rij(opslag_adres, "anna")["mislukt"] == 0 and rij(opslag_adres, "anna")["geblokkeerd_tot"] is None
    assert accounts.controleer(opslag_adres, "anna", WACHTWOORD, NU + timedelta(minutes=1)).gelukt
    with pytest.raises(AccountFout, match="'bert' bestaat niet"):
        accounts.ontgrendel(opslag_adres, "bert")


def test_wijzig_wachtwoord(opslag_adres: Path | str) -> None:
    accounts.maak_account(opslag_adres, "anna", WACHTWOORD)
    blokkeer(opslag_adres, "anna")
    accounts.wijzig_wachtwoord(opslag_adres, "anna", "een nieuw wachtwoord")
    assert not accounts.controleer(opslag_adres, "anna", WACHTWOORD, NU).gelukt
    assert accounts.controleer(opslag_adres, "anna", "een nieuw wachtwoord", NU).gelukt  # also unlocked
    with pytest.raises(AccountFout, match="minstens 12 tekens"):
        accounts.wijzig_wachtwoord(opslag_adres, "anna", "kort")
    with pytest.raises(AccountFout, match="'bert' bestaat niet"):
        accounts.wijzig_wachtwoord(opslag_adres, "bert", "een nieuw wachtwoord")


def test_hash_is_argon2_en_niet_het_wachtwoord(opslag_adres: Path | str) -> None:
    accounts.maak_account(opslag_adres, "anna", WACHTWOORD)
    hash_ = str(rij(opslag_adres, "anna")["wachtwoord_hash"])
    assert hash_.startswith("$argon2id$")
    assert WACHTWOORD not in hash_
    uit = accounts.controleer(opslag_adres, "anna", WACHTWOORD, NU)
    assert WACHTWOORD not in repr(uit) and hash_ not in repr(uit)
    with pytest.raises(AccountFout) as fout:
        accounts.maak_account(opslag_adres, "anna", WACHTWOORD)
    assert WACHTWOORD not in str(fout.value)


def test_standaard_parameters_zijn_rfc_9106(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.undo()  # the module's own value, not the cheap one of the fixture
    assert accounts.HASH_PARAMETERS == profiles.RFC_9106_LOW_MEMORY
    assert accounts.maak_hasher().type is argon2.Type.ID


def test_hash_vernieuwd_bij_andere_parameters(opslag_adres: Path | str, monkeypatch: pytest.MonkeyPatch) -> None:
    accounts.maak_account(opslag_adres, "anna", WACHTWOORD)
    oud = str(rij(opslag_adres, "anna")["wachtwoord_hash"])
    sterker = dataclasses.replace(profiles.CHEAPEST, time_cost=2)
    monkeypatch.setattr(accounts, "HASH_PARAMETERS", sterker)
    assert not accounts.controleer(opslag_adres, "anna", "fout wachtwoord!", NU).gelukt
    assert rij(opslag_adres, "anna")["wachtwoord_hash"] == oud  # never rehashed on a wrong password
    assert accounts.controleer(opslag_adres, "anna", WACHTWOORD, NU).gelukt
    nieuw = str(rij(opslag_adres, "anna")["wachtwoord_hash"])
    assert nieuw != oud and argon2.extract_parameters(nieuw) == sterker
    assert accounts.controleer(opslag_adres, "anna", WACHTWOORD, NU).gelukt


def test_tabel_naast_andere_tabellen(opslag_adres: Path | str) -> None:
    with kies_databank(opslag_adres).verbinding(maken=True) as conn:
        conn.uitvoeren("CREATE TABLE wijzigingen (id INTEGER PRIMARY KEY, tekst TEXT)")
        conn.uitvoeren("INSERT INTO wijzigingen VALUES (1, 'blijft')")
    accounts.maak_account(opslag_adres, "anna", WACHTWOORD)
    accounts.maak_account(opslag_adres, "bert", WACHTWOORD)
    assert accounts.accounts(opslag_adres) == ["anna", "bert"]
    with kies_databank(opslag_adres).verbinding() as conn:
        assert conn.rijen("SELECT tekst FROM wijzigingen") == [{"tekst": "blijft"}]
    if isinstance(opslag_adres, Path):  # WAL: logins do not wait for a writer of the file
        with sqlite3.connect(opslag_adres) as conn:
            assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)


def test_namen_gesorteerd_zoals_python_ongeacht_de_database(opslag_adres: Path | str) -> None:
    namen = ["b.de-wit", "anna_z", "anna.b", "Anna-c", "zeynep", "0beheer", "anna@noord"]
    for naam in namen:
        accounts.maak_account(opslag_adres, naam, WACHTWOORD)
    assert accounts.accounts(opslag_adres) == sorted(n.lower() for n in namen)


def gelijktijdig(aantal: int, taak: object) -> list[BaseException]:
    """Run ``taak(i)`` in ``aantal`` threads that start together; the exceptions they raised."""
    start = threading.Barrier(aantal)
    fouten: list[BaseException] = []

    def draai(i: int) -> None:
        start.wait()
        try:
            taak(i)  # type: ignore[operator]
        except BaseException as fout:  # noqa: BLE001 - reported by the test
            fouten.append(fout)

    draden = [threading.Thread(target=draai, args=(i,)) for i in range(aantal)]
    for draad in draden:
        draad.start()
    for draad in draden:
        draad.join(timeout=60)
    return fouten


def test_gelijktijdig_aanmaken(opslag_adres: Path | str) -> None:
    def maak(i: int) -> None:
        for j in range(3):
            accounts.maak_account(opslag_adres, f"gebruiker{i}-{j}", WACHTWOORD)

    assert gelijktijdig(4, maak) == []
    verwacht = sorted(f"gebruiker{i}-{j}" for i in range(4) for j in range(3))
    assert accounts.accounts(opslag_adres) == verwacht


def test_gelijktijdig_eerste_gebruik_van_een_nieuw_bestand(tmp_path: Path) -> None:
    """Several first connections to a file that does not exist yet: none is told the store is busy
    (switching a shared new file to WAL answered "locked" without waiting, ~1 in 20 rounds)."""
    for ronde in range(40):
        adres = tmp_path / f"ronde{ronde}.sqlite"
        assert gelijktijdig(8, lambda _i, adres=adres: accounts.accounts(adres)) == []
        with sqlite3.connect(adres) as conn:
            assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)


def test_gelijktijdige_foute_pogingen_tellen_allemaal(opslag_adres: Path | str) -> None:
    accounts.maak_account(opslag_adres, "anna", WACHTWOORD)
    assert gelijktijdig(
        accounts.MAX_POGINGEN, lambda _i: accounts.controleer(opslag_adres, "anna", "fout wachtwoord!", NU)
    ) == []
    assert rij(opslag_adres, "anna")["geblokkeerd_tot"] == (NU + accounts.BLOKKEER_DUUR).isoformat()
    assert not accounts.controleer(opslag_adres, "anna", WACHTWOORD, NU).gelukt


# --- command line ----------------------------------------------------------------------------


def cli(pad: Path, *args: str, invoer: str = "") -> subprocess.CompletedProcess[str]:
    """Run scripts/account.py from another folder, so it must find the repository itself."""
    return subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "account.py"), "--opslag", str(pad), *args],
        input=invoer,
        capture_output=True,
        text=True,
        cwd=pad.parent.parent,
        timeout=60,
        check=False,
    )


def test_cli_aanmaken_lijst_en_ontgrendelen(pad: Path) -> None:
    uit = cli(pad, "aanmaken", "Anna", "--wachtwoord-stdin", invoer=WACHTWOORD + "\n")
    assert (uit.returncode, uit.stderr) == (0, "")
    assert f"Account 'anna' aangemaakt in {pad}." in uit.stdout
    assert accounts.controleer(pad, "anna", WACHTWOORD, NU).gelukt  # default-cost hash works too

    blokkeer(pad, "anna")
    uit = cli(pad, "ontgrendelen", "anna")
    assert uit.returncode == 0 and "ontgrendeld" in uit.stdout
    assert rij(pad, "anna")["geblokkeerd_tot"] is None

    uit = cli(pad, "wachtwoord", "anna", "--wachtwoord-stdin", invoer="een nieuw wachtwoord\n")
    assert uit.returncode == 0, uit.stderr
    assert accounts.controleer(pad, "anna", "een nieuw wachtwoord", NU).gelukt

    uit = cli(pad, "lijst")
    assert (uit.returncode, uit.stdout) == (0, "anna\n")


def test_cli_fouten_in_het_nederlands_zonder_traceback(pad: Path) -> None:
    accounts.maak_account(pad, "anna", WACHTWOORD)
    gevallen = [
        (("aanmaken", "anna", "--wachtwoord-stdin"), WACHTWOORD + "\n", "Fout: Het account 'anna' bestaat al."),
        (("aanmaken", "bert", "--wachtwoord-stdin"), "kort\n", "Fout: Een wachtwoord heeft minstens 12 tekens."),
        (("ontgrendelen", "bert"), "", "Fout: Het account 'bert' bestaat niet."),
    ]
    for args, invoer, melding in gevallen:
        uit = cli(pad, *args, invoer=invoer)
        assert uit.returncode == 1
        assert uit.stderr.strip() == melding
        assert "Traceback" not in uit.stderr and uit.stdout == ""
    assert accounts.accounts(pad) == ["anna"]
