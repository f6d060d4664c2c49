"""Accessibility check with axe-core (npm, pinned in package-lock.json), injected into the page.

Why: the wijkteams must be able to use the map with a keyboard, a screen reader and enough
contrast (WCAG 2.1 AA is the legal floor for Dutch government sites). axe-core finds the
machine-checkable part of that. It runs offline: the script comes from node_modules, not a CDN.
"""

from __future__ import annotations

from urllib.parse import urlparse

from playwright.sync_api import Frame, Page

from tests.e2e.conftest import LOOPBACK
from tests.e2e.server import ROOT

AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
ERNSTIG = {"serious", "critical"}
MAX_NODES = 3
MAX_HTML = 160


def _eigen_frame(frame: Frame) -> bool:
    """Frames axe may look into: served from loopback, or about:blank/srcdoc (same origin)."""
    url = frame.url
    return url.startswith("about:") or (urlparse(url).hostname or "") in LOOPBACK


def _injecteer(page: Page) -> None:
    """axe only follows an iframe when axe itself runs inside it (it asks each frame by
    postMessage and merges the answers), so inject it into the main frame and every own child
    frame, such as the streamlit-folium map."""
    if not AXE_JS.is_file():
        raise FileNotFoundError(f"{AXE_JS} ontbreekt: draai `npm ci` (scripts/test.sh doet dat)")
    for frame in page.frames:
        if _eigen_frame(frame) and not frame.evaluate("() => typeof window.axe === 'object'"):
            frame.add_script_tag(path=str(AXE_JS))


def ernstige_overtredingen(page: Page) -> list[str]:
    """Serious and critical WCAG 2.0/2.1 A+AA violations on the page, iframes included.

    One readable line per violation: rule id, impact, help text and the first nodes (selector,
    shortened HTML). axe-core's own ranking is used unchanged: "serious"/"critical" means that
    some users cannot use that part of the page at all, which must block a change; "moderate"
    and "minor" findings are left to manual review. Selectors into an iframe read
    "iframe >> inner selector".
    """
    _injecteer(page)
    resultaat = page.main_frame.evaluate(
        """(tags) => axe.run(document, {
            runOnly: {type: 'tag', values: tags}, resultTypes: ['violations'], iframes: true,
        })""",
        WCAG_TAGS,
    )
    regels = []
    for v in resultaat["violations"]:
        if v["impact"] not in ERNSTIG:
            continue
        nodes = [
            f'{" >> ".join(map(str, n["target"]))} {" ".join(n["html"].split())[:MAX_HTML]}'
            for n in v["nodes"][:MAX_NODES]
        ]
        meer = f" (+{len(v['nodes']) - MAX_NODES} meer)" if len(v["nodes"]) > MAX_NODES else ""
        regels.append(f"{v['id']} [{v['impact']}] {v['help']}: {' | '.join(nodes)}{meer}")
    return regels
