"""End to end on the second, fictional configuration (tests/fixtures/proefgemeente): every page by
its URL, and the year choice on the map with figures of 2023 and 2024. Its own server, since the
configuration is read once per process."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from app import settings as s
from geo.configuratie import OMGEVING
from geo.opslag import OPSLAG_OMGEVING
from tests.e2e.conftest import ARTEFACTEN
from tests.e2e.server import ROOT, app_server
from tests.test_tweede_gemeente import VERBODEN_PATROON

pytestmark = pytest.mark.e2e

PROEF = ROOT / "tests" / "fixtures" / "proefgemeente"
KAART_IFRAME = 'iframe[title="streamlit_folium.st_folium"]'


@pytest.fixture(scope="module")
def proef_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    opslag: Path = tmp_path_factory.mktemp("proefopslag") / "wijkkaart.sqlite"
    with app_server(omgeving={OMGEVING: str(PROEF / "config.toml"), OPSLAG_OMGEVING: str(opslag)}) as url:
        yield url


def _kies(page: Page, label: str, optie: str) -> None:
    page.get_by_role("combobox", name=label).click()
    page.get_by_role("option", name=optie).click()


def _zonder_echte_gemeente(page: Page) -> None:
    """No word of Leidschendam-Voorburg in what the page shows (the fixture's 'noord' buurten aside)."""
    tekst = page.locator("body").inner_text()
    for naam in ("Oostkant noord", "Westkant noord"):
        tekst = tekst.replace(naam, "")
    assert not VERBODEN_PATROON.findall(tekst)


@pytest.mark.parametrize("pagina", s.PAGINAS, ids=lambda p: p.pad)
def test_every_page_of_the_second_gemeente_opens_by_its_url(page, proef_url, verkeer, pagina):
    page.goto(f"{proef_url}/{'' if pagina is s.PAGINA_KAART else pagina.pad}")
    kop = page.get_by_role("heading", level=1).first
    expect(kop).to_be_visible(timeout=30_000)
    expect(page.locator("body")).to_contain_text("Proefprogramma")  # in the sidebar, or the presentation's heading
    expect(page.get_by_text("Page not found")).to_have_count(0)
    page.wait_for_timeout(500)  # let the page finish its run before reading all of it
    _zonder_echte_gemeente(page)
    assert verkeer.extern == [] and verkeer.mislukt == []


def test_the_map_offers_the_reference_years_and_colours_by_the_chosen_one(page, proef_url, verkeer):
    page.goto(proef_url)
    kaart = page.frame_locator(KAART_IFRAME)
    expect(kaart.locator("path.wk-buurt")).to_have_count(4, timeout=30_000)
    _kies(page, s.LABEL_INDICATOR, "Bevolkingsdichtheid (inwoners per km² land)")
    legenda = page.get_by_role("group", name="Legenda indicator")
    expect(legenda).to_contain_text("Peiljaar: 2024.", timeout=15_000)
    expect(page.get_by_role("combobox", name=s.LABEL_PEILJAAR)).to_be_visible()

    _kies(page, s.LABEL_PEILJAAR, "2023")
    expect(legenda).to_contain_text("Peiljaar: 2023.", timeout=15_000)
    expect(legenda).to_contain_text("kerncijfers 2023")
    expect(kaart.locator("path.wk-buurt")).to_have_count(4)
    assert "peiljaar=2023" in page.url  # a shared link keeps the chosen year
    page.screenshot(path=str(ARTEFACTEN / "tweede-gemeente-kaart-2023.png"), full_page=True)
    assert verkeer.extern == [] and verkeer.mislukt == []
