"""End to end: two app servers on one PostgreSQL database with PostGIS, as behind a load balancer.

A melding saved through server A shows on the map of a user of server B at that user's next
click, without a restart: both servers read the same store and ask its revision at every
interaction. Skipped (with the reason) only where PostgreSQL or PostGIS cannot be installed."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, expect

from app import settings as s
from geo import accounts
from geo.opslag import OPSLAG_OMGEVING, Opslag
from geo.schema import OPGAVEN
from tests.e2e.conftest import klaar
from tests.e2e.server import app_server
from tests.e2e.test_beheer import KAART_IFRAME, NAAM, WACHTWOORD, _inloggen
from tests.e2e.test_kaart import _geen_extern_verkeer

pytestmark = pytest.mark.e2e

THEMA = "Zwerfafval bij de speeltuin (test twee servers)"


@pytest.fixture(scope="module")
def gedeelde_opslag(postgis_server) -> Iterator[str]:
    url = postgis_server.nieuwe_database()
    accounts.maak_account(url, NAAM, WACHTWOORD)
    yield url
    postgis_server.verwijder(url)


@pytest.fixture(scope="module")
def twee_servers(gedeelde_opslag: str) -> Iterator[tuple[str, str]]:
    omgeving = {OPSLAG_OMGEVING: gedeelde_opslag}
    with app_server(omgeving=omgeving) as server_a, app_server(omgeving=omgeving) as server_b:
        yield server_a, server_b


def _meldingen_op_kaart(page: Page):
    return page.frame_locator(KAART_IFRAME).locator('.wk-symbool[data-id^="melding_"]')


def test_a_melding_saved_on_one_server_shows_on_the_other(page, twee_servers, verkeer, gedeelde_opslag):
    server_a, server_b = twee_servers
    kijker = page.context.new_page()  # a user of server B, with the Kaart open before the change
    kijker.goto(server_b)
    expect(kijker.frame_locator(KAART_IFRAME).locator("path.wk-buurt")).to_have_count(43, timeout=30_000)
    klaar(kijker)
    expect(_meldingen_op_kaart(kijker)).to_have_count(0)

    _inloggen(page, server_a, s.PAGINA_BEHEER_OVERLAST)
    page.get_by_label(s.BEHEER_LABELS["thema"]).fill(THEMA)
    page.get_by_label(s.BEHEER_LABELS["bron_omschrijving"]).fill("Melding aan het wijkteam")
    page.get_by_role("spinbutton", name=f"day, {s.BEHEER_LABELS['datum']}").click()
    page.keyboard.type("03112026")
    page.keyboard.press("Tab")
    page.get_by_role("textbox", name="Breedtegraad").fill("52,0956")
    page.get_by_role("textbox", name="Lengtegraad").fill("4,3984")
    page.keyboard.press("Tab")
    klaar(page)
    page.get_by_role("button", name="Toevoegen").click()
    expect(page.get_by_text("Toegevoegd")).to_be_visible(timeout=15_000)
    assert (Opslag(gedeelde_opslag).tabel("hotspots")["thema"] == THEMA).sum() == 1

    # the user of server B clicks something (an opgave pill off: any click will do); the melding is on
    # the map and in the list under it
    kijker.locator('[data-testid="stSidebar"]').get_by_role("button", name=OPGAVEN[0]).click()
    expect(_meldingen_op_kaart(kijker)).to_have_count(1, timeout=15_000)
    expect(kijker.locator("table.wk-tabel").get_by_text(THEMA)).to_be_visible()
    klaar(kijker)
    _geen_extern_verkeer(verkeer)
