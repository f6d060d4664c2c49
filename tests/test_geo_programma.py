"""Acties and hotspots: every bundled row valid, honest locations, broken files refused."""

from __future__ import annotations

import shutil
from dataclasses import replace

import pytest
from shapely.geometry import Point

from geo.programma import Programmabestanden, laad_programma
from geo.schema import (
    OPGAVEN,
    PRECISIE_BENADERING,
    PRECISIE_EXACT,
    PRECISIE_ONBEKEND,
    STATUSSEN,
    WEB_CRS,
    DataFout,
)

SEED_ACTIES = {
    "kansrijke_start", "schuldenspreekuur", "aanbiedplekken_grofvuil", "rattenvoorlichting", "voorkomen_beter",
    "sportvelden_vernieuwen", "kind_gezonder_gewicht", "taalaanbod", "jongeren_schuldenvrij", "financiele_maatjes",
    "participatieconsulenten", "flatcoaches", "extra_tijd_op_school", "aanbod_jongeren_16_23", "route_schuldhulp",
}


def test_every_seed_action_and_hotspot_is_bundled(data):
    assert SEED_ACTIES <= set(data.programma.acties["id"])
    assert {"meeuwenoverlast", "rattenoverlast", "grofvuil", "drugsproblematiek", "koreaanse_kerk"} <= set(data.programma.hotspots["id"])


def test_items_use_the_vocabulary(data):
    items = data.programma.items
    assert set(items["opgave"]) <= set(OPGAVEN)
    assert set(items.loc[items["soort"] == "actie", "status"]) <= set(STATUSSEN)
    assert items["id"].is_unique
    assert items["bron"].str.len().gt(0).all()


def test_no_invented_coordinates(data):
    """Only places with source coordinates may be exact; here no action has any."""
    items = data.programma.items
    assert (items["precisie"] != PRECISIE_EXACT).all()
    schools = items[items["actie_id"] == "extra_tijd_op_school"].set_index("plaats")
    assert len(schools) == 2
    assert (schools["precisie"] == PRECISIE_BENADERING).all()
    assert "Prinsenhof 4 b" in schools["adres"].str.cat()
    kerk = items.set_index("id").loc["koreaanse_kerk"]
    assert kerk["precisie"] == PRECISIE_ONBEKEND and kerk["gebiedscode"] == "LN"


def test_area_level_symbols_sit_at_their_area(data):
    items = data.programma.items
    gebieden = data.gebieden.to_crs(WEB_CRS)
    for r in items[items["gebiedscode"].str.startswith(("BU", "WK"))].itertuples():
        assert gebieden.loc[r.gebiedscode].geometry.contains(Point(r.lon, r.lat)), r.id


def test_all_places_with_coordinates_lie_in_the_gemeente(data):
    gemeente = data.gebieden.loc[["GM1916"]].to_crs(WEB_CRS).geometry.iloc[0]
    met = data.programma.plaatsen[data.programma.plaatsen["lat"] != ""]
    assert len(met) == 1  # Westfield Mall of the Netherlands
    for r in met.itertuples():
        assert gemeente.contains(Point(float(r.lon), float(r.lat)))


def _kapot(tmp_path, naam: str, zoek: str, vervang: str) -> Programmabestanden:
    standaard = Programmabestanden()
    bron = getattr(standaard, naam)
    pad = tmp_path / bron.name
    shutil.copy(bron, pad)
    tekst = pad.read_text(encoding="utf-8")
    assert zoek in tekst
    pad.write_text(tekst.replace(zoek, vervang, 1), encoding="utf-8")
    return replace(standaard, **{naam: pad})


@pytest.mark.parametrize(
    ("naam", "zoek", "vervang", "melding"),
    [
        ("acties", "Onderwijs en jeugd,afgeleid,gestart", "Onderwijs,afgeleid,gestart", "onbekende opgave"),
        ("acties", ",gestart,2022,", ",bezig,2022,", "status moet"),
        ("acties", ",WK191602,grofvuil", ",WK999999,grofvuil", "onbekende gebiedscode"),
        ("acties", "grofvuil_jvstolberg_N;", "verzonnen_plek;", "onbekende plaats"),
        ("acties", "S000;S004;HK127952", "S000;S999", "onbekende bron"),
        ("hotspots", "meeuwenoverlast,", "rattenoverlast,", "dubbele ids"),
        ("plaatsen", "52.08861,4.38417", "51.0,4.38417", "buiten de gemeente"),
        ("plaatsen", "52.08861,4.38417", "noord,4.38417", "geen getallen"),
    ],
)
def test_broken_programme_files_are_refused(tmp_path, data, naam, zoek, vervang, melding):
    with pytest.raises(DataFout, match=melding):
        laad_programma(data.grenzen, data.gebieden, _kapot(tmp_path, naam, zoek, vervang))


def test_non_utf8_file_is_refused(tmp_path, data):
    pad = tmp_path / "hotspots.csv"
    pad.write_bytes(Programmabestanden().hotspots.read_text(encoding="utf-8").encode("latin-1", "replace") + b"\xff\xfe")
    with pytest.raises(DataFout, match="UTF-8"):
        laad_programma(data.grenzen, data.gebieden, replace(Programmabestanden(), hotspots=pad))
