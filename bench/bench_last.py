"""Load test: many users click through the wijkkaart at the same time, on loopback.

Run from the repository root:

    .venv/bin/python bench/bench_last.py [--gebruikers 30] [--rondes 2] [--browsers 2]

Every user is its own Chromium browser context (own cache, own Streamlit session and websocket)
and clicks what a visitor clicks: open the Kaart, switch an opgave pill, colour the map by
another indicator, click a buurt on the map, choose another one in the "Buurt" list, open its
Buurtprofiel, the Raadsoverzicht (and switch it to wijken), the Presentatie and three steps
forward, then "Sluiten" back to the Kaart for the next round. Users arrive with a stagger and
think 0.5-1.5 s between clicks.

Why real browsers and not a websocket client: the expensive part of a click is not only the
script run but also what the app sends back (the folium map HTML, SVG maps, tables) and what
the page then does with it; a browser is the only client that is sure to click, and wait for,
what a user does. The price is CPU: on a 2-core machine the browsers share the cores with the
server, which the report shows (server CPU against machine CPU).

A response time runs from the user's click (the page's own ``pointerdown`` event, or the Python
time of ``goto`` / the mouse click on the map iframe) until the script run the click started has
finished (``stApp`` is ``notRunning`` and was ``running`` after the click) *and* the element
the click is for is there (map polygons redrawn, symbols gone, profile heading, slide number).
The page checks this itself every ``POLL_MS`` ms, so a time is late by at most that much.

Errors, which must be 0: an exception shown in the page, an HTTP response >= 400 or a failed
request, a request off loopback (blocked), an uncaught JavaScript error, the websocket closing
while the user is active, and an action that does not finish within ``--timeout``. A user stops
at its first failed action (what follows would only measure the broken state).

Server memory comes from ``/proc/<pid>/status`` (VmRSS, VmHWM), server CPU from
``/proc/<pid>/stat``, machine CPU from ``/proc/stat``. Exit code 1 when there were errors.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # so `tests.e2e` imports when run as a script

from playwright.async_api import Browser, Locator, Page, Route, async_playwright
from playwright.async_api import Error as PlaywrightError

from app import settings as s
from geo.schema import OPGAVEN
from tests.e2e.conftest import BASISPAD_PROBE
from tests.e2e.server import CHROMIUM, CHROMIUM_ARGS, app_server

VIEWPORT = {"width": 1440, "height": 1000}
POLL_MS = 25  # how often the page checks whether an action is done (the times' resolution)
EXPECTED_BUURTEN = 43
MAP_IFRAME = 'iframe[title="streamlit_folium.st_folium"]'
# Only requests that leave loopback are intercepted (the regex is matched in Playwright's driver,
# so loopback traffic never makes a round trip to Python). data:, blob: and about: have no "//".
OFF_LOOPBACK = re.compile(r"^(?!https?://(?:127\.0\.0\.1|localhost|\[::1\])(?::\d+)?/)[a-z][a-z0-9+.-]*://")
CLK_TCK = os.sysconf("SC_CLK_TCK")

# Runs in every top-level page before Streamlit's own scripts. It logs each change of the
# app's script state (with MutationObserver's oldValue, so a short "running" is not missed)
# and every pointerdown (the start of a click), with Date.now() times: the same wall clock as
# Python's time.time(). `klaar(a)` is what the Python side waits for after an action.
INIT_SCRIPT = """
(() => {
  if (window !== window.top) return;
  const w = (window.__wkLast = { states: [], clicks: [] });
  const app = () => document.querySelector('[data-testid="stApp"]');
  let last = null;
  const log = (state) => { if (state !== last) { last = state; w.states.push({ t: Date.now(), state }); } };
  new MutationObserver((records) => {
    const t = Date.now();
    records.forEach((r, i) => {
      if (r.type !== "attributes" || r.attributeName !== "data-test-script-state") return;
      const next = records.slice(i + 1).find((q) => q.type === "attributes" && q.target === r.target);
      const value = next ? next.oldValue : r.target.getAttribute("data-test-script-state");
      if (value !== last) { last = value; w.states.push({ t, state: value }); }
    });
    const a = app();
    if (a) log(a.getAttribute("data-test-script-state"));
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeOldValue: true,
                         attributeFilter: ["data-test-script-state"] });
  window.addEventListener("pointerdown", () => w.clicks.push(Date.now()), true);

  const mapDoc = () => { const f = document.querySelector('__IFRAME__'); return f && f.contentDocument; };
  const polygons = (doc) => doc ? doc.querySelectorAll("path.wk-buurt") : [];
  const text = (sel) => [...document.querySelectorAll(sel)].map((e) => e.textContent);
  const checks = {
    kaart: () => { const d = mapDoc(); return polygons(d).length === __BUURTEN__ && d.querySelectorAll(".wk-symbool").length > 0; },
    filter: (p) => {
      const d = mapDoc();
      if (polygons(d).length !== __BUURTEN__) return false;
      const n = d.querySelectorAll(`.wk-symbool[data-opgave="${CSS.escape(p.opgave)}"]`).length;
      return p.aan ? n > 0 : n === 0;
    },
    indicator: (p) => {
      const d = mapDoc();
      const nieuw = [...polygons(d)].filter((e) => !e.hasAttribute("data-wk-oud"));
      const legenda = document.querySelector('[aria-label="Legenda indicator"] strong');
      return nieuw.length === __BUURTEN__ && !!legenda && legenda.textContent === p.label;
    },
    buurt: (p) => {
      const d = mapDoc();
      return !!d && d.querySelectorAll("path.wk-selectie").length === 1
        && text('[data-testid="stCaptionContainer"]').some((t) => t.startsWith(`Buurt ${p.code}, wijk`));
    },
    profiel: (p) => text("h1").some((t) => t.trim() === "Buurtprofiel")
      && text('[data-testid="stCaptionContainer"]').some((t) => t.startsWith(`Buurt ${p.code} in wijk`))
      && !!document.querySelector('img[alt^="Grafiek: afstand van"]'),
    raad: () => text("h1").some((t) => t.trim() === "Raadsoverzicht")
      && !!document.querySelector('[data-testid="stTable"]')
      && document.querySelectorAll('img[alt^="Kaart "]').length > 0
      && text("h3").some((t) => t.trim() === "Bronnen"),
    indeling: (p) => {
      const tabel = document.querySelector('[data-testid="stTable"] table');
      if (!tabel) return false;
      const koppen = [...tabel.querySelectorAll("th")].map((e) => e.textContent.trim());
      return koppen.includes("Wijk") === (p.niveau === "buurt");
    },
    dia: (p) => !!document.querySelector(`section.wk-dia[aria-label^="Stap ${p.stap} van "]`),
  };
  // Done when: no exception shown; the click was seen; a script run started after it and has
  // finished; and the page shows what the click is for. Returns the click and done times.
  w.klaar = (a) => {
    const fout = document.querySelector('[data-testid="stException"]');
    if (fout) return { fout: "exception in the page: " + fout.innerText.slice(0, 300) };
    const start = a.start !== null ? a.start : w.clicks[a.klik];
    if (start === undefined) return null;
    const s = app();
    if (!s || s.getAttribute("data-test-script-state") !== "notRunning") return null;
    if (!w.states.some((e) => e.t >= start && e.state === "running")) return null;
    if (!checks[a.soort](a.p)) return null;
    return { start, eind: Date.now() };
  };
})();
""".replace("__IFRAME__", MAP_IFRAME).replace("__BUURTEN__", str(EXPECTED_BUURTEN))

WAIT_JS = "(a) => window.__wkLast && window.__wkLast.klaar(a)"
# For the error message of a timeout: script states and clicks relative to the action's start.
DIAGNOSE_JS = """
(a) => {
  const w = window.__wkLast;
  const start = a.start !== null ? a.start : w.clicks[a.klik];
  const rel = (t) => start === undefined ? t : ((t - start) / 1000).toFixed(2);
  return "click seen: " + (start !== undefined) + "; states since: "
    + w.states.filter((e) => start === undefined || e.t >= start - 2000).map((e) => `${e.state}@${rel(e.t)}`).join(" ")
    + "; open listbox: " + !!document.querySelector('[role="listbox"]');
}
"""

# Evaluated in the Kaart page: buurten on screen with a point that hits the polygon itself (not
# a symbol or an outline on top), in page coordinates.
BUURTEN_OP_SCHERM_JS = """
() => {
  const f = document.querySelector('__IFRAME__');
  const d = f && f.contentDocument;
  if (!d) return [];
  const vak = f.getBoundingClientRect();
  const uit = [];
  for (const pad of d.querySelectorAll("path.wk-buurt")) {
    const r = pad.getBoundingClientRect();
    if (r.width < 12 || r.height < 12 || r.left < 0 || r.top < 0 || r.right > vak.width || r.bottom > vak.height) continue;
    const code = [...pad.classList].find((c) => c.startsWith("wk-BU"));
    punt: for (let fy = 0.5; fy < 0.95; fy += 0.05) for (let fx = 0.5; fx < 0.95; fx += 0.05) {
      for (const [x, y] of [[r.left + r.width * fx, r.top + r.height * fy], [r.left + r.width * (1 - fx), r.top + r.height * (1 - fy)]]) {
        if (d.elementFromPoint(x, y) === pad) { uit.push({ code: code.slice(3), x: vak.left + x, y: vak.top + y }); break punt; }
      }
    }
  }
  return uit;
}
""".replace("__IFRAME__", MAP_IFRAME)

GEKOZEN_BUURT_JS = """
() => {
  const c = [...document.querySelectorAll('[data-testid="stCaptionContainer"]')]
    .map((e) => e.textContent.match(/^Buurt (BU\\d+), wijk/)).find(Boolean);
  return c ? c[1] : null;
}
"""


class ActieFout(Exception):
    """An action did not finish as a user would expect: counted as an error."""


@dataclass(frozen=True)
class Verwachting:
    """What the page must show before an action counts as done, and where its clock starts."""

    soort: str  # a key of `checks` in INIT_SCRIPT
    p: dict[str, Any] = field(default_factory=dict)
    start_ms: float | None = None  # Python-side start (goto, mouse click in the map iframe) …
    klik: int | None = None  # … or the index of the page's own pointerdown of the final click


@dataclass(frozen=True)
class Meting:
    gebruiker: int
    ronde: int
    actie: str
    seconden: float


@dataclass
class Gebruiker:
    """One visitor: a browser context, its page, its own random choices and what went wrong."""

    nr: int
    page: Page
    url: str
    rng: random.Random
    timeout_s: float
    artefacten: Path | None = None  # where a screenshot of each failed action goes
    fouten: list[str] = field(default_factory=list)
    metingen: list[Meting] = field(default_factory=list)
    actief: bool = True  # the websocket may only close once the user is done
    afgerond: bool = False  # every round done without an error

    def fout(self, tekst: str) -> None:
        self.fouten.append(f"user {self.nr}: {tekst}")

    async def kliks(self) -> int:
        """How many pointerdowns the page has seen: the next one is the action's click."""
        return await self.page.evaluate("() => window.__wkLast.clicks.length")

    async def wacht(self, v: Verwachting) -> float:
        """Seconds from the click until the page shows the action's result (see module doc)."""
        arg = {"soort": v.soort, "p": v.p, "start": v.start_ms, "klik": v.klik}
        try:
            handle = await self.page.wait_for_function(WAIT_JS, arg=arg, polling=POLL_MS, timeout=self.timeout_s * 1000)
        except PlaywrightError as exc:
            if "Timeout" not in str(exc):
                raise
            staat = await self.page.evaluate(DIAGNOSE_JS, arg)
            raise ActieFout(f"not done within {self.timeout_s:.0f} s (expected {v.soort} {v.p}; {staat})") from None
        uit = await handle.json_value()
        if "fout" in uit:
            raise ActieFout(uit["fout"])
        return (uit["eind"] - uit["start"]) / 1000


# --- the actions; each performs its click and says what to wait for ---------------------------


async def kaart_openen(g: Gebruiker) -> Verwachting:
    start = time.time() * 1000
    await g.page.goto(g.url, wait_until="commit")
    return Verwachting("kaart", start_ms=start)


async def opgave_filter(g: Gebruiker) -> Verwachting:
    """Switch one opgave pill; on switches it back on when it was off (a later round)."""
    opgave = g.rng.choice(OPGAVEN)
    pil = g.page.locator('[data-testid="stSidebar"]').get_by_role("button", name=opgave, exact=True)
    aan = await pil.get_attribute("aria-pressed") != "true"
    n = await g.kliks()
    await pil.click()
    return Verwachting("filter", {"opgave": opgave, "aan": aan}, klik=n)


async def andere_opties(vak: Locator) -> list[str]:
    """Open a chooser and return its options that are not the chosen one (react-aria marks that one).

    A click on the field sometimes leaves the list closed when it lands during a rerun that
    redraws the field; a user then clicks again, and so does this, on the field's arrow button.
    """
    page = vak.page
    opties = page.get_by_role("option")
    await vak.get_by_role("combobox").click()
    try:
        await opties.first.wait_for(timeout=3000)
    except PlaywrightError:
        await vak.get_by_role("button", name="Open").click()
        await opties.first.wait_for()
    # Read the list before choosing, as a user does: the list scrolls its chosen option into view
    # just after it opens, and a click during that scroll is lost.
    await page.wait_for_timeout(400)
    paren = await opties.evaluate_all("es => es.map(e => [e.getAttribute('aria-selected'), e.textContent.trim()])")
    return [tekst for gekozen, tekst in paren if gekozen != "true" and tekst]


async def indicator(g: Gebruiker) -> Verwachting | None:
    """Colour the map by another indicator from the list (what the opgave filter leaves)."""
    andere = await andere_opties(g.page.locator('[data-testid="stSidebar"] [data-testid="stSelectbox"]')
                                 .filter(has=g.page.get_by_role("combobox", name=s.LABEL_INDICATOR)))
    if not andere:
        await g.page.keyboard.press("Escape")
        return None
    keuze = g.rng.choice(andere)
    # Mark the polygons drawn now: the new colours come with a newly built map.
    await g.page.evaluate(
        "(s) => document.querySelector(s).contentDocument.querySelectorAll('path.wk-buurt')"
        ".forEach((e) => e.setAttribute('data-wk-oud', ''))", MAP_IFRAME)
    n = await g.kliks()
    await g.page.get_by_role("option", name=keuze, exact=True).click()
    return Verwachting("indicator", {"label": keuze}, klik=n)


async def buurt_op_kaart(g: Gebruiker) -> Verwachting:
    """Click inside a buurt polygon on the map (not on a symbol), another than the chosen one."""
    gekozen = await g.page.evaluate(GEKOZEN_BUURT_JS)
    kandidaten = [b for b in await g.page.evaluate(BUURTEN_OP_SCHERM_JS) if b["code"] != gekozen]
    if not kandidaten:
        raise ActieFout("no buurt on the map to click")
    buurt = g.rng.choice(kandidaten)
    start = time.time() * 1000
    await g.page.mouse.click(buurt["x"], buurt["y"])
    return Verwachting("buurt", {"code": buurt["code"]}, start_ms=start)


async def buurt_in_lijst(g: Gebruiker) -> Verwachting:
    """Open the "Buurt" chooser next to the map and pick another buurt from what it shows."""
    vak = g.page.locator('[data-testid="stMain"] [data-testid="stSelectbox"]').filter(
        has=g.page.get_by_role("combobox", name="Buurt", exact=True))
    andere = [o for o in await andere_opties(vak) if re.search(r"\((BU\d+)\)$", o)]
    if not andere:
        raise ActieFout("the Buurt list shows no other buurt")
    keuze = g.rng.choice(andere)
    code = re.search(r"\((BU\d+)\)$", keuze)[1]
    n = await g.kliks()
    await g.page.get_by_role("option", name=keuze, exact=True).click()
    return Verwachting("buurt", {"code": code}, klik=n)


async def buurtprofiel(g: Gebruiker) -> Verwachting:
    code = await g.page.evaluate(GEKOZEN_BUURT_JS)
    n = await g.kliks()
    await g.page.get_by_role("link", name=re.compile("^Volledig buurtprofiel van")).click()
    return Verwachting("profiel", {"code": code}, klik=n)


async def navigatie(g: Gebruiker, titel: str, v: Verwachting) -> Verwachting:
    n = await g.kliks()
    await g.page.locator('[data-testid="stSidebarNav"] a').filter(has_text=re.compile(f"^{titel}$")).click()
    return Verwachting(v.soort, v.p, klik=n)


async def raadsoverzicht(g: Gebruiker) -> Verwachting:
    return await navigatie(g, s.PAGINA_RAAD.titel, Verwachting("raad"))


async def raad_indeling(g: Gebruiker) -> Verwachting:
    """Switch the overview between buurten and wijken (whichever it does not show now)."""
    groep = g.page.get_by_role("radiogroup", name="Indeling")
    per_buurt = await groep.get_by_role("radio", name=s.NIVEAU_LABEL["buurt"]).get_attribute("aria-checked") == "true"
    niveau = "wijk" if per_buurt else "buurt"
    n = await g.kliks()
    await groep.get_by_role("radio", name=s.NIVEAU_LABEL[niveau]).click()
    return Verwachting("indeling", {"niveau": niveau}, klik=n)


async def presentatie(g: Gebruiker) -> Verwachting:
    return await navigatie(g, s.PAGINA_PRESENTATIE.titel, Verwachting("dia", {"stap": 1}))


async def volgende_stap(g: Gebruiker) -> Verwachting:
    label = await g.page.locator("section.wk-dia").get_attribute("aria-label")
    stap = int(re.match(r"Stap (\d+) van", label)[1])
    n = await g.kliks()
    await g.page.locator(".st-key-dia_volgende button").click()
    return Verwachting("dia", {"stap": stap + 1}, klik=n)


async def sluiten(g: Gebruiker) -> Verwachting:
    """From the presentation back to the Kaart (the presentation hides the sidebar)."""
    n = await g.kliks()
    await g.page.get_by_role("link", name="Sluiten").click()
    return Verwachting("kaart", klik=n)


Actie = Callable[[Gebruiker], Awaitable[Verwachting | None]]
# (label in the report, action). The first entry of round 1 is kaart_openen, later rounds sluiten.
REIS: list[tuple[str, Actie]] = [
    ("Kaart: opgave-pil", opgave_filter),
    ("Kaart: andere indicator", indicator),
    ("Kaart: klik op buurt", buurt_op_kaart),
    ("Kaart: buurt uit lijst", buurt_in_lijst),
    ("Buurtprofiel openen", buurtprofiel),
    ("Raadsoverzicht openen", raadsoverzicht),
    ("Raadsoverzicht: indeling", raad_indeling),
    ("Presentatie openen", presentatie),
    ("Presentatie: volgende", volgende_stap),
    ("Presentatie: volgende", volgende_stap),
    ("Presentatie: volgende", volgende_stap),
]
EERSTE = {True: ("Kaart openen (nieuwe sessie)", kaart_openen), False: ("Kaart via Sluiten", sluiten)}


def reis(ronde: int) -> list[tuple[str, Actie]]:
    return [EERSTE[ronde == 0], *REIS]


# --- one user ---------------------------------------------------------------------------------


async def nieuwe_gebruiker(browser: Browser, nr: int, url: str, a: argparse.Namespace) -> Gebruiker:
    """A fresh context that reaches only loopback, with every error source wired to the user."""
    context = await browser.new_context(viewport=VIEWPORT)
    page = await context.new_page()
    g = Gebruiker(nr, page, url, random.Random(a.seed * 1000 + nr), a.timeout, a.artefacten)

    async def blokkeer(route: Route) -> None:
        g.fout(f"request off loopback blocked: {route.request.url}")
        await route.abort()

    await context.route(OFF_LOOPBACK, blokkeer)
    await context.add_init_script(INIT_SCRIPT)
    page.on("requestfailed", lambda r: g.fout(f"request failed: {r.url} {r.failure}"))
    page.on("response", lambda r: r.status >= 400 and not BASISPAD_PROBE.match(r.url)
            and g.fout(f"HTTP {r.status}: {r.url}"))
    page.on("pageerror", lambda e: g.fout(f"JavaScript error: {e}"))
    page.on("websocket", lambda ws: ws.on("close", lambda _ws: g.actief and g.fout(f"websocket closed: {ws.url}")))
    return g


async def schermafdruk(g: Gebruiker) -> None:
    """The page at a failed action, with --artefacten; a page too busy for a screenshot is skipped."""
    if g.artefacten is None:
        return
    g.artefacten.mkdir(parents=True, exist_ok=True)
    try:
        await g.page.screenshot(path=str(g.artefacten / f"bench-last-gebruiker-{g.nr}.png"), timeout=10_000)
    except PlaywrightError:
        pass


async def loop(g: Gebruiker, rondes: int, denktijd: float) -> None:
    """The scripted journey; stops at the first failed action."""
    for ronde in range(rondes):
        for naam, actie in reis(ronde):
            if ronde or naam != EERSTE[True][0]:
                await asyncio.sleep(g.rng.uniform(0.5 * denktijd, 1.5 * denktijd))
            try:
                v = await actie(g)
                if v is None:
                    continue
                g.metingen.append(Meting(g.nr, ronde, naam, await g.wacht(v)))
            except (ActieFout, PlaywrightError) as exc:
                g.fout(f"round {ronde + 1}, {naam}: {str(exc).splitlines()[0][:400]}")
                await schermafdruk(g)
                return
    g.afgerond = True


# --- the server process -----------------------------------------------------------------------


def server_pid(url: str) -> int:
    """The streamlit process serving this port (app_server does not expose its Popen)."""
    poort = str(urlparse(url).port).encode()
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            args = (proc / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if b"streamlit" in b" ".join(args) and poort in args:
            return int(proc.name)
    raise RuntimeError(f"no streamlit process found for {url}")


def rss_mb(pid: int, veld: str = "VmRSS") -> float:
    for regel in Path(f"/proc/{pid}/status").read_text().splitlines():
        if regel.startswith(veld + ":"):
            return int(regel.split()[1]) / 1024
    return 0.0


def cpu_s(pid: int) -> float:
    """User + system CPU seconds of the process so far."""
    velden = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(velden[11]) + int(velden[12])) / CLK_TCK


def machine_cpu_s() -> float:
    """Busy CPU seconds of all cores together since boot (from /proc/stat)."""
    waarden = [int(v) for v in Path("/proc/stat").read_text().splitlines()[0].split()[1:8]]
    return (sum(waarden) - waarden[3] - waarden[4]) / CLK_TCK  # minus idle and iowait


def eigen_cpu_s(server: int) -> float:
    """CPU seconds of this script and everything it started (Playwright's driver, the browsers),
    the server left out: what the load generator itself costs on the shared cores."""
    ouders: dict[int, int] = {}
    for proc in Path("/proc").iterdir():
        if proc.name.isdigit():
            try:
                ouders[int(proc.name)] = int((proc / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError):
                continue
    boom, nieuw = {os.getpid()}, True
    while nieuw:
        nieuw = {p for p, ouder in ouders.items() if ouder in boom and p not in boom and p != server}
        boom |= nieuw
    totaal = 0.0
    for p in boom:
        try:
            totaal += cpu_s(p)
        except (OSError, IndexError):
            continue  # ended in the meantime
    return totaal


@dataclass(frozen=True)
class Cpu:
    """CPU seconds over the load phase: the server, the load generator, and the whole machine."""

    server_s: float
    generator_s: float
    machine_s: float


@dataclass
class Bemonstering:
    """Server RSS and CPU sampled while the users work: peak memory and busiest second."""

    pid: int
    rss: list[float] = field(default_factory=list)
    cpu_per_s: list[float] = field(default_factory=list)  # server cores used per 1-s window

    async def loop(self, stop: asyncio.Event) -> None:
        vorige = (time.perf_counter(), cpu_s(self.pid))
        while not stop.is_set():
            try:
                await asyncio.wait_for(stop.wait(), timeout=1.0)
            except TimeoutError:
                pass
            nu = (time.perf_counter(), cpu_s(self.pid))
            self.cpu_per_s.append((nu[1] - vorige[1]) / (nu[0] - vorige[0]))
            self.rss.append(rss_mb(self.pid))
            vorige = nu


# --- run and report ---------------------------------------------------------------------------


@dataclass
class Geheugen:
    """Server RSS in MB at the moments the report needs."""

    start: float  # right after the server answered its health check
    idle: float  # after the warm-up and baseline users left: data and caches loaded
    piek: float  # highest during the load (VmHWM, reset before the load, and the samples)
    open: float  # when every user is done but all sessions are still open
    na: float  # NA_S seconds after the browsers closed


@dataclass
class Uitslag:
    args: argparse.Namespace
    gebruikers: list[Gebruiker]
    opwarm: Gebruiker  # round 1 on a cold server, not reported
    basis: Gebruiker  # the same journey alone on the warm server: the "1 user" column
    geheugen: Geheugen
    cpu: Cpu
    last_s: float
    totaal_s: float
    cpu_per_s: list[float]


def kwantiel(waarden: list[float], q: float) -> float:
    """Nearest-rank quantile: with few samples p95 is an observed value, not an interpolation."""
    geordend = sorted(waarden)
    return geordend[max(0, min(len(geordend) - 1, round(q * len(geordend) + 0.5) - 1))]


def tabelregel(naam: str, tijden: list[float], alleen: list[float]) -> str:
    een = f"{statistics.median(alleen):.2f}" if alleen else "-"
    return f"{naam:<32}{len(tijden):>5}{een:>9}{kwantiel(tijden, .5):>9.2f}{kwantiel(tijden, .95):>9.2f}{max(tijden):>9.2f}"


def rapport(u: Uitslag) -> int:
    """Print the table and the figures; the exit code is 1 when there was any error."""
    a, m = u.args, u.geheugen
    metingen = [x for g in u.gebruikers for x in g.metingen]
    fouten = [f for g in (u.opwarm, u.basis, *u.gebruikers) for f in g.fouten]
    print(f"\nLoad test: {a.gebruikers} users x {a.rondes} rounds, {a.browsers} headless Chromium browser(s), "
          f"one context per user; stagger {a.spreiding} s, think time {0.5 * a.denktijd:.2f}-{1.5 * a.denktijd:.2f} s, "
          f"poll {POLL_MS} ms")
    print(f"Machine: {os.cpu_count()} cores, {mem_totaal_gb():.0f} GB RAM; server and browsers on the same machine\n")
    kop = f"{'action':<32}{'n':>5}{'1 user':>9}{'p50':>9}{'p95':>9}{'max':>9}"
    print(kop + "   (seconds; '1 user': median of the same journey alone on the warm server)")
    print("-" * len(kop))
    for naam in dict.fromkeys(x.actie for x in metingen):
        print(tabelregel(naam, [x.seconden for x in metingen if x.actie == naam],
                         [x.seconden for x in u.basis.metingen if x.actie == naam]))
    print("-" * len(kop))
    if metingen:
        print(tabelregel("all actions", [x.seconden for x in metingen], [x.seconden for x in u.basis.metingen]))
    print(f"\nClicks done: {len(metingen)}; users that finished every round: "
          f"{sum(g.afgerond for g in u.gebruikers)} of {a.gebruikers}")
    print(f"Errors: {len(fouten)} -> {'PASS' if not fouten else 'FAIL'}")
    for f in fouten[:15]:
        print(f"  {f}")
    if len(fouten) > 15:
        print(f"  ... and {len(fouten) - 15} more")
    print(f"\nServer RSS: after start {m.start:.0f} MB, idle after warm-up {m.idle:.0f} MB, peak {m.piek:.0f} MB, "
          f"all {a.gebruikers} sessions open at the end {m.open:.0f} MB, {NA_S:.0f} s after closing {m.na:.0f} MB")
    print(f"Memory per session: (peak - idle) / users = {(m.piek - m.idle) / a.gebruikers:.1f} MB; "
          f"(sessions open - idle) / users = {(m.open - m.idle) / a.gebruikers:.1f} MB")
    c, w = u.cpu, u.last_s or 1
    overig = max(0.0, c.machine_s - c.server_s - c.generator_s)
    print(f"CPU during the load ({u.last_s:.0f} s, {os.cpu_count()} cores), average cores used: server {c.server_s / w:.2f} "
          f"(busiest second {max(u.cpu_per_s, default=0):.2f}), browsers + Playwright + this script "
          f"{c.generator_s / w:.2f}, other processes on the machine {overig / w:.2f}")
    print(f"Duration: {u.totaal_s:.0f} s in total, of which the load {u.last_s:.0f} s")
    return 1 if fouten else 0


NA_S = 3.0  # seconds after closing the contexts before the "after" RSS


def mem_totaal_gb() -> float:
    regel = next(r for r in Path("/proc/meminfo").read_text().splitlines() if r.startswith("MemTotal:"))
    return int(regel.split()[1]) / 1024 / 1024


async def alleen(browser: Browser, nr: int, url: str, a: argparse.Namespace, rondes: int) -> Gebruiker:
    """One user on its own (warm-up, baseline); its context is closed afterwards."""
    g = await nieuwe_gebruiker(browser, nr, url, a)
    await loop(g, rondes, a.denktijd)
    g.actief = False
    await g.page.context.close()
    return g


async def belasting(browsers: list[Browser], url: str, a: argparse.Namespace) -> list[Gebruiker]:
    """All users, arriving ``--spreiding`` s apart; returns once every one is done (or failed)."""
    async def gebruiker(nr: int) -> Gebruiker:
        await asyncio.sleep((nr - 1) * a.spreiding)
        g = await nieuwe_gebruiker(browsers[(nr - 1) % len(browsers)], nr, url, a)
        await loop(g, a.rondes, a.denktijd)
        print(f"  user {nr} done: {len(g.metingen)} clicks, {len(g.fouten)} errors", flush=True)
        return g

    return list(await asyncio.gather(*(gebruiker(nr) for nr in range(1, a.gebruikers + 1))))


def reset_piek(pid: int) -> None:
    """Reset the process's peak RSS (VmHWM), so the load's peak is not the warm-up's."""
    Path(f"/proc/{pid}/clear_refs").write_text("5")


async def meet(a: argparse.Namespace) -> Uitslag:
    begin = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="bench-last-") as tmp, \
            app_server(omgeving={"WIJKKAART_OPSLAG": f"{tmp}/wijkkaart.sqlite"}) as url:
        pid = server_pid(url)
        rss_start = rss_mb(pid)
        async with async_playwright() as p:
            browsers = [await p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS) for _ in range(a.browsers)]
            print("warm-up: 1 user, 1 round (fills the server's caches) ...", flush=True)
            opwarm = await alleen(browsers[0], 0, url, a, 1)
            print(f"baseline: 1 user alone, {a.rondes} rounds ...", flush=True)
            basis = await alleen(browsers[0], 0, url, a, a.rondes)
            for f in opwarm.fouten + basis.fouten:
                print(f"  error (counted below): {f}", flush=True)
            await asyncio.sleep(2)
            rss_idle = rss_mb(pid)
            reset_piek(pid)

            print(f"load: {a.gebruikers} users ...", flush=True)
            monster = Bemonstering(pid)
            stop = asyncio.Event()
            bemonsteraar = asyncio.create_task(monster.loop(stop))
            cpu0 = Cpu(cpu_s(pid), eigen_cpu_s(pid), machine_cpu_s())
            t0 = time.perf_counter()
            gebruikers = await belasting(browsers, url, a)
            last_s = time.perf_counter() - t0
            cpu = Cpu(cpu_s(pid) - cpu0.server_s, eigen_cpu_s(pid) - cpu0.generator_s, machine_cpu_s() - cpu0.machine_s)
            stop.set()
            await bemonsteraar
            rss_open = rss_mb(pid)
            rss_piek = max([*monster.rss, rss_mb(pid, "VmHWM")])
            for g in gebruikers:
                g.actief = False
            for b in browsers:
                await b.close()
            await asyncio.sleep(NA_S)
            geheugen = Geheugen(rss_start, rss_idle, rss_piek, rss_open, rss_mb(pid))
    return Uitslag(a, gebruikers, opwarm, basis, geheugen, cpu, last_s, time.perf_counter() - begin, monster.cpu_per_s)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gebruikers", type=int, default=30, help="concurrent users (default 30)")
    parser.add_argument("--rondes", type=int, default=2, help="rounds of the journey per user (default 2)")
    parser.add_argument("--browsers", type=int, default=2, help="Chromium processes the users are spread over (default 2)")
    parser.add_argument("--spreiding", type=float, default=0.5, help="seconds between two users arriving (default 0.5)")
    parser.add_argument("--denktijd", type=float, default=1.0,
                        help="mean think time between clicks in s, uniform 0.5x-1.5x (default 1.0)")
    parser.add_argument("--timeout", type=float, default=60, help="seconds an action may take before it is an error (default 60)")
    parser.add_argument("--seed", type=int, default=1, help="seed of the users' random choices (default 1)")
    parser.add_argument("--artefacten", type=Path, nargs="?", const=ROOT / "test-artifacts", default=None,
                        help="save a screenshot of every failed action (default folder test-artifacts/)")
    a = parser.parse_args()
    return rapport(asyncio.run(meet(a)))


if __name__ == "__main__":
    sys.exit(main())
