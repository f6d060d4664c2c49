"""The refresh as a whole, offline: fixture answers in, a checked snapshot out, or nothing changed.

Each run happens in its own process on the fixture gemeente (see tests/ververs_proef.py) with a
configuration whose refresh folder is a temporary one; the download clients themselves are tested
in tests/test_geo_ververs.py.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from geo.configuratie import OMGEVING
from tests.proefconfig import schrijf_proefconfig
from tests.ververs_fixtures import MAP as FIXTURES
from tests.ververs_fixtures import lees, schrijf

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def configuratie(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture gemeente's configuration, refreshing into a temporary folder."""
    return schrijf_proefconfig(tmp_path_factory.mktemp("proefconfig"))


def _ververs(configuratie: Path, fixtures: Path, moment: str) -> dict:
    klaar = subprocess.run([sys.executable, "-m", "tests.ververs_proef", str(fixtures), moment], cwd=ROOT,
                           env={**os.environ, OMGEVING: str(configuratie)}, capture_output=True, text=True,
                           timeout=120, check=False)
    assert klaar.returncode == 0, klaar.stderr[-3000:]
    return json.loads(klaar.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def eerste(configuratie: Path) -> dict:
    return _ververs(configuratie, FIXTURES, "20261125120000")


def test_a_refresh_becomes_the_active_snapshot_with_every_year(eerste):
    assert "fout" not in eerste, eerste.get("fout")
    assert eerste["map"] == "20261125-120000-GM9999"
    assert eerste["huidig"] == eerste["map"] and eerste["mappen"] == [eerste["map"]]  # no half folder left
    assert eerste["grensjaar"] == 2024 and eerste["gegeneraliseerd"] is False
    assert eerste["peiljaren"] == ["2023", "2024"]
    assert {"inwoners", "huishoudens_laag_inkomen", "aandeel_0_tot_15"} <= set(eerste["meerjarig"])
    assert any(m.startswith("Grenzen 2024") for m in eerste["meldingen"])  # progress was reported
    assert eerste["meldingen"][-1].startswith("Klaar: snapshot 20261125-120000-GM9999 is actief")


def test_the_snapshot_records_where_each_part_comes_from(eerste):
    herkomst = eerste["herkomst"]
    assert {h["opgehaald"] for h in herkomst} == {"2026-11-25"}
    urls = " ".join(h["url"] for h in herkomst)
    assert "api.pdok.nl/cbs/wijken-en-buurten-2023" in urls and "api.pdok.nl/cbs/wijken-en-buurten-2024" in urls
    assert {h["tabel"] for h in herkomst} >= {"85618NED", "85984NED"}
    assert "locatieserver" in urls
    assert all(h["licentie"] for h in herkomst)


def test_a_place_with_only_an_address_gets_a_geocoded_point_that_says_so(eerste):
    school = next(i for i in eerste["items"] if i["actie_id"] == "huiswerkhulp")
    assert school["precisie"] == "exact"
    assert school["plek_herkomst"].startswith("PDOK Locatieserver, geocodering van het adres ('Schoolstraat 5")
    assert school["lon"] == pytest.approx(5.3361875) and school["lat"] == pytest.approx(52.0428112)


def _kapotte_kopie(tmp_path: Path, bestand: str, wijzig) -> Path:
    kopie = tmp_path / "fixtures"
    shutil.copytree(FIXTURES, kopie)
    inhoud = lees(kopie / bestand)
    wijzig(inhoud)
    schrijf(kopie / bestand, inhoud)
    return kopie


def _pagina_met(code: str) -> str:
    """The 2024 kerncijfers page (fixture file) that holds ``code``."""
    return next(e["bestand"] for e in lees(FIXTURES / "index.json") if "85984NED/TypedDataSet" in e["url"]
                and any(r["WijkenEnBuurten"].strip() == code for r in lees(FIXTURES / e["bestand"])["value"]))


def test_a_wrong_unit_stops_the_refresh_and_keeps_the_previous_snapshot(eerste, configuratie, tmp_path):
    def andere_eenheid(eigenschappen):
        for e in eigenschappen["value"]:
            if e.get("Key", "").startswith("AantalInwoners"):
                e["Unit"] = "x 1 000"
    bestand = next(e["bestand"] for e in lees(FIXTURES / "index.json") if "85984NED/DataProperties" in e["url"])
    uit = _ververs(configuratie, _kapotte_kopie(tmp_path, bestand, andere_eenheid), "20261125130000")
    assert "AantalInwoners" in uit["fout"]
    assert uit["huidig"] == eerste["map"] and uit["mappen"] == [eerste["map"]]


def test_figures_for_an_unknown_buurt_are_refused_by_the_apps_own_check(eerste, configuratie, tmp_path):
    def vreemde_buurt(antwoord):
        rij = next(r for r in antwoord["value"] if r["WijkenEnBuurten"].strip() == "BU99990201")
        rij["WijkenEnBuurten"] = "BU99990299  "
    bestand = _pagina_met("BU99990201")
    uit = _ververs(configuratie, _kapotte_kopie(tmp_path, bestand, vreemde_buurt), "20261125140000")
    assert uit["fout"].startswith("De gedownloade gegevens zijn afgekeurd")
    assert "BU99990299" in uit["fout"] and "Er is niets veranderd" in uit["fout"]
    assert uit["huidig"] == eerste["map"] and uit["mappen"] == [eerste["map"]]


def test_the_command_without_internet_stops_with_a_message_and_changes_nothing(monkeypatch, capsys):
    import socket

    from scripts import ververs as opdracht

    def geen_netwerk(*_args, **_kwargs):
        raise socket.gaierror(-3, "Temporary failure in name resolution")

    monkeypatch.setattr(socket, "getaddrinfo", geen_netwerk)
    assert opdracht.main(["--jaar", "2024"]) == 1
    fout = capsys.readouterr().err
    assert "Geen internetverbinding" in fout and "niets veranderd" in fout
