"""AppTest for the editing pages: login first, then forms that validate, store, conflict and restore.

Each test gets its own store (``$WIJKKAART_OPSLAG`` in tmp_path), so edits never leak into the
other page tests that count the bundled symbols.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from app import settings as s
from geo import accounts
from geo.opslag import OPSLAG_OMGEVING, Opslag, OpslagFout
from tests.html_tabellen import legenda_html

WACHTWOORD = "een heel lang wachtwoord"
BEHEER = [p.bestand for p in s.BEHEERPAGINAS]


@pytest.fixture
def opslag_pad(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    pad = tmp_path / "wijkkaart.sqlite"
    monkeypatch.setenv(OPSLAG_OMGEVING, str(pad))
    return pad


def _pagina(bestand: str, **query: str) -> AppTest:
    at = AppTest.from_file("../streamlit_app.py", default_timeout=60).run()
    at.query_params.update(query)
    return at.switch_page(bestand).run()


def _ingelogd(bestand: str, opslag_pad: Path, naam: str = "wijkteam") -> AppTest:
    if naam not in accounts.accounts(opslag_pad):
        accounts.maak_account(opslag_pad, naam, WACHTWOORD)
    at = _pagina(bestand)
    at.text_input[0].input(naam)
    at.text_input[1].input(WACHTWOORD)
    at.button[0].click().run()
    assert not at.exception
    return at


def _invoer(at: AppTest, veld: str):
    return next(w for w in [*at.text_input, *at.text_area] if w.label == s.BEHEER_LABELS[veld])


@pytest.mark.parametrize("bestand", BEHEER)
def test_editing_pages_show_only_a_login_without_one(bestand, opslag_pad):
    # also with query parameters that try to pass a user or open an item
    at = _pagina(bestand, gebruiker="admin", beheer_gebruiker="admin", keuze="flatcoaches")
    assert not at.exception
    assert [w.label for w in at.text_input] == ["Gebruikersnaam", "Wachtwoord"]
    assert [b.label for b in at.button] == ["Inloggen"]
    assert not at.text_area and not at.selectbox and not at.get("file_uploader") and not at.dataframe
    assert any("Er is nog geen account" in w.value for w in at.warning)


def test_wrong_password_is_refused_and_locks_after_five(opslag_pad):
    accounts.maak_account(opslag_pad, "wijkteam", WACHTWOORD)
    at = _pagina(s.PAGINA_BEHEER_ACTIES.bestand)
    for _ in range(accounts.MAX_POGINGEN):
        at.text_input[0].input("wijkteam")
        at.text_input[1].input("fout wachtwoord!!")
        at.button[0].click().run()
    assert "geblokkeerd" in at.error[0].value
    at.text_input[0].input("wijkteam")
    at.text_input[1].input(WACHTWOORD)  # the right one, during the lock
    at.button[0].click().run()
    assert "geblokkeerd" in at.error[0].value
    assert [w.label for w in at.text_input] == ["Gebruikersnaam", "Wachtwoord"]


def test_new_actie_is_validated_stored_and_logged(opslag_pad):
    at = _ingelogd(s.PAGINA_BEHEER_ACTIES.bestand, opslag_pad)
    at.button(key="beheer_actie_opslaan").click().run()
    fout = at.error[0].value
    assert "naam ontbreekt" in fout and "locatie ontbreekt" in fout and "bron ontbreekt" in fout
    _invoer(at, "naam").input("Buurtbarbecue <b>Prinsenhof</b>")
    _invoer(at, "jaar").input("2026")
    _invoer(at, "bron_omschrijving").input("Wijkteam, overleg 20-11-2026")
    at.selectbox(key="beheer_actie_opgave").select("Fijn en veilig wonen")
    at.selectbox(key="beheer_actie_status").select("gepland")
    at.text_input(key="beheer_actie_locatie_lat").input("52.5")  # north of the gemeente
    at.text_input(key="beheer_actie_locatie_lon").input("4.41")
    at.button(key="beheer_actie_opslaan").click().run()
    assert "ligt buiten de gemeente" in at.error[0].value
    assert _invoer(at, "naam").value == "Buurtbarbecue <b>Prinsenhof</b>"  # nothing typed is lost
    at.text_input(key="beheer_actie_locatie_lat").input("52.0870")
    at.text_input(key="beheer_actie_locatie_lon").input("4.4120")
    at.button(key="beheer_actie_opslaan").click().run()
    assert "Toegevoegd" in at.success[0].value
    opgeslagen = Opslag(opslag_pad).tabel("acties").set_index("naam").loc["Buurtbarbecue <b>Prinsenhof</b>"]
    assert opgeslagen["gebiedscode"].startswith("BU1916") and opgeslagen["gewijzigd_door"] == "wijkteam"
    assert Opslag(opslag_pad).logboek()["handeling"].tolist() == ["toegevoegd"]


def test_second_editor_gets_a_conflict_and_keeps_the_input(opslag_pad):
    anna = _ingelogd(s.PAGINA_BEHEER_ACTIES.bestand, opslag_pad, "anna")
    bert = _ingelogd(s.PAGINA_BEHEER_ACTIES.bestand, opslag_pad, "bert")
    for at in (anna, bert):
        at.selectbox(key="beheer_actie_keuze").select("flatcoaches").run()
    _invoer(anna, "partners").input("Haag Wonen")
    anna.button(key="beheer_actie_opslaan").click().run()
    assert "opgeslagen" in anna.success[0].value
    _invoer(bert, "partners").input("Vidomes")
    bert.button(key="beheer_actie_opslaan").click().run()
    assert "intussen gewijzigd door anna" in bert.error[0].value
    assert "Haag Wonen" in bert.error[0].value  # what anna stored, to compare
    assert _invoer(bert, "partners").value == "Vidomes"
    assert Opslag(opslag_pad).rij("acties", "flatcoaches")["partners"] == "Haag Wonen"
    bert.button(key="beheer_actie_opslaan").click().run()  # trying again without choosing changes nothing
    assert "intussen gewijzigd" in bert.error[0].value
    _invoer(bert, "partners").input("Vidomes en Haag Wonen")  # bert saw anna's version and combines them
    bert.button(key="beheer_actie_overschrijf").click().run()  # a button of the form: the new input goes with it
    assert "opgeslagen" in bert.success[0].value
    assert Opslag(opslag_pad).rij("acties", "flatcoaches")["partners"] == "Vidomes en Haag Wonen"


def test_an_item_removed_by_someone_else_is_reported_and_the_input_kept(opslag_pad):
    at = _ingelogd(s.PAGINA_BEHEER_ACTIES.bestand, opslag_pad)
    at.selectbox(key="beheer_actie_keuze").select("flatcoaches").run()
    _invoer(at, "partners").input("Vidomes")
    winkel = Opslag(opslag_pad)
    winkel.verwijder("acties", "flatcoaches", int(winkel.rij("acties", "flatcoaches")["versie"]), "anna")
    # The fields are a form: their input reaches the server with the save (a rerun from elsewhere,
    # such as a click on the location map, leaves it in the browser's form, which the e2e test sees).
    at.button(key="beheer_actie_opslaan").click().run()
    assert any("intussen verwijderd" in w.value for w in at.warning)
    assert _invoer(at, "partners").value == "Vidomes"
    assert at.button(key="beheer_actie_opslaan").label == "Toevoegen"  # now it makes a new item of the input


def test_an_actie_drawn_at_its_places_keeps_its_area(opslag_pad):
    at = _ingelogd(s.PAGINA_BEHEER_ACTIES.bestand, opslag_pad)
    at.selectbox(key="beheer_actie_keuze").select("extra_tijd_op_school").run()
    assert "op haar plekken" in at.info[0].value
    assert not any(w.key == "beheer_actie_locatie_lat" for w in at.text_input)
    _invoer(at, "opmerking").input("Ook op woensdagmiddag")
    at.button(key="beheer_actie_opslaan").click().run()
    assert "opgeslagen" in at.success[0].value
    assert Opslag(opslag_pad).rij("acties", "extra_tijd_op_school")["gebiedscode"] == "LN"


def test_a_typed_non_number_point_does_not_break_the_form(opslag_pad):
    at = _ingelogd(s.PAGINA_BEHEER_OVERLAST.bestand, opslag_pad)
    at.text_input(key="beheer_hotspot_locatie_lat").input("nan")
    at.text_input(key="beheer_hotspot_locatie_lon").input("inf")  # fields of the form: sent with its button
    at.button(key="beheer_hotspot_opslaan").click().run()
    assert not at.exception
    assert any("moeten allebei een getal zijn" in e.value for e in at.error)


def test_removed_actie_is_restored_from_the_logbook(opslag_pad):
    at = _ingelogd(s.PAGINA_BEHEER_ACTIES.bestand, opslag_pad)
    at.selectbox(key="beheer_actie_keuze").select("flatcoaches").run()
    assert at.button(key="beheer_actie_verwijder").disabled  # needs the confirmation first
    at.checkbox(key="beheer_actie_zeker").check().run()
    at.button(key="beheer_actie_verwijder").click().run()
    assert "Verwijderd" in at.success[0].value
    assert "flatcoaches" not in set(Opslag(opslag_pad).tabel("acties")["id"])
    at.switch_page(s.PAGINA_BEHEER_LOGBOEK.bestand).run()
    assert at.selectbox(key="beheer_herstel_acties").value == "flatcoaches"
    at.button(key="beheer_herstel_knop_acties").click().run()
    assert "Teruggezet" in at.success[0].value
    assert "flatcoaches" in set(Opslag(opslag_pad).tabel("acties")["id"])
    assert at.dataframe[0].value["Handeling"].tolist() == ["hersteld", "verwijderd"]


def test_a_future_date_gets_a_dutch_message_and_stays_in_the_form(opslag_pad):
    at = _ingelogd(s.PAGINA_BEHEER_OVERLAST.bestand, opslag_pad)
    morgen = date.today() + timedelta(days=1)
    _invoer(at, "thema").input("Rattenoverlast")
    at.date_input(key="beheer_hotspot_datum").set_value(morgen)
    _invoer(at, "bron_omschrijving").input("Melding bewoner")
    at.selectbox(key="beheer_hotspot_locatie_gebiedscode").select("BU19160602")
    at.button(key="beheer_hotspot_opslaan").click().run()
    assert not at.exception
    assert any("datum ligt in de toekomst" in e.value for e in at.error)
    assert at.date_input(key="beheer_hotspot_datum").value == morgen


def test_melding_with_a_date_adds_the_rate_per_1000_inwoners_to_the_map(opslag_pad):
    at = _ingelogd(s.PAGINA_BEHEER_OVERLAST.bestand, opslag_pad)
    _invoer(at, "thema").input("Rattenoverlast")
    at.date_input(key="beheer_hotspot_datum").set_value(date(2025, 3, 4))
    _invoer(at, "bron_omschrijving").input("Melding bewoner")
    at.selectbox(key="beheer_hotspot_locatie_gebiedscode").select("BU19160602")
    at.button(key="beheer_hotspot_opslaan").click().run()
    assert "Toegevoegd" in at.success[0].value
    at.switch_page(s.PAGINA_KAART.bestand).run()
    assert "Overlastmeldingen (per 1.000 inwoners)" in at.selectbox(key="kaart_indicator").options
    at.selectbox(key="kaart_indicator").set_value("meldingen_per_1000_inwoners").run()
    legenda = legenda_html(at)
    assert "Overlastmeldingen (per 1.000 inwoners)" in legenda and "registratie van het wijkteam" in legenda
    alle = _symbolen(at)
    at.selectbox(key="kaart_tot").set_value(2022).run()
    assert _symbolen(at) == alle - 1  # the 2025 melding; the bundled hotspots are 2021-2022


def _symbolen(at: AppTest) -> int:
    return next(int(sub.value.split(": ")[1].split()[0]) for sub in at.subheader if sub.value.startswith("Op de kaart"))


def test_an_address_is_placed_and_leaves_the_list(opslag_pad):
    at = _ingelogd(s.PAGINA_BEHEER_PLAATSEN.bestand, opslag_pad)
    aantal = len(at.selectbox(key="beheer_plaats_keuze").options)
    at.selectbox(key="beheer_plaats_keuze").select("bs_de_springplank")
    at.text_input(key="beheer_plaats_lat").input("52,0905")
    at.text_input(key="beheer_plaats_lon").input("4,4075")
    at.button(key="beheer_plaats_opslaan").click().run()
    assert "staat nu op de kaart" in at.success[0].value
    assert len(at.selectbox(key="beheer_plaats_keuze").options) == aantal - 1
    rij = Opslag(opslag_pad).rij("plaatsen", "bs_de_springplank")
    assert rij["lat"] == "52.090500" and rij["coord_source"].startswith("Geplaatst door het wijkteam (wijkteam")


def test_an_edit_shows_in_the_presentation_at_the_next_interaction(opslag_pad):
    at = _pagina(s.PAGINA_PRESENTATIE.bestand, stap="2")  # Onderwijs en jeugd
    assert "Huiswerkklas De Heuvel" not in _tekst(at)
    Opslag(opslag_pad).voeg_toe("actie", {
        "naam": "Huiswerkklas De Heuvel", "opgave": "Onderwijs en jeugd", "status": "gestart", "jaar": "2026",
        "gebiedscode": "WK191606", "bron_omschrijving": "Wijkteam"}, "wijkteam")
    at.run()
    assert "Huiswerkklas De Heuvel" in _tekst(at)


def _tekst(at: AppTest) -> str:
    return " ".join(h.proto.body for h in at.get("html"))


def test_with_an_identity_provider_configured_the_municipal_login_is_offered(opslag_pad):
    at = AppTest.from_file("../streamlit_app.py", default_timeout=60)
    at.secrets["auth"] = {"redirect_uri": "http://localhost:8501/oauth2callback", "cookie_secret": "x" * 32,
                          "client_id": "wijkkaart", "client_secret": "geheim",
                          "server_metadata_url": "https://idp.example.nl/.well-known/openid-configuration"}
    at.run()
    at.switch_page(s.PAGINA_BEHEER_ACTIES.bestand).run()
    assert not at.exception
    assert "Inloggen met uw gemeente-account" in [b.label for b in at.button]
    assert not at.text_area and not at.get("file_uploader")


@pytest.mark.parametrize("pagina", [p for p in s.BEHEERPAGINAS if p is not s.PAGINA_BEHEER_IMPORT], ids=lambda p: p.pad)
def test_a_store_that_fails_while_a_page_reads_it_gives_a_dutch_message(opslag_pad, pagina, monkeypatch):
    """E.g. the PostgreSQL server went away after the login: no traceback on any editing page that
    reads the store as it draws (the import page reads it only in its callbacks, which catch it)."""
    at = _ingelogd(pagina.bestand, opslag_pad)

    def weg(*_args, **_kwargs):
        raise OpslagFout("De database is niet bereikbaar.")

    for lezer in ("tabel", "rij", "logboek"):  # not revisie: wijkdata() already explains that one
        monkeypatch.setattr(Opslag, lezer, weg)
    at.run()
    assert not at.exception
    assert any("De database is niet bereikbaar." in e.value for e in at.error)
