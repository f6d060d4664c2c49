"""How the wijkteam's store behaves with many meldingen (server only, no browser).

Run from the repository root: .venv/bin/python bench/bench_beheer.py [--runs 3] [--meldingen 1000 5000]
Uses a throw-away store in a temporary folder. Prints, per number of meldingen: checking an import
file, writing it in one transaction, reloading the items after a change (what every page does at
its next interaction), the revision query each rerun makes, building the Kaart's overlast layer
(with clusters) and its size; then the write rate of parallel writer processes. Reports, does not judge.
"""

from __future__ import annotations

import argparse
import multiprocessing
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pandas as pd
from shapely.geometry import Point

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.map_build import OfflineMap, symboollagen  # noqa: E402
from geo.beheer import SOORT_HOTSPOT  # noqa: E402
from geo.bundel import gebiedscontext, laad_wijkdata, met_bewerkbaar  # noqa: E402
from geo.invoer import exporteer, lees_invoer  # noqa: E402
from geo.opslag import BEWERKBAAR, Opslag  # noqa: E402
from geo.programma import lees_bewerkbaar  # noqa: E402

THEMAS = ("Rattenoverlast", "Meeuwenoverlast", "Grofvuil en afvalproblematiek", "Drugsproblematiek")


def meldingen(aantal: int, buurten_web, seed: int = 1) -> pd.DataFrame:
    """Clearly synthetic meldingen at random points inside Leidschendam-Noord's buurten."""
    kans = random.Random(seed)
    noord = buurten_web[buurten_web["wijkcode"].isin(["WK191602", "WK191606", "WK191603"])]
    rijen = []
    while len(rijen) < aantal:
        vlak = noord.geometry.iloc[kans.randrange(len(noord))]
        x0, y0, x1, y1 = vlak.bounds
        x, y = kans.uniform(x0, x1), kans.uniform(y0, y1)
        if not vlak.contains(Point(x, y)):
            continue
        rijen.append({
            "thema": kans.choice(THEMAS), "datum": (date(2026, 1, 1) + timedelta(days=kans.randrange(300))).isoformat(),
            "periode": "", "omschrijving": f"Synthetische melding {len(rijen) + 1} (benchmark)", "gebiedscode": "",
            "lon": f"{x:.6f}", "lat": f"{y:.6f}", "bron": "", "bron_omschrijving": "Benchmark (synthetisch)", "opmerking": "",
        })
    return pd.DataFrame(rijen)


def meet(stap: Callable[[], object], runs: int) -> tuple[float, float, object]:
    tijden, uit = [], None
    for _ in range(runs):
        start = time.perf_counter()
        uit = stap()
        tijden.append(time.perf_counter() - start)
    return statistics.median(tijden), max(tijden), uit


def _laag_html(hotspots: pd.DataFrame) -> str:
    """The overlast layer with its clusters as the browser gets it (the base map left out)."""
    kaart = OfflineMap(tiles=None)
    for laag in symboollagen(hotspots):
        laag.add_to(kaart)
    return kaart.get_root().render()


def _schrijver(pad: str, aantal: int) -> None:
    opslag = Opslag(Path(pad))
    for i in range(aantal):
        opslag.voeg_toe(SOORT_HOTSPOT, {"thema": "Rattenoverlast", "datum": "2026-05-01", "periode": "2026",
                                        "omschrijving": f"parallel {i}", "gebiedscode": "WK191602", "lon": "", "lat": "",
                                        "bron": "", "bron_omschrijving": "Benchmark", "opmerking": ""}, "bench")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--meldingen", type=int, nargs="+", default=[1000, 5000])
    args = parser.parse_args()
    data = laad_wijkdata()
    context = gebiedscontext(data)
    vandaag = date.today()
    regels = []
    for aantal in args.meldingen:
        with tempfile.TemporaryDirectory() as map_:
            opslag = Opslag(Path(map_) / "bench.sqlite")
            opslag.initialiseer(lees_bewerkbaar())
            bestand = exporteer(meldingen(aantal, data.buurten_web), SOORT_HOTSPOT, "csv")
            t_lees, m_lees, invoer = meet(lambda b=bestand: lees_invoer("m.csv", b, SOORT_HOTSPOT, context, vandaag), args.runs)
            assert not invoer.fouten, invoer.fouten[:3]
            rijen = [r for _, r in invoer.rijen]
            t_schrijf, m_schrijf, _ = meet(lambda o=opslag, r=rijen: o.importeer(SOORT_HOTSPOT, r, "bench"), 1)
            t_laad, m_laad, met = meet(
                lambda o=opslag: met_bewerkbaar(data, {n: o.tabel(n) for n in BEWERKBAAR}, vandaag), args.runs)
            t_rev, m_rev, _ = meet(opslag.revisie, 50)
            hotspots = met.programma.items[met.programma.items["soort"] == "hotspot"]
            t_laag, m_laag, html = meet(lambda h=hotspots: _laag_html(h), args.runs)
            regels += [
                (f"{aantal} meldingen: importbestand controleren (CSV, {len(bestand) // 1024} kB)", t_lees, m_lees),
                (f"{aantal} meldingen: in één transactie opslaan", t_schrijf, m_schrijf),
                (f"{aantal} meldingen: items opnieuw laden na een wijziging", t_laad, m_laad),
                (f"{aantal} meldingen: revisienummer opvragen (elke klik)", t_rev, m_rev),
                (f"{aantal} meldingen: overlastlaag bouwen ({len(hotspots)} symbolen, {len(html) // 1024} kB HTML)",
                 t_laag, m_laag),
            ]
    with tempfile.TemporaryDirectory() as map_:
        pad = Path(map_) / "parallel.sqlite"
        Opslag(pad).initialiseer(lees_bewerkbaar())
        processen = [multiprocessing.get_context("spawn").Process(target=_schrijver, args=(str(pad), 100)) for _ in range(4)]
        start = time.perf_counter()
        for p in processen:
            p.start()
        for p in processen:
            p.join()
        duur = time.perf_counter() - start
        erbij = len(Opslag(pad).tabel("hotspots")) - len(lees_bewerkbaar()["hotspots"])
    breedte = max(len(r[0]) for r in regels)
    print(f"{'stap':<{breedte}}  mediaan     max")
    for naam, mediaan, maximum in regels:
        print(f"{naam:<{breedte}}  {mediaan:6.3f} s  {maximum:6.3f} s")
    print(f"4 processen x 100 losse wijzigingen tegelijk: {erbij} van 400 opgeslagen in {duur:.2f} s "
          f"({erbij / duur:.0f} per s, incl. opstarten van de processen)")


if __name__ == "__main__":
    main()
