"""End to end in Debian chromium: what a wijkteam member sees and clicks, fully offline."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import FrameLocator, Page, expect

from app import settings as s
from geo.schema import OPGAVEN
from tests.e2e.conftest import ARTEFACTEN, klaar

pytestmark = pytest.mark.e2e

KAART_IFRAME = 'iframe[title="streamlit_folium.st_folium"]'


def _kaart(page: Page) -> FrameLocator:
    kaart = page.frame_locator(KAART_IFRAME)
    expect(kaart.locator("path.wk-buurt")).to_have_count(43, timeout=30_000)
    return kaart


def _geen_extern_verkeer(verkeer) -> None:
    assert verkeer.extern == [], f"verzoeken buiten de machine: {verkeer.extern}"
    assert verkeer.mislukt == [], f"mislukte verzoeken: {verkeer.mislukt}"


@pytest.mark.parametrize(
    ("pad", "kop"),
    [("/", s.PAGINA_KAART.koptekst)]
    + [(f"/{p.pad}", p.koptekst) for p in (*s.PAGINAS, *s.BEHEERPAGINAS) if p is not s.PAGINA_KAART],
)
def test_every_page_opens_by_its_url(page, app_url, verkeer, pad, kop):
    page.goto(app_url + pad)
    expect(page.get_by_role("heading", name=kop, exact=True)).to_be_visible(timeout=30_000)
    expect(page.get_by_text("Page not found")).to_have_count(0)
    _geen_extern_verkeer(verkeer)


def test_map_draws_every_buurt_and_symbol_offline(page, app_url, verkeer, data):
    page.goto(app_url)
    kaart = _kaart(page)
    expect(kaart.locator(".wk-symbool")).to_have_count(len(data.programma.items))
    expect(kaart.locator(".wk-hotspot")).to_have_count(len(data.programma.hotspots))
    expect(kaart.locator(".leaflet-control-attribution")).to_contain_text("CBS")
    expect(kaart.get_by_role("button", name="Inzoomen")).to_be_visible()
    expect(kaart.locator(".leaflet-control-scale-line")).to_have_count(1)  # metric only
    # 43 buurten plus the outlines of the gemeente and Leidschendam-Noord on top
    expect(kaart.locator(".leaflet-overlay-pane path")).to_have_count(43 + 2)
    page.screenshot(path=str(ARTEFACTEN / "kaart.png"), full_page=True)
    _geen_extern_verkeer(verkeer)


def test_opgave_filter_changes_the_symbols(page, app_url, verkeer, data):
    page.goto(app_url)
    kaart = _kaart(page)
    items = data.programma.items
    wonen = "Fijn en veilig wonen"
    expect(kaart.locator(f'.wk-symbool[data-opgave="{wonen}"]')).to_have_count(int((items["opgave"] == wonen).sum()))
    page.locator('[data-testid="stSidebar"]').get_by_role("button", name=wonen).click()
    expect(kaart.locator(f'.wk-symbool[data-opgave="{wonen}"]')).to_have_count(0)
    expect(kaart.locator(".wk-symbool")).to_have_count(int((items["opgave"] != wonen).sum()))
    expect(page.get_by_text(f"Op de kaart: {int((items['opgave'] != wonen).sum())} symbolen")).to_be_visible()
    lijst = page.locator("table.wk-tabel").filter(has_text="Partners")  # the list under the map, one row per symbol
    expect(lijst.locator("tbody tr")).to_have_count(int((items["opgave"] != wonen).sum()))
    expect(lijst.get_by_role("columnheader", name="Opgave")).to_be_visible()
    expect(lijst.locator("tbody").get_by_text(wonen, exact=True)).to_have_count(0)
    for opgave in OPGAVEN:
        if opgave != wonen:
            page.locator('[data-testid="stSidebar"]').get_by_role("button", name=opgave).click()
    expect(kaart.locator(".wk-symbool")).to_have_count(0)
    expect(page.get_by_text("Geen opgave gekozen").first).to_be_visible()
    page.screenshot(path=str(ARTEFACTEN / "kaart-leeg-filter.png"), full_page=True)
    _geen_extern_verkeer(verkeer)


def test_layers_switch_on_and_off(page, app_url, verkeer, data):
    page.goto(app_url)
    kaart = _kaart(page)
    page.locator('[data-testid="stSidebar"]').get_by_text(s.LABEL_HOTSPOTS).click()
    expect(kaart.locator(".wk-hotspot")).to_have_count(0)
    expect(kaart.locator(".wk-actie")).to_have_count(int((data.programma.items["soort"] == "actie").sum()))
    _geen_extern_verkeer(verkeer)


def _klikpunt(page: Page, code: str) -> tuple[float, float]:
    """A point inside the buurt's polygon that is not covered by a symbol, in page coordinates."""
    frame = page.frame_locator(KAART_IFRAME).locator(f"path.wk-{code}")
    punt = frame.evaluate(
        """(pad) => {
            const r = pad.getBoundingClientRect();
            for (let fy = 0.5; fy < 0.95; fy += 0.05) for (let fx = 0.5; fx < 0.95; fx += 0.05) {
                for (const [x, y] of [[r.left + r.width * fx, r.top + r.height * fy], [r.left + r.width * (1 - fx), r.top + r.height * (1 - fy)]]) {
                    if (document.elementFromPoint(x, y) === pad) return [x, y];
                }
            }
            return null;
        }"""
    )
    assert punt, f"geen vrij klikpunt in {code}"
    vak = page.locator(KAART_IFRAME).bounding_box()
    return vak["x"] + punt[0], vak["y"] + punt[1]


def test_clicking_a_buurt_shows_its_figures(page, app_url, verkeer):
    page.goto(app_url)
    kaart = _kaart(page)
    x, y = _klikpunt(page, "BU19160602")
    page.mouse.click(x, y)
    expect(page.get_by_role("heading", name="De Heuvel noord")).to_be_visible(timeout=15_000)
    cijfers = page.get_by_role("region", name="Cijfers van De Heuvel noord")
    rij = cijfers.locator("dt", has_text="Kinderen in huishouden tot sociaal minimum").locator("xpath=following-sibling::dd[1]")
    expect(rij).to_have_text("42 % · gemeente 9 % · Leidschendam-Noord onbekend · ongunstiger dan gemeente")
    # the panel is narrow: its figures must fit it, not scroll sideways out of sight
    assert cijfers.evaluate("e => e.scrollWidth <= e.clientWidth")
    expect(kaart.locator("path.wk-selectie")).to_have_count(1)
    page.screenshot(path=str(ARTEFACTEN / "kaart-buurt-gekozen.png"), full_page=True)
    # another buurt from the list, then a click on exactly the same spot: the first buurt again
    # (streamlit-folium reports only a click that differs from the last one; wkElkeKlik)
    page.get_by_role("combobox", name="Buurt", exact=True).click()
    page.get_by_role("option", name="Amstelwijk (BU19160601)").click()
    expect(page.get_by_role("heading", name="Amstelwijk")).to_be_visible(timeout=15_000)
    expect(page.get_by_role("combobox", name="Buurt", exact=True)).to_be_enabled()
    page.mouse.click(x, y)
    expect(page.get_by_role("heading", name="De Heuvel noord")).to_be_visible(timeout=15_000)
    _geen_extern_verkeer(verkeer)


def test_symbol_popup_names_source_and_precision(page, app_url, verkeer):
    page.goto(app_url)
    kaart = _kaart(page)
    kaart.locator('.wk-symbool[data-id="koreaanse_kerk"]').click()
    popup = kaart.locator(".leaflet-popup-content")
    expect(popup).to_contain_text("Overlast omgeving Koreaanse kerk")
    expect(popup).to_contain_text("locatie onbekend")
    expect(popup).to_contain_text(re.compile("Bron.*ingesprekmetlv|Bron.*In gesprek met LV"))
    _geen_extern_verkeer(verkeer)


def test_a_symbol_opens_its_popup_on_a_laptop_screen_where_the_map_is_partly_below(page, app_url, verkeer):
    """A real press and release, not Playwright's click (which first scrolls the element into
    view): Leaflet's focus on press used to scroll the page, and the release missed the symbol."""
    page.set_viewport_size({"width": 1366, "height": 768})
    page.goto(app_url)
    kaart = _kaart(page)
    symbool = kaart.locator('.wk-symbool[data-id="koreaanse_kerk"]')
    vak = symbool.bounding_box()
    iframe = page.locator(KAART_IFRAME).bounding_box()
    assert iframe["y"] + iframe["height"] > 768 and vak["y"] + vak["height"] < 768  # the case in question
    page.mouse.click(vak["x"] + vak["width"] / 2, vak["y"] + vak["height"] / 2)
    expect(kaart.locator(".leaflet-popup-content")).to_contain_text("Overlast omgeving Koreaanse kerk", timeout=10_000)
    assert page.locator(KAART_IFRAME).bounding_box()["y"] == iframe["y"]  # the page stayed where it was
    assert "buurt=" not in page.url
    _geen_extern_verkeer(verkeer)


def test_whole_gemeente_is_one_click_away(page, app_url, verkeer):
    page.goto(app_url)
    _kaart(page)
    frame = next(f for f in page.frames if "streamlit_folium" in f.url)
    zoom_noord = frame.evaluate("window.map.getZoom()")
    gemeente = page.locator('[data-testid="stSidebar"]').get_by_text(s.BEELD_GEMEENTE, exact=True)
    gemeente.click()
    frame.wait_for_function(f"window.map.getZoom() < {zoom_noord}", timeout=10_000)
    expect(page).to_have_url(re.compile("beeld=gemeente"))
    gemeente.click()  # a second click on the chosen view keeps it chosen (it used to clear the choice)
    page.wait_for_timeout(500)
    klaar(page)
    expect(page).to_have_url(re.compile("beeld=gemeente"))
    _geen_extern_verkeer(verkeer)
