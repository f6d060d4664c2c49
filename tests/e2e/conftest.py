"""Browser fixtures: one app server per session, Debian chromium, no request off loopback."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from urllib.parse import urlparse

import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright

from tests.e2e.server import CHROMIUM, CHROMIUM_ARGS, ROOT, app_server

ARTEFACTEN = ROOT / "test-artifacts"


def klaar(page: Page) -> None:
    """Wait until Streamlit has finished the current script run."""
    expect(page.locator('[data-testid="stApp"]')).to_have_attribute("data-test-script-state", "notRunning", timeout=30_000)
    expect(page.locator('[data-testid="stStatusWidget"]')).to_have_count(0, timeout=30_000)
LOOPBACK = {"127.0.0.1", "localhost", "[::1]", "::1"}
# Opened at /<page>, Streamlit's front end first probes /<page>/_stcore/... to discover a base
# path, gets 404 and falls back to /_stcore/...: expected, not a failure.
BASISPAD_PROBE = re.compile(r"^https?://[^/]+/[^_][^/]*/_stcore/(health|host-config)$")


@dataclass
class Verkeer:
    """Requests the page tried to make off the machine, and requests that failed."""

    extern: list[str] = field(default_factory=list)
    mislukt: list[str] = field(default_factory=list)


@pytest.fixture(scope="session")
def app_url() -> Iterator[str]:
    ARTEFACTEN.mkdir(exist_ok=True)
    with app_server() as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def verkeer() -> Verkeer:
    return Verkeer()


@pytest.fixture
def page(browser: Browser, verkeer: Verkeer) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1440, "height": 1000}, accept_downloads=True)

    def route(r):  # block everything that is not loopback: the app must work offline
        host = urlparse(r.request.url).hostname or ""
        if r.request.url.startswith(("data:", "blob:", "about:")) or host in LOOPBACK:
            r.continue_()
        else:
            verkeer.extern.append(r.request.url)
            r.abort()

    context.route("**/*", route)
    pagina = context.new_page()
    pagina.on("requestfailed", lambda req: verkeer.mislukt.append(f"{req.url} {req.failure}"))
    pagina.on(
        "response",
        lambda resp: resp.status >= 400 and not BASISPAD_PROBE.match(resp.url)
        and verkeer.mislukt.append(f"{resp.url} HTTP {resp.status}"),
    )
    yield pagina
    context.close()
