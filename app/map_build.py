"""Build the folium map: base layers (buurten, outlines) and switchable symbol layers.

Pure folium, no Streamlit: unit tests render the result and inspect the generated Leaflet code.
The base map changes only with the indicator or background; filters only change the symbol
layers, which `st_folium(feature_group_to_add=...)` swaps without re-sending the base map.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import folium
import geopandas as gpd
import pandas as pd
import shapely.geometry
from folium.template import Template
from folium.utilities import JsCode

from app import settings as s
from app.formats import html_veilig, waarde_tekst
from app.symbolen import plaatsing, symbooltekst, symboolvorm
from geo.classify import GEEN_GEGEVENS, Klasse, kleur_voor
from geo.indicators import Kaartwaarden
from geo.schema import PRECISIE_BENADERING, PRECISIE_EXACT

_CLUSTER_CSS = [
    ("markerclustercss", f"{s.STATIC_URL}/vendor/markercluster/MarkerCluster.css"),
    ("markerclusterdefaultcss", f"{s.STATIC_URL}/vendor/markercluster/MarkerCluster.Default.css"),
]


class OfflineMap(folium.Map):
    """A folium Map that loads Leaflet from the app's own static folder, never from a CDN.

    folium's other defaults are not loaded at all: jQuery (only folium's own popups use it; the
    popups of this map are built by wijkkaart.js), Bootstrap and awesome-markers. streamlit-folium
    loads scripts one after the other, so Leaflet comes in one file with its cluster plugin
    (scripts/vendor_assets.py).
    """

    default_js = [
        ("leaflet", f"{s.STATIC_URL}/vendor/leaflet/leaflet-met-clusters.js"),
        ("wijkkaart_js", f"{s.STATIC_URL}/wijkkaart.js"),
    ]
    default_css = [
        ("leaflet_css", f"{s.STATIC_URL}/vendor/leaflet/leaflet.css"),
        *_CLUSTER_CSS,
        ("wijkkaart_css", f"{s.STATIC_URL}/wijkkaart.css"),
    ]

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        # Without tiles Leaflet knows no maximum zoom, and marker clusters need one. The cluster
        # plugin is loaded with the map: the symbol layers are added after the map is drawn
        # (``feature_group_to_add``), when it is too late to load a script for them.
        self.options.setdefault("max_zoom", s.MAX_ZOOM)
        self.add_child(_ElkeKlik())


class _ElkeKlik(folium.MacroElement):
    """Report every click, also a second one on the same spot (``wkElkeKlik`` in wijkkaart.js)."""

    _template = Template(
        "{% macro script(this, kwargs) %}wkElkeKlik({{ this._parent.get_name() }});{% endmacro %}"
    )


def _merc_y(lat: float) -> float:
    """Web Mercator's y of a latitude (radians of the projected plane)."""
    return math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))


def beeld(bounds: Sequence[float], breedte_px: int = s.KAART_BREEDTE, hoogte_px: int = s.KAART_HOOGTE) -> tuple[list[float], float]:
    """Centre and the largest zoom (in steps of ``ZOOM_STAP``) at which lon/lat ``bounds`` fit.

    st_folium moves an existing map only by centre and zoom, so "fit bounds" is computed here.
    """
    minx, miny, maxx, maxy = bounds
    zoom_x = math.log2(breedte_px * 360 / (256 * max(maxx - minx, 1e-9)))
    zoom_y = math.log2(hoogte_px * 2 * math.pi / (256 * max(_merc_y(maxy) - _merc_y(miny), 1e-9)))
    zoom = max(1.0, min(18.0, math.floor(min(zoom_x, zoom_y) / s.ZOOM_STAP) * s.ZOOM_STAP))
    return [(miny + maxy) / 2, (minx + maxx) / 2], zoom


def omtrek(centrum: Sequence[float], zoom: float, breedte_px: int = s.KAART_BREEDTE,
           hoogte_px: int = s.KAART_HOOGTE) -> tuple[float, float, float, float]:
    """(west, south, east, north) a map of this size shows at ``centrum`` (lat, lon) and ``zoom``:
    the inverse of :func:`beeld`, for the first draw of a large map, before the browser reports it."""
    graden = 360 / (256 * 2**zoom)  # longitude per pixel
    lat, lon = centrum

    def lat_van(y: float) -> float:
        return math.degrees(2 * math.atan(math.exp(y)) - math.pi / 2)

    dy = hoogte_px / 2 * 2 * math.pi / (256 * 2**zoom)
    return (lon - breedte_px / 2 * graden, lat_van(_merc_y(lat) - dy), lon + breedte_px / 2 * graden,
            lat_van(_merc_y(lat) + dy))


def buurt_hoverregels(buurten: pd.DataFrame, kw: Kaartwaarden, wijknamen: dict[str, str]) -> list[list[str]]:
    """Per buurt (rows with ``code``, ``naam``, ``wijkcode``) the lines of its hover text as plain
    text: name; figure with unit; its origin and year. The same on the SVG map and on the canvas of
    a large map."""
    waarden = kw.waarden.loc[buurten["code"]]
    return [
        _hoverregels(naam, *rij, wijknamen.get(wijk, wijk), kw)
        for naam, wijk, rij in zip(buurten["naam"], buurten["wijkcode"],
                                   waarden[["waarde", "kwalificatie", "niveau", "peiljaar"]].itertuples(index=False, name=None),
                                   strict=True)
    ]


def _hoverregels(naam: str, waarde: float, kwalificatie: str, niveau: str, peiljaar: object, wijknaam: str,
                 kw: Kaartwaarden) -> list[str]:
    if pd.isna(waarde):
        return [naam, f"{kw.indicator.label}: onbekend (geen gegevens)"]
    herkomst = "buurtcijfer" if niveau == "buurt" else f"cijfer van wijk {wijknaam}"
    return [naam, f"{kw.indicator.label}: {waarde_tekst(waarde, kw.indicator.eenheid, kwalificatie)}",
            f"{herkomst}, peiljaar {peiljaar}"]


def _tooltip_buurt(regels: list[str]) -> str:
    """Hover text of a buurt as HTML; every value is escaped because folium inserts it as HTML."""
    kop, cijfer, *herkomst = map(html_veilig, regels)
    return "<br>".join([f"<b>{kop}</b>", cijfer, *(f"<small>{h}</small>" for h in herkomst)])


def basiskaart(
    buurten_web: gpd.GeoDataFrame,
    wijknamen: dict[str, str],
    omlijningen: dict[str, gpd.GeoDataFrame],
    kw: Kaartwaarden,
    klassen: Sequence[Klasse],
    start: tuple[list[float], float],
    achtergrond: bool,
) -> OfflineMap:
    """The map without symbols: coloured buurten, gemeente and programme-area outlines.

    ``omlijningen`` maps "gemeente" and "programmagebied" to frames in WGS84.
    """
    kaart = OfflineMap(
        location=start[0], zoom_start=start[1], tiles=None, control_scale=False, zoom_snap=s.ZOOM_STAP
    )
    _grond(kaart, achtergrond)

    vlakken = buurten_web[["code", "naam", "wijkcode", "geometry"]].copy()
    vlakken["kleur"] = [kleur_voor(kw.waarden.loc[c, "waarde"], klassen) for c in vlakken["code"]]
    vlakken["tooltip"] = [_tooltip_buurt(regels) for regels in buurt_hoverregels(vlakken, kw, wijknamen)]
    vlakken["naam"] = vlakken["naam"].map(html_veilig)
    folium.GeoJson(
        vlakken.to_json(drop_id=True),
        name="Buurten",
        style_function=_buurtstijl,
        highlight_function=lambda _f: {"weight": 3, "color": "#000000"},
        tooltip=folium.GeoJsonTooltip(fields=["tooltip"], labels=False, sticky=True),
        on_each_feature=JsCode(
            "function(feature, layer) {"
            " layer.options.className = 'wk-buurt wk-' + feature.properties.code; }"
        ),
    ).add_to(kaart)
    _omlijn(kaart, omlijningen)
    return kaart


def grote_basiskaart(omlijningen: dict[str, gpd.GeoDataFrame], start: tuple[list[float], float],
                     achtergrond: bool) -> OfflineMap:
    """The base map of a large set: outlines only; the buurten in view come as a canvas layer
    (:func:`vlakkenlaag`) in a pane below the outlines."""
    kaart = OfflineMap(
        location=start[0], zoom_start=start[1], tiles=None, control_scale=False, zoom_snap=s.ZOOM_STAP
    )
    _grond(kaart, achtergrond)
    kaart.add_child(_Vlakkenpaneel())
    # outlines of a country-sized area: about a metre of detail is all a map of it can show
    _omlijn(kaart, {k: v.assign(geometry=v.geometry.simplify(0.00001)) for k, v in omlijningen.items()})
    return kaart


class _Vlakkenpaneel(folium.MacroElement):
    """A map pane under the outlines (overlays are at z-index 400) for the buurten canvas."""

    _template = Template(
        "{% macro script(this, kwargs) %}"
        "{{ this._parent.get_name() }}.createPane('wkVlakken').style.zIndex = 350;"
        "{% endmacro %}"
    )


def _omlijn(kaart: folium.Map, omlijningen: dict[str, gpd.GeoDataFrame]) -> None:
    """The gemeente border and, thicker on top, the programme area's."""
    for naam, frame, kleur, dikte in (
        ("Gemeentegrens", omlijningen["gemeente"], s.GEMEENTE_RAND, 2),
        (s.GEBIED_NAAM, omlijningen["programmagebied"], s.PROGRAMMA_RAND, 4),
    ):
        folium.GeoJson(
            frame[["geometry"]].to_json(drop_id=True),
            name=naam,
            style_function=lambda _f, k=kleur, d=dikte: {"color": k, "weight": d, "fill": False, "interactive": False},
            interactive=False,
        ).add_to(kaart)


def _buurtstijl(feature: dict) -> dict:
    kleur = feature["properties"]["kleur"]
    geen = kleur == GEEN_GEGEVENS
    return {
        "fillColor": kleur,
        "fillOpacity": 0.55 if geen else 0.85,
        "color": "#737373",
        "weight": 1,
        "dashArray": "4 3" if geen else None,
    }


class _Kaartteksten(folium.MacroElement):
    """Dutch map controls: data attribution (there may be no tiles to carry one), Dutch zoom
    button titles and a metric-only scale bar."""

    _template = Template(
        "{% macro script(this, kwargs) %}"
        "{% set kaart = this._parent.get_name() %}"
        "{{ kaart }}.attributionControl.addAttribution({{ this.tekst|tojson }});"
        "{{ kaart }}.zoomControl._zoomInButton.title = 'Inzoomen';"
        "{{ kaart }}.zoomControl._zoomOutButton.title = 'Uitzoomen';"
        "{{ kaart }}.zoomControl._zoomInButton.setAttribute('aria-label', 'Inzoomen');"
        "{{ kaart }}.zoomControl._zoomOutButton.setAttribute('aria-label', 'Uitzoomen');"
        "L.control.scale({imperial: false}).addTo({{ kaart }});"
        "{% endmacro %}"
    )

    def __init__(self, tekst: str) -> None:
        super().__init__()
        self.tekst = html_veilig(tekst)


def _symbool(item: pd.Series, anker: list[float]) -> dict:
    """What static/wijkkaart.js needs to draw one symbol, as plain text (it uses textContent)."""
    vorm, kleur = symboolvorm(item)
    soort = "Actie" if item["soort"] == "actie" else "Overlast (hotspot)"
    rijen = [
        ("Soort", soort),
        ("Opgave", item["opgave"]),
        ("Status", item["status"] or "—"),
        ("Jaar" if item["soort"] == "actie" else "Periode", item["periode"]),
        ("Partners", item["partners"] or "onbekend") if item["soort"] == "actie" else None,
        ("Locatie", f"{item['precisie']}: getoond in {item['gebiedsnaam']}"),
        ("Plek", f"{item['plaats']} — {item['adres']}") if item["plaats"] else None,
        ("Coördinaten", item["plek_herkomst"]) if item.get("plek_herkomst") else None,
        ("Bron", item["bron"]),
    ]
    return {
        "lat": item["lat"], "lon": item["lon"], "anker": anker, "cluster": item["precisie"] == PRECISIE_EXACT,
        "id": item["id"], "soort": item["soort"], "opgave": item["opgave"], "vorm": vorm, "kleur": kleur,
        "precisie": {PRECISIE_EXACT: "exact", PRECISIE_BENADERING: "benadering"}.get(item["precisie"], "onbekend"),
        "tip": symbooltekst(item), "naam": item["naam"], "omschrijving": item["omschrijving"],
        "rijen": [[k, str(v)] for k, v in filter(None, rijen)],
    }


class _Symbolen(folium.MacroElement):
    """All symbols of a layer as one JSON list; static/wijkkaart.js turns it into markers.

    Why not one folium.Marker per symbol: with a thousand meldingen that generated 2 MB of
    script and took 2 s to build. The script puts every text in with textContent, and
    ``tojson`` makes the list itself safe inside the script tag.
    """

    _template = Template(
        "{% macro script(this, kwargs) %}"
        "wkSymbolen({{ this._parent.get_name() }}, {{ this.px }}, {{ this.cluster_opties|tojson }},"
        " {{ this.symbolen|tojson }});"
        "{% endmacro %}"
    )

    def __init__(self, symbolen: list[dict], cluster_opties: dict) -> None:
        super().__init__()
        self.symbolen = symbolen
        self.cluster_opties = cluster_opties
        self.px = s.SYMBOOL_PX


class _Vlakken(folium.MacroElement):
    """Coloured buurten as one JSON list, drawn on a canvas by static/wijkkaart.js (large sets).

    Why not folium.GeoJson: thousands of SVG paths with their own style and tooltip made the page
    slow to build and to draw; a canvas draws ten thousand polygons in a fraction of a second.
    The hover text goes in with textContent.
    """

    _template = Template(
        "{% macro script(this, kwargs) %}"
        "wkVlakken({{ this._parent.get_name() }}, {{ this.vlakken|tojson }});"
        "{% endmacro %}"
    )

    def __init__(self, vlakken: list[dict]) -> None:
        super().__init__()
        self.vlakken = vlakken


def vlakkenlaag(codes: Sequence[str], vormen: Sequence, kleuren: Sequence[str], tips: Sequence[str]) -> folium.FeatureGroup:
    """The buurten in view as a layer (``vormen``: WGS84 shapely geometries, already simplified)."""
    vlakken = [
        {"c": c, "k": k, "t": t, "g": shapely.geometry.mapping(v)}
        for c, v, k, t in zip(codes, vormen, kleuren, tips, strict=True)
    ]
    laag = folium.FeatureGroup(name="Buurten")
    laag.add_child(_Vlakken(vlakken))
    return laag


def symboollagen(items: pd.DataFrame) -> list[folium.FeatureGroup]:
    """The switchable layers of symbols: acties, then overlast; each symbol with tooltip and popup.

    Symbols that share an anchor (same area, same placement) are spread out in pixels, so each
    stays clickable at every zoom without pretending to be a separate location. They are spread
    out together, across both layers: placed per layer, an actie sat exactly under the hotspot at
    the same anchor. Exactly placed symbols (meldingen at an address) join clusters that show
    their number when zoomed out.
    """
    half = s.SYMBOOL_PX / 2
    geplaatst = plaatsing(items)
    lagen = []
    for soort, naam in s.SYMBOOLLAGEN.items():
        symbolen = [_symbool(item, [half - dx, half - dy]) for item, (dx, dy) in geplaatst if item["soort"] == soort]
        if symbolen:
            laag = folium.FeatureGroup(name=naam)
            laag.add_child(_Symbolen(symbolen, {"maxClusterRadius": 40, "disableClusteringAtZoom": 17,
                                                "spiderfyOnMaxZoom": True, "showCoverageOnHover": False}))
            lagen.append(laag)
    return lagen


def selectielaag(geometrie: gpd.GeoDataFrame) -> folium.FeatureGroup:
    """Outline of the buurt the user clicked; a layer, so selecting does not rebuild the map."""
    laag = folium.FeatureGroup(name="Gekozen buurt")
    folium.GeoJson(
        geometrie[["geometry"]].to_json(drop_id=True),
        style_function=lambda _f: {"color": s.SELECTIE_RAND, "weight": 5, "fill": False, "className": "wk-selectie"},
        interactive=False,
    ).add_to(laag)
    return laag


def _grond(kaart: folium.Map, achtergrond: bool) -> None:
    """The optional PDOK background (online only) and the data attribution, needed without tiles too."""
    if achtergrond:
        folium.TileLayer(s.ACHTERGROND_URL, attr=html_veilig(s.ACHTERGROND_ATTRIBUTIE), name="Achtergrond",
                         max_zoom=s.MAX_ZOOM).add_to(kaart)
    kaart.add_child(_Kaartteksten(s.DATA_ATTRIBUTIE))


def kiezerkaart(buurten_web: gpd.GeoDataFrame, omlijningen: dict[str, gpd.GeoDataFrame],
                achtergrond: bool = False) -> OfflineMap:
    """A plain map to place an item by clicking: buurt outlines with their names, the gemeente and
    programme-area borders (the point goes on it as a layer, :func:`puntlaag`). It opens on
    Leidschendam-Noord, where the wijkteam works; the rest of the gemeente is a zoom away."""
    centrum, zoom = beeld(omlijningen["programmagebied"].total_bounds, s.KIEZER_BREEDTE, s.KIEZER_HOOGTE)
    kaart = OfflineMap(location=centrum, zoom_start=zoom, tiles=None, control_scale=False, zoom_snap=s.ZOOM_STAP)
    _grond(kaart, achtergrond)
    vlakken = buurten_web[["naam", "geometry"]].assign(naam=buurten_web["naam"].map(html_veilig))
    folium.GeoJson(
        vlakken.to_json(drop_id=True),
        name="Buurten",
        style_function=lambda _f: {"fillColor": s.LOCATOR_GRIJS, "fillOpacity": 0.15 if achtergrond else 0.5,
                                   "color": "#737373", "weight": 1},
        tooltip=folium.GeoJsonTooltip(fields=["naam"], labels=False, sticky=True),
    ).add_to(kaart)
    _omlijn(kaart, omlijningen)
    return kaart


def puntlaag(punt: tuple[float, float]) -> folium.FeatureGroup:
    """The chosen point (lon, lat) as a layer: changing it does not rebuild the map, so the map
    does not reload and send a value (which made a Save click right after it get lost)."""
    laag = folium.FeatureGroup(name="Gekozen punt")
    folium.CircleMarker(location=[punt[1], punt[0]], radius=9, color="#000000", weight=3, fill=True,
                        fill_color=s.SELECTIE_RAND, fill_opacity=1, interactive=False).add_to(laag)
    return laag
