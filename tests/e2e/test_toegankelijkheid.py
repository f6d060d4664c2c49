"""Accessibility per page: no serious or critical axe-core (WCAG 2.1 A/AA) violation, offline."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.a11y import ernstige_overtredingen
from tests.e2e.test_kaart import KAART_IFRAME

pytestmark = pytest.mark.e2e

# URL paths of the pages to check ("" is the default page, the Kaart). Add new pages here.
PAGINAS_A11Y = ["", "?buurt=BU19160602", "buurtprofiel?gebied=BU19160602", "raadsoverzicht", "presentatie?stap=2", "programma", "bronnen",
                "beheer-acties"]  # the editing pages logged in: tests/e2e/test_beheer.py


def _volledig_getekend(page: Page, pad: str) -> None:
    """Wait until the page is complete: a map shows every buurt, the script
    has finished (also the rerun st_folium triggers) and no element is stale any more."""
    main = page.locator('[data-testid="stMain"]')
    expect(main.locator('[data-testid="stElementContainer"]:visible').first).to_be_visible(timeout=30_000)
    if main.locator(KAART_IFRAME).count() or pad.split("?")[0] == "":
        kaart = page.frame_locator(KAART_IFRAME)  # the Kaart, or the location map of the editing pages
        expect(kaart.locator(".leaflet-overlay-pane path").nth(42)).to_be_attached(timeout=30_000)  # 43 buurten
    expect(page.locator('[data-testid="stApp"]')).to_have_attribute("data-test-script-state", "notRunning", timeout=30_000)
    expect(page.locator('[data-testid="stStatusWidget"]')).to_have_count(0, timeout=30_000)
    expect(page.locator('[data-stale="true"]')).to_have_count(0, timeout=30_000)


@pytest.mark.parametrize("pad", PAGINAS_A11Y, ids=lambda p: p.split("?")[0] or ("kaart-buurt" if "buurt=" in p else "kaart"))
def test_no_serious_accessibility_violations(page, app_url, verkeer, pad):
    page.goto(f"{app_url}/{pad}")
    _volledig_getekend(page, pad)
    overtredingen = ernstige_overtredingen(page)
    assert overtredingen == [], "ernstige toegankelijkheidsfouten (axe-core):\n" + "\n".join(overtredingen)
    assert verkeer.extern == [], f"verzoeken buiten de machine: {verkeer.extern}"
