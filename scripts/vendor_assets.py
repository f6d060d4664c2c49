"""Copy the front-end files the map needs from pinned PyPI packages into ./static/vendor,
and make the static fonts the PDF export uses.

Why: the map must work without internet, so Leaflet is served by Streamlit itself
(server.enableStaticServing) instead of a CDN. Noto Sans comes as one variable font; cutting
the regular and bold instances takes seconds, so it is done here once instead of on every PDF.
The files are generated, not committed.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import fontpkg_noto_sans
import xstatic.pkg.leaflet_markercluster as markercluster
from fontTools.ttLib import TTFont
from fontTools.varLib.instancer import instantiateVariableFont
from xstatic.pkg import jquery, leaflet

DOEL = Path(__file__).resolve().parent.parent / "static" / "vendor"
FONTS = {"NotoSans-Regular.ttf": 400, "NotoSans-Bold.ttf": 700}


def main() -> None:
    for oud in ("leaflet", "jquery", "markercluster"):
        shutil.rmtree(DOEL / oud, ignore_errors=True)
    leaflet_doel = DOEL / "leaflet"
    leaflet_doel.mkdir(parents=True)
    bron = Path(leaflet.BASE_DIR)
    for naam in ("leaflet.js", "leaflet.css"):
        shutil.copy2(bron / naam, leaflet_doel / naam)
    shutil.copytree(bron / "images", leaflet_doel / "images")
    # folium builds popup content with jQuery ($(`<div>...`)), so it is needed too.
    (DOEL / "jquery").mkdir()
    shutil.copy2(Path(jquery.BASE_DIR) / "jquery.min.js", DOEL / "jquery" / "jquery.min.js")
    # Clusters of many meldingen on the Kaart (Leaflet.markercluster, loaded by the base map).
    (DOEL / "markercluster").mkdir()
    for naam in ("leaflet.markercluster.js", "MarkerCluster.css", "MarkerCluster.Default.css"):
        shutil.copy2(Path(markercluster.BASE_DIR) / naam, DOEL / "markercluster" / naam)
    (DOEL / "fonts").mkdir(exist_ok=True)
    variabel = fontpkg_noto_sans.ROOT / "files" / "NotoSans[wdth,wght].ttf"
    for naam, gewicht in FONTS.items():
        if (DOEL / "fonts" / naam).exists():
            continue  # cutting an instance takes seconds; the package version is pinned
        instantiateVariableFont(TTFont(variabel), {"wght": gewicht, "wdth": 100}).save(DOEL / "fonts" / naam)
    print(f"Leaflet {leaflet.VERSION}, Leaflet.markercluster {markercluster.VERSION} en jQuery {jquery.VERSION} gekopieerd, Noto Sans gemaakt in {DOEL}")


if __name__ == "__main__":
    main()
