"""Import of acties and overlastmeldingen from CSV, Excel, GeoJSON and GeoPackage, and the export
that must read back unchanged. File-level problems must become one Dutch InvoerFout (never a
traceback); row problems must name the row the user sees in their own file."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, datetime
from pathlib import Path

import geopandas as gpd
import openpyxl
import pandas as pd
import pyogrio
import pytest
from pyproj import Transformer
from shapely.geometry import LineString, Point, Polygon

from geo import invoer as inv
from geo.beheer import Gebiedscontext, valideer
from geo.bundel import Wijkdata, gebiedscontext
from geo.invoer import InvoerFout, exporteer, lees_invoer
from geo.schema import DataFout

VANDAAG = date(2025, 6, 1)
LON, LAT = 4.40, 52.09  # inside the gemeente (buurt BU19160300)
RD_X, RD_Y = Transformer.from_crs("EPSG:4326", "EPSG:28992", always_xy=True).transform(LON, LAT)
XSS = ("<script>alert(1)</script>", "<img src=x onerror=alert(1)>", '"><svg onload=alert(1)>', "javascript:alert(1)",
       "[x](javascript:alert(1))")
ACTIE = {"naam": "Huiswerkklas", "opgave": "Onderwijs en jeugd", "status": "gestart", "jaar": "2024",
         "bron_omschrijving": "wijkteam"}
HOTSPOT = {"thema": "Rattenoverlast", "datum": "2025-05-01", "bron_omschrijving": "melding bewoner"}


@pytest.fixture(scope="module")
def context(data: Wijkdata) -> Gebiedscontext:
    return gebiedscontext(data)


@pytest.fixture(scope="module")
def buurt(context: Gebiedscontext) -> str:
    code = context.buurt_bij(LON, LAT)
    assert code is not None, "test point must lie inside the gemeente"
    return code


def lees(naam: str, inhoud: bytes, context: Gebiedscontext, soort: str = "actie") -> inv.Invoer:
    return lees_invoer(naam, inhoud, soort, context, VANDAAG)


def csv_inhoud(rijen: list[dict[str, str]], scheiding: str = ",", bom: bool = False, kop: list[str] | None = None,
               encoding: str = "utf-8") -> bytes:
    uit = io.StringIO(newline="")
    schrijver = csv.DictWriter(uit, fieldnames=kop or list(dict.fromkeys(k for r in rijen for k in r)),
                               delimiter=scheiding, lineterminator="\r\n")
    schrijver.writeheader()
    schrijver.writerows(rijen)
    return ("\ufeff" if bom else "").encode() + uit.getvalue().encode(encoding)


def xlsx_inhoud(rijen: list[list[object]], extra_blad: str | None = None) -> bytes:
    boek = openpyxl.Workbook()
    blad = boek.active
    for rij in rijen:
        blad.append(rij)
    if extra_blad:
        boek.create_sheet(extra_blad)["A1"] = "iets"
    uit = io.BytesIO()
    boek.save(uit)
    return uit.getvalue()


def geojson_inhoud(features: list[dict[str, object]], **leden: object) -> bytes:
    return json.dumps({"type": "FeatureCollection", **leden, "features": features}).encode()


def feature(geometrie: dict[str, object] | None, **eigenschappen: object) -> dict[str, object]:
    return {"type": "Feature", "geometry": geometrie, "properties": eigenschappen}


def gpkg_inhoud(pad: Path, laag: gpd.GeoDataFrame, tweede_laag: bool = False) -> bytes:
    bestand = pad / "invoer.gpkg"
    bestand.unlink(missing_ok=True)
    laag.to_file(bestand, layer="acties", driver="GPKG")
    if tweede_laag:
        laag.to_file(bestand, layer="nog_een", driver="GPKG", mode="a")
    return bestand.read_bytes()


def fout_van(invoer: inv.Invoer, nummer: int) -> str:
    return dict(invoer.fouten)[nummer]


# -- good files -----------------------------------------------------------------------------------


@pytest.mark.parametrize(("scheiding", "bom"), [(",", False), (",", True), (";", False), (";", True)])
def test_csv_komma_en_puntkomma_met_en_zonder_bom(context, buurt, scheiding, bom):
    rijen = [{**ACTIE, "gebiedscode": "LN", "lon": "", "lat": ""},
             {**ACTIE, "naam": "Taalcafé", "gebiedscode": "", "lon": "4,40", "lat": "52,09"}]
    uitkomst = lees("acties.csv", csv_inhoud(rijen, scheiding, bom), context)
    assert uitkomst.formaat == "csv" and uitkomst.fouten == [] and uitkomst.totaal == 2
    assert [n for n, _ in uitkomst.rijen] == [2, 3]
    eerste, tweede = (r for _, r in uitkomst.rijen)
    assert eerste["gebiedscode"] == "LN" and eerste["lon"] == ""
    assert tweede["naam"] == "Taalcafé" and (tweede["lon"], tweede["lat"], tweede["gebiedscode"]) == (
        "4.400000", "52.090000", buurt)


def test_csv_rijnummers_tellen_zoals_in_excel(context):
    # '#' lines and a blank line above the header, a cell with a line break, a blank row: all
    # count as spreadsheet rows, so the reported number is the row the user looks at.
    tekst = ("# bron: wijkteam\r\n\r\nnaam,opgave,status,jaar,bron_omschrijving,gebiedscode\r\n"
             'Huiswerkklas,Onderwijs en jeugd,gestart,2024,"wijkteam\r\nnoord",LN\r\n'
             "\r\n"
             "Fout,Sport,gestart,2024,wijkteam,LN\r\n"
             "Ook fout,Onderwijs en jeugd,bezig,twintig,,XX\r\n")
    uitkomst = lees("acties.csv", tekst.encode(), context)
    assert [n for n, _ in uitkomst.rijen] == [4]
    assert uitkomst.rijen[0][1]["bron_omschrijving"] == "wijkteam\r\nnoord"
    assert [n for n, _ in uitkomst.fouten] == [6, 7]
    assert fout_van(uitkomst, 6).startswith("opgave moet een van")
    redenen = fout_van(uitkomst, 7).split("; ")
    assert len(redenen) >= 4 and any("status" in r for r in redenen) and any("XX" in r for r in redenen)


@pytest.mark.parametrize(("voorloop", "scheiding", "eerste_rij"), [
    ('"# Sterk voor Noord, export 01-06-2025."\r\n', ",", 3),  # English Excel quotes the line (it has a comma)
    ("# Sterk voor Noord, export 01-06-2025.;;;;;\r\n;;;;;\r\n", ";", 4),  # Dutch Excel pads lines with ';'
])
def test_csv_export_door_excel_opnieuw_opgeslagen(context, voorloop, scheiding, eerste_rij):
    tekst = voorloop + scheiding.join([*ACTIE, "gebiedscode"]) + "\r\n" + scheiding.join([*ACTIE.values(), "LN"])
    uitkomst = lees("export.csv", tekst.encode("utf-8-sig"), context)
    assert uitkomst.fouten == [] and [n for n, _ in uitkomst.rijen] == [eerste_rij]


def test_csv_meldingen_datum_in_de_toekomst(context):
    rijen = [{**HOTSPOT, "gebiedscode": "LN"}, {**HOTSPOT, "datum": "2030-01-01", "gebiedscode": "LN"},
             {**HOTSPOT, "datum": "1-5-2025", "gebiedscode": "LN"}]
    uitkomst = lees("meldingen.csv", csv_inhoud(rijen, ";", bom=True), context, "hotspot")
    assert [n for n, _ in uitkomst.rijen] == [2]
    assert uitkomst.rijen[0][1]["periode"] == "2025"
    assert fout_van(uitkomst, 3) == "datum ligt in de toekomst"
    assert "JJJJ-MM-DD" in fout_van(uitkomst, 4)


def test_csv_kolomnamen_zonder_hoofdletters_en_spaties(context):
    inhoud = "Naam ; Opgave;STATUS;Jaar;Bron_Omschrijving;GebiedsCode\nA;Onderwijs en jeugd;gestart;2024;x;LN\n"
    assert [n for n, _ in lees("a.csv", inhoud.encode(), context).rijen] == [2]


def test_csv_te_veel_waarden_in_een_rij(context):
    inhoud = csv_inhoud([{**ACTIE, "gebiedscode": "LN"}]).decode() + "B,Onderwijs en jeugd,gestart,2024,x,LN,extra\n"
    uitkomst = lees("a.csv", inhoud.encode(), context)
    assert [n for n, _ in uitkomst.rijen] == [2]
    assert "meer waarden dan er kolommen" in fout_van(uitkomst, 3)


def test_onbekende_en_beheerkolommen(context):
    rijen = [{**ACTIE, "gebiedscode": "LN", "id": "actie_1", "versie": "3", "verwijderd": "0", "gewijzigd_op": "x",
              "gewijzigd_door": "y", "opgave_herkomst": "wijkteam", "bron_datum": "2024-01-01", "plaatsen": "",
              "periode": "2024", "Wijkagent": "Jan", "budget": "100"}]
    uitkomst = lees("a.csv", csv_inhoud(rijen), context)
    assert uitkomst.genegeerde_kolommen == ["Wijkagent", "budget"]
    assert len(uitkomst.rijen) == 1 and "id" not in uitkomst.rijen[0][1]


def test_excel_met_getallen_datums_en_lege_rijen(context, buurt):
    rijen = [
        ["thema", "datum", "omschrijving", "gebiedscode", "lon", "lat", "bron_omschrijving", "notitie"],
        ["Rattenoverlast", datetime(2025, 5, 1), "bij de speeltuin", None, LON, LAT, "melding", "x"],
        [None] * 8,
        ["Meeuwenoverlast", "2025-04-02", None, "LN", None, None, "melding", None],
        ["Grofvuil", datetime(2031, 1, 1), None, "LN", None, None, "melding", None],
    ]
    uitkomst = lees("meldingen.xlsx", xlsx_inhoud(rijen), context, "hotspot")
    assert uitkomst.formaat == "xlsx" and uitkomst.meldingen == []
    assert [n for n, _ in uitkomst.rijen] == [2, 4]
    eerste = uitkomst.rijen[0][1]
    assert (eerste["datum"], eerste["lon"], eerste["gebiedscode"]) == ("2025-05-01", "4.400000", buurt)
    assert uitkomst.fouten == [(5, "datum ligt in de toekomst")]
    assert uitkomst.genegeerde_kolommen == ["notitie"]


def test_excel_leest_alleen_het_eerste_werkblad_en_zegt_dat(context):
    rijen = [list(ACTIE) + ["gebiedscode"], list(ACTIE.values()) + ["LN"]]
    uitkomst = lees("a.XLSX", xlsx_inhoud(rijen, extra_blad="Blad2"), context)
    assert len(uitkomst.rijen) == 1
    assert uitkomst.meldingen and "eerste werkblad" in uitkomst.meldingen[0]


def test_excel_jaar_als_getal(context):
    rijen = [list(ACTIE) + ["gebiedscode"], [*list(ACTIE.values())[:3], 2024, "wijkteam", "LN"]]
    assert lees("a.xlsx", xlsx_inhoud(rijen), context).rijen[0][1]["jaar"] == "2024"


def test_geojson_wgs84(context, buurt):
    features = [feature({"type": "Point", "coordinates": [LON, LAT]}, **ACTIE),
                feature(None, **ACTIE, gebiedscode="LN"),
                feature(None, **ACTIE),
                feature({"type": "Point", "coordinates": [5.0, 52.0]}, **ACTIE)]
    uitkomst = lees("acties.geojson", geojson_inhoud(features), context)
    assert uitkomst.formaat == "geojson" and uitkomst.totaal == 4
    assert [n for n, _ in uitkomst.rijen] == [1, 2]
    assert (uitkomst.rijen[0][1]["lon"], uitkomst.rijen[0][1]["gebiedscode"]) == ("4.400000", buurt)
    assert fout_van(uitkomst, 3).startswith("locatie ontbreekt")
    assert "buiten de gemeente" in fout_van(uitkomst, 4)


@pytest.mark.parametrize("crs", ["urn:ogc:def:crs:EPSG::28992", "EPSG:28992"])
def test_geojson_in_rd_new_wordt_omgerekend(context, buurt, crs):
    inhoud = geojson_inhoud([feature({"type": "Point", "coordinates": [RD_X, RD_Y]}, **HOTSPOT)],
                            crs={"type": "name", "properties": {"name": crs}})
    uitkomst = lees("meldingen.json", inhoud, context, "hotspot")
    rij = uitkomst.rijen[0][1]
    assert (rij["lon"], rij["lat"], rij["gebiedscode"]) == ("4.400000", "52.090000", buurt)


def test_geojson_crs84_en_lon_lat_eigenschappen_worden_genegeerd(context):
    inhoud = geojson_inhoud([feature({"type": "Point", "coordinates": [LON, LAT, 0]}, **ACTIE, lon=1, lat=2)],
                            crs={"type": "name", "properties": {"name": "urn:ogc:def:crs:OGC:1.3:CRS84"}})
    uitkomst = lees("a.geojson", inhoud, context)
    assert uitkomst.rijen[0][1]["lon"] == "4.400000"
    assert uitkomst.genegeerde_kolommen == ["lon", "lat"]


def test_geopackage_wgs84_met_lege_geometrie_en_tweede_laag(context, buurt, tmp_path):
    laag = gpd.GeoDataFrame(
        [{**ACTIE, "gebiedscode": None}, {**ACTIE, "gebiedscode": "LN"}, {**ACTIE, "gebiedscode": None}],
        geometry=[Point(LON, LAT), None, Polygon([(4.39, 52.08), (4.41, 52.08), (4.41, 52.10)])], crs="EPSG:4326")
    uitkomst = lees("acties.gpkg", gpkg_inhoud(tmp_path, laag, tweede_laag=True), context)
    assert uitkomst.formaat == "gpkg"
    assert [n for n, _ in uitkomst.rijen] == [1, 2]
    assert (uitkomst.rijen[0][1]["lon"], uitkomst.rijen[0][1]["gebiedscode"]) == ("4.400000", buurt)
    assert uitkomst.rijen[1][1]["gebiedscode"] == "LN"
    assert fout_van(uitkomst, 3).startswith("geometrie is geen punt")
    assert len(uitkomst.meldingen) == 1 and "eerste laag (acties)" in uitkomst.meldingen[0]


def test_geopackage_in_rd_new_wordt_omgerekend(context, buurt, tmp_path):
    laag = gpd.GeoDataFrame([HOTSPOT, {**HOTSPOT, "datum": "2099-01-01"}], geometry=[Point(RD_X, RD_Y)] * 2,
                            crs="EPSG:28992")
    uitkomst = lees("meldingen.gpkg", gpkg_inhoud(tmp_path, laag), context, "hotspot")
    rij = uitkomst.rijen[0][1]
    assert (rij["lon"], rij["lat"], rij["gebiedscode"]) == ("4.400000", "52.090000", buurt)
    assert uitkomst.fouten == [(2, "datum ligt in de toekomst")]


def test_geopackage_tabel_zonder_geometrie_gebruikt_lon_lat_kolommen(context, buurt, tmp_path):
    pad = tmp_path / "tabel.gpkg"
    tabel = pd.DataFrame([{**ACTIE, "lon": LON, "lat": LAT}, {**ACTIE, "gebiedscode": "LN"}])
    pyogrio.write_dataframe(tabel, pad, driver="GPKG")
    uitkomst = lees("tabel.gpkg", pad.read_bytes(), context)
    assert [r["gebiedscode"] for _, r in uitkomst.rijen] == [buurt, "LN"]


# -- broken files ---------------------------------------------------------------------------------


def verwacht_fout(naam: str, inhoud: bytes, context: Gebiedscontext, tekst: str, soort: str = "actie") -> InvoerFout:
    with pytest.raises(InvoerFout) as info:
        lees(naam, inhoud, context, soort)
    assert isinstance(info.value, DataFout)
    assert tekst in info.value.melding, info.value.melding
    return info.value


@pytest.mark.parametrize("naam", ["acties.txt", "acties.xls", "acties", "acties.csv.exe", "acties.shp"])
def test_onbekende_extensie(context, naam):
    fout = verwacht_fout(naam, b"naam\nx\n", context, "Dit soort bestand kan niet worden ingelezen")
    assert ".csv" in fout.melding and ".gpkg" in fout.melding


@pytest.mark.parametrize("naam", ["a.csv", "a.xlsx", "a.geojson", "a.json", "a.gpkg"])
def test_leeg_bestand(context, naam):
    verwacht_fout(naam, b"", context, "Het bestand is leeg")


@pytest.mark.parametrize("naam", ["a.csv", "a.xlsx", "a.geojson", "a.gpkg"])
def test_te_groot_bestand_wordt_niet_gelezen(context, monkeypatch, naam):
    monkeypatch.setattr(inv, "MAX_BYTES", 100)
    verwacht_fout(naam, b"x" * 101, context, "groter dan")


def test_te_veel_rijen(context, monkeypatch, tmp_path):
    monkeypatch.setattr(inv, "MAX_RIJEN", 2)
    rijen = [{**ACTIE, "gebiedscode": "LN"}] * 3
    verwacht_fout("a.csv", csv_inhoud(rijen), context, "meer dan 2 rijen")
    verwacht_fout("a.xlsx", xlsx_inhoud([list(rijen[0]), *(list(r.values()) for r in rijen)]), context,
                  "meer dan 2 rijen")
    verwacht_fout("a.geojson", geojson_inhoud([feature(None, **r) for r in rijen]), context, "meer dan 2 rijen")
    laag = gpd.GeoDataFrame(rijen, geometry=[None] * 3, crs="EPSG:4326")
    verwacht_fout("a.gpkg", gpkg_inhoud(tmp_path, laag), context, "meer dan 2 rijen")
    assert len(lees("a.csv", csv_inhoud(rijen[:2]), context).rijen) == 2  # exactly the maximum is fine


def test_afgekapt_excelbestand(context):
    goed = xlsx_inhoud([list(ACTIE), list(ACTIE.values())])
    for stuk in (goed[: len(goed) // 2], goed[:100], goed[:-10]):
        verwacht_fout("a.xlsx", stuk, context, "Het Excel-bestand kan niet worden gelezen")
    verwacht_fout("a.xlsx", b"naam;opgave\nx;y\n", context, "Het Excel-bestand kan niet worden gelezen")


def test_afgekapt_geopackage(context, tmp_path):
    laag = gpd.GeoDataFrame([ACTIE] * 50, geometry=[Point(LON, LAT)] * 50, crs="EPSG:4326")
    goed = gpkg_inhoud(tmp_path, laag)
    for stuk in (goed[: len(goed) // 2], goed[:2000], goed[:100]):
        verwacht_fout("a.gpkg", stuk, context, "Het GeoPackage kan niet worden gelezen")
    verwacht_fout("a.gpkg", b'{"type": "FeatureCollection"}', context, "geen GeoPackage")


def test_csv_in_latin1(context):
    inhoud = "naam;opgave;status;jaar;bron_omschrijving;gebiedscode\nTaalcafé;Onderwijs en jeugd;gestart;2024;x;LN\n"
    verwacht_fout("a.csv", inhoud.encode("latin-1"), context, "CSV UTF-8")


@pytest.mark.parametrize(("soort", "kolommen", "ontbrekend"), [
    ("actie", ["titel", "gebiedscode"], "Kolommen ontbreken: naam, opgave, status, jaar of jaren (kolom jaar)."),
    ("actie", [*ACTIE, "lon"], "Kolom ontbreekt: gebied (kolom gebiedscode) of een punt (kolommen lon en lat)."),
    ("hotspot", ["naam", "datum", "gebiedscode"], "Kolom ontbreekt: soort overlast (kolom thema)."),
])
def test_verkeerde_kolommen(context, soort, kolommen, ontbrekend):
    inhoud = (",".join(kolommen) + "\n" + ",".join("x" for _ in kolommen) + "\n").encode()
    verwacht_fout("a.csv", inhoud, context, ontbrekend, soort)


def test_geojson_zonder_gebied_en_zonder_geometrie(context):
    verwacht_fout("a.geojson", geojson_inhoud([feature(None, **ACTIE)]), context, "een punt (een geometrie)")


def test_dubbele_kolom(context):
    verwacht_fout("a.csv", b"naam,Naam,opgave\nx,y,z\n", context, "komt twee keer voor")


@pytest.mark.parametrize("inhoud", [b"naam,opgave\n", b"# alleen commentaar\n", b"\xef\xbb\xbf\r\n\r\n"])
def test_csv_zonder_rijen(context, inhoud):
    verwacht_fout("a.csv", inhoud, context, "geen")


@pytest.mark.parametrize(("inhoud", "tekst"), [
    (b'{"type": "FeatureCollection", "features": [', "geen geldige JSON (fout op regel 1"),
    (b"\xff\xfe{}", "geen UTF-8"),
    (b"[1, 2]", "geen GeoJSON-FeatureCollection"),
    (b'{"type": "Feature", "geometry": null, "properties": {}}', "geen GeoJSON-FeatureCollection (maar 'Feature')"),
    (b'{"type": "FeatureCollection", "features": {}}', "geen lijst 'features'"),
    (b'{"type": "FeatureCollection", "features": []}', "geen rijen"),
    (b"[" * 100_000 + b"]" * 100_000, "JSON"),
    (b'{"type": "FeatureCollection", "features": [' + b"1" * 5000 + b"]}", "een getal met te veel cijfers"),
])
def test_ongeldige_json(context, inhoud, tekst):
    verwacht_fout("a.geojson", inhoud, context, tekst)


def test_geometrie_die_geen_punt_is_of_ongeldig(context):
    features = [
        feature({"type": "Polygon", "coordinates": [[[4.39, 52.08], [4.41, 52.08], [4.41, 52.1], [4.39, 52.08]]]},
                **ACTIE, gebiedscode="LN"),
        feature({"type": "LineString", "coordinates": [[4.39, 52.08], [4.41, 52.08]]}, **ACTIE),
        feature({"type": "Point", "coordinates": []}, **ACTIE),
        feature({"type": "Point", "coordinates": ["4.4", "52.09"]}, **ACTIE),
        feature({"type": "Point"}, **ACTIE),
        feature({"type": "Cirkel", "coordinates": [4.4, 52.09]}, **ACTIE),
        feature("POINT (4.4 52.09)", **ACTIE),  # type: ignore[arg-type]
        feature({"type": "Point", "coordinates": [True, 52.09]}, **ACTIE),
        feature({"type": "Point", "coordinates": [10**400, 52]}, **ACTIE),  # valid JSON, beyond any float
        "geen feature",
        feature({"type": "Point", "coordinates": [LON, LAT]}, **ACTIE),
    ]
    uitkomst = lees("a.geojson", json.dumps({"type": "FeatureCollection", "features": features}).encode(), context)
    assert [n for n, _ in uitkomst.rijen] == [11]
    assert fout_van(uitkomst, 1) == "geometrie is geen punt"
    assert fout_van(uitkomst, 2).startswith("geometrie is geen punt; ")
    for nummer in range(3, 10):
        assert fout_van(uitkomst, nummer).startswith("ongeldige geometrie"), nummer
    assert fout_van(uitkomst, 10).startswith("onderdeel is geen GeoJSON-Feature")


def test_geojson_niet_eindige_coordinaten(context):
    tekst = json.dumps({"type": "FeatureCollection", "features": [
        feature({"type": "Point", "coordinates": [float("nan"), LAT]}, **ACTIE, gebiedscode="LN"),
        feature({"type": "Point", "coordinates": [LON, float("inf")]}, **ACTIE, gebiedscode="LN")]})
    inhoud = tekst.encode()  # json.dumps writes NaN and Infinity, as some tools do
    uitkomst = lees("a.geojson", inhoud, context)
    assert "NaN" in tekst and [n for n, _ in uitkomst.fouten] == [1, 2]
    assert all(f.startswith("ongeldige geometrie") for _, f in uitkomst.fouten)


def test_geopackage_met_lege_en_lijn_geometrie(context, tmp_path):
    laag = gpd.GeoDataFrame([ACTIE] * 3, geometry=[Point(), LineString([(LON, LAT), (4.41, 52.1)]), Point(LON, LAT)],
                            crs="EPSG:4326")
    uitkomst = lees("a.gpkg", gpkg_inhoud(tmp_path, laag), context)
    assert [n for n, _ in uitkomst.rijen] == [3]
    assert fout_van(uitkomst, 1).startswith("ongeldige geometrie")
    assert fout_van(uitkomst, 2).startswith("geometrie is geen punt")


def test_geopackage_in_web_mercator(context, tmp_path):
    laag = gpd.GeoDataFrame([ACTIE], geometry=[Point(LON, LAT)], crs="EPSG:4326").to_crs("EPSG:3857")
    fout = verwacht_fout("a.gpkg", gpkg_inhoud(tmp_path, laag), context, "EPSG:3857")
    assert "Pseudo-Mercator" in fout.melding and "wordt niet ondersteund" in fout.melding


@pytest.mark.parametrize(("crs", "tekst"), [
    ({"type": "name", "properties": {"name": "EPSG:3857"}}, "EPSG:3857"),
    ({"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::2154"}}, "EPSG:2154"),
    ({"type": "name", "properties": {"name": "geen stelsel"}}, "'geen stelsel' is onbekend"),
    ({"type": "link", "properties": {"href": "http://example.org/crs"}}, "wordt niet begrepen"),
    ("EPSG:4326", "wordt niet begrepen"),
])
def test_geojson_met_ander_coordinatenstelsel(context, crs, tekst):
    inhoud = geojson_inhoud([feature({"type": "Point", "coordinates": [LON, LAT]}, **ACTIE)], crs=crs)
    verwacht_fout("a.geojson", inhoud, context, tekst)


def test_geopackage_zonder_coordinatenstelsel(context, tmp_path):
    laag = gpd.GeoDataFrame([ACTIE], geometry=[Point(LON, LAT)])
    with pytest.warns(UserWarning):  # geopandas warns about the missing CRS when writing
        inhoud = gpkg_inhoud(tmp_path, laag)
    verwacht_fout("a.gpkg", inhoud, context, "geen coördinatenstelsel")


# -- text is kept literally -------------------------------------------------------------------------


def test_xss_blijft_letterlijk_staan(context):
    rijen = [{**ACTIE, "naam": tekst, "omschrijving": tekst, "partners": tekst, "opmerking": tekst, "gebiedscode": "LN"}
             for tekst in XSS]
    uitkomst = lees("a.csv", csv_inhoud(rijen, ";", bom=True), context)
    assert uitkomst.fouten == []
    for (_, rij), tekst in zip(uitkomst.rijen, XSS, strict=True):
        assert rij["naam"] == rij["omschrijving"] == rij["partners"] == rij["opmerking"] == tekst


# -- export and round trip ----------------------------------------------------------------------------


def opslagtabel(soort: str, context: Gebiedscontext) -> tuple[pd.DataFrame, list[dict[str, str]]]:
    """Rows as the store holds them (validated text plus management columns), and the clean rows."""
    basis = ACTIE if soort == "actie" else HOTSPOT
    invoer = [
        {**basis, "lon": str(LON), "lat": str(LAT), "omschrijving": "café — ë\nnieuwe regel", "opmerking": "=1+1"},
        {**basis, "gebiedscode": "LN", "bron": "S000", "bron_omschrijving": ""},
        *({**basis, "gebiedscode": "LN", "omschrijving": tekst, "opmerking": tekst} for tekst in XSS),
    ]
    schoon = []
    for rij in invoer:
        rij_schoon, fouten = valideer(soort, rij, context, VANDAAG)
        assert fouten == [], fouten
        schoon.append(rij_schoon)
    beheer = {"id": "x_1", "versie": "2", "verwijderd": "0", "gewijzigd_op": "2025-01-01T00:00:00+00:00",
              "gewijzigd_door": "test", "plaatsen": "", "bron": "", "periode": "", "opgave_herkomst": "wijkteam",
              "bron_datum": "2025-01-01"}
    tabel = pd.DataFrame([{**beheer, **rij} for rij in schoon])
    return tabel, schoon


@pytest.mark.parametrize("soort", ["actie", "hotspot"])
@pytest.mark.parametrize("formaat", ["csv", "xlsx", "geojson", "gpkg"])
def test_export_leest_terug_als_dezelfde_rijen(context, soort, formaat):
    tabel, schoon = opslagtabel(soort, context)
    inhoud = exporteer(tabel, soort, formaat, gemaakt=date(2025, 6, 1))
    uitkomst = lees(f"export.{formaat}", inhoud, context, soort)
    assert uitkomst.fouten == []
    assert [r for _, r in uitkomst.rijen] == schoon
    assert uitkomst.genegeerde_kolommen == [] and uitkomst.meldingen == []
    assert uitkomst.formaat == formaat


@pytest.mark.parametrize("formaat", ["csv", "xlsx", "geojson", "gpkg"])
def test_export_draagt_de_bronvermelding(context, formaat, tmp_path):
    tabel, _ = opslagtabel("actie", context)
    inhoud = exporteer(tabel, "actie", formaat, gemaakt=date(2025, 6, 1))
    regel = "Sterk voor Noord — acties en meldingen van het wijkteam, export 01-06-2025."
    if formaat == "csv":
        assert inhoud.decode("utf-8-sig").splitlines()[0] == f"# {regel}"
    elif formaat == "xlsx":
        boek = openpyxl.load_workbook(io.BytesIO(inhoud))
        assert boek.sheetnames == ["Acties", "Bronvermelding"]
        assert boek["Bronvermelding"]["A2"].value == regel
        kop = [c.value for c in boek["Acties"][1]]
        assert kop[:4] == ["naam", "opgave", "status", "jaar"] and "id" in kop
        formulecel = boek["Acties"].cell(2, kop.index("opmerking") + 1)
        assert (formulecel.value, formulecel.data_type) == ("=1+1", "s")  # text, not a formula
    elif formaat == "geojson":
        verzameling = json.loads(inhoud)
        assert verzameling["bronvermelding"] == [regel]
        assert verzameling["features"][0]["geometry"] == {"type": "Point", "coordinates": [LON, LAT]}
        assert verzameling["features"][1]["geometry"] is None
        assert "lon" not in verzameling["features"][0]["properties"]
    else:
        pad = tmp_path / "export.gpkg"
        pad.write_bytes(inhoud)
        assert [str(n) for n, _ in pyogrio.list_layers(pad)] == ["acties", "bronvermelding"]
        assert pyogrio.read_dataframe(pad, layer="bronvermelding")["bronvermelding"].tolist() == [regel]
        assert pyogrio.read_info(pad, layer="acties")["crs"] == "EPSG:4326"


def test_export_van_een_lege_tabel_en_onbekend_formaat(context):
    leeg = pd.DataFrame(columns=["id", *ACTIE])
    for formaat in ("csv", "xlsx", "geojson", "gpkg"):
        assert exporteer(leeg, "actie", formaat)
    with pytest.raises(ValueError, match="exportformaat"):
        exporteer(leeg, "actie", "shp")
    with pytest.raises(ValueError, match="soort"):
        exporteer(leeg, "plaats", "csv")
