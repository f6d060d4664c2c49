"""How long the Raadsoverzicht, the presentation and their downloads take to make on the server (no browser).

Run from the repository root: .venv/bin/python bench/bench_rapport.py [--runs 5]
Prints the median and maximum per step and the file sizes; it reports, it does not judge.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app import settings as s  # noqa: E402
from app.pdf_overzicht import raadsoverzicht_pdf  # noqa: E402
from app.pdf_presentatie import presentatie_pdf  # noqa: E402
from app.presentatie import stappen  # noqa: E402
from app.raadsoverzicht import bouw  # noqa: E402
from geo import export  # noqa: E402
from geo.bundel import laad_wijkdata  # noqa: E402


def meet(stap: Callable[[], object], runs: int) -> tuple[list[float], object]:
    tijden, uit = [], None
    for _ in range(runs):
        start = time.perf_counter()
        uit = stap()
        tijden.append(time.perf_counter() - start)
    return tijden, uit


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    vandaag = date.today()
    start = time.perf_counter()
    data = laad_wijkdata()
    print(f"gegevens laden (eenmalig per server): {time.perf_counter() - start:.2f} s")
    ov = bouw(data, "buurt", s.RAAD_INDICATOREN[0], True, vandaag)
    breed = export.breed(ov.lang, data)
    laag = export.kaartlaag(breed, data.gebieden)
    dias = stappen(data)
    metingen: dict[str, Callable[[], object]] = {
        "overzicht opbouwen (43 buurten, 4 kaartjes)": lambda: bouw(data, "buurt", s.RAAD_INDICATOREN[0], True, vandaag),
        "overzicht opbouwen (13 wijken)": lambda: bouw(data, "wijk", s.SORTEER_NAAM, False, vandaag),
        "PDF": lambda: raadsoverzicht_pdf(data, ov, vandaag),
        "CSV": lambda: export.csv_bytes(breed, ov.bronnen),
        "Excel": lambda: export.excel_bytes(breed, ov.bronnen),
        "GeoJSON": lambda: export.geojson_bytes(laag, ov.bronnen),
        "GeoPackage": lambda: export.gpkg_bytes(laag, ov.bronnen),
        "presentatie opbouwen (7 stappen, 4 kaarten)": lambda: stappen(data),
        "presentatie-PDF (7 dia's 16:9)": lambda: presentatie_pdf(dias, vandaag),
    }
    print(f"{'stap':<46} {'mediaan':>9} {'max':>9} {'grootte':>10}   ({runs} runs)")
    for naam, stap in metingen.items():
        tijden, uit = meet(stap, runs)
        grootte = f"{len(uit) / 1024:.0f} kB" if isinstance(uit, bytes) else ""
        print(f"{naam:<46} {statistics.median(tijden):>8.3f}s {max(tijden):>8.3f}s {grootte:>10}")


if __name__ == "__main__":
    main()
