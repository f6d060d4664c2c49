"""CBS snapshots: the manifest, which one is active, the atomic switch, geocoded places."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pandas as pd
import pytest

from geo.configuratie import CONFIG
from geo.schema import DataFout
from geo.snapshot import (
    GEOCODERING_KOLOMMEN,
    HUIDIG,
    MANIFEST,
    activeer,
    actieve_snapshotmap,
    lees_snapshot,
    met_geocodering,
)


def test_the_bundled_snapshot_describes_itself():
    sn = lees_snapshot(CONFIG.cbs_map)
    assert sn.gemeentecode == "GM1916" and sn.jaar == 2024 and sn.gegeneraliseerd
    assert sn.grensbron.buurten.exists() and sn.kerncijfers.exists() and sn.geocodering is None
    assert {h.licentie for h in sn.herkomst} == {"CC-BY 4.0"}
    assert any(h.tabel == "85984NED" for h in sn.herkomst)


def test_without_a_refresh_the_bundle_is_active_and_huidig_switches_atomically(tmp_path):
    ververst = tmp_path / "ververst"
    ververst.mkdir()
    assert actieve_snapshotmap(CONFIG.cbs_map, ververst) == CONFIG.cbs_map
    activeer(ververst, "20261125-120000-GM1916")
    assert actieve_snapshotmap(CONFIG.cbs_map, ververst) == ververst / "20261125-120000-GM1916"
    activeer(ververst, "20261126-120000-GM1916")
    assert (ververst / HUIDIG).read_text() == "20261126-120000-GM1916\n"
    assert [p.name for p in ververst.iterdir()] == [HUIDIG]  # no temporary file left


@pytest.mark.parametrize("inhoud", ["", "../elders", ".nieuw-123", "a/b"])
def test_a_pointer_outside_the_refresh_folder_is_refused(tmp_path, inhoud):
    (tmp_path / HUIDIG).write_text(inhoud)
    with pytest.raises(DataFout, match="verwijst niet naar een snapshotmap"):
        actieve_snapshotmap(CONFIG.cbs_map, tmp_path)


def _kopie(tmp_path: Path, wijzig) -> Path:
    map_ = tmp_path / "snapshot"
    shutil.copytree(CONFIG.cbs_map, map_)
    manifest = json.loads((map_ / MANIFEST).read_text())
    wijzig(manifest)
    (map_ / MANIFEST).write_text(json.dumps(manifest))
    return map_


@pytest.mark.parametrize(
    ("wijzig", "melding"),
    [
        (lambda m: m.pop("kerncijfers"), "onvolledige snapshotbeschrijving"),
        (lambda m: m["grenzen"].clear(), "geen grenzen"),
        (lambda m: m["grenzen"].update({"twintig": m["grenzen"]["2024"]}), "onvolledige"),
        (lambda m: m["herkomst"][0].pop("licentie"), "onvolledige"),
    ],
)
def test_an_incomplete_manifest_gives_a_dutch_message(tmp_path, wijzig, melding):
    with pytest.raises(DataFout, match=melding):
        lees_snapshot(_kopie(tmp_path, wijzig))


def test_a_missing_or_broken_manifest_gives_a_dutch_message(tmp_path):
    with pytest.raises(DataFout, match="ontbreekt"):
        lees_snapshot(tmp_path)
    (tmp_path / MANIFEST).write_text("{niet")
    with pytest.raises(DataFout, match="geen geldige JSON"):
        lees_snapshot(tmp_path)


def _plaatsen() -> pd.DataFrame:
    return pd.DataFrame([
        {"id": "school", "address": "Schoolstraat 5", "lat": "", "lon": "", "coord_source": ""},
        {"id": "gewijzigd", "address": "Nieuwe straat 1", "lat": "", "lon": "", "coord_source": ""},
        {"id": "geplaatst", "address": "Dorpsstraat 2", "lat": "52.1", "lon": "4.4", "coord_source": "Geplaatst door het wijkteam"},
    ])


def test_geocoded_points_fill_only_empty_places_with_an_unchanged_address(tmp_path):
    map_ = _kopie(tmp_path, lambda m: m.update({"geocodering": "geocodering.csv"}))
    bron = "PDOK Locatieserver, geocodering van het adres"
    pd.DataFrame([
        {"id": "school", "adres": "Schoolstraat 5", "lon": 4.41, "lat": 52.09, "weergavenaam": "x", "score": 9, "bron": bron},
        {"id": "gewijzigd", "adres": "Oude straat 1", "lon": 4.42, "lat": 52.08, "weergavenaam": "y", "score": 9, "bron": bron},
        {"id": "geplaatst", "adres": "Dorpsstraat 2", "lon": 4.43, "lat": 52.07, "weergavenaam": "z", "score": 9, "bron": bron},
    ], columns=list(GEOCODERING_KOLOMMEN)).to_csv(map_ / "geocodering.csv", index=False)
    uit = met_geocodering(_plaatsen(), lees_snapshot(map_)).set_index("id")
    assert (uit.at["school", "lon"], uit.at["school", "lat"], uit.at["school", "coord_source"]) == ("4.41", "52.09", bron)
    assert uit.at["gewijzigd", "lon"] == ""  # the address changed since it was geocoded
    assert uit.at["geplaatst", "coord_source"] == "Geplaatst door het wijkteam"  # the wijkteam's point wins


def test_broken_geocoding_is_refused(tmp_path):
    map_ = _kopie(tmp_path, lambda m: m.update({"geocodering": "geocodering.csv"}))
    pd.DataFrame([{"id": "school", "adres": "a", "lon": 400, "lat": 52, "weergavenaam": "", "score": 1, "bron": "x"}],
                 columns=list(GEOCODERING_KOLOMMEN)).to_csv(map_ / "geocodering.csv", index=False)
    with pytest.raises(DataFout, match="ongeldige coördinaten of bron bij: school"):
        met_geocodering(_plaatsen(), lees_snapshot(map_))


def test_a_snapshot_of_another_gemeente_is_refused(tmp_path):
    from geo.bundel import laad_wijkdata

    with pytest.raises(DataFout, match="snapshot van GM0363, de configuratie is voor GM1916"):
        laad_wijkdata(_kopie(tmp_path, lambda m: m.update({"gemeentecode": "GM0363"})))
