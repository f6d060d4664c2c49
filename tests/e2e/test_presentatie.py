"""End to end: a presenter drives the presentation with clicker keys at 1280x720, offline."""

from __future__ import annotations

import io

import pytest
from playwright.sync_api import Browser, Page, expect
from pypdf import PdfReader

from app import settings as s
from app.presentatie import stappen
from tests.e2e.conftest import ARTEFACTEN
from tests.e2e.test_kaart import _geen_extern_verkeer

pytestmark = pytest.mark.e2e


@pytest.fixture
def projector(browser: Browser, page: Page) -> Page:
    """The test page (loopback only) at a common projector resolution."""
    page.set_viewport_size({"width": 1280, "height": 720})
    return page


def _dia(page: Page, titel: str, nummer: int, aantal: int) -> None:
    expect(page.get_by_role("heading", level=1)).to_have_text(titel, timeout=15_000)
    expect(page.get_by_text(f"{nummer} / {aantal}", exact=True)).to_be_visible()
    page.wait_for_url(f"**stap={nummer}*")
    # the next key press needs the rerun finished (its buttons enabled again)
    expect(page.locator('[data-testid="stApp"]')).to_have_attribute("data-test-script-state", "notRunning", timeout=15_000)


def test_presenter_walks_through_every_step_with_clicker_keys(projector, app_url, verkeer, data):
    alle = stappen(data)
    projector.goto(f"{app_url}/{s.PAGINA_PRESENTATIE.pad}")
    _dia(projector, alle[0].titel, 1, len(alle))
    expect(projector.locator('[data-testid="stSidebar"]')).to_be_hidden()  # no Streamlit chrome in the way
    for nummer, stap in enumerate(alle, start=1):
        _dia(projector, stap.titel, nummer, len(alle))
        dia = projector.locator("section.wk-dia")
        for cijfer in stap.kerncijfers:
            expect(dia).to_contain_text(cijfer.waarde)
        if stap.kaart is not None:
            expect(dia.get_by_role("img").first).to_be_visible()
        projector.screenshot(path=str(ARTEFACTEN / f"presentatie-1280-stap{nummer}.png"))
        if nummer < len(alle):
            projector.keyboard.press("PageDown" if nummer % 2 else "ArrowRight")
    projector.keyboard.press("PageUp")
    _dia(projector, alle[-2].titel, len(alle) - 1, len(alle))
    projector.keyboard.press("Home")
    _dia(projector, alle[0].titel, 1, len(alle))
    projector.keyboard.press(" ")
    _dia(projector, alle[1].titel, 2, len(alle))
    _geen_extern_verkeer(verkeer)


def test_step_link_and_full_hd_screenshot(page, app_url, verkeer, data):
    page.set_viewport_size({"width": 1920, "height": 1080})
    page.goto(f"{app_url}/{s.PAGINA_PRESENTATIE.pad}?stap=3")
    titel = stappen(data)[2].titel
    expect(page.get_by_role("heading", level=1)).to_have_text(titel, timeout=30_000)
    page.screenshot(path=str(ARTEFACTEN / "presentatie-1920-stap3.png"))
    _geen_extern_verkeer(verkeer)


def test_presentation_pdf_deck(projector, app_url, verkeer, data):
    projector.goto(f"{app_url}/{s.PAGINA_PRESENTATIE.pad}")
    expect(projector.get_by_role("heading", level=1)).to_be_visible(timeout=30_000)
    with projector.expect_download(timeout=60_000) as download:
        projector.get_by_role("button", name="Download als PDF").click()
    pdf = PdfReader(io.BytesIO(download.value.path().read_bytes()))
    alle = stappen(data)
    assert len(pdf.pages) == len(alle)
    for pagina, stap in zip(pdf.pages, alle, strict=True):
        assert stap.titel in pagina.extract_text()
    _geen_extern_verkeer(verkeer)


def test_programma_page_shows_the_timeline(page, app_url, verkeer):
    page.goto(f"{app_url}/{s.PAGINA_PROGRAMMA.pad}")
    expect(page.get_by_role("img", name="Tijdlijn 2020 tot 2041")).to_be_visible(timeout=30_000)
    expect(page.locator('[data-testid="stTable"]').filter(has_text="15 juli 2022")).to_be_visible()
    expect(page.locator('[data-testid="stTable"]').filter(has_text="€ 557.500")).to_be_visible()
    page.screenshot(path=str(ARTEFACTEN / "programma.png"), full_page=True)
    _geen_extern_verkeer(verkeer)
