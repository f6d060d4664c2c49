"""Copy the front-end files the map needs from pinned PyPI packages into ./static/vendor.

Why: the map must work without internet, so Leaflet is served by Streamlit itself
(server.enableStaticServing) instead of a CDN. The copies are generated, not committed.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import xstatic.pkg.jquery as jquery
import xstatic.pkg.leaflet as leaflet

DOEL = Path(__file__).resolve().parent.parent / "static" / "vendor"


def main() -> None:
    if DOEL.exists():
        shutil.rmtree(DOEL)
    leaflet_doel = DOEL / "leaflet"
    leaflet_doel.mkdir(parents=True)
    bron = Path(leaflet.BASE_DIR)
    for naam in ("leaflet.js", "leaflet.css"):
        shutil.copy2(bron / naam, leaflet_doel / naam)
    shutil.copytree(bron / "images", leaflet_doel / "images")
    # folium builds popup content with jQuery ($(`<div>...`)), so it is needed too.
    (DOEL / "jquery").mkdir()
    shutil.copy2(Path(jquery.BASE_DIR) / "jquery.min.js", DOEL / "jquery" / "jquery.min.js")
    print(f"Leaflet {leaflet.VERSION} en jQuery {jquery.VERSION} gekopieerd naar {DOEL}")


if __name__ == "__main__":
    main()
