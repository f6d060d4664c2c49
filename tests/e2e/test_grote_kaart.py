"""End to end: the Kaart's large-map mode (a national set: buurten in view only, simplified, on a
canvas), here switched on for the fixture gemeente's 4 buurten with ``[kaart] groot_vanaf = 2``."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import FrameLocator, Page, expect

from geo.configuratie import OMGEVING
from geo.opslag import OPSLAG_OMGEVING
from tests.e2e.conftest import ARTEFACTEN
from tests.e2e.server import app_server
from tests.proefconfig import schrijf_proefconfig

pytestmark = pytest.mark.e2e

KAART_IFRAME = 'iframe[title="streamlit_folium.st_folium"]'


@pytest.fixture(scope="module")
def groot_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    map_ = tmp_path_factory.mktemp("grote_kaart")
    config = schrijf_proefconfig(map_, "\n[kaart]\ngroot_vanaf = 2\n")
    with app_server(omgeving={OMGEVING: str(config), OPSLAG_OMGEVING: str(map_ / "wijkkaart.sqlite")}) as url:
        yield url


def _getekend(kaart: FrameLocator, aantal: int) -> None:
    expect(kaart.locator("html")).to_have_attribute("data-wk-vlakken", str(aantal), timeout=30_000)


def test_canvas_map_shows_the_buurten_in_view_and_a_click_selects_one(page: Page, groot_url, verkeer):
    page.goto(groot_url)
    kaart = page.frame_locator(KAART_IFRAME)
    _getekend(kaart, 4)  # the programme area's view shows the whole (tiny) fixture gemeente
    expect(kaart.locator("path.wk-buurt")).to_have_count(0)  # no SVG path per buurt: one canvas
    expect(kaart.locator(".leaflet-pane canvas")).to_have_count(1)
    for _ in range(3):  # zoom in on the centre, the line between Oostkant noord and zuid
        kaart.get_by_role("button", name="Inzoomen").click()
        page.wait_for_timeout(400)
    _getekend(kaart, 2)  # the server now sends only the two buurten in view
    vak = page.locator(KAART_IFRAME).bounding_box()
    x, y = vak["x"] + vak["width"] * 0.5, vak["y"] + vak["height"] * 0.25  # north of the centre
    page.mouse.move(x, y)
    page.mouse.move(x + 3, y + 3)  # hover: the same lines as on the SVG map, one per line
    tip = kaart.locator(".leaflet-tooltip .wk-regels")
    expect(tip).to_contain_text("Oostkant noord")
    expect(tip).to_contain_text("peiljaar")
    assert tip.evaluate("e => getComputedStyle(e).whiteSpace") == "pre"
    page.screenshot(path=str(ARTEFACTEN / "grote-kaart-hover.png"))
    page.mouse.click(x, y)
    expect(page.get_by_role("heading", name="Oostkant noord")).to_be_visible(timeout=30_000)  # its figures
    expect(kaart.locator("path.wk-selectie")).to_have_count(1)  # and its outline on the map
    page.screenshot(path=str(ARTEFACTEN / "grote-kaart.png"), full_page=True)
    assert verkeer.extern == [] and verkeer.mislukt == []
