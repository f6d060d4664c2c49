"""AppTest for every page, run through the router as a user would reach it."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from app import settings as s
from geo.schema import OPGAVEN

PAGINAS = [p.bestand for p in s.PAGINAS]


def _tabel(at: AppTest, kolom: str):
    """The static table that has ``kolom`` (AppTest does not look tables up by key)."""
    return next(t.value for t in at.table if kolom in t.value.columns)


def _app() -> AppTest:
    return AppTest.from_file("../streamlit_app.py", default_timeout=60)


@pytest.mark.parametrize("pagina", PAGINAS)
def test_every_page_runs_without_exception(pagina):
    at = _app().run()
    at.switch_page(pagina).run()
    assert not at.exception
    assert at.title


def test_kaart_shows_map_legend_list_and_defaults():
    at = _app().run()
    assert at.title[0].value == "Sterk voor Noord — wijkkaart"
    assert at.selectbox(key="kaart_indicator").value == s.STANDAARD_INDICATOR
    assert at.button_group(key="kaart_opgaven").value == list(OPGAVEN)
    legenda = at.get("html")[0].proto.body
    assert "Kinderen in huishouden tot sociaal minimum (%)" in legenda
    assert "geen gegevens (41 buurten)" in legenda and "Bron: Presentatie" in legenda
    assert any(sub.value == "Op de kaart: 23 symbolen" for sub in at.subheader)
    assert at.get("download_button")


def test_opgave_filter_changes_list_and_indicators():
    at = _app().run()
    at.button_group(key="kaart_opgaven").set_value(["Fijn en veilig wonen"]).run()
    lijst = _tabel(at, "Opgave")
    assert set(lijst["Opgave"]) == {"Fijn en veilig wonen"}
    opties = at.selectbox(key="kaart_indicator").options
    assert not any("bijstand" in o.lower() for o in opties)


def test_empty_filter_explains_itself():
    at = _app().run()
    at.button_group(key="kaart_opgaven").set_value([]).run()
    assert not at.exception
    assert any("Geen opgave gekozen" in w.value for w in at.warning)
    assert any("Op de kaart: 0 symbolen" == sub.value for sub in at.subheader)


def test_choosing_a_buurt_shows_its_figures_against_the_gemeente():
    at = _app().run()
    at.selectbox(key="kaart_buurt").set_value("BU19160602").run()
    profiel, details = _tabel(at, "Beoordeling"), _tabel(at, "Peiljaar")
    rij = profiel.loc["Kinderen in huishouden tot sociaal minimum"]
    assert (rij["Dit gebied"], rij["Gemeente"], rij["Beoordeling"]) == ("42 %", "9 %", "ongunstiger dan gemeente")
    assert details.loc["Kinderen in huishouden tot sociaal minimum", "Verschil met gemeente"] == "+33 procentpunt"
    assert details.loc["Kinderen in huishouden tot sociaal minimum", "Peiljaar"] == "onbekend"
    assert profiel.loc["Huishoudens met bijstandsuitkering", "Dit gebied"] == "onbekend"
    assert details.loc["Inwoners", "Niveau"] == "wijkcijfer"


def test_bronnen_page_lists_sources_and_figures():
    at = _app().run()
    at.switch_page(s.PAGINA_BRONNEN.bestand).run()
    tekst = " ".join(m.value for m in at.markdown)
    assert "CC-BY 4.0" in tekst and "Beperkingen" in tekst
    assert len(at.dataframe) == 2


def test_broken_data_gives_a_dutch_message_not_a_traceback():
    def script():
        from unittest import mock

        from app import data
        from geo.schema import DataFout

        data._gedeelde_wijkdata.clear()
        with mock.patch.object(data, "laad_wijkdata", side_effect=DataFout("acties.csv", "rij 3: onbekende opgave")):
            data.wijkdata()

    at = AppTest.from_function(script, default_timeout=30).run()
    assert not at.exception
    assert "acties.csv: rij 3: onbekende opgave" in at.error[0].value


def test_bronnen_table_formats_values_and_flags_derived(data):
    from app.bronnen_view import cijfertabel

    tabel = cijfertabel(data).set_index(["Code", "Indicator"])
    assert tabel.loc[("GM1916", "Huishoudens met bijstandsuitkering"), "Waarde"] == "ruim 2.000 huishoudens"
    assert tabel.loc[("LN", "Inwoners"), "Afgeleid"] == "ja"
