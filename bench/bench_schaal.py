"""The Kaart at two scales in one run: the GM1916 data and the synthetic national set.

    .venv/bin/python bench/nationaal.py        # once: writes bench/nationaal/ (not in git)
    .venv/bin/python bench/bench_schaal.py [--runs 3]
    .venv/bin/python bench/bench_schaal.py --nginx   # also behind nginx (deploy/), HTTP/2 and TLS

Per data set: a server of its own (own store), then in Debian chromium with every non-loopback
request blocked:
- cold first map: the first visitor after the server started (the data is loaded then);
- first map on a warm server: from navigation start until the buurten are drawn (GM1916: 43 SVG
  paths; national: the canvas layer reports how many buurten it drew), in a new browser (empty
  cache, a first visit) and again in the same browser (cached scripts, a returning user);
- filter change: from pressing an opgave pill until the map's last change;
- bytes the browser received for the first map (HTTP bodies + websocket frames) and for the filter;
- server memory (VmRSS / peak VmHWM) after the runs;
- with the GM1916 runs, alternating with them: an empty Streamlit page (bench/leeg/, a title) in a
  new browser. The test machine's speed drifts by a third within the hour, and this page shows
  what Streamlit's own front end costs at that moment, so the Kaart's own share can be told apart.
Times are marks in the page (MutationObserver, pointerdown), not Playwright's polling.
bench/bench_kaart.py measures the GM1916 map in more detail (where the time goes).
"""

from __future__ import annotations

import argparse
import contextlib
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from playwright.sync_api import BrowserContext, Page, sync_playwright  # noqa: E402

from bench import nginx  # noqa: E402
from bench.bench_kaart import server_memory_kb  # noqa: E402
from tests.e2e.server import CHROMIUM, CHROMIUM_ARGS, app_server, vrije_poort  # noqa: E402

IFRAME = 'iframe[title="streamlit_folium.st_folium"]'
LOOPBACK = {"127.0.0.1", "localhost"}
STIL_MS = 300  # the map counts as settled after this long without a change in its document
LEGE_APP = ROOT / "bench" / "leeg"


@dataclass(frozen=True)
class Dataset:
    naam: str
    config: Path
    filter_opgave: str  # the pill that is clicked off
    klaar: str  # JS predicate on the map document: the buurten are drawn
    doel_eerste_kaart_s: float
    doel_filter_s: float


SETS = (
    Dataset("GM1916 (43 buurten)", ROOT / "config" / "leidschendam-voorburg.toml", "Fijn en veilig wonen",
            "d => d.querySelectorAll('path.wk-buurt').length >= 43", 1.5, 0.3),
    Dataset("landelijk synthetisch (14.500 buurten, 10.000 meldingen)", ROOT / "bench" / "nationaal" / "config.toml",
            "Schoon en heel", "d => Number(d.documentElement.getAttribute('data-wk-vlakken') || 0) > 0", 4.0, 1.0),
)

# In the top page: watch the map iframe's document, note the time of its last change and the
# first time the data set's "drawn" predicate holds, and the time of the user's last pointer press.
# All marks are page-clock times taken in the browser, so Playwright's own latency (polling,
# actionability checks before a click) is not in the figures.
WACHTER = """
(() => {
  if (window !== window.top) return;
  const klaar = %s;
  window.__wk = { laatste: 0, klaar: 0, druk: 0 };
  document.addEventListener('pointerdown', () => { window.__wk.druk = performance.now(); }, true);
  const volg = (doc) => new MutationObserver(() => {
    window.__wk.laatste = performance.now();
    if (!window.__wk.klaar && klaar(doc)) window.__wk.klaar = window.__wk.laatste;
  }).observe(doc, { childList: true, subtree: true, attributes: true });
  const gezien = new WeakSet();
  setInterval(() => {
    for (const f of document.querySelectorAll('%s')) {
      const doc = f.contentDocument;
      if (doc && !gezien.has(doc)) { gezien.add(doc); volg(doc); }
    }
  }, 5);
})();
"""


# In the top page: the time the empty page's title appeared.
TITEL = """
(() => {
  if (window !== window.top) return;
  window.__titel = 0;
  new MutationObserver(() => {
    if (!window.__titel && document.querySelector('h1')) window.__titel = performance.now();
  }).observe(document, { childList: true, subtree: true });
})();
"""


@dataclass
class Bytes:
    totaal: int = 0

    def tel(self, n: int) -> None:
        self.totaal += n


def _nieuwe_context(browser, ds: Dataset) -> BrowserContext:
    context = browser.new_context(viewport={"width": 1440, "height": 1000})
    context.add_init_script(WACHTER % (ds.klaar, IFRAME))
    return context


def _nieuwe_pagina(context: BrowserContext) -> tuple[Page, Bytes]:
    page = context.new_page()
    teller = Bytes()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.on("Network.loadingFinished", lambda e: teller.tel(int(e.get("encodedDataLength", 0))))
    cdp.on("Network.webSocketFrameReceived", lambda e: teller.tel(len(e["response"].get("payloadData", ""))))
    return page, teller


def _stil(page: Page, tot: float) -> float:
    """Wait until the script run ended and the map document has not changed for STIL_MS; return
    the time (page clock, ms) of its last change."""
    page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]', timeout=120_000)
    while time.monotonic() < tot:
        nu, laatste = page.evaluate("() => [performance.now(), window.__wk.laatste]")
        if nu - laatste >= STIL_MS:
            return laatste
        time.sleep(0.05)
    raise TimeoutError("de kaart bleef veranderen")


def _eerste_kaart(context: BrowserContext, url: str) -> tuple[float, int, Page, Bytes]:
    """Seconds from navigation start (the page clock's zero) until the buurten are drawn."""
    page, teller = _nieuwe_pagina(context)
    page.goto(url)
    page.wait_for_function("() => window.__wk.klaar > 0", timeout=300_000, polling=50)
    duur = page.evaluate("() => window.__wk.klaar") / 1000
    _stil(page, time.monotonic() + 120)
    return duur, teller.totaal, page, teller


def _filter(page: Page, teller: Bytes, ds: Dataset) -> tuple[float, int]:
    """Seconds from pressing the pill until the map's last change."""
    voor = teller.totaal
    vorige = page.evaluate("() => window.__wk.laatste")
    page.locator('[data-testid="stSidebar"]').get_by_role("button", name=ds.filter_opgave, exact=True).click()
    # the rerun may start later than STIL_MS: first wait for the map to change at all
    page.wait_for_function("k => window.__wk.laatste > k", arg=vorige, timeout=120_000)
    laatste = _stil(page, time.monotonic() + 120)
    druk = page.evaluate("() => window.__wk.druk")
    return max(0.0, laatste - druk) / 1000, teller.totaal - voor


def _lege_pagina(browser, url: str) -> float:
    """Seconds from navigation start until the empty page's title is there, in a new browser."""
    context = browser.new_context(viewport={"width": 1440, "height": 1000})
    context.add_init_script(TITEL)
    page = context.new_page()
    page.goto(url)
    page.wait_for_function("() => window.__titel > 0", timeout=60_000, polling=50)
    duur = page.evaluate("() => window.__titel") / 1000
    context.close()
    return duur


def meet(ds: Dataset, runs: int, via_nginx: bool = False, met_lege_pagina: bool = False) -> dict[str, object]:
    """Cold server, then per run a new browser (empty cache: a first visit) and the same page
    opened again in that browser (cached Streamlit and map scripts: a returning user).
    ``via_nginx``: the browser talks to nginx (deploy/nginx-wijkkaart.conf) before the app.
    ``met_lege_pagina``: each run also opens the empty page (same server settings, same route)."""
    with tempfile.TemporaryDirectory() as tmp, app_server(timeout_s=120, omgeving={
        "WIJKKAART_CONFIG": str(ds.config), "WIJKKAART_OPSLAG": str(Path(tmp) / "wijkkaart.sqlite")}) as app_url, \
            (nginx.nginx_voor([app_url]) if via_nginx else contextlib.nullcontext(app_url)) as url, \
            (app_server(app=LEGE_APP) if met_lege_pagina else contextlib.nullcontext()) as leeg_app, \
            (nginx.nginx_voor([leeg_app]) if via_nginx and leeg_app else contextlib.nullcontext(leeg_app)) as leeg, \
            sync_playwright() as p:
        # Every non-loopback request goes to a proxy port where nothing listens, so it fails. Not
        # page.route: routing switches the browser cache off, and the returning visit needs it.
        browser = p.chromium.launch(executable_path=CHROMIUM,
                                    args=CHROMIUM_ARGS + (["--ignore-certificate-errors"] if via_nginx else []),
                                    proxy={"server": f"http://127.0.0.1:{vrije_poort()}", "bypass": ",".join(LOOPBACK)})
        context = _nieuwe_context(browser, ds)
        koud, _, _, _ = _eerste_kaart(context, url)
        context.close()
        if leeg:
            _lege_pagina(browser, leeg)  # its first run on a fresh server, like the Kaart's cold one
        eerste, terug, bytes_eerste, filters, bytes_filter, lege = [], [], [], [], [], []
        for _ in range(runs):
            if leeg:
                lege.append(_lege_pagina(browser, leeg))
            context = _nieuwe_context(browser, ds)
            duur, n, page, teller = _eerste_kaart(context, url)
            eerste.append(duur)
            bytes_eerste.append(n)
            f, nf = _filter(page, teller, ds)
            filters.append(f)
            bytes_filter.append(nf)
            page.close()
            terug.append(_eerste_kaart(context, url)[0])
            context.close()
        geheugen = server_memory_kb(app_url)
        browser.close()
    return {"koud": koud, "eerste": eerste, "terug": terug, "bytes_eerste": bytes_eerste, "filter": filters,
            "bytes_filter": bytes_filter, "geheugen": geheugen, "lege": lege}


def _regel(label: str, waarden: list[float], fmt: Callable[[float], str], doel: float | None = None) -> str:
    med, mx = statistics.median(waarden), max(waarden)
    oordeel = "" if doel is None else f"  doel <= {fmt(doel)}: {'PASS' if med <= doel else 'MISS'}/{'PASS' if mx <= doel else 'MISS'}"
    return f"  {label:<34}{fmt(med):>12}{fmt(mx):>12}{oordeel}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--nginx", action="store_true",
                        help="elke set ook meten achter nginx (deploy/nginx-wijkkaart.conf: HTTP/2, TLS, cache)")
    args = parser.parse_args()
    if not SETS[1].config.exists():
        print("Eerst: .venv/bin/python bench/nationaal.py", file=sys.stderr)
        return 1
    if args.nginx and not nginx.beschikbaar():
        print("Voor --nginx: apt-get install nginx-light openssl", file=sys.stderr)
        return 1
    seconden = lambda v: f"{v:.2f} s"  # noqa: E731
    kilobytes = lambda v: f"{v / 1000:,.0f} kB".replace(",", ".")  # noqa: E731
    for ds, via_nginx in ((ds, via) for ds in SETS for via in ((False, True) if args.nginx else (False,))):
        uit = meet(ds, args.runs, via_nginx, met_lege_pagina=ds is SETS[0])
        gb = uit["geheugen"]
        print(f"\n{ds.naam}{' — via nginx (HTTP/2, TLS, cache)' if via_nginx else ''}  ({args.runs} runs; mediaan, max)")
        print(f"  {'eerste kaart, koude server':<34}{seconden(uit['koud']):>12}   (laden van de gegevens inbegrepen)")
        print(_regel("eerste kaart, nieuwe browser", uit["eerste"], seconden, ds.doel_eerste_kaart_s))
        if uit["lege"]:
            print(_regel("lege pagina, nieuwe browser", uit["lege"], seconden)
                  + "   (alleen een titel: wat Streamlit zelf nu kost)")
            print(_regel("kaart min lege pagina, per run", [k - v for k, v in zip(uit["eerste"], uit["lege"], strict=True)],
                         seconden) + "   (het deel van de Kaart zelf)")
        print(_regel("eerste kaart, browsercache gevuld", uit["terug"], seconden, ds.doel_eerste_kaart_s))
        print(_regel("filterwijziging", uit["filter"], seconden, ds.doel_filter_s))
        print(_regel("bytes eerste kaart", uit["bytes_eerste"], kilobytes))
        print(_regel("bytes filterwijziging", uit["bytes_filter"], kilobytes))
        print(f"  {'servergeheugen RSS / piek':<34}{gb.get('VmRSS', 0) / 1024:>9.0f} MB{gb.get('VmHWM', 0) / 1024:>9.0f} MB"
              f"  doel < 1.024 MB: {'PASS' if gb.get('VmHWM', 0) < 1024 * 1024 else 'MISS'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
