"""AppTest for every page, run through the router as a user would reach it."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from app import settings as s
from geo.schema import OPGAVEN
from tests.html_tabellen import cijferlijst, html_tabellen, legenda_html

PAGINAS = [p.bestand for p in s.PAGINAS]


def _tabel(at: AppTest, kolom: str):
    """The static table (st.table or an HTML table) that has ``kolom`` (AppTest does not look
    tables up by key)."""
    return next(t for t in [t.value for t in at.table] + html_tabellen(at) if kolom in t.columns)


def _app() -> AppTest:
    return AppTest.from_file("../streamlit_app.py", default_timeout=60)


@pytest.mark.parametrize("pagina", PAGINAS)
def test_every_page_runs_without_exception(pagina):
    at = _app().run()
    at.switch_page(pagina).run()
    assert not at.exception
    assert at.title or any("<h1>" in h.proto.body for h in at.get("html"))  # the presentation draws its own h1


def test_kaart_shows_map_legend_list_and_defaults():
    at = _app().run()
    assert at.title[0].value == s.PAGINA_KAART.koptekst
    assert at.selectbox(key="kaart_indicator").value == s.STANDAARD_INDICATOR
    assert at.button_group(key="kaart_opgaven").value == list(OPGAVEN)
    legenda = legenda_html(at)
    assert "Kinderen in huishouden tot sociaal minimum (%)" in legenda
    assert "geen gegevens (41 buurten)" in legenda and "Bron: Presentatie" in legenda
    assert any(sub.value == "Op de kaart: 23 symbolen" for sub in at.subheader)
    assert at.get("download_button")


def test_kaart_has_a_table_alternative_for_the_map():
    at = _app().run()
    tabel = _tabel(at, "Kinderen in huishouden tot sociaal minimum")
    assert len(tabel) == 43
    assert tabel.loc["De Heuvel noord", "Kinderen in huishouden tot sociaal minimum"] == "42 %"
    assert tabel.loc["De Zijde", "Kinderen in huishouden tot sociaal minimum"] == "onbekend"


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
    assert sum("Geen opgave gekozen" in m.value for m in [*at.warning, *at.info]) == 1  # once, under the map
    assert any("Op de kaart: 0 symbolen" == sub.value for sub in at.subheader)


def test_choosing_a_buurt_shows_its_figures_against_the_gemeente():
    at = _app().run()
    at.selectbox(key="kaart_buurt").set_value("BU19160602").run()
    cijfers, details = cijferlijst(at, "Cijfers van"), cijferlijst(at, "Verschil, niveau")
    assert cijfers["Kinderen in huishouden tot sociaal minimum"] == \
        "42 % · gemeente 9 % · Leidschendam-Noord onbekend · ongunstiger dan gemeente"
    assert details["Kinderen in huishouden tot sociaal minimum"].startswith(
        "42 % · buurtcijfer · verschil met gemeente +33 procentpunt · peiljaar onbekend Bron: Presentatie 'Sterk voor Noord'")
    assert cijfers["Huishoudens met bijstandsuitkering"].startswith("onbekend · ")
    assert details["Bevolkingsdichtheid"].startswith("8.049 inwoners per km² land · wijkcijfer · ")
    # a wijk total is no buurt total; a total gets no verdict
    assert cijfers["Inwoners"] == "onbekend · gemeente 78.229 inwoners · Leidschendam-Noord 9.010 inwoners"


def test_bronnen_page_lists_sources_and_figures(data):
    at = _app().run()
    at.switch_page(s.PAGINA_BRONNEN.bestand).run()
    tekst = " ".join(m.value for m in at.markdown)
    assert "CC-BY 4.0" in tekst and "Beperkingen" in tekst
    assert "grenzen van 2024 (vereenvoudigde grenzen" in tekst  # which snapshot is active
    herkomst, cijfers, _ = (d.value for d in at.dataframe)
    assert set(herkomst["Tabel"]) == {"—", "85984NED"} and set(herkomst["Licentie"]) == {"CC-BY 4.0"}
    assert len(cijfers) == len(data.reeksen)


def test_broken_data_gives_a_dutch_message_not_a_traceback():
    def script():
        from unittest import mock

        from app import data
        from geo.schema import DataFout

        data._gedeelde_wijkdata.clear()
        data._wijkdata_bij.clear()
        with mock.patch.object(data, "laad_wijkdata", side_effect=DataFout("acties.csv", "rij 3: onbekende opgave")):
            data.wijkdata()

    at = AppTest.from_function(script, default_timeout=30).run()
    assert not at.exception
    assert "acties.csv: rij 3: onbekende opgave" in at.error[0].value.replace("\\", "")  # shown as markdown, escaped


def test_broken_store_gives_a_dutch_message_not_a_traceback(tmp_path, monkeypatch):
    kapot = tmp_path / "kapot.sqlite"
    kapot.write_bytes(b"dit is geen database" * 100)
    monkeypatch.setenv("WIJKKAART_OPSLAG", str(kapot))

    def script():
        from app import data

        data.wijkdata()

    at = AppTest.from_function(script, default_timeout=30).run()
    assert not at.exception
    melding = at.error[0].value.replace("\\", "")  # shown as markdown, escaped
    assert "geen opslag van deze wijkkaart" in melding or "onleesbaar" in melding


def test_bronnen_table_formats_values_and_flags_derived(data):
    from app.bronnen_view import cijfertabel

    tabel = cijfertabel(data).set_index(["Code", "Indicator"])
    assert tabel.loc[("GM1916", "Huishoudens met bijstandsuitkering"), "Waarde"] == "ruim 2.000 huishoudens"
    assert tabel.loc[("LN", "Inwoners"), "Afgeleid"] == "ja"


def _pagina(bestand: str, **query: str) -> AppTest:
    """A page opened directly by its URL with a query string (as a shared link does)."""
    at = AppTest.from_file(f"../{bestand}", default_timeout=60)
    for k, v in query.items():
        at.query_params[k] = v
    return at.run()


def test_kaart_link_restores_indicator_opgave_and_buurt():
    at = _app()
    at.query_params.update(indicator="bevolkingsdichtheid", opgave="wonen", buurt="BU19160602", beeld="gemeente")
    at.run()
    assert not at.exception and not at.warning
    assert at.selectbox(key="kaart_indicator").value == "bevolkingsdichtheid"
    assert at.button_group(key="kaart_opgaven").value == ["Fijn en veilig wonen"]
    assert at.selectbox(key="kaart_buurt").value == "BU19160602"
    assert at.query_params["beeld"] == "gemeente"


def test_kaart_link_with_unknown_values_falls_back_with_a_notice():
    at = _app()
    at.query_params.update(indicator="<script>", buurt="BU00000000")
    at.run()
    assert not at.exception
    meldingen = " ".join(w.value for w in at.warning)
    assert "onbekende indicator" in meldingen and "onbekende buurtcode" in meldingen
    assert at.selectbox(key="kaart_indicator").value == s.STANDAARD_INDICATOR
    assert at.selectbox(key="kaart_buurt").value is None


def test_kaart_choices_are_written_to_the_url():
    at = _app().run()
    at.button_group(key="kaart_opgaven").set_value(["Onderwijs en jeugd"]).run()
    assert at.query_params["opgave"] == "onderwijs"


def test_profiel_opens_on_leidschendam_noord_with_chart_table_and_items():
    at = _app().run()
    at.switch_page(s.PAGINA_PROFIEL.bestand).run()
    assert not at.exception
    assert at.selectbox(key="profiel_gebied").value == "LN"
    assert at.header[0].value == "Leidschendam-Noord"
    cijfers = _tabel(at, "Beoordeling")
    assert cijfers.loc["Huishoudens met bijstandsuitkering", "Dit gebied"] == "580 huishoudens"
    assert cijfers.loc["Huishoudens met bijstandsuitkering", "Gemeente"] == "ruim 2.000 huishoudens"
    assert cijfers.loc["Inwoners", "Beoordeling"] == "niet vergelijkbaar"
    assert len(_tabel(at, "Betreft")) == 23  # every action and hotspot concerns the programme area
    assert any('alt="Grafiek: afstand van Leidschendam-Noord' in h.proto.body for h in at.get("html"))
    assert at.get("download_button")


def test_profiel_link_for_a_buurt_says_which_figures_are_the_wijks():
    at = _pagina(s.PAGINA_PROFIEL.bestand, gebied="BU19160602", opgave="wonen")
    assert not at.exception and not at.warning
    assert at.header[0].value == "De Heuvel noord"
    cijfers = _tabel(at, "Beoordeling")
    assert cijfers.loc["Bevolkingsdichtheid", "Niveau"] == "wijkcijfer"
    assert cijfers.loc["Kinderen in huishouden tot sociaal minimum", "Beoordeling"] == "ongunstiger dan gemeente"
    assert set(_tabel(at, "Betreft")["Opgave"]) == {"Fijn en veilig wonen"}
    at.button_group(key="profiel_opgaven").set_value([]).run()
    assert any("Kies een of meer opgaven" in i.value for i in at.info)


def test_profiel_opens_by_the_kaarts_buurt_parameter_in_any_case():
    at = _pagina(s.PAGINA_PROFIEL.bestand, buurt="bu19160602")
    assert not at.exception and not at.warning
    assert at.header[0].value == "De Heuvel noord"
    assert at.query_params["gebied"] == "BU19160602" and "buurt" not in at.query_params


def test_profiel_link_with_unknown_area_shows_default_and_notice():
    at = _pagina(s.PAGINA_PROFIEL.bestand, gebied="'); alert(1); //")
    assert not at.exception
    assert "onbekende gebiedscode" in at.warning[0].value
    assert at.selectbox(key="profiel_gebied").value == "LN"


def test_profiel_of_an_area_without_comparable_figures_explains_itself():
    at = _pagina(s.PAGINA_PROFIEL.bestand, gebied="BU19161300")
    assert not at.exception
    assert at.header[0].value  # the area's name
    tabel = _tabel(at, "Beoordeling")
    assert (tabel.loc["Kinderen in huishouden tot sociaal minimum", "Dit gebied"]) == "onbekend"
    assert any("Geen acties of overlast" in i.value and i.value.endswith("bij deze opgaven.") for i in at.info)


def test_raadsoverzicht_shows_table_maps_actions_and_downloads():
    at = _app().run()
    at.switch_page(s.PAGINA_RAAD.bestand).run()
    assert not at.exception
    tabel = at.table[0].value
    assert tabel.index[2] == "De Heuvel noord" and len(tabel) == 45 and tabel.index.name == "Gebied"
    labels = {b.proto.label for b in at.get("download_button")}
    assert {"Tabel (CSV)", "Tabel (Excel)", "Kaartgegevens (GeoJSON)", "Kaartgegevens (GeoPackage)", "Download als PDF"} <= labels
    kaartjes = [h for h in at.get("html") if '<figure class="wk-kaartje' in h.proto.body]
    assert len(kaartjes) == len(s.RAAD_INDICATOREN)
    assert any("Vaste aanbiedplekken grofvuil" in t.value.index for t in at.table if "Status" in t.value.columns)


def test_raadsoverzicht_link_restores_level_and_sort():
    at = _pagina(s.PAGINA_RAAD.bestand, niveau="wijk", sorteer="bevolkingsdichtheid", volgorde="oplopend")
    assert not at.exception and not at.warning
    tabel = at.table[0].value
    assert len(tabel) == 2 + 13 and tabel.index[2] == "Stompwijk"  # lowest density first
    at.segmented_control(key="raad_niveau").set_value("buurt").run()
    assert at.query_params["niveau"] == "buurt"


def test_raadsoverzicht_link_with_bad_sort_falls_back():
    at = _pagina(s.PAGINA_RAAD.bestand, sorteer="waarde;DROP TABLE", niveau="provincie")
    assert not at.exception
    assert len(at.warning) == 2
    assert at.selectbox(key="raad_sorteer").value == s.RAAD_INDICATOREN[0]


def _dia_titel(at: AppTest) -> str:
    """The h1 of the step the presentation shows."""
    import re

    return next(m.group(1) for h in at.get("html") if (m := re.search(r"<h1>(.*?)</h1>", h.proto.body)))


def test_presentatie_walks_through_the_steps_with_the_step_in_the_url():
    at = _app().run()
    at.switch_page(s.PAGINA_PRESENTATIE.bestand).run()
    assert not at.exception
    assert _dia_titel(at) == "Sterk voor Noord 2021–2041"
    assert at.button(key="dia_vorige").disabled
    at.button(key="dia_volgende").click().run()
    assert _dia_titel(at) == "Onderwijs en jeugd" and at.query_params["stap"] == "2"
    assert any('<li class="wk-dia-legendatitel">Kaart: Kinderen in huishouden tot sociaal minimum per buurt (%), bron [2]'
               in h.proto.body for h in at.get("html"))
    at.button(key="dia_einde").click().run()
    assert _dia_titel(at) == "Samen sterk voor Noord" and at.button(key="dia_volgende").disabled
    assert at.get("download_button")


def _via_router(bestand: str, **query: str) -> AppTest:
    """A page that needs the app's navigation (page links), entered with a link's query string."""
    at = _app().run()
    for k in list(at.query_params):
        del at.query_params[k]
    at.query_params.update(query)
    return at.switch_page(bestand).run()


def test_presentatie_link_opens_its_step_and_refuses_a_bad_one():
    at = _via_router(s.PAGINA_PRESENTATIE.bestand, stap="5")
    assert not at.exception and not at.warning
    assert _dia_titel(at).startswith("Overlast")
    at = _via_router(s.PAGINA_PRESENTATIE.bestand, stap="99")
    assert "onbekende stap" in at.warning[0].value
    assert _dia_titel(at) == "Sterk voor Noord 2021–2041"


def test_programma_shows_timeline_organisation_budget_and_partners(data):
    at = _app().run()
    at.switch_page(s.PAGINA_PROGRAMMA.bestand).run()
    assert not at.exception
    tijdlijn = _tabel(at, "Toelichting")
    assert len(tijdlijn) == len(data.tijdlijn.gebeurtenissen)
    assert "juli 2022" in " ".join(tijdlijn.index)
    budget = _tabel(at, "Bedrag")
    assert "€ 557.500" in budget["Bedrag"].tolist() and "€ 142.000" in budget["Bedrag"].tolist()
    assert "Dagelijks Bestuur" in _tabel(at, "Samenstelling").index
    assert "Vidomes" in _tabel(at, "Rol").index
    at.button_group(key="programma_soorten").set_value([]).run()
    assert any("Geen gebeurtenissen" in i.value for i in at.info)


def test_kaart_in_large_map_mode_sends_what_is_in_view(monkeypatch):
    """The mode of a national set (above GROOT_AANTAL buurten), here on the 43 buurten."""
    monkeypatch.setattr(s, "GROOT_AANTAL", 10)
    monkeypatch.setattr(s, "MAX_SYMBOLEN_IN_BEELD", 5)
    at = _app().run()
    assert not at.exception
    assert any("zoom in om ze te zien" in i.value for i in at.info)  # 23 symbols in view, 5 allowed
    assert not [sub for sub in at.subheader if sub.value.startswith("Op de kaart")]  # no list of what is not drawn
    assert at.get("download_button")  # the buurt table as a download instead of a page of HTML
    monkeypatch.setattr(s, "MAX_SYMBOLEN_IN_BEELD", 1500)
    at.run()
    assert any(sub.value == "Op de kaart: 23 symbolen" for sub in at.subheader)
