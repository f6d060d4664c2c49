"""Load test: many users click through the wijkkaart at the same time, on loopback.

Run from the repository root:

    .venv/bin/python bench/bench_last.py                      # 30 websocket users, 2 rounds each
    .venv/bin/python bench/bench_last.py --modus browser --gebruikers 8
    .venv/bin/python bench/bench_last.py --postgis                         # store in PostGIS
    .venv/bin/python bench/bench_last.py --processen 2                     # 2 app processes behind nginx

The journey, per round: open the Kaart, switch an opgave pill, colour the map by another
indicator, click a buurt on the map, choose another buurt in the "Buurt" list, open its
Buurtprofiel, the Raadsoverzicht (and switch it between buurten and wijken), the Presentatie and
three steps forward; the next round starts with "Sluiten" back to the Kaart. Users arrive
``--spreiding`` s apart and think 0.5-1.5 x ``--denktijd`` s between clicks.

Two kinds of user:

* ``--modus browser``: every user is its own Chromium context (own cache, session, websocket)
  that really clicks. Realistic end to end, but on a 2-core machine 30 Streamlit front ends
  need more CPU than the server does, so the figures then say more about Chromium than about
  the app.
* ``--modus ws`` (default): first ``--opnames`` users click the journey in Chromium, alone, and
  every message their page sends to the server is recorded. Then each websocket user opens its
  own Streamlit session, downloads what the page downloaded on its first visit, and sends one
  recording's messages byte for byte, each after a think time and once the previous script run
  has finished. For the server these are sessions like a browser's, with the same downloads and
  the same messages; only the drawing is left out, which a real visitor's own machine does.

A browser response time runs from the click (the page's own ``pointerdown``, or the Python time
of ``goto`` / the mouse click on the map iframe) until no script runs (``stApp`` is
``notRunning``) and the page shows what the click is for (map redrawn, symbols gone, profile
heading, slide number), which only the run the click started can put there. The page checks
that every ``POLL_MS`` ms. A websocket response time runs from sending the message until its
run's ``script_finished`` arrived; the answer must hold the text a browser would wait for (the
buurt's caption, the slide's label, ...). Opening the Kaart includes downloading the page, its
scripts and the map component.

Errors, which must be 0: an exception in the page or in the server's answer, an HTTP response
>= 400 or a failed request, a request off loopback (blocked), an uncaught JavaScript error, the
websocket closing while the user is active, an expected text missing, and an action not done
within ``--timeout``. A user stops at its first failed action. A click after which the page sent
nothing to the server within ``HERKLIK_S`` (the front end lost it, e.g. while a list scrolled) is
clicked again, as a person would; the time still runs from the first click and the report
counts these repeats.

``--processen N`` starts N app processes on one store and puts nginx in front of them
(deploy/nginx-wijkkaart.conf, via bench/nginx.py; ``--nginx`` does so for one process, to compare
like with like). nginx keeps every user on one process by its ``wijkkaart_server`` cookie: a
websocket user sends a cookie of its own with every request, as a browser does after its first.

Server memory comes from ``/proc/<pid>/status`` (VmRSS; VmHWM reset before the load), CPU from
``/proc/<pid>/stat`` and ``/proc/stat``; with several app processes they are summed. Exit code 1
when there was any error.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import html
import os
import random
import re
import ssl
import statistics
import sys
import tempfile
import time
import urllib.request
from collections.abc import Awaitable, Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # so `tests.e2e` imports when run as a script

import websockets
from playwright.async_api import (
    Browser,
    Locator,
    Page,
    Request,
    Route,
    async_playwright,
)
from playwright.async_api import Error as PlaywrightError
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from app import settings as s
from bench import nginx
from geo.opslag import OPSLAG_OMGEVING
from geo.schema import OPGAVEN
from tests import postgis
from tests.e2e.conftest import BASISPAD_PROBE
from tests.e2e.server import CHROMIUM, CHROMIUM_ARGS, app_server, server_pid

VIEWPORT = {"width": 1440, "height": 1000}
POLL_MS = 25  # how often the page checks whether an action is done (the browser times' resolution)
HERKLIK_S = 5.0  # no message to the server this long after a click: the page lost it, click again
MAX_HERKLIK = 2
EXPECTED_BUURTEN = 43
MAP_IFRAME = 'iframe[title="streamlit_folium.st_folium"]'
# Only requests that leave loopback are intercepted (the regex is matched in Playwright's driver,
# so loopback traffic never makes a round trip to Python). data:, blob: and about: have no "//".
OFF_LOOPBACK = re.compile(r"^(?!https?://(?:127\.0\.0\.1|localhost|\[::1\])(?::\d+)?/)[a-z][a-z0-9+.-]*://")
CLK_TCK = os.sysconf("SC_CLK_TCK")
NA_S = 3.0  # seconds after closing the sessions before the "after" RSS
HTTP_PER_GEBRUIKER = 6  # parallel downloads per websocket user, as a browser opens per host
SERVER_COOKIE = "wijkkaart_server"  # nginx chooses a user's app process by it (deploy/nginx-wijkkaart.conf)
ZELF_GETEKEND = ssl._create_unverified_context()  # nginx's throw-away certificate (bench/nginx.py)
FINISHED_EARLY_FOR_RERUN = ForwardMsg.ScriptFinishedStatus.FINISHED_EARLY_FOR_RERUN
FINISHED_SUCCESSFULLY = ForwardMsg.ScriptFinishedStatus.FINISHED_SUCCESSFULLY

# Runs in every top-level page before Streamlit's own scripts. It logs every pointerdown (the
# start of a click) and, for the error message of a timeout, each change of the app's script
# state, with Date.now() times: the same wall clock as Python's time.time(). `klaar(a)` is what
# the Python side waits for after an action.
INIT_SCRIPT = """
(() => {
  if (window !== window.top) return;
  const w = (window.__wkLast = { states: [], clicks: [] });
  const app = () => document.querySelector('[data-testid="stApp"]');
  let last = null;
  const log = (t, state) => { if (state !== last) { last = state; w.states.push({ t, state }); } };
  new MutationObserver((records) => {
    const t = Date.now();
    records.forEach((r, i) => {
      if (r.type !== "attributes") return;
      const next = records.slice(i + 1).find((q) => q.type === "attributes" && q.target === r.target);
      log(t, next ? next.oldValue : r.target.getAttribute("data-test-script-state"));
    });
    const a = app();
    if (a) log(t, a.getAttribute("data-test-script-state"));
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
      const nieuw = [...polygons(mapDoc())].filter((e) => !e.hasAttribute("data-wk-oud"));
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
  // Done when: no exception shown; the click was seen; no script is running; and the page shows
  // what the click is for, which only the run the click started can have put there. (Not "a
  // "running" state was seen after the click": a busy page renders a short run's running and
  // finished states in one go, so "running" never shows.) Returns the click and done times.
  w.klaar = (a) => {
    const fout = document.querySelector('[data-testid="stException"]');
    if (fout) return { fout: "exception in the page: " + fout.innerText.slice(0, 300) };
    const start = a.start !== null ? a.start : w.clicks[a.klik];
    if (start === undefined) return null;
    const s = app();
    if (!s || s.getAttribute("data-test-script-state") !== "notRunning") return null;
    if (!checks[a.soort](a.p)) return null;
    return { start, eind: Date.now() };
  };
})();
""".replace("__IFRAME__", MAP_IFRAME).replace("__BUURTEN__", str(EXPECTED_BUURTEN))

WAIT_JS = "(a) => window.__wkLast && window.__wkLast.klaar(a)"

# For the error message of a timeout: script states relative to the action's start.
DIAGNOSE_JS = """
(a) => {
  const w = window.__wkLast;
  const start = a.start !== null ? a.start : w.clicks[a.klik];
  const rel = (t) => start === undefined ? t : ((t - start) / 1000).toFixed(2);
  return "click seen: " + (start !== undefined) + "; states since: "
    + w.states.filter((e) => start === undefined || e.t >= start - 2000).map((e) => `${e.state}@${rel(e.t)}`).join(" ");
}
"""

# Evaluated in the Kaart page: for each buurt on screen, the points of a coarse grid over it that
# hit the polygon itself (not a symbol or an outline on top), in page coordinates.
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
    const code = [...pad.classList].find((c) => c.startsWith("wk-BU")).slice(3);
    const punten = [];
    for (let fy = 0.2; fy < 0.85; fy += 0.1) for (let fx = 0.2; fx < 0.85; fx += 0.1) {
      const [x, y] = [r.left + r.width * fx, r.top + r.height * fy];
      if (d.elementFromPoint(x, y) === pad) punten.push([Math.round(vak.left + x), Math.round(vak.top + y)]);
    }
    if (punten.length) uit.push({ code, punten });
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


Klik = Callable[[], Awaitable[None]]


@dataclass(frozen=True)
class Stap:
    """One action's click (repeatable when the page lost it) and what must show after it."""

    soort: str  # a key of `checks` in INIT_SCRIPT
    klik: Klik
    p: dict[str, Any] = field(default_factory=dict)
    python_start: bool = False  # the clock starts in Python: goto, or a click inside the map iframe
    herhaalbaar: bool = True  # False for goto: a page load is not a click that can get lost


@dataclass(frozen=True)
class Meting:
    gebruiker: int
    ronde: int
    actie: str
    seconden: float
    start_ms: float = 0.0  # epoch ms; browser users only (to cut the recording into actions)
    eind_ms: float = 0.0
    herklikken: int = 0
    server_cpu_s: float | None = None  # the lone websocket user: server CPU its action cost


@dataclass
class Deelnemer:
    """What every kind of user collects: its times and its errors."""

    nr: int
    rng: random.Random
    fouten: list[str] = field(default_factory=list)
    metingen: list[Meting] = field(default_factory=list)
    afgerond: bool = False  # every round done without an error
    actief: bool = True  # the websocket may only close once the user is done

    def fout(self, tekst: str) -> None:
        self.fouten.append(f"user {self.nr}: {tekst}")


@dataclass
class Gebruiker(Deelnemer):
    """A browser user: a Chromium context and its page."""

    page: Page | None = None
    url: str = ""
    timeout_s: float = 60.0
    artefacten: Path | None = None  # where a screenshot of each failed action goes
    verzonden: list[tuple[float, bytes]] = field(default_factory=list)  # rerun messages the page sent
    eerste_bezoek: list[str] = field(default_factory=list)  # loopback URLs of the first page load
    opname_merktekens: list[tuple[str, ...]] = field(default_factory=list)  # per measured action
    kaartklikken: set[tuple[int, int]] = field(default_factory=set)  # points clicked on the map

    async def kliks(self) -> int:
        """How many pointerdowns the page has seen: the next one is the action's click."""
        return await self.page.evaluate("() => window.__wkLast ? window.__wkLast.clicks.length : 0")

    def verzonden_sinds(self, t_ms: float) -> bool:
        return any(t >= t_ms for t, _ in self.verzonden)

    async def probeer(self, arg: dict[str, Any], venster_s: float) -> dict[str, Any] | None:
        """The page's verdict on the action, or None when it is not done within ``venster_s``."""
        try:
            handle = await self.page.wait_for_function(WAIT_JS, arg=arg, polling=POLL_MS, timeout=venster_s * 1000)
        except PlaywrightError as exc:
            if "Timeout" in str(exc):
                return None
            raise
        return await handle.json_value()

    async def doe(self, stap: Stap) -> tuple[float, float, int]:
        """Click, then wait until the page shows the result; click again if the page sent nothing.

        Returns the click and done times (epoch ms) and how often the click was repeated.
        """
        n = await self.kliks()
        t_klik = time.time() * 1000
        await stap.klik()
        t_eerste = t_klik
        arg = {"soort": stap.soort, "p": stap.p, "start": t_klik if stap.python_start else None, "klik": n}
        einde, herklikken = time.monotonic() + self.timeout_s, 0
        while (rest := einde - time.monotonic()) > 0:
            kan_herhalen = stap.herhaalbaar and herklikken < MAX_HERKLIK
            venster = min(rest, HERKLIK_S) if kan_herhalen else rest
            uit = await self.probeer(arg, venster)
            if uit is not None:
                if "fout" in uit:
                    raise ActieFout(uit["fout"])
                return uit["start"], uit["eind"], herklikken
            if kan_herhalen and not self.verzonden_sinds(t_klik):
                herklikken += 1
                t_klik = time.time() * 1000
                await stap.klik()
        staat = await self.page.evaluate(DIAGNOSE_JS, arg)
        berichten = sum(1 for t, _ in self.verzonden if t >= t_eerste)
        raise ActieFout(f"not done within {self.timeout_s:.0f} s (expected {stap.soort} {stap.p}; {staat}; "
                        f"clicked {herklikken + 1}x, messages to the server since: {berichten})")


# --- the browser actions; each returns its click and what to wait for ------------------------


async def kaart_openen(g: Gebruiker) -> Stap:
    async def klik() -> None:
        await g.page.goto(g.url, wait_until="commit")

    return Stap("kaart", klik, python_start=True, herhaalbaar=False)


async def opgave_filter(g: Gebruiker) -> Stap:
    """Switch one opgave pill: off when it is on, back on when an earlier round switched it off."""
    opgave = g.rng.choice(OPGAVEN)
    pil = g.page.locator('[data-testid="stSidebar"]').get_by_role("button", name=opgave, exact=True)
    aan = await pil.get_attribute("aria-pressed") != "true"
    return Stap("filter", pil.click, {"opgave": opgave, "aan": aan})


async def open_lijst(vak: Locator) -> None:
    """Open a chooser. A click on the field sometimes leaves the list closed (it landed during a
    redraw of the field); a user then clicks again, and so does this, on the field's arrow."""
    opties = vak.page.get_by_role("option")
    await vak.get_by_role("combobox").click()
    try:
        await opties.first.wait_for(timeout=3000)
    except PlaywrightError:
        await vak.get_by_role("button", name="Open").click()
        await opties.first.wait_for()
    # Read the list before choosing, as a user does: the list scrolls its chosen option into view
    # just after it opens, and a click during that scroll is lost.
    await vak.page.wait_for_timeout(400)


async def andere_opties(vak: Locator) -> list[str]:
    """Open the chooser; its options other than the chosen one (react-aria marks that one)."""
    await open_lijst(vak)
    paren = await vak.page.get_by_role("option").evaluate_all(
        "es => es.map(e => [e.getAttribute('aria-selected'), e.textContent.trim()])")
    return [tekst for gekozen, tekst in paren if gekozen != "true" and tekst]


def kies_optie(vak: Locator, optie: str) -> Klik:
    """The final click on an option; when repeated, it first opens the list again if it closed."""
    async def klik() -> None:
        if not await vak.page.get_by_role("listbox").count():
            await open_lijst(vak)
        await vak.page.get_by_role("option", name=optie, exact=True).click()

    return klik


async def indicator(g: Gebruiker) -> Stap | None:
    """Colour the map by another indicator from the list (what the opgave filter leaves)."""
    vak = g.page.locator('[data-testid="stSidebar"] [data-testid="stSelectbox"]').filter(
        has=g.page.get_by_role("combobox", name=s.LABEL_INDICATOR))
    andere = await andere_opties(vak)
    if not andere:
        await g.page.keyboard.press("Escape")
        return None
    keuze = g.rng.choice(andere)
    # Mark the polygons drawn now: the new colours come with a newly built map.
    await g.page.evaluate(
        "(s) => document.querySelector(s).contentDocument.querySelectorAll('path.wk-buurt')"
        ".forEach((e) => e.setAttribute('data-wk-oud', ''))", MAP_IFRAME)
    return Stap("indicator", kies_optie(vak, keuze), {"label": keuze})


async def buurt_op_kaart(g: Gebruiker) -> Stap:
    """Click inside a buurt polygon on the map (not on a symbol), another than the chosen one."""
    gekozen = await g.page.evaluate(GEKOZEN_BUURT_JS)
    kandidaten = [b for b in await g.page.evaluate(BUURTEN_OP_SCHERM_JS) if b["code"] != gekozen]
    if not kandidaten:
        raise ActieFout("no buurt on the map to click")
    buurt = g.rng.choice(kandidaten)
    # A random point of the polygon, as a hand would land, and never one clicked before: the app
    # ignores a click on exactly the point it handled last (map_view.KLIK_KEY), even when another
    # buurt was chosen in the list since.
    x, y = g.rng.choice([tuple(p) for p in buurt["punten"] if tuple(p) not in g.kaartklikken] or buurt["punten"])
    g.kaartklikken.add((x, y))

    async def klik() -> None:
        await g.page.mouse.click(x, y)

    return Stap("buurt", klik, {"code": buurt["code"]}, python_start=True)


async def buurt_in_lijst(g: Gebruiker) -> Stap:
    """Open the "Buurt" chooser next to the map and pick another buurt from what it shows."""
    vak = g.page.locator('[data-testid="stMain"] [data-testid="stSelectbox"]').filter(
        has=g.page.get_by_role("combobox", name="Buurt", exact=True))
    andere = [o for o in await andere_opties(vak) if re.search(r"\((BU\d+)\)$", o)]
    if not andere:
        raise ActieFout("the Buurt list shows no other buurt")
    keuze = g.rng.choice(andere)
    return Stap("buurt", kies_optie(vak, keuze), {"code": re.search(r"\((BU\d+)\)$", keuze)[1]})


async def buurtprofiel(g: Gebruiker) -> Stap:
    code = await g.page.evaluate(GEKOZEN_BUURT_JS)
    link = g.page.get_by_role("link", name=re.compile("^Volledig buurtprofiel van"))
    return Stap("profiel", link.click, {"code": code})


def navigatie(g: Gebruiker, titel: str) -> Klik:
    return g.page.locator('[data-testid="stSidebarNav"] a').filter(has_text=re.compile(f"^{titel}$")).click


async def raadsoverzicht(g: Gebruiker) -> Stap:
    return Stap("raad", navigatie(g, s.PAGINA_RAAD.titel))


async def raad_indeling(g: Gebruiker) -> Stap:
    """Switch the overview between buurten and wijken (whichever it does not show now)."""
    groep = g.page.get_by_role("radiogroup", name="Indeling")
    per_buurt = await groep.get_by_role("radio", name=s.NIVEAU_LABEL["buurt"]).get_attribute("aria-checked") == "true"
    niveau = "wijk" if per_buurt else "buurt"
    return Stap("indeling", groep.get_by_role("radio", name=s.NIVEAU_LABEL[niveau]).click, {"niveau": niveau})


async def presentatie(g: Gebruiker) -> Stap:
    return Stap("dia", navigatie(g, s.PAGINA_PRESENTATIE.titel), {"stap": 1})


async def volgende_stap(g: Gebruiker) -> Stap:
    label = await g.page.locator("section.wk-dia").get_attribute("aria-label")
    stap = int(re.match(r"Stap (\d+) van", label)[1])
    return Stap("dia", g.page.locator(".st-key-dia_volgende button").click, {"stap": stap + 1})


async def sluiten(g: Gebruiker) -> Stap:
    """From the presentation back to the Kaart (the presentation hides the sidebar)."""
    return Stap("kaart", g.page.get_by_role("link", name="Sluiten").click)


Actie = Callable[[Gebruiker], Awaitable[Stap | None]]
KAART_OPENEN = "Kaart openen (nieuwe sessie)"
# (label in the report, action). Round 1 starts with KAART_OPENEN, later rounds with "Sluiten".
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


def reis(ronde: int) -> list[tuple[str, Actie]]:
    return [(KAART_OPENEN, kaart_openen) if ronde == 0 else ("Kaart via Sluiten", sluiten), *REIS]


def merktekens(stap: Stap) -> tuple[str, ...]:
    """Texts the server's answer to this action must hold: what the browser check waits for."""
    p = stap.p
    return {
        "kaart": ("streamlit_folium.st_folium",),
        "indicator": (html.escape(p.get("label", "")),),
        "buurt": (f"Buurt {p.get('code')}, wijk",),
        "profiel": (f"Buurt {p.get('code')} in wijk",),
        "raad": ("Eén kaart per indicator",),
        "dia": (f"Stap {p.get('stap')} van",),
    }.get(stap.soort, ())


# --- one browser user -------------------------------------------------------------------------


def is_rerun(payload: str | bytes) -> bool:
    """Whether a frame the page sent asks the server for a script run (a click reached it)."""
    if isinstance(payload, str):
        return False
    bericht = BackMsg()
    bericht.ParseFromString(payload)
    return bericht.WhichOneof("type") == "rerun_script"


async def nieuwe_gebruiker(browser: Browser, nr: int, url: str, a: argparse.Namespace) -> Gebruiker:
    """A fresh context that reaches only loopback, with every error source wired to the user."""
    context = await browser.new_context(viewport=VIEWPORT, ignore_https_errors=True)  # nginx's own certificate
    page = await context.new_page()
    g = Gebruiker(nr, random.Random(a.seed * 1000 + nr), page=page, url=url, timeout_s=a.timeout, artefacten=a.artefacten)

    async def blokkeer(route: Route) -> None:
        g.fout(f"request off loopback blocked: {route.request.url}")
        await route.abort()

    def verzoek(r: Request) -> None:
        if not g.metingen and r.method == "GET" and not r.url.startswith(("data:", "blob:", "ws:", "wss:")):
            g.eerste_bezoek.append(r.url)

    await context.route(OFF_LOOPBACK, blokkeer)
    await context.add_init_script(INIT_SCRIPT)
    page.on("request", verzoek)
    page.on("requestfailed", lambda r: g.fout(f"request failed: {r.url} {r.failure}"))
    page.on("response", lambda r: r.status >= 400 and not BASISPAD_PROBE.match(r.url)
            and g.fout(f"HTTP {r.status}: {r.url}"))
    page.on("pageerror", lambda e: g.fout(f"JavaScript error: {e}"))

    def websocket(ws: Any) -> None:
        ws.on("close", lambda _ws: g.actief and g.fout(f"websocket closed: {ws.url}"))
        ws.on("framesent", lambda p: is_rerun(p) and g.verzonden.append((time.time() * 1000, p)))

    page.on("websocket", websocket)
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


async def denk(d: Deelnemer, denktijd: float) -> None:
    await asyncio.sleep(d.rng.uniform(0.5 * denktijd, 1.5 * denktijd))


async def browser_reis(g: Gebruiker, rondes: int, denktijd: float) -> None:
    """The scripted journey in the browser; stops at the first failed action."""
    for ronde in range(rondes):
        for naam, actie in reis(ronde):
            if naam != KAART_OPENEN:
                await denk(g, denktijd)
            try:
                stap = await actie(g)
                if stap is None:
                    continue
                start, eind, herklikken = await g.doe(stap)
                g.metingen.append(Meting(g.nr, ronde, naam, (eind - start) / 1000, start, eind, herklikken))
                g.opname_merktekens.append(merktekens(stap))
            except (ActieFout, PlaywrightError) as exc:
                g.fout(f"round {ronde + 1}, {naam}: {str(exc).splitlines()[0][:400]}")
                await schermafdruk(g)
                return
    g.afgerond = True


# --- recording and replaying over the websocket -----------------------------------------------


@dataclass(frozen=True)
class OpgenomenActie:
    """The messages one browser action sent, and the texts the answer must hold."""

    naam: str
    ronde: int
    berichten: tuple[bytes, ...]  # sent before the action was done: timed
    nasleep: tuple[bytes, ...]  # sent after it (e.g. a component reporting back): replayed, untimed
    merktekens: tuple[str, ...]


@dataclass(frozen=True)
class Opname:
    """A browser journey as the server saw it: first-visit downloads and every message."""

    eerste_bezoek: tuple[str, ...]
    acties: tuple[OpgenomenActie, ...]


def opname_van(g: Gebruiker) -> Opname:
    """Cut the page's messages into actions by the actions' click and done times."""
    acties = []
    for i, m in enumerate(g.metingen):
        tot = g.metingen[i + 1].start_ms if i + 1 < len(g.metingen) else float("inf")
        binnen = [(t, p) for t, p in g.verzonden if m.start_ms <= t < tot]
        acties.append(OpgenomenActie(m.actie, m.ronde, tuple(p for t, p in binnen if t <= m.eind_ms),
                                     tuple(p for t, p in binnen if t > m.eind_ms), g.opname_merktekens[i]))
    # /media/ files belong to the recorded session (a download's file): another session has its own.
    eerste = tuple(dict.fromkeys(u for u in g.eerste_bezoek
                                 if urlparse(u).path != "/_stcore/stream" and not urlparse(u).path.startswith("/media/")))
    return Opname(eerste, tuple(acties))


@dataclass
class WsGebruiker(Deelnemer):
    """A websocket user: one Streamlit session that replays a recorded journey."""

    cache: dict[str, bytes] = field(default_factory=dict)  # messages by hash, for ref_hash answers
    server_pids: tuple[int, ...] = ()  # set for the lone user: then each action's server CPU is measured
    klaar: asyncio.Event = field(default_factory=asyncio.Event)  # the journey is over (done or failed)

    @property
    def cookie(self) -> str:
        """What a browser sends once nginx has placed it: the same user always on the same process."""
        return f"{SERVER_COOKIE}={random.Random(self.nr).getrandbits(64):016x}"

    def server_cpu(self) -> float | None:
        return cpu_som(self.server_pids) if self.server_pids else None


def download(url: str, cookie: str) -> None:
    verzoek = urllib.request.Request(url, headers={"Cookie": cookie})
    with urllib.request.urlopen(verzoek, timeout=60, context=ZELF_GETEKEND if url.startswith("https:") else None) as antwoord:
        antwoord.read()


async def downloads(w: WsGebruiker, urls: list[str]) -> None:
    """Fetch what the browser fetched, a few at a time; a failure is an error."""
    poort = asyncio.Semaphore(HTTP_PER_GEBRUIKER)
    lus = asyncio.get_running_loop()

    async def een(url: str) -> None:
        async with poort:
            try:
                await lus.run_in_executor(None, download, url, w.cookie)
            except OSError as exc:
                if not BASISPAD_PROBE.match(url):
                    raise ActieFout(f"download failed: {url} {exc}") from None

    await asyncio.gather(*(een(u) for u in urls))


async def antwoord(w: WsGebruiker, ws: Any, merk: tuple[str, ...]) -> None:
    """Read the server's messages until the script run has really finished; check what came."""
    ontvangen: list[bytes] = []
    while True:
        data = await ws.recv()
        bericht = ForwardMsg()
        bericht.ParseFromString(data)
        soort = bericht.WhichOneof("type")
        if bericht.hash:
            w.cache[bericht.hash] = data
        ontvangen.append(w.cache.get(bericht.ref_hash, b"") if soort == "ref_hash" else data)
        if soort == "delta" and bericht.delta.WhichOneof("type") == "new_element" \
                and bericht.delta.new_element.WhichOneof("type") == "exception":
            raise ActieFout(f"exception in the answer: {bericht.delta.new_element.exception.message[:300]}")
        if soort == "page_not_found":
            raise ActieFout("the server answered 'page not found'")
        if soort == "script_finished" and bericht.script_finished != FINISHED_EARLY_FOR_RERUN:
            if bericht.script_finished != FINISHED_SUCCESSFULLY:
                raise ActieFout(f"script run ended with status {bericht.script_finished}")
            break
    alles = b"".join(ontvangen)
    ontbreekt = [t for t in merk if t.encode() not in alles]
    if ontbreekt:
        raise ActieFout(f"the answer lacks {ontbreekt}")


async def speel(w: WsGebruiker, ws: Any, actie: OpgenomenActie, timeout_s: float) -> None:
    """Send an action's messages, each once the previous run finished; then its aftermath."""
    for i, bericht in enumerate(actie.berichten):
        await ws.send(bericht)
        await asyncio.wait_for(antwoord(w, ws, actie.merktekens if i == len(actie.berichten) - 1 else ()), timeout_s)
    for bericht in actie.nasleep:
        await ws.send(bericht)
        await asyncio.wait_for(antwoord(w, ws, ()), timeout_s)


async def ws_reis(w: WsGebruiker, url: str, opname: Opname, a: argparse.Namespace, blijf: asyncio.Event,
                  denktijd: float) -> None:
    """Replay a recording in a session of its own. Sets ``w.klaar`` when the journey is over, and
    keeps the session open until ``blijf`` is set: memory is measured with every session open."""
    stroom = url.replace("http", "ws", 1) + "/_stcore/stream"  # ws:// or, behind nginx, wss://
    pagina = [u for u in opname.eerste_bezoek if not urlparse(u).path.startswith(("/component/", "/app/static/"))]
    kaart = [u for u in opname.eerste_bezoek if u not in pagina]
    try:
        start, cpu = time.perf_counter(), w.server_cpu()
        await downloads(w, pagina)  # the page and Streamlit's front end, then the session
        async with websockets.connect(stroom, subprotocols=["streamlit"], max_size=None, additional_headers={"Cookie": w.cookie},
                                      ssl=ZELF_GETEKEND if stroom.startswith("wss:") else None) as ws:
            for i, actie in enumerate(opname.acties):
                try:
                    if i:
                        await denk(w, denktijd)
                        start, cpu = time.perf_counter(), w.server_cpu()
                    await speel(w, ws, actie, a.timeout)
                    if actie.naam == KAART_OPENEN:
                        await downloads(w, kaart)  # the map component's page, Leaflet, the app's CSS/JS
                    kosten = None if cpu is None else w.server_cpu() - cpu
                    w.metingen.append(Meting(w.nr, actie.ronde, actie.naam, time.perf_counter() - start, server_cpu_s=kosten))
                except (ActieFout, TimeoutError) as exc:
                    w.fout(f"round {actie.ronde + 1}, {actie.naam}: {exc or 'not done within the timeout'}")
                    return
            w.afgerond = True
            w.klaar.set()
            await blijf.wait()
            w.actief = False
    except (OSError, websockets.ConnectionClosed, ActieFout) as exc:
        if w.actief:
            w.fout(f"connection: {type(exc).__name__}: {exc}")
    finally:
        w.klaar.set()


# --- the server process -----------------------------------------------------------------------


def rss_mb(pid: int, veld: str = "VmRSS") -> float:
    for regel in Path(f"/proc/{pid}/status").read_text().splitlines():
        if regel.startswith(veld + ":"):
            return int(regel.split()[1]) / 1024
    return 0.0


def reset_piek(pid: int) -> None:
    """Reset the process's peak RSS (VmHWM), so the load's peak is not the warm-up's."""
    Path(f"/proc/{pid}/clear_refs").write_text("5")


def cpu_s(pid: int) -> float:
    """User + system CPU seconds of the process so far."""
    velden = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(velden[11]) + int(velden[12])) / CLK_TCK


def rss_som(pids: tuple[int, ...], veld: str = "VmRSS") -> float:
    """RSS of the app processes together (of VmHWM: the sum of their peaks, an upper bound)."""
    return sum(rss_mb(pid, veld) for pid in pids)


def cpu_som(pids: Iterable[int]) -> float:
    """CPU seconds of the processes together; one that ended in the meantime counts no more."""
    totaal = 0.0
    for pid in pids:
        try:
            totaal += cpu_s(pid)
        except (OSError, IndexError):
            continue
    return totaal


def machine_cpu_s() -> float:
    """Busy CPU seconds of all cores together since boot (from /proc/stat)."""
    waarden = [int(v) for v in Path("/proc/stat").read_text().splitlines()[0].split()[1:8]]
    return (sum(waarden) - waarden[3] - waarden[4]) / CLK_TCK  # minus idle and iowait


def eigen_processen(servers: tuple[int, ...]) -> tuple[set[int], set[int]]:
    """This script and everything it started, the app servers left out, split in two: the load
    generator (Playwright's driver, the browsers) and the proxy (nginx), each costing CPU on the
    cores the servers use."""
    ouders: dict[int, int] = {}
    for proc in Path("/proc").iterdir():
        if proc.name.isdigit():
            try:
                ouders[int(proc.name)] = int((proc / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError):
                continue
    boom, nieuw = {os.getpid()}, True
    while nieuw:
        nieuw = {p for p, ouder in ouders.items() if ouder in boom and p not in boom and p not in servers}
        boom |= nieuw
    proxy = set()
    for p in boom:
        try:
            if (Path(f"/proc/{p}/comm")).read_text().strip() == "nginx":
                proxy.add(p)
        except OSError:
            continue  # ended in the meantime
    return boom - proxy, proxy


@dataclass(frozen=True)
class Cpu:
    """CPU seconds over the load phase: the app servers, the load generator, the proxy (nginx, if
    it runs) and the whole machine."""

    server_s: float
    generator_s: float
    proxy_s: float
    machine_s: float

    @staticmethod
    def nu(servers: tuple[int, ...]) -> Cpu:
        generator, proxy = eigen_processen(servers)
        return Cpu(cpu_som(servers), cpu_som(generator), cpu_som(proxy), machine_cpu_s())

    def sinds(self, eerder: Cpu) -> Cpu:
        return Cpu(self.server_s - eerder.server_s, self.generator_s - eerder.generator_s,
                   self.proxy_s - eerder.proxy_s, self.machine_s - eerder.machine_s)


@dataclass
class Bemonstering:
    """Server RSS and CPU sampled each second while the users work: peak memory, busiest second."""

    pids: tuple[int, ...]
    rss: list[float] = field(default_factory=list)
    cpu_per_s: list[float] = field(default_factory=list)  # server cores used per 1-s window

    async def loop(self, stop: asyncio.Event) -> None:
        vorige = (time.perf_counter(), cpu_som(self.pids))
        while not stop.is_set():
            try:
                await asyncio.wait_for(stop.wait(), timeout=1.0)
            except TimeoutError:
                pass
            nu = (time.perf_counter(), cpu_som(self.pids))
            self.cpu_per_s.append((nu[1] - vorige[1]) / (nu[0] - vorige[0]))
            self.rss.append(rss_som(self.pids))
            vorige = nu


# --- run and report ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Geheugen:
    """Server RSS in MB at the moments the report needs."""

    start: float  # right after the server answered its health check
    idle: float  # after the warm-up and the lone users left: data and caches loaded
    piek: float  # highest during the load (VmHWM, reset before the load, and the samples)
    open: float  # when every user is done but all sessions are still open
    na: float  # NA_S seconds after the users closed their connections


@dataclass
class Uitslag:
    args: argparse.Namespace
    gebruikers: list[Deelnemer]
    voorwerk: list[Deelnemer]  # warm-up, recordings and the lone baseline users: errors count
    alleen: dict[str, list[Meting]]  # column title -> times of users that were alone on the server
    geheugen: Geheugen
    cpu: Cpu
    last_s: float
    totaal_s: float
    cpu_per_s: list[float]


def kwantiel(waarden: list[float], q: float) -> float:
    """Nearest-rank quantile: with few samples p95 is an observed value, not an interpolation."""
    geordend = sorted(waarden)
    return geordend[max(0, min(len(geordend) - 1, round(q * len(geordend) + 0.5) - 1))]


def mediaan(tijden: list[float]) -> str:
    return f"{statistics.median(tijden):.2f}" if tijden else "-"


def rapport(u: Uitslag) -> int:
    """Print the table and the figures; the exit code is 1 when there was any error."""
    a, m = u.args, u.geheugen
    metingen = [x for g in u.gebruikers for x in g.metingen]
    fouten = [f for g in (*u.voorwerk, *u.gebruikers) for f in g.fouten]
    soort = (f"websocket users replaying {a.opnames} recorded browser journeys" if a.modus == "ws"
             else f"browser users in {a.browsers} headless Chromium process(es), one context each")
    print(f"\nLoad test: {a.gebruikers} {soort}; {a.rondes} rounds of {len(REIS) + 1} clicks; "
          f"stagger {a.spreiding} s, think time {0.5 * a.denktijd:.2f}-{1.5 * a.denktijd:.2f} s")
    servers = f"{a.processen} app process{'es' if a.processen > 1 else ''}" + (" behind nginx" if a.nginx else "")
    print(f"Machine: {os.cpu_count()} cores, {mem_totaal_gb():.0f} GB RAM; server ({servers}) and load generator on the "
          f"same machine; store: {'PostgreSQL/PostGIS (own server)' if a.postgis else 'SQLite'}\n")
    kop = f"{'action':<30}{'n':>5}" + "".join(f"{k:>10}" for k in u.alleen) + f"{'p50':>8}{'p95':>8}{'max':>8}"
    print(kop + "   seconds; 'alone': median with one user on the warm server")
    print("-" * len(kop))

    def regel(naam: str, kies: Callable[[Meting], bool]) -> str:
        t = [x.seconden for x in metingen if kies(x)]
        alleen = "".join(f"{mediaan([x.seconden for x in lijst if kies(x)]):>10}" for lijst in u.alleen.values())
        return f"{naam:<30}{len(t):>5}{alleen}{kwantiel(t, .5):>8.2f}{kwantiel(t, .95):>8.2f}{max(t):>8.2f}"

    for naam in dict.fromkeys(x.actie for x in metingen):
        print(regel(naam, lambda x, n=naam: x.actie == n))
    print("-" * len(kop))
    if metingen:
        print(regel("all actions", lambda _x: True))
    kosten = [x for x in u.alleen.get("ws", []) if x.server_cpu_s is not None]
    if kosten:
        per_actie = {n: statistics.median(x.server_cpu_s for x in kosten if x.actie == n) for n in dict.fromkeys(x.actie for x in kosten)}
        print("\nServer CPU per click, lone websocket user (median s): "
              + ", ".join(f"{n} {v:.2f}" for n, v in per_actie.items())
              + f"; mean over the journey {statistics.mean(x.server_cpu_s for x in kosten):.2f}")
    herklikken = sum(x.herklikken for x in metingen)
    print(f"\nClicks done: {len(metingen)}; users that finished every round: "
          f"{sum(g.afgerond for g in u.gebruikers)} of {a.gebruikers}"
          + (f"; clicks the page lost and the user repeated: {herklikken}" if a.modus == "browser" else ""))
    print(f"Errors: {len(fouten)} -> {'PASS' if not fouten else 'FAIL'}")
    for f in fouten[:15]:
        print(f"  {f}")
    if len(fouten) > 15:
        print(f"  ... and {len(fouten) - 15} more")
    if a.processen > 1:
        print(f"\nServer figures are the sum of the {a.processen} app processes (the peak: the sum of their peaks).")
    print(f"\nServer RSS: after start {m.start:.0f} MB, idle after warm-up {m.idle:.0f} MB, peak {m.piek:.0f} MB, "
          f"all {a.gebruikers} sessions open at the end {m.open:.0f} MB, {NA_S:.0f} s after they closed {m.na:.0f} MB")
    print(f"Memory per session: (peak - idle) / users = {(m.piek - m.idle) / a.gebruikers:.1f} MB; "
          f"(sessions open - idle) / users = {(m.open - m.idle) / a.gebruikers:.1f} MB")
    c, w = u.cpu, u.last_s or 1
    overig = max(0.0, c.machine_s - c.server_s - c.generator_s - c.proxy_s)
    print(f"CPU during the load ({u.last_s:.0f} s), average cores in use: server {c.server_s / w:.2f} "
          f"(busiest second {max(u.cpu_per_s, default=0):.2f}), load generator {c.generator_s / w:.2f}, "
          + (f"nginx {c.proxy_s / w:.2f}, " if a.nginx else "")
          + f"other processes {overig / w:.2f}; server CPU per click {c.server_s / max(1, len(metingen)):.3f} s")
    print(f"Duration: {u.totaal_s:.0f} s in total, of which the load {u.last_s:.0f} s")
    return 1 if fouten else 0


def mem_totaal_gb() -> float:
    regel = next(r for r in Path("/proc/meminfo").read_text().splitlines() if r.startswith("MemTotal:"))
    return int(regel.split()[1]) / 1024 / 1024


async def alleen_in_browser(browser: Browser, nr: int, url: str, a: argparse.Namespace, rondes: int,
                            denktijd: float) -> Gebruiker:
    """One browser user on its own (warm-up, recording, baseline); its context is closed after."""
    g = await nieuwe_gebruiker(browser, nr, url, a)
    await browser_reis(g, rondes, denktijd)
    g.actief = False
    await g.page.context.close()
    for f in g.fouten:
        print(f"  error (counted below): {f}", flush=True)
    return g


async def belasting(a: argparse.Namespace, start: Callable[[int], Awaitable[Deelnemer]]) -> list[Deelnemer]:
    """All users, arriving ``--spreiding`` s apart; returns once every one is done (or failed)."""
    async def gebruiker(nr: int) -> Deelnemer:
        await asyncio.sleep((nr - 1) * a.spreiding)
        d = await start(nr)
        print(f"  user {nr} done: {len(d.metingen)} clicks, {len(d.fouten)} errors", flush=True)
        return d

    return list(await asyncio.gather(*(gebruiker(nr) for nr in range(1, a.gebruikers + 1))))


@contextlib.contextmanager
def opslag(a: argparse.Namespace, tmp: str) -> Iterator[str]:
    """The app's store: a SQLite file in ``tmp``, or with ``--postgis`` a fresh database on a
    throw-away PostgreSQL server (tests/postgis.py), the store several app servers would share."""
    if not a.postgis:
        yield f"{tmp}/wijkkaart.sqlite"
        return
    server = postgis.start()
    try:
        yield server.nieuwe_database()
    finally:
        server.stop()


@contextlib.contextmanager
def app_servers(aantal: int, omgeving: dict[str, str]) -> Iterator[list[str]]:
    """``aantal`` app processes on the same store, as several servers behind one proxy."""
    with contextlib.ExitStack() as stapel:
        yield [stapel.enter_context(app_server(omgeving=omgeving)) for _ in range(aantal)]


async def meet(a: argparse.Namespace) -> Uitslag:
    begin = time.perf_counter()
    asyncio.get_running_loop().set_default_executor(ThreadPoolExecutor(max_workers=32))  # websocket users' downloads
    with tempfile.TemporaryDirectory(prefix="bench-last-") as tmp, opslag(a, tmp) as adres, \
            app_servers(a.processen, {OPSLAG_OMGEVING: adres}) as app_urls, \
            (nginx.nginx_voor(app_urls) if a.nginx else contextlib.nullcontext(app_urls[0])) as url:
        pids = tuple(server_pid(u) for u in app_urls)
        rss_start = rss_som(pids)
        async with async_playwright() as p:
            browsers = [await p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS) for _ in range(a.browsers)]
            print("warm-up: 1 browser user per app process, 1 quick round (fills its caches) ...", flush=True)
            # Directly at each process: through nginx the warm-up would reach only the one its cookie chose.
            voorwerk: list[Deelnemer] = [await alleen_in_browser(browsers[0], 0, u, a, 1, 0.2) for u in app_urls]
            aantal = a.opnames if a.modus == "ws" else 1
            print(f"alone: {aantal} browser user(s) one after the other, {a.rondes} rounds each"
                  + (" (recorded)" if a.modus == "ws" else "") + " ...", flush=True)
            # Alone, think time only spaces the clicks: keep it short so a long --denktijd does not
            # stretch the preparation.
            kort = min(a.denktijd, 1.0)
            eenlingen = [await alleen_in_browser(browsers[0], -i, url, a, a.rondes, kort) for i in range(1, aantal + 1)]
            voorwerk += eenlingen
            alleen = {"browser": [x for g in eenlingen for x in g.metingen]}
            if a.modus == "ws":
                for b in browsers:
                    await b.close()
                opnames = [opname_van(g) for g in eenlingen]
                print("alone: 1 websocket user replaying recording 1 ...", flush=True)
                blijf = asyncio.Event()
                blijf.set()
                basis = WsGebruiker(0, random.Random(a.seed), server_pids=pids)
                await ws_reis(basis, url, opnames[0], a, blijf, kort)
                voorwerk.append(basis)
                alleen["ws"] = basis.metingen
                blijf.clear()
                sessies: list[asyncio.Task[None]] = []

                async def start(nr: int) -> Deelnemer:
                    w = WsGebruiker(nr, random.Random(a.seed * 1000 + nr))
                    sessies.append(asyncio.create_task(ws_reis(w, url, opnames[(nr - 1) % len(opnames)], a, blijf,
                                                          a.denktijd)))
                    await w.klaar.wait()
                    return w
            else:
                async def start(nr: int) -> Deelnemer:
                    g = await nieuwe_gebruiker(browsers[(nr - 1) % len(browsers)], nr, url, a)
                    await browser_reis(g, a.rondes, a.denktijd)
                    return g

            await asyncio.sleep(2)
            rss_idle = rss_som(pids)
            for pid in pids:
                reset_piek(pid)
            print(f"load: {a.gebruikers} users ...", flush=True)
            monster, stop = Bemonstering(pids), asyncio.Event()
            bemonsteraar = asyncio.create_task(monster.loop(stop))
            cpu0, t0 = Cpu.nu(pids), time.perf_counter()
            gebruikers = await belasting(a, start)
            last_s, cpu = time.perf_counter() - t0, Cpu.nu(pids).sinds(cpu0)
            stop.set()
            await bemonsteraar
            rss_open, rss_piek = rss_som(pids), max([*monster.rss, rss_som(pids, "VmHWM")])
            for g in gebruikers:
                g.actief = False
            if a.modus == "ws":
                blijf.set()  # the websocket users close their connections
                await asyncio.gather(*sessies)
            else:
                for b in browsers:
                    await b.close()
            await asyncio.sleep(NA_S)
            geheugen = Geheugen(rss_start, rss_idle, rss_piek, rss_open, rss_som(pids))
    return Uitslag(a, gebruikers, voorwerk, alleen, geheugen, cpu, last_s, time.perf_counter() - begin, monster.cpu_per_s)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--modus", choices=("ws", "browser"), default="ws",
                        help="ws: websocket users replay recorded browser journeys (default); browser: every user a Chromium context")
    parser.add_argument("--gebruikers", type=int, default=30, help="concurrent users (default 30)")
    parser.add_argument("--rondes", type=int, default=2, help="rounds of the journey per user (default 2)")
    parser.add_argument("--opnames", type=int, default=2, help="browser journeys recorded for the ws users (default 2)")
    parser.add_argument("--browsers", type=int, default=2, help="Chromium processes the browser users share (default 2)")
    parser.add_argument("--spreiding", type=float, default=0.5, help="seconds between two users arriving (default 0.5)")
    parser.add_argument("--denktijd", type=float, default=1.0,
                        help="mean think time between clicks in s, uniform 0.5x-1.5x (default 1.0)")
    parser.add_argument("--timeout", type=float, default=60, help="seconds an action may take before it is an error (default 60)")
    parser.add_argument("--seed", type=int, default=1, help="seed of the users' random choices (default 1)")
    parser.add_argument("--postgis", action="store_true",
                        help="store in a throw-away PostgreSQL/PostGIS server instead of a SQLite file")
    parser.add_argument("--processen", type=int, default=1,
                        help="app processes on one store, behind nginx when more than 1 (default 1)")
    parser.add_argument("--nginx", action="store_true", help="nginx in front also of a single app process")
    parser.add_argument("--artefacten", type=Path, nargs="?", const=ROOT / "test-artifacts", default=None,
                        help="save a screenshot of every failed browser action (default folder test-artifacts/)")
    a = parser.parse_args()
    a.nginx = a.nginx or a.processen > 1
    if a.processen < 1:
        parser.error("--processen: at least 1")
    if a.nginx and not nginx.beschikbaar():
        parser.error("nginx and openssl are needed in front of the app processes (apt-get install nginx-light)")
    return rapport(asyncio.run(meet(a)))


if __name__ == "__main__":
    sys.exit(main())
