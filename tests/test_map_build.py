"""Map builder: rendered Leaflet code uses local assets, escapes text, draws every layer."""

from __future__ import annotations

import re

import pytest

from app import settings as s
from app.filters import Kaartkeuze, indicatoren_voor
from app.map_build import OfflineMap, basiskaart, beeld, symboollagen
from app.map_view import _buurten_in_beeld, gefilterde_items
from app.symbolen import verschuivingen
from geo.classify import natuurlijke_grenzen
from geo.indicators import kaartwaarden
from geo.schema import OPGAVEN, STATUSSEN

CDN = re.compile(r"https?://(?!service\.pdok\.nl)[^\"' ]+\.(js|css)")


def _kaart(data, indicator="bevolkingsdichtheid", achtergrond=False):
    kw = kaartwaarden(data.indicatoren, data.grenzen.buurten, data.definities[indicator])
    klassen = natuurlijke_grenzen(kw.waarden["waarde"].tolist())
    start = beeld(data.omlijningen_web["programmagebied"].total_bounds)
    return basiskaart(data.buurten_web, data.wijknamen, data.omlijningen_web, kw, klassen, start, achtergrond)


def test_assets_are_local_only():
    for _, url in OfflineMap.default_js + OfflineMap.default_css:
        assert url.startswith(s.STATIC_URL + "/")


def test_map_script_needs_no_jquery(data):
    """jQuery is not loaded (one sequential request fewer); folium's own popups would need it."""
    kaart = _kaart(data)
    for laag in symboollagen(data.programma.items):
        laag.add_to(kaart)
    html = kaart.get_root().render()
    assert "$(" not in html and "jQuery" not in html


def test_rendered_map_has_no_cdn_links_and_all_buurten(data):
    html = _kaart(data).get_root().render()
    assert not CDN.search(html), CDN.search(html)
    assert html.count('"code": "BU1916') == 43
    assert "wk-buurt wk-" in html
    assert "attributionControl.addAttribution" in html


def test_background_tiles_only_when_asked(data):
    assert "service.pdok.nl" not in _kaart(data).get_root().render()
    assert "service.pdok.nl" in _kaart(data, achtergrond=True).get_root().render()


def test_wijk_figures_are_labelled_in_the_tooltip(data):
    html = _kaart(data).get_root().render()
    assert "cijfer van wijk De Heuvel / Amstelwijk" in html


def test_large_map_hover_text_says_what_the_svg_tooltip_says(data):
    """The canvas of a large map and the SVG map give a buurt the same lines: name, figure, origin."""
    kw = kaartwaarden(data.indicatoren, data.grenzen.buurten, data.definities["kinderen_sociaal_minimum"])
    klassen = natuurlijke_grenzen(kw.waarden["waarde"].tolist())
    laag = _buurten_in_beeld(data, kw, klassen, tuple(data.buurten_web.total_bounds), 18.0)
    tips = {v["c"]: v["t"] for v in next(iter(laag._children.values())).vlakken}
    assert len(tips) == 43
    assert tips["BU19160602"].split("\n") == [
        "De Heuvel noord", "Kinderen in huishouden tot sociaal minimum: 42 %",
        "buurtcijfer, peiljaar onbekend"]
    html = _kaart(data, "kinderen_sociaal_minimum").get_root().render().replace("\\u003c", "<").replace("\\u003e", ">")
    assert "<b>De Heuvel noord</b><br>Kinderen in huishouden tot sociaal minimum: 42 %<br><small>buurtcijfer, peiljaar onbekend</small>" in html


def test_symbol_text_is_escaped(data):
    item = data.programma.items.iloc[[0]].copy()
    item["naam"] = '<img src=x onerror="alert(1)">'
    item["omschrijving"] = "<script>alert(2)</script>"
    (laag,) = symboollagen(item)
    kaart = OfflineMap(tiles=None)
    laag.add_to(kaart)
    html = kaart.get_root().render()
    # the symbols go as JSON data (tojson: < becomes \u003c) to static/wijkkaart.js, which puts
    # every text into the page with textContent
    assert "<script>alert(2)" not in html and "onerror=\"alert" not in html and "${" not in html
    assert "\\u003cscript\\u003ealert(2)\\u003c/script\\u003e" in html


def test_symbols_of_one_area_do_not_overlap():
    stapel = verschuivingen(16, bovenrand=True)
    assert len(set(stapel)) == 16
    assert all(dy < 0 for _, dy in stapel)  # stacked above the top edge
    assert verschuivingen(1, bovenrand=False) == [(0, 0)]


def test_view_fits_leidschendam_noord_closer_than_gemeente(data):
    _, zoom_noord = beeld(data.omlijningen_web["programmagebied"].total_bounds)
    _, zoom_gemeente = beeld(data.omlijningen_web["gemeente"].total_bounds)
    assert zoom_noord > zoom_gemeente
    assert zoom_noord % s.ZOOM_STAP == 0


def _keuze(data, opgaven=OPGAVEN, statussen=STATUSSEN, acties=True, hotspots=True):
    return Kaartkeuze(tuple(opgaven), tuple(statussen), data.definities["bevolkingsdichtheid"], acties, hotspots, False,
                      s.BEELD_NOORD, (2000, 2100), None)


@pytest.mark.parametrize("opgave", OPGAVEN)
def test_filter_by_one_opgave(data, opgave):
    items = gefilterde_items(data, _keuze(data, opgaven=[opgave]))
    assert len(items) and set(items["opgave"]) == {opgave}


def test_filter_by_status_keeps_hotspots(data):
    items = gefilterde_items(data, _keuze(data, statussen=["gepland"]))
    assert set(items.loc[items["soort"] == "actie", "status"]) == {"gepland"}
    assert (items["soort"] == "hotspot").sum() == len(data.programma.hotspots)


def test_empty_filter_gives_empty_frame(data):
    assert gefilterde_items(data, _keuze(data, opgaven=[])).empty
    assert gefilterde_items(data, _keuze(data, acties=False, hotspots=False)).empty


def test_indicator_choice_follows_opgave(data):
    wonen = indicatoren_voor(data, ("Fijn en veilig wonen",))
    assert "inwoners_per_woning" in wonen and "bijstand_langer_dan_jaar" not in wonen
    assert "bijstand_langer_dan_jaar" in indicatoren_voor(data, ("Financiële zelfredzaamheid",))
    assert "bevolkingsdichtheid" in wonen


def test_html_for_folium_cannot_break_out_of_a_template_literal():
    """folium puts popup and tooltip HTML in JavaScript template literals: ${...} would run."""
    from app.formats import html_veilig

    uit = html_veilig("${alert(1)} `x` \\u0041 <b>")
    assert "${" not in uit and "`" not in uit and "\\" not in uit
    assert uit == "&#36;{alert(1)} &#96;x&#96; &#92;u0041 &lt;b&gt;"


def test_acties_and_hotspots_at_one_anchor_never_cover_each_other(data):
    """Spread out per layer, an actie sat exactly under a hotspot of the same area (found in review:
    four acties could not be hovered or clicked)."""
    lagen = symboollagen(data.programma.items)
    assert [laag.layer_name for laag in lagen] == ["Acties", "Overlast"]
    plekken = [(d["lat"], d["lon"], tuple(d["anker"])) for laag in lagen
               for kind in laag._children.values() for d in kind.symbolen]
    assert len(plekken) == len(data.programma.items) == len(set(plekken))
