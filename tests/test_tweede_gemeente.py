"""The whole app on a second, fictional gemeente, and no gemeente-specific words in the code.

Why: everything specific to Leidschendam-Voorburg must come from its configuration file and
data. Running every page on the test fixture ``tests/fixtures/proefgemeente`` (invented values,
never shipped) shows both that the app works for another gemeente and that nothing of the real
one leaks into what a visitor sees. :mod:`geo.configuratie` reads the configuration once at
import, so the app runs in a subprocess with its own ``$WIJKKAART_CONFIG`` and store.
"""

from __future__ import annotations

import ast
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from app import settings as s
from geo.configuratie import OMGEVING
from geo.opslag import OPSLAG_OMGEVING

ROOT = Path(__file__).resolve().parent.parent
PROEF = ROOT / "tests" / "fixtures" / "proefgemeente"
HELPER = "tests.tweede_gemeente_app"  # run as a module from ROOT, so app/ and geo/ import

# Words of the real gemeente and programme that neither the fixture's pages nor the code may carry.
VERBODEN = ("Leidschendam", "Voorburg", "1916", "Sterk voor", "Noord", "Prinsenhof", "Heuvel", "Amstelwijk", "lv.nl")
VERBODEN_PATROON = re.compile("|".join(re.escape(w) for w in VERBODEN), re.IGNORECASE)
# Where the code may name the real gemeente: the file name of the default configuration itself.
TOEGESTAAN = {("geo/configuratie.py", "leidschendam-voorburg.toml")}
BRONCODE = ("app", "geo", "views", "streamlit_app.py")


def _eigen_gebiedsnamen() -> list[str]:
    """The fixture's buurt and wijk names ("Oostkant noord" uses the compass word, not the programme)."""
    namen = []
    for bestand in (PROEF / "cbs").glob("*.geojson"):
        namen += [f["properties"]["statnaam"] for f in json.loads(bestand.read_text(encoding="utf-8"))["features"]]
    return sorted(set(namen), key=len, reverse=True)


def _verboden_in(tekst: str, eigen: list[str]) -> list[str]:
    """Forbidden words in ``tekst`` (case-insensitive), with some context, after removing the
    fixture's own area names."""
    for naam in eigen:
        tekst = tekst.replace(naam, " ")
    return [tekst[max(0, m.start() - 60):m.end() + 60] for m in VERBODEN_PATROON.finditer(tekst)]


@pytest.fixture(scope="module")
def verslag(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """Every page of the app run on the fixture: text, widgets and exceptions per page."""
    omgeving = {**os.environ, OMGEVING: str(PROEF / "config.toml"),
                OPSLAG_OMGEVING: str(tmp_path_factory.mktemp("proefopslag") / "wijkkaart.sqlite")}
    klaar = subprocess.run([sys.executable, "-m", HELPER], cwd=ROOT, env=omgeving, capture_output=True, text=True,
                           timeout=180, check=False)
    assert klaar.returncode == 0, klaar.stderr[-4000:]
    return json.loads(klaar.stdout)


def test_every_page_runs_on_a_second_gemeente_and_shows_only_its_names(verslag):
    assert Path(verslag["config"]) == (PROEF / "config.toml").resolve()
    paginas = verslag["paginas"]
    assert {p.titel for p in (*s.PAGINAS, s.PAGINA_BEHEER_ACTIES)} <= set(paginas)
    fouten = {titel: p["uitzonderingen"] for titel, p in paginas.items() if p["uitzonderingen"]}
    assert not fouten, "\n\n".join(f"{titel}:\n" + "\n".join(e) for titel, e in fouten.items())
    for titel, pagina in paginas.items():
        assert pagina["teksten"], f"{titel}: geen zichtbare tekst"
    alles = "\n".join(t for p in paginas.values() for t in p["teksten"])
    assert "Proefgemeente" in alles and "Proefwijk Oost" in alles
    eigen = _eigen_gebiedsnamen()
    gevonden = {titel: treffers for titel, p in paginas.items()
                if (treffers := [v for t in p["teksten"] for v in _verboden_in(t, eigen)])}
    assert not gevonden, json.dumps(gevonden, ensure_ascii=False, indent=1)[:6000]


def test_kaart_offers_the_year_choice_of_a_snapshot_with_two_years(verslag):
    kaart = verslag["paginas"][f"{s.PAGINA_KAART.titel} (peiljaar)"]
    assert s.LABEL_PEILJAAR in kaart["selectbox_labels"]
    assert kaart["peiljaren"] == ["2023", "2024"]


def test_editing_page_shows_only_its_login_form(verslag):
    beheer = verslag["paginas"][s.PAGINA_BEHEER_ACTIES.titel]
    assert beheer["text_input_labels"] == ["Gebruikersnaam", "Wachtwoord"]
    assert beheer["knoppen"] == ["Inloggen"] and not beheer["selectbox_labels"]


def _docstrings(boom: ast.AST) -> set[int]:
    """ids of the docstring nodes of a module, its classes and functions."""
    gevonden = set()
    for knoop in ast.walk(boom):
        if isinstance(knoop, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and knoop.body:
            eerste = knoop.body[0]
            if isinstance(eerste, ast.Expr) and isinstance(eerste.value, ast.Constant) and isinstance(eerste.value.value, str):
                gevonden.add(id(eerste.value))
    return gevonden


def _letterlijke_teksten(pad: Path) -> list[tuple[int, str]]:
    """(line, text) of every string constant in a source file except docstrings; comments are not
    in the syntax tree, and of an f-string only the literal parts count (``{noord}`` is a name)."""
    boom = ast.parse(pad.read_text(encoding="utf-8"), filename=str(pad))
    docs = _docstrings(boom)
    return [(k.lineno, k.value) for k in ast.walk(boom)
            if isinstance(k, ast.Constant) and isinstance(k.value, str) and id(k) not in docs]


def test_code_takes_gemeente_words_from_the_configuration():
    bestanden = sorted(p for deel in BRONCODE for p in ([ROOT / deel] if deel.endswith(".py") else (ROOT / deel).rglob("*.py")))
    assert bestanden
    treffers = [
        f"{pad.relative_to(ROOT)}:{regel}: {tekst!r}"
        for pad in bestanden
        for regel, tekst in _letterlijke_teksten(pad)
        if VERBODEN_PATROON.search(tekst) and (pad.relative_to(ROOT).as_posix(), tekst) not in TOEGESTAAN
    ]
    assert not treffers, "Teksten die uit de configuratie moeten komen:\n" + "\n".join(treffers)
