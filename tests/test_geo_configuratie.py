"""The configuration file: the real one, and Dutch messages for a broken one."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from geo.configuratie import OMGEVING, ROOT, STANDAARD, ConfiguratieFout, laad_configuratie


def test_the_default_configuration_is_leidschendam_voorburg():
    c = laad_configuratie(STANDAARD)
    assert (c.gemeentecode, c.gemeentenaam, c.programmacode) == ("GM1916", "Leidschendam-Voorburg", "LN")
    assert c.opgavenamen == ("Onderwijs en jeugd", "Financiële zelfredzaamheid", "Fijn en veilig wonen")
    assert c.bestandsnaam == "sterk-voor-noord" and c.gebied_url == "noord"
    assert c.programma_map.is_dir() and c.cbs_map.is_dir() and c.uitleg.exists()


def _met(tmp_path: Path, oud: str, nieuw: str) -> Path:
    tekst = STANDAARD.read_text(encoding="utf-8")
    assert oud in tekst
    pad = tmp_path / "gemeente.toml"
    pad.write_text(tekst.replace(oud, nieuw, 1), encoding="utf-8")
    return pad


@pytest.mark.parametrize(
    ("oud", "nieuw", "melding"),
    [
        ('code = "GM1916"', 'code = "1916"', "heeft niet de vorm GM0000"),
        ('kleur = "#0072B2"', 'kleur = "blauw"', "ongeldige vorm, kleur of url"),
        ('vorm = "cirkel"', 'vorm = "ster"', "ongeldige vorm, kleur of url"),
        ('url = "financien"', 'url = "onderwijs"', "elk met een eigen naam en url"),
        ('overlast_opgave = "Fijn en veilig wonen"', 'overlast_opgave = "Wonen"', "is geen van de opgaven"),
        ('"Fijn en veilig wonen" = "bevolkingsdichtheid"', '"Wonen" = "bevolkingsdichtheid"', "onbekende opgaven: Wonen"),
        ('naam = "Leidschendam-Voorburg"', "", "ontbrekende of ongeldige sleutel 'naam'"),
        ("[gemeente]", "[gemeente", "geen geldige TOML"),
    ],
)
def test_a_broken_configuration_says_what_is_wrong(tmp_path, oud, nieuw, melding):
    with pytest.raises(ConfiguratieFout, match=melding):
        laad_configuratie(_met(tmp_path, oud, nieuw))


def test_a_missing_file_is_named(tmp_path):
    with pytest.raises(ConfiguratieFout, match="bestaat niet"):
        laad_configuratie(tmp_path / "weg.toml")


def test_the_app_with_a_broken_configuration_says_so_in_dutch(tmp_path):
    """In a process of its own: the configuration is read at import."""
    script = ("from streamlit.testing.v1 import AppTest; at = AppTest.from_file('streamlit_app.py').run(); "
              "print(at.error[0].value, '|', len(at.exception))")
    klaar = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120,
                           env={**os.environ, OMGEVING: str(_met(tmp_path, 'code = "GM1916"', 'code = "XX"'))}, check=False)
    assert klaar.returncode == 0, klaar.stderr[-2000:]
    melding, _, uitzonderingen = klaar.stdout.strip().rpartition("|")
    assert melding.startswith("De wijkkaart kan niet starten. gemeente.toml: gemeentecode 'XX' heeft niet de vorm GM0000")
    assert uitzonderingen.strip() == "0"
