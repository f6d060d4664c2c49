"""Accessibility per page: no serious or critical axe-core (WCAG 2.1 A/AA) violation, offline."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.a11y import ernstige_overtredingen
from tests.e2e.test_kaart import KAART_IFRAME

pytestmark = pytest.mark.e2e

# URL paths of the pages to check ("" is the default page, the Kaart). Add new pages here.
PAGINAS_A11Y = ["", "buurtprofiel?gebied=BU19160602", "raadsoverzicht", "presentatie?stap=2", "programma", "bronnen"]


def _volledig_getekend(page: Page, pad: str) -> None:
    """Wait until the page is complete: the map shows every buurt (on the Kaart), the script
    has finished (also the rerun st_folium triggers) and no element is stale any more."""
    main = page.locator('[data-testid="stMain"]')
    expect(main.locator('[data-testid="stElementContainer"]:visible').first).to_be_visible(timeout=30_000)
    if main.locator(KAART_IFRAME).count() or pad == "":
        kaart = page.frame_locator(KAART_IFRAME)
        expect(kaart.locator("path.wk-buurt")).to_have_count(43, timeout=30_000)
    expect(page.locator('[data-testid="stApp"]')).to_have_attribute("data-test-script-state", "notRunning", timeout=30_000)
    expect(page.locator('[data-testid="stStatusWidget"]')).to_have_count(0, timeout=30_000)
    expect(page.locator('[data-stale="true"]')).to_have_count(0, timeout=30_000)


@pytest.mark.parametrize("pad", PAGINAS_A11Y, ids=lambda p: p.split("?")[0] or "kaart")
def test_no_serious_accessibility_violations(page, app_url, verkeer, pad):
    page.goto(f"{app_url}/{pad}")
    _volledig_getekend(page, pad)
    overtredingen = ernstige_overtredingen(page)
    assert overtredingen == [], "ernstige toegankelijkheidsfouten (axe-core):\n" + "\n".join(overtredingen)
    assert verkeer.extern == [], f"verzoeken buiten de machine: {verkeer.extern}"
