"""Benchmark the Kaart page: time to first map, time for a filter change, and bytes sent.

Run from the repository root:

    .venv/bin/python bench/bench_kaart.py [--runs N] [--save]

How it measures (see bench/README.md for the reasoning):

* Timing marks are taken *inside the browser*: an init script in the main page attaches a
  MutationObserver to the streamlit-folium iframe's document that logs a timestamp every time
  the map's state (number of buurt polygons, number of symbols per opgave) changes. Python
  polls that log every 10 ms, but the poll interval does not add to the figures: the reported
  time is the logged mark, converted to Python's perf_counter clock.
* Bytes come from a Chrome DevTools Protocol session on the page: HTTP body bytes
  (loadingFinished minus the response headers) plus websocket frames received. Events are
  assigned to a window by their CDP timestamp, not by when Python happened to see them.

It is a benchmark, not a test: it always exits 0.
"""

from __future__ import annotations

import argparse
import base64
import json
import math
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # so `tests.e2e.server` imports when run as a script

from playwright.sync_api import Browser, BrowserContext, CDPSession, Page, Route, sync_playwright  # noqa: E402
from playwright.sync_api import Error as PlaywrightError  # noqa: E402

from tests.e2e.server import CHROMIUM, CHROMIUM_ARGS, app_server, server_pid  # noqa: E402

RESULTS_DIR = ROOT / "bench" / "results"
MAP_IFRAME_TITLE = "streamlit_folium.st_folium"  # title attribute of the component's iframe
MAP_FRAME_URL_PART = "/component/streamlit_folium.st_folium/"  # path of the component document
EXPECTED_BUURTEN = 43
FILTER_OPGAVE = "Fijn en veilig wonen"  # the pill that is clicked off in the filter measurement
LOOPBACK = {"127.0.0.1", "localhost", "[::1]", "::1"}
VIEWPORT = {"width": 1440, "height": 1000}
POLL_MS = 10  # default; --poll-ms changes it (the marks do not depend on it, see wait_for_map)
QUIET_S = 1.0  # no network traffic for this long counts as "idle"

TARGET_FIRST_MAP_S = 2.0
TARGET_FILTER_S = 0.5
TARGET_FIRST_MAP_BYTES = 300_000

# Runs in the main page before its own scripts. It watches for the streamlit-folium iframe and,
# as soon as the iframe holds the component document, observes that document from the outside
# (same origin, so contentDocument is readable) and logs each change of the map's state with a
# high-resolution epoch timestamp (ms). It also logs clicks: the browser-side start of a filter
# change. Observing from the parent is deliberate: Chromium reuses the iframe's initial
# about:blank window for the same-origin component page, so an init script never runs in the
# component document itself.
INIT_SCRIPT = """
(() => {
  if (window !== window.top) return;
  const now = () => performance.timeOrigin + performance.now();
  const bench = (window.__wkBench = { log: [], clicks: [], attaches: [] });
  let previous = "";
  const snapshot = (doc) => {
    const symbols = doc.querySelectorAll(".wk-symbool");
    const perOpgave = {};
    for (const el of symbols) {
      const opgave = el.getAttribute("data-opgave") || "";
      perOpgave[opgave] = (perOpgave[opgave] || 0) + 1;
    }
    const state = { buurten: doc.querySelectorAll("path.wk-buurt").length, symbols: symbols.length, perOpgave };
    const key = JSON.stringify(state);
    if (key !== previous) {
      previous = key;
      bench.log.push({ t: now(), ...state });
    }
  };
  const attached = new WeakSet();
  const tryAttach = (iframe) => {
    const doc = iframe.contentDocument;
    if (!doc || attached.has(doc) || !doc.URL.includes("%(part)s")) return false;
    attached.add(doc);
    new MutationObserver(() => snapshot(doc)).observe(doc, { childList: true, subtree: true });
    // Sanity check for the bench: polygons present at attach time would mean a late mark.
    bench.attaches.push({ t: now(), buurten: doc.querySelectorAll("path.wk-buurt").length });
    snapshot(doc);
    return true;
  };
  const watched = new WeakSet();
  const watch = (iframe) => {
    if (watched.has(iframe)) return;
    watched.add(iframe);
    iframe.addEventListener("load", () => tryAttach(iframe));
    // Catch the component document while it is still loading, well before the map is drawn.
    const timer = setInterval(() => {
      if (!iframe.isConnected || tryAttach(iframe)) clearInterval(timer);
    }, 1);
  };
  new MutationObserver(() => {
    for (const iframe of document.querySelectorAll('iframe[title="%(title)s"]')) watch(iframe);
  }).observe(document, { childList: true, subtree: true });
  window.addEventListener("click", () => bench.clicks.push(now()), true);
})();
""" % {"part": MAP_FRAME_URL_PART, "title": MAP_IFRAME_TITLE}

# Evaluated in the main page: the first logged map state at or after `after` that matches.
FIND_MARK_JS = """
(c) => {
  const bench = window.__wkBench;
  if (!bench) return null;
  const hit = bench.log.find((e) =>
    e.t >= c.after &&
    e.buurten === c.buurten &&
    (c.symbols === null ? e.symbols >= 1 : e.symbols === c.symbols) &&
    (c.absent === null || !e.perOpgave[c.absent]));
  return { hit: hit || null, now: performance.timeOrigin + performance.now(),
           last: bench.log.length ? bench.log[bench.log.length - 1] : null };
}
"""


# Evaluated in the main page after the first map: its own milestones in the marks' clock.
MILESTONES_JS = """
() => {
  const nav = performance.getEntriesByType("navigation")[0];
  const at = (v) => (v ? performance.timeOrigin + v : null);
  const attach = window.__wkBench.attaches[0];
  return {
    "HTML received": at(nav && nav.responseEnd),
    "DOMContentLoaded": at(nav && nav.domContentLoadedEventStart),
    "load": at(nav && nav.loadEventStart),
    "map iframe document": attach ? attach.t : null,
  };
}
"""


@dataclass(frozen=True)
class MapState:
    """What the map iframe showed at one moment (one entry of the in-page log)."""

    buurten: int
    symbols: int
    per_opgave: dict[str, int]


@dataclass(frozen=True)
class Mark:
    """A moment the map reached a wanted state, in browser epoch ms and in Python perf_counter s."""

    epoch_ms: float
    perf_s: float
    state: MapState


# Where the bytes come from, so a miss on the payload target can be attributed. The first
# matching URL path prefix wins; the websocket is its own source.
SOURCES = (
    ("/static/", "Streamlit frontend (/static/)"),
    ("/component/", "map component (/component/)"),
    ("/app/static/", "app static files (/app/static/)"),
    ("", "other HTTP (page, /_stcore/)"),
)
WEBSOCKET = "websocket (/_stcore/stream)"


def source_of(url: str) -> str:
    path = urlparse(url).path
    return next(label for prefix, label in SOURCES if path.startswith(prefix))


@dataclass
class Bytes:
    """Bytes received by the browser in one window, split by transport and by source."""

    http_body: int = 0
    http_headers: int = 0
    http_responses: int = 0
    ws: int = 0
    ws_frames: int = 0
    by_source: dict[str, int] = field(default_factory=dict)

    @property
    def payload(self) -> int:
        """What the targets count: HTTP response bodies plus websocket frames."""
        return self.http_body + self.ws


@dataclass(frozen=True)
class NetEvent:
    """One finished HTTP response or one received websocket frame."""

    kind: str  # "http" or "ws"
    ts: float  # CDP MonotonicTime, seconds
    body: int
    headers: int
    url: str


@dataclass
class RunResult:
    """The figures of one repetition (times in seconds, bytes per window)."""

    first_map_s: float
    filter_s: float
    first_map_bytes: Bytes
    first_map_idle_bytes: Bytes
    filter_bytes: Bytes
    filter_idle_bytes: Bytes
    symbols_before: int
    symbols_after: int
    milestones: dict[str, float] = field(default_factory=dict)  # seconds since page.goto
    largest_http: list[tuple[str, int]] = field(default_factory=list)


class NetRecorder:
    """Collects network events of one page through its own CDP session.

    Same-origin iframes (the folium component) run in the page's renderer in headless Chromium,
    so this session also sees their requests; the bench prints the URLs it saw to confirm it.
    """

    def __init__(self, context: BrowserContext, page: Page) -> None:
        self.events: list[NetEvent] = []
        self.last_arrival = time.perf_counter()
        self.ws_extensions: str | None = None
        self._headers: dict[str, tuple[str, int]] = {}
        self._clock_offsets: list[float] = []
        self._cdp: CDPSession = context.new_cdp_session(page)
        handlers: dict[str, Callable[[dict[str, Any]], None]] = {
            "Network.requestWillBeSent": self._on_request,
            "Network.responseReceived": self._on_response,
            "Network.loadingFinished": self._on_finished,
            "Network.webSocketFrameReceived": self._on_ws_frame,
            "Network.webSocketHandshakeResponseReceived": self._on_ws_handshake,
        }
        for name, handler in handlers.items():
            self._cdp.on(name, handler)
        self._cdp.send("Network.enable")

    def _on_request(self, e: dict[str, Any]) -> None:
        # wallTime (epoch s) and timestamp (monotonic s) of the same instant: the clock mapping
        # that lets in-page marks (epoch) cut the CDP event stream (monotonic) into windows.
        self._clock_offsets.append(e["wallTime"] - e["timestamp"])

    def _on_response(self, e: dict[str, Any]) -> None:
        # At responseReceived, encodedDataLength is the bytes received so far: the headers.
        self._headers[e["requestId"]] = (e["response"]["url"], int(e["response"].get("encodedDataLength", 0)))

    def _on_finished(self, e: dict[str, Any]) -> None:
        url, headers = self._headers.pop(e["requestId"], ("?", 0))
        total = int(e["encodedDataLength"])  # on-the-wire size, so compressed if gzip was used
        self._record(NetEvent("http", e["timestamp"], max(total - headers, 0), headers, url))

    def _on_ws_frame(self, e: dict[str, Any]) -> None:
        frame = e["response"]
        if frame["opcode"] == 2:  # binary frames (Streamlit's protobuf) arrive base64-encoded
            size = len(base64.b64decode(frame["payloadData"]))
        else:
            size = len(frame["payloadData"].encode())
        self._record(NetEvent("ws", e["timestamp"], size, 0, "websocket"))

    def _on_ws_handshake(self, e: dict[str, Any]) -> None:
        headers = {k.lower(): v for k, v in e["response"].get("headers", {}).items()}
        self.ws_extensions = headers.get("sec-websocket-extensions", "")

    def _record(self, event: NetEvent) -> None:
        self.events.append(event)
        self.last_arrival = time.perf_counter()

    def to_epoch_ms(self, monotonic_s: float) -> float:
        """Convert a CDP event timestamp to the clock of the in-page marks."""
        return (monotonic_s + statistics.median(self._clock_offsets)) * 1000

    def to_monotonic(self, epoch_ms: float) -> float:
        """Convert an in-page epoch mark to the CDP event clock."""
        return epoch_ms / 1000 - statistics.median(self._clock_offsets)

    def window(self, start_epoch_ms: float | None, end_epoch_ms: float | None) -> Bytes:
        """Sum the events whose CDP timestamp lies in [start, end]; None means unbounded."""
        lo = -math.inf if start_epoch_ms is None else self.to_monotonic(start_epoch_ms)
        hi = math.inf if end_epoch_ms is None else self.to_monotonic(end_epoch_ms)
        out = Bytes()
        for ev in self.events:
            if not lo <= ev.ts <= hi:
                continue
            if ev.kind == "http":
                out.http_body += ev.body
                out.http_headers += ev.headers
                out.http_responses += 1
                source = source_of(ev.url)
            else:
                out.ws += ev.body
                out.ws_frames += 1
                source = WEBSOCKET
            out.by_source[source] = out.by_source.get(source, 0) + ev.body
        return out

    def largest_http(self, n: int = 5) -> list[tuple[str, int]]:
        sizes = sorted(((urlparse(ev.url).path, ev.body) for ev in self.events if ev.kind == "http"), key=lambda x: -x[1])
        return sizes[:n]


@dataclass(frozen=True)
class WarmUp:
    """What the throw-away first load on the fresh server taught us."""

    cold_first_map_s: float
    symbols: int  # settled number of symbols on the default map
    http_paths: list[str]  # every HTTP path the CDP session saw, to check the iframe is covered
    ws_extensions: str | None  # negotiated websocket extensions ("" = no compression)


@dataclass
class Bench:
    """What every measurement shares: the browser, the server, the knobs and the problems seen."""

    browser: Browser
    url: str
    timeout_s: float
    poll_ms: int
    blocked: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def new_page(self) -> tuple[BrowserContext, Page]:
        """A fresh context (empty cache, new Streamlit session) that can only reach loopback."""
        context = self.browser.new_context(viewport=VIEWPORT)

        def route(r: Route) -> None:
            url = r.request.url
            if url.startswith(("data:", "blob:", "about:")) or (urlparse(url).hostname or "") in LOOPBACK:
                r.continue_()
            else:
                self.blocked.append(url)
                r.abort()

        context.route("**/*", route)
        context.add_init_script(INIT_SCRIPT)
        return context, context.new_page()

    def wait_for_map(self, page: Page, *, after_ms: float, symbols: int | None, absent: str | None) -> Mark:
        """Poll the in-page log until it holds a map state matching the condition.

        The returned time is when the state was *logged in the page*, not when the poll saw it:
        perf_s = (Python time right after the poll) - (page time of the poll - page time of the
        mark). So the poll interval does not inflate the figures; only the return trip of one
        evaluate (about a millisecond) does.
        """
        cond = {"after": after_ms, "buurten": EXPECTED_BUURTEN, "symbols": symbols, "absent": absent}
        deadline = time.perf_counter() + self.timeout_s
        last = None
        while time.perf_counter() < deadline:
            r = page.evaluate(FIND_MARK_JS, cond)
            polled = time.perf_counter()
            if r:
                last, hit = r["last"], r["hit"]
                if hit is not None:
                    state = MapState(hit["buurten"], hit["symbols"], hit["perOpgave"])
                    return Mark(hit["t"], polled - (r["now"] - hit["t"]) / 1000, state)
            page.wait_for_timeout(self.poll_ms)
        raise TimeoutError(f"map did not reach {cond} within {self.timeout_s} s; last state {last}")

    def first_load(self, expected_symbols: int | None) -> tuple[BrowserContext, Page, NetRecorder, Mark, float]:
        """Open the page in a new context; return once all buurten (and the symbols) are drawn."""
        context, page = self.new_page()
        net = NetRecorder(context, page)
        start = time.perf_counter()
        page.goto(self.url, wait_until="commit")
        mark = self.wait_for_map(page, after_ms=0, symbols=expected_symbols, absent=None)
        late = [a for a in page.evaluate("() => window.__wkBench.attaches") if a["buurten"]]
        if late:
            self.warnings.append(f"observer attached after polygons were drawn ({late}); that time is too late")
        return context, page, net, mark, mark.perf_s - start

    @staticmethod
    def milestones(page: Page, net: NetRecorder, mark: Mark, first_map_s: float) -> dict[str, float]:
        """Where the first-map time goes, in seconds since page.goto (same clock as the figure)."""
        marks: dict[str, float | None] = page.evaluate(MILESTONES_JS)
        ws = [ev.ts for ev in net.events if ev.kind == "ws"]
        marks["first websocket frame"] = net.to_epoch_ms(min(ws)) if ws else None
        marks["43 polygons drawn"] = mark.epoch_ms
        goto_epoch_ms = mark.epoch_ms - first_map_s * 1000
        return {k: (v - goto_epoch_ms) / 1000 for k, v in sorted(marks.items(), key=lambda kv: kv[1] or 0) if v}

    def warm_up(self) -> WarmUp:
        """Throw-away load on the fresh server: warms its caches and learns the default map."""
        context, page, net, _mark, cold_s = self.first_load(None)
        try:
            wait_for_idle(page, net)
            symbols = current_state(page).symbols
            click_filter(page)  # warm the filter path on the server too
            page.wait_for_timeout(300)
            wait_for_idle(page, net)
            paths = sorted({urlparse(ev.url).path for ev in net.events if ev.kind == "http"})
            return WarmUp(cold_s, symbols, paths, net.ws_extensions)
        finally:
            context.close()

    def one_run(self, expected_symbols: int) -> RunResult:
        """One measured repetition: first map, then one filter change, each followed by idle.

        Waiting for idle before the click keeps st_folium's own rerun after the first render
        out of the filter window.
        """
        context, page, net, drawn, first_map_s = self.first_load(expected_symbols)
        try:
            milestones = self.milestones(page, net, drawn, first_map_s)
            wait_for_idle(page, net)
            first_map_idle = net.window(None, None)
            before = current_state(page)
            expected_after = before.symbols - before.per_opgave.get(FILTER_OPGAVE, 0)
            clicked_ms = click_filter(page)
            updated = self.wait_for_map(page, after_ms=clicked_ms, symbols=expected_after, absent=FILTER_OPGAVE)
            wait_for_idle(page, net)
            return RunResult(
                first_map_s=first_map_s,
                filter_s=(updated.epoch_ms - clicked_ms) / 1000,
                first_map_bytes=net.window(None, drawn.epoch_ms),
                first_map_idle_bytes=first_map_idle,
                filter_bytes=net.window(clicked_ms, updated.epoch_ms),
                filter_idle_bytes=net.window(clicked_ms, None),
                symbols_before=before.symbols,
                symbols_after=updated.state.symbols,
                milestones=milestones,
                largest_http=net.largest_http(),
            )
        finally:
            context.close()


def wait_for_idle(page: Page, net: NetRecorder, max_s: float = 15) -> None:
    """Wait until no response or websocket frame arrived for QUIET_S (e.g. st_folium's rerun)."""
    deadline = time.perf_counter() + max_s
    while time.perf_counter() < deadline and time.perf_counter() - net.last_arrival < QUIET_S:
        page.wait_for_timeout(50)  # Playwright dispatches CDP events while it waits


def current_state(page: Page) -> MapState:
    entry = page.evaluate("() => window.__wkBench.log.at(-1)")
    if not entry:
        raise RuntimeError("the map iframe has no logged state")
    return MapState(entry["buurten"], entry["symbols"], entry["perOpgave"])


def click_filter(page: Page) -> float:
    """Deselect the opgave pill and return the browser's click time (epoch ms)."""
    pill = page.locator('[data-testid="stSidebar"]').get_by_role("button", name=FILTER_OPGAVE, exact=True)
    if pill.get_attribute("aria-pressed") != "true":
        raise RuntimeError(f"pill {FILTER_OPGAVE!r} is not selected at the start of the run")
    pill.click()
    clicks = page.evaluate("() => window.__wkBench.clicks")
    if not clicks:
        raise RuntimeError("the page did not see the click on the pill")
    return clicks[-1]


def server_memory_kb(url: str) -> dict[str, int]:
    """VmRSS/VmHWM of the app process serving this port."""
    status = Path(f"/proc/{server_pid(url)}/status").read_text()
    fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
    return {k: int(fields[k].split()[0]) for k in ("VmRSS", "VmHWM") if k in fields}


def fmt_seconds(v: float) -> str:
    return f"{v:.3f} s"


def fmt_bytes(n: float) -> str:
    return f"{n / 1000:,.1f} kB"


def verdict(value: float, target: float) -> str:
    return "PASS" if value <= target else "MISS"


Row = tuple[str, Callable[[RunResult], float], float | None, Callable[[float], str]]


def rows() -> list[Row]:
    """The table: label, how to read the figure from a run, target (or None), formatter."""
    def first(source: str) -> Callable[[RunResult], float]:
        return lambda r: r.first_map_bytes.by_source.get(source, 0)

    frontend = SOURCES[0][1]
    return [
        ("page open -> 43 polygons drawn", lambda r: r.first_map_s, TARGET_FIRST_MAP_S, fmt_seconds),
        ("filter click -> map updated", lambda r: r.filter_s, TARGET_FILTER_S, fmt_seconds),
        ("first map payload (HTTP bodies + ws)", lambda r: r.first_map_bytes.payload, TARGET_FIRST_MAP_BYTES, fmt_bytes),
        *[(f"  {label}", first(label), None, fmt_bytes) for label in [lbl for _, lbl in SOURCES] + [WEBSOCKET]],
        ("  without the Streamlit frontend", lambda r: r.first_map_bytes.payload - r.first_map_bytes.by_source.get(frontend, 0),
         None, fmt_bytes),
        ("  (HTTP headers, not counted)", lambda r: r.first_map_bytes.http_headers, None, fmt_bytes),
        ("first map, until network idle", lambda r: r.first_map_idle_bytes.payload, None, fmt_bytes),
        ("filter change payload (HTTP bodies + ws)", lambda r: r.filter_bytes.payload, None, fmt_bytes),
        ("  of which websocket frames", lambda r: r.filter_bytes.ws, None, fmt_bytes),
        ("filter change, until network idle", lambda r: r.filter_idle_bytes.payload, None, fmt_bytes),
    ]


def report(runs: list[RunResult], warm: WarmUp, bench: Bench, memory: dict[str, int], elapsed_s: float) -> None:
    """Print the figures; PASS/MISS is given for the median and for the worst run (max)."""
    print(f"\nKaart benchmark: {len(runs)} runs on a warm server, new browser context per run "
          f"(poll {bench.poll_ms} ms, total {elapsed_s:.0f} s)")
    print(f"Cold server, first page load (1 sample, not in the table): polygons drawn after {warm.cold_first_map_s:.3f} s")
    print(f"Default map: {EXPECTED_BUURTEN} buurten, {warm.symbols} symbols; filter change = deselect "
          f"{FILTER_OPGAVE!r} ({runs[0].symbols_before} -> {runs[0].symbols_after} symbols)\n")
    header = f"{'figure':<44}{'median':>12}{'max':>12}{'target':>14}   median/max"
    print(header)
    print("-" * len(header))
    for label, get, target, fmt in rows():
        values = [get(r) for r in runs]
        med, mx = statistics.median(values), max(values)
        goal = check = ""
        if target is not None:
            goal = ("< " if fmt is fmt_bytes else "<= ") + fmt(target)
            check = f"{verdict(med, target)}/{verdict(mx, target)}"
        print(f"{label:<44}{fmt(med):>12}{fmt(mx):>12}{goal:>14}   {check}".rstrip())

    names = list(dict.fromkeys(name for r in runs for name in r.milestones))
    steps = [f"{n} {statistics.median(r.milestones[n] for r in runs if n in r.milestones):.3f}" for n in names]
    print("\nWhere the first-map time goes (median s since page.goto): " + ", ".join(steps))

    last = runs[-1]
    fb, ff = last.first_map_bytes, last.filter_bytes
    compressed = "yes, so ws sizes are uncompressed" if warm.ws_extensions else "not negotiated, so ws sizes are on the wire"
    print(f"Counted (last run): first map = {fb.http_responses} HTTP responses + {fb.ws_frames} websocket frames; "
          f"filter change = {ff.http_responses} HTTP responses + {ff.ws_frames} websocket frames.")
    print("HTTP = encoded (on-the-wire) body bytes, CDP Network.loadingFinished minus the response headers; "
          f"websocket = payload of Network.webSocketFrameReceived (permessage-deflate: {compressed}).")
    print("Largest HTTP bodies (last run): " + ", ".join(f"{p} {fmt_bytes(b)}" for p, b in last.largest_http))
    iframe_seen = any(p.startswith("/component/") for p in warm.http_paths)
    print(f"Map iframe requests seen by the page's CDP session: {'yes' if iframe_seen else 'NO, bytes are undercounted'}")
    print(f"Blocked non-loopback requests: {len(bench.blocked)}" + (f" (first: {bench.blocked[0]})" if bench.blocked else ""))
    if memory:
        print(f"Server memory after the runs: RSS {memory.get('VmRSS', 0) / 1024:.0f} MB, "
              f"peak RSS {memory.get('VmHWM', 0) / 1024:.0f} MB")
    else:
        print("Server memory: streamlit process not found")
    for warning in dict.fromkeys(bench.warnings):
        print(f"WARNING: {warning}")
    print("\nPASS/MISS: first for the median, then for the worst run. Times are in-page DOM marks "
          "(MutationObserver): the moment the elements exist; painting follows in the next frame.")


def save(runs: list[RunResult], warm: WarmUp, memory: dict[str, int]) -> Path:
    """Raw figures for later comparison; bench/results/ is gitignored."""
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    path = RESULTS_DIR / f"bench-kaart-{time.strftime('%Y%m%d-%H%M%S')}.json"
    payload = {"runs": [asdict(r) for r in runs], "warm_up": asdict(warm), "server_memory_kb": memory}
    path.write_text(json.dumps(payload, indent=2))
    return path


def measure(args: argparse.Namespace) -> None:
    started = time.perf_counter()
    with app_server() as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            bench = Bench(browser, url, args.timeout, args.poll_ms)
            warm = bench.warm_up()
            runs: list[RunResult] = []
            for i in range(args.runs):
                try:
                    r = bench.one_run(warm.symbols)
                except (TimeoutError, RuntimeError, PlaywrightError) as exc:
                    print(f"run {i + 1} failed: {exc}", file=sys.stderr)
                    continue
                runs.append(r)
                print(f"run {i + 1}: polygons {r.first_map_s:.3f} s, filter {r.filter_s:.3f} s, first map "
                      f"{fmt_bytes(r.first_map_bytes.payload)}, filter {fmt_bytes(r.filter_bytes.payload)}", flush=True)
            memory = server_memory_kb(url)
        finally:
            browser.close()
    if not runs:
        print("No run completed; nothing to report.")
        return
    report(runs, warm, bench, memory, time.perf_counter() - started)
    if args.save:
        print(f"Saved to {save(runs, warm, memory).relative_to(ROOT)}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="measured repetitions (default 5)")
    parser.add_argument("--timeout", type=float, default=60, help="seconds to wait for the map per step (default 60)")
    parser.add_argument("--poll-ms", type=int, default=POLL_MS, help=f"poll interval in ms (default {POLL_MS})")
    parser.add_argument("--save", action="store_true", help="also write the raw figures to bench/results/")
    args = parser.parse_args()
    try:
        measure(args)
    except Exception as exc:  # noqa: BLE001 - a benchmark reports and exits 0, see the brief
        print(f"benchmark failed: {type(exc).__name__}: {exc}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
