"""Shapes for a large map: zoom bands, simplification, what is in view."""

from __future__ import annotations

import folium
import shapely

from app.map_build import beeld, omtrek, vlakkenlaag
from geo.vereenvoudiging import BANDEN, band, in_beeld, vereenvoudig


def test_each_zoom_has_a_band_and_close_zooms_are_exact():
    assert band(7) == 0 and band(10) == 1 and band(12.5) == 2 and band(BANDEN[-1][0]) == len(BANDEN) - 1
    assert band(16) is None


def test_coarser_bands_have_fewer_vertices_and_keep_every_buurt(data):
    web = data.buurten_web.geometry
    banden = vereenvoudig(web)
    aantallen = [shapely.get_num_coordinates(b).sum() for b in banden]
    assert aantallen == sorted(aantallen) and aantallen[-1] <= shapely.get_num_coordinates(web.to_numpy()).sum()
    assert all(len(b) == len(web) and not shapely.is_empty(b).any() for b in banden)


def test_only_buurten_in_view_are_chosen(data):
    web = data.buurten_web.geometry
    noord = data.omlijningen_web["programmagebied"].total_bounds
    gekozen = in_beeld(web, noord)
    assert set(data.programmagebied.buurten) <= set(data.buurten_web["code"].iloc[gekozen])
    assert len(gekozen) < len(web)
    assert len(in_beeld(web, data.omlijningen_web["gemeente"].total_bounds)) == len(web)


def test_the_view_of_a_centre_and_zoom_contains_what_was_fitted(data):
    grenzen = data.omlijningen_web["programmagebied"].total_bounds
    west, zuid, oost, noord = omtrek(*beeld(grenzen))
    assert west <= grenzen[0] and zuid <= grenzen[1] and oost >= grenzen[2] and noord >= grenzen[3]


def test_hover_texts_of_the_canvas_layer_are_data_not_script(data):
    laag = vlakkenlaag(["BU1"], [data.buurten_web.geometry.iloc[0]], ["#ffffcc"], ["</script><img src=x onerror=alert(1)>"])
    kaart = folium.Map()
    laag.add_to(kaart)
    html = kaart.get_root().render()
    assert "</script><img" not in html and "\\u003c/script\\u003e" in html
