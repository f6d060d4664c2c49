"""Boundaries: loading, validation, reprojection, click lookup."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from geo.boundaries import laad_grenzen, naar_web, wijkcode_van_buurt
from geo.configuratie import CONFIG
from geo.schema import DataFout
from geo.snapshot import lees_snapshot

BUNDEL = lees_snapshot(CONFIG.cbs_map).grensbron

NOORD = ["BU19160200", "BU19160201", "BU19160600", "BU19160601", "BU19160602"]


def test_bundle_has_43_buurten_13_wijken_1_gemeente(data):
    g = data.grenzen
    assert (len(g.buurten), len(g.wijken), len(g.gemeente)) == (43, 13, 1)
    assert g.buurten.crs.to_epsg() == 28992
    assert set(NOORD) <= set(g.buurten["code"])
    assert g.naam("BU19160602") == "De Heuvel noord"


def test_wijk_is_derived_from_buurt_code():
    assert wijkcode_van_buurt("BU19160602") == "WK191606"
    with pytest.raises(ValueError):
        wijkcode_van_buurt("WK191606")


def test_reprojection_lands_in_leidschendam(data):
    web = naar_web(data.grenzen.gemeente)
    minx, miny, maxx, maxy = web.total_bounds
    assert 4.30 < minx < maxx < 4.55 and 52.0 < miny < maxy < 52.2
    assert data.grenzen.gemeente.crs.to_epsg() == 28992  # the source frame is untouched


def test_buurt_at_click(data):
    punt = data.buurten_web.set_index("code").loc["BU19160602"].geometry.representative_point()
    assert data.grenzen.buurt_op_punt(punt.x, punt.y) == "BU19160602"
    assert data.grenzen.buurt_op_punt(5.0, 52.0) is None


def test_buurt_areas_roughly_cover_the_gemeente(data):
    # generalised layers do not coincide exactly (SOURCE.md: 35.39 vs 34.82 km2)
    buurten = data.grenzen.buurten.area.sum() / 1e6
    gemeente = data.grenzen.gemeente.area.sum() / 1e6
    assert abs(buurten - gemeente) / gemeente < 0.05


def _kopie(tmp_path: Path, wijzig) -> Path:
    bron = json.loads(BUNDEL.buurten.read_text())
    wijzig(bron)
    pad = tmp_path / "buurten.geojson"
    pad.write_text(json.dumps(bron))
    return pad


@pytest.mark.parametrize(
    ("wijzig", "melding"),
    [
        (lambda b: b["features"].append(b["features"][0]), "dubbele buurtcodes"),
        (lambda b: b["features"][0]["properties"].update(statcode="BU99990000"), "andere gemeente"),
        (lambda b: b["features"][0]["properties"].update(statcode="X1"), "ongeldige buurtcodes"),
        (lambda b: b["features"][0]["properties"].pop("statnaam"), "buurt zonder naam"),
        (lambda b: [f["properties"].pop("statnaam") for f in b["features"]], "kolommen ontbreken"),
        (lambda b: b["features"][0]["properties"].update(statcode="BU19169900"), "onbekende wijken"),
    ],
)
@pytest.mark.filterwarnings("ignore::RuntimeWarning")
def test_broken_boundary_file_gives_dutch_message(tmp_path, wijzig, melding):
    bron = replace(BUNDEL, buurten=_kopie(tmp_path, wijzig))
    with pytest.raises(DataFout, match=melding):
        laad_grenzen(bron)


def test_missing_file_is_reported(tmp_path):
    with pytest.raises(DataFout, match="ontbreekt"):
        laad_grenzen(replace(BUNDEL, wijken=tmp_path / "weg.geojson"))
