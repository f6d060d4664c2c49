"""Copy the front-end files the map needs from pinned PyPI packages into ./static/vendor,
and make the static fonts the PDF export uses.

Why: the map must work without internet, so Leaflet is served by Streamlit itself
(server.enableStaticServing) instead of a CDN. streamlit-folium loads the map's scripts one
after the other, each waiting for the previous, so Leaflet and Leaflet.markercluster go into one
file (``BUNDEL``): one request fewer before the first map is drawn. Noto Sans comes as one
variable font; cutting the regular and bold instances takes seconds, so it is done here once
instead of on every PDF.
The files are generated, not committed.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import fontpkg_noto_sans
import xstatic.pkg.leaflet_markercluster as markercluster
from fontTools.ttLib import TTFont
from fontTools.varLib.instancer import instantiateVariableFont
from xstatic.pkg import leaflet

DOEL = Path(__file__).resolve().parent.parent / "static" / "vendor"
BUNDEL = DOEL / "leaflet" / "leaflet-met-clusters.js"  # app/map_build.py loads it by this path
FONTS = {"NotoSans-Regular.ttf": 400, "NotoSans-Bold.ttf": 700}


def main() -> None:
    for oud in ("leaflet", "jquery", "markercluster"):
        shutil.rmtree(DOEL / oud, ignore_errors=True)
    leaflet_doel = DOEL / "leaflet"
    leaflet_doel.mkdir(parents=True)
    bron = Path(leaflet.BASE_DIR)
    shutil.copy2(bron / "leaflet.css", leaflet_doel / "leaflet.css")
    shutil.copytree(bron / "images", leaflet_doel / "images")
    # Clusters of many meldingen on the Kaart (Leaflet.markercluster, needs the global L first).
    # Both files keep their licence header; the ";" ends Leaflet's last statement.
    clusters = Path(markercluster.BASE_DIR)
    BUNDEL.write_text((bron / "leaflet.js").read_text("utf-8") + "\n;\n"
                      + (clusters / "leaflet.markercluster.js").read_text("utf-8"), "utf-8")
    (DOEL / "markercluster").mkdir()
    for naam in ("MarkerCluster.css", "MarkerCluster.Default.css"):
        shutil.copy2(clusters / naam, DOEL / "markercluster" / naam)
    (DOEL / "fonts").mkdir(exist_ok=True)
    variabel = fontpkg_noto_sans.ROOT / "files" / "NotoSans[wdth,wght].ttf"
    for naam, gewicht in FONTS.items():
        if (DOEL / "fonts" / naam).exists():
            continue  # cutting an instance takes seconds; the package version is pinned
        instantiateVariableFont(TTFont(variabel), {"wght": gewicht, "wdth": 100}).save(DOEL / "fonts" / naam)
    print(f"Leaflet {leaflet.VERSION} en Leaflet.markercluster {markercluster.VERSION} gekopieerd, Noto Sans gemaakt in {DOEL}")


if __name__ == "__main__":
    main()
