"""scripts/opslag_migreren.py: the SQLite store with its history and accounts, copied into PostGIS
without loss, refused into a filled database, and all-or-nothing when the check fails."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd
import pytest
from argon2 import profiles

from geo import accounts, opslag_migratie
from geo.beheer import SOORT_ACTIE, SOORT_HOTSPOT
from geo.opslag import BEWERKBAAR, Opslag
from geo.opslag_databank import kies_databank
from geo.opslag_postgis import PostgisVerbinding
from geo.programma import lees_bewerkbaar
from tests.opslag_schrijver import actie_rij

ROOT = Path(__file__).resolve().parent.parent
WACHTWOORD = "correct paard batterij"
NU = datetime(2025, 3, 14, 13, 20, tzinfo=UTC)


@pytest.fixture(autouse=True)
def goedkope_hash(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(accounts, "HASH_PARAMETERS", profiles.CHEAPEST)


@pytest.fixture
def bron(tmp_path: Path) -> Opslag:
    """A store that was used: added, changed, removed, restored and imported items, and accounts
    in every state (logged in, locked, never used)."""
    opslag = Opslag(tmp_path / "wijkkaart.sqlite")
    opslag.initialiseer(lees_bewerkbaar())
    nieuw = opslag.voeg_toe(SOORT_ACTIE, {**actie_rij(1), "lon": "4.384170", "lat": "52.088610"}, "anna")
    opslag.wijzig("acties", nieuw, {"opmerking": "’t Hofje — “overleg” ✓"}, 1, "bram")
    opslag.verwijder("acties", "kansrijke_start", 1, "anna")
    opslag.verwijder("acties", "flatcoaches", 1, "anna")
    opslag.herstel("acties", "flatcoaches", 2, "bram")
    opslag.importeer(SOORT_HOTSPOT, [{"thema": "Zwerfafval", "datum": "2024-05-01", "periode": "2024", "omschrijving": f"m{i}",
                                      "gebiedscode": "LN", "bron_omschrijving": "import"} for i in range(30)], "anna")
    for naam in ("anna", "bram", "cees"):
        accounts.maak_account(opslag.pad, naam, WACHTWOORD)
    assert accounts.controleer(opslag.pad, "anna", WACHTWOORD, NU).gelukt
    for _ in range(accounts.MAX_POGINGEN):
        accounts.controleer(opslag.pad, "bram", "fout wachtwoord!", NU)
    return opslag


def _migreer(van: Path | str, naar: Path | str, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(ROOT / "scripts" / "opslag_migreren.py"), "--van", str(van), "--naar", str(naar),
                           *extra], capture_output=True, text=True, timeout=120, check=False)


def _accounts(adres: Path | str) -> list[dict]:
    with kies_databank(adres).verbinding() as verbinding:
        return sorted(verbinding.rijen("SELECT * FROM accounts"), key=lambda r: r["gebruiker"])


def _gelijk(bron: Opslag, doel: Opslag) -> None:
    for naam in BEWERKBAAR:
        for verwijderd in (False, True):
            pd.testing.assert_frame_equal(bron.tabel(naam, verwijderd), doel.tabel(naam, verwijderd))
    pd.testing.assert_frame_equal(bron.logboek(10_000), doel.logboek(10_000))
    assert bron.revisie() == doel.revisie()
    assert _accounts(bron.pad) == _accounts(doel.pad)


def test_migration_copies_everything_and_the_store_carries_on(bron, postgis_url):
    uit = _migreer(bron.pad, postgis_url)
    assert (uit.returncode, uit.stderr) == (0, "")
    assert "Opslag gekopieerd" in uit.stdout
    for tabel in ("meta", "logboek", *BEWERKBAAR, "accounts"):
        assert f"  {tabel} " in uit.stdout
    assert uit.stdout.count("gelijk aan de bron") == 6

    doel = Opslag(postgis_url)
    _gelijk(bron, doel)
    assert not doel.initialiseer(lees_bewerkbaar())  # the app finds its store and leaves it
    assert "kansrijke_start" in set(doel.tabel("acties", verwijderd=True)["id"])

    # the copy goes on where the file stopped: next log number, next revision, versions, accounts
    revisie, laatste = doel.revisie(), int(doel.logboek(1)["nr"].iloc[0])
    doel.wijzig("acties", "flatcoaches", {"status": "gestart"}, 3, "cees")
    assert int(doel.logboek(1)["nr"].iloc[0]) == laatste + 1 and doel.revisie() == revisie + 1
    assert accounts.controleer(postgis_url, "anna", WACHTWOORD, NU).gelukt
    geblokkeerd = accounts.controleer(postgis_url, "bram", WACHTWOORD, NU)
    assert not geblokkeerd.gelukt and geblokkeerd.geblokkeerd_tot == NU + accounts.BLOKKEER_DUUR
    with kies_databank(postgis_url).verbinding() as verbinding:
        assert verbinding.rij("SELECT ST_AsText(geom) AS wkt FROM acties WHERE lon = '4.384170'") == {
            "wkt": "POINT(4.38417 52.08861)"}


def test_a_filled_target_is_refused_unless_asked(bron, postgis_url):
    doel = Opslag(postgis_url)
    doel.initialiseer(lees_bewerkbaar())
    doel.voeg_toe(SOORT_ACTIE, actie_rij(9), "iemand")
    voor = doel.logboek()

    uit = _migreer(bron.pad, postgis_url)
    assert uit.returncode == 1 and uit.stdout == ""
    assert uit.stderr.startswith("Fout: Het doel postgresql://")
    assert "bevat al gegevens" in uit.stderr and "--overschrijven" in uit.stderr and "Traceback" not in uit.stderr
    pd.testing.assert_frame_equal(doel.logboek(), voor)

    uit = _migreer(bron.pad, postgis_url, "--overschrijven")
    assert uit.returncode == 0, uit.stderr
    _gelijk(bron, doel)


def test_a_difference_found_by_the_check_leaves_the_target_untouched(bron, postgis_url, monkeypatch):
    echte = opslag_migratie.controle

    def verkeerd_geteld(verbinding, tabel):
        uitkomst = echte(verbinding, tabel)
        if isinstance(verbinding, PostgisVerbinding) and tabel == "logboek":  # as if a row went missing on the way
            return dataclasses.replace(uitkomst, rijen=uitkomst.rijen - 1)
        return uitkomst

    monkeypatch.setattr(opslag_migratie, "controle", verkeerd_geteld)
    with pytest.raises(opslag_migratie.MigratieFout, match="verschilt van de bron in logboek"):
        opslag_migratie.migreer(bron.pad, postgis_url)
    with kies_databank(postgis_url).verbinding() as verbinding:
        assert verbinding.tabellen() == set()


@pytest.mark.parametrize("soort", ["geen opslag", "ontbreekt"])
def test_a_source_that_is_no_store_is_refused(tmp_path, postgis_url, soort):
    pad = tmp_path / "iets.sqlite"
    if soort == "geen opslag":
        accounts.maak_account(pad, "anna", WACHTWOORD)  # a database, but only accounts
    uit = _migreer(pad, postgis_url)
    assert uit.returncode == 1 and "Traceback" not in uit.stderr
    assert uit.stderr.startswith("Fout: ") and str(pad) in uit.stderr
    with kies_databank(postgis_url).verbinding() as verbinding:
        assert verbinding.tabellen() == set()
