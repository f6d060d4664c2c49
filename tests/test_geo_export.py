"""Downloads carry their attribution and read back in common tools."""

from __future__ import annotations

import io
import json
from datetime import date

import pandas as pd
import pyogrio
import pytest

from app import settings as s
from geo import export
from geo.vergelijking import overzicht


@pytest.fixture(scope="module")
def breed(data):
    return export.breed(overzicht(data, "buurt", s.RAAD_INDICATOREN), data)


@pytest.fixture(scope="module")
def regels(data):
    return export.bronvermelding(data, date(2026, 11, 25))


def test_attribution_names_sources_years_and_licence(regels):
    tekst = "\n".join(regels)
    assert "CC-BY 4.0" in tekst and "25-11-2026" in tekst
    assert "Kerncijfers wijken en buurten 2024" in tekst and "peiljaar 2024" in tekst
    assert "peiljaar onbekend" in tekst  # the seed figures say so instead of inventing a year


def test_wide_table_keeps_numbers_and_unknowns_empty(breed):
    assert len(breed) == 43
    rij = breed.set_index("code").loc["BU19160602"]
    assert rij["Kinderen in huishouden tot sociaal minimum (%)"] == 42
    assert rij["Kinderen in huishouden tot sociaal minimum: t.o.v. gemeente"] == "ongunstiger"
    assert rij["Kinderen in huishouden tot sociaal minimum: gemeente"] == 9
    assert rij["Kinderen in huishouden tot sociaal minimum: verschil met gemeente"] == 33
    assert rij["Kinderen in huishouden tot sociaal minimum: peiljaar"] == "onbekend"
    assert "Presentatie" in rij["Kinderen in huishouden tot sociaal minimum: bron"]
    assert pd.isna(breed.set_index("code").loc["BU19160100", "Kinderen in huishouden tot sociaal minimum (%)"])


def test_csv_has_attribution_lines_and_reads_back(breed, regels):
    inhoud = export.csv_bytes(breed, regels)
    assert inhoud.decode("utf-8-sig").startswith("# Sterk voor Noord")
    terug = pd.read_csv(io.BytesIO(inhoud), comment="#", encoding="utf-8-sig")
    assert len(terug) == 43 and list(terug.columns) == list(breed.columns)


def test_excel_has_table_and_attribution_sheet(breed, regels):
    bladen = pd.read_excel(io.BytesIO(export.excel_bytes(breed, regels)), sheet_name=None)
    assert set(bladen) == {"Overzicht", "Bronvermelding"}
    assert len(bladen["Overzicht"]) == 43
    assert bladen["Bronvermelding"]["Bronvermelding"].tolist() == regels


def test_geojson_is_wgs84_with_attribution_members(data, breed, regels):
    inhoud = json.loads(export.geojson_bytes(export.kaartlaag(breed, data.gebieden), regels))
    assert inhoud["bronvermelding"] == regels and "CC-BY 4.0" in inhoud["licentie"]
    assert len(inhoud["features"]) == 43
    lon, lat = inhoud["features"][0]["geometry"]["coordinates"][0][0]
    assert 4.3 < lon < 4.6 and 52.0 < lat < 52.2


def test_geopackage_has_layer_and_attribution_table(tmp_path, data, breed, regels):
    pad = tmp_path / "x.gpkg"
    pad.write_bytes(export.gpkg_bytes(export.kaartlaag(breed, data.gebieden), regels))
    lagen = dict(pyogrio.list_layers(pad))
    assert lagen["overzicht"] == "Polygon" and "bronvermelding" in lagen
    laag = pyogrio.read_dataframe(pad, layer="overzicht")
    assert len(laag) == 43 and laag.crs.to_epsg() == 28992
    assert pyogrio.read_dataframe(pad, layer="bronvermelding")["bronvermelding"].tolist() == regels


def test_csv_cells_never_run_as_spreadsheet_formulas():
    import pandas as pd

    from geo.export import csv_bytes, zonder_formulebeveiliging

    tabel = pd.DataFrame({"tekst": ['=HYPERLINK("http://x","klik")', "+1+1", "@SUM(A1)", "-3,5", "-2+3", "gewoon"],
                          "getal": [1, 2, 3, -4, 5, 6]})
    regels = csv_bytes(tabel, ["Bron: test"]).decode("utf-8-sig").splitlines()
    assert regels[2].startswith('"\'=HYPERLINK') and regels[3].startswith("'+1+1") and regels[4].startswith("'@SUM")
    assert regels[5] == '"-3,5",-4' and regels[6] == "'-2+3,5" and regels[7] == "gewoon,6"
    assert zonder_formulebeveiliging("'=1+1") == "=1+1" and zonder_formulebeveiliging("'t is") == "'t is"
