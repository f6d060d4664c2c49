"""Several reference years on the real configuration: a refreshed snapshot becomes active at the
next interaction (the presentation too), the map offers its years, profile and overview show the
trend.

The 2023 figures here are test values written into a temporary copy of the bundled snapshot
(never shipped): what matters is that the app follows ``HUIDIG`` and shows every year it has.
"""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from app import data as app_data
from app import settings as s
from geo.configuratie import CONFIG
from geo.snapshot import activeer
from tests.html_tabellen import legenda_html

WIJK = "WK191606"  # De Heuvel / Amstelwijk


@pytest.fixture
def ververst(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty refresh folder for this test; the app reads it through its configuration."""
    map_ = tmp_path / "ververst"
    map_.mkdir()
    monkeypatch.setattr(app_data, "CONFIG", replace(CONFIG, ververs_map=map_))
    app_data._gedeelde_wijkdata.clear()
    app_data._wijkdata_bij.clear()
    yield map_
    app_data._gedeelde_wijkdata.clear()
    app_data._wijkdata_bij.clear()


def _snapshot_met_2023(ververst: Path) -> None:
    """The bundled snapshot plus test densities for 2023, 10 % lower, made active."""
    nieuw = ververst / "20261125-120000-GM1916"
    shutil.copytree(CONFIG.cbs_map, nieuw)
    cijfers = pd.read_csv(nieuw / "kerncijfers.csv", dtype=str, keep_default_na=False)
    oud = cijfers[cijfers["indicator"] == "bevolkingsdichtheid"].copy()
    oud["waarde"] = (oud["waarde"].astype(float) * 0.9).round().astype(int).astype(str)
    oud["peiljaar"], oud["bron"] = "2023", "Testwaarden 2023"
    pd.concat([cijfers, oud]).to_csv(nieuw / "kerncijfers.csv", index=False)
    activeer(ververst, nieuw.name)


def _app() -> AppTest:
    return AppTest.from_file("../streamlit_app.py", default_timeout=60)


def test_a_new_snapshot_shows_at_the_next_interaction_with_a_year_choice(ververst):
    at = _app().run()
    at.selectbox(key="kaart_indicator").set_value("bevolkingsdichtheid").run()
    assert "kaart_peiljaar" not in [w.key for w in at.selectbox]  # one year: no choice to offer
    _snapshot_met_2023(ververst)
    at.run()  # the next interaction: no restart
    jaar = at.selectbox(key="kaart_peiljaar")
    assert jaar.label == s.LABEL_PEILJAAR and jaar.options == ["2023", "2024"] and jaar.value == 2024
    jaar.set_value(2023).run()
    legenda = legenda_html(at)
    assert "Peiljaar: 2023." in legenda and "Testwaarden 2023" in legenda
    assert at.query_params["peiljaar"] == "2023"


def test_profile_and_overview_show_the_trend(ververst):
    _snapshot_met_2023(ververst)
    at = _app().run()
    at.switch_page(s.PAGINA_PROFIEL.bestand).run()
    at.selectbox(key="profiel_gebied").set_value(WIJK).run()
    assert not at.exception
    tabel = next(t.value for t in at.table if "Verloop" in t.value.columns)
    verloop = tabel.loc["Bevolkingsdichtheid", "Verloop"].replace("\\", "")  # table cells are escaped markdown
    assert verloop.startswith("2023: ") and "; 2024: " in verloop
    assert tabel.loc["Inwoners", "Verloop"] == "—"  # one year only

    at.switch_page(s.PAGINA_RAAD.bestand).run()
    assert not at.exception
    overzicht = at.dataframe[0].value if at.dataframe else next(t.value for t in at.table)
    dichtheid = next(k for k in overzicht.columns if k.startswith("Bevolkingsdichtheid"))
    assert overzicht[dichtheid].str.contains("sinds 2023").any()
    assert any("verloop sinds 2023" in c.value for c in at.caption)


def test_the_presentation_follows_a_new_snapshot(ververst):
    """The presentation's steps are built once per data version: a refresh is a new version too,
    also when nobody has edited an item since."""
    at = _app()
    at.switch_page(s.PAGINA_PRESENTATIE.bestand)
    at.query_params["stap"] = "4"  # Fijn en veilig wonen: bevolkingsdichtheid on the map and as a key figure
    at.run()
    assert "gemeente: 2.399 inwoners per km² land" in _dia(at)
    nieuw = ververst / "20261126-120000-GM1916"
    shutil.copytree(CONFIG.cbs_map, nieuw)
    cijfers = pd.read_csv(nieuw / "kerncijfers.csv", dtype=str, keep_default_na=False)
    cijfers.loc[(cijfers["indicator"] == "bevolkingsdichtheid") & (cijfers["gebiedscode"] == "GM1916"), "waarde"] = "2500"
    cijfers.to_csv(nieuw / "kerncijfers.csv", index=False)
    activeer(ververst, nieuw.name)
    at.run()  # the next interaction, with the store unchanged
    assert not at.exception
    assert "gemeente: 2.500 inwoners per km² land" in _dia(at)


def _dia(at: AppTest) -> str:
    return next(h.proto.body for h in at.get("html") if h.proto.body.startswith('<section class="wk-dia"'))
