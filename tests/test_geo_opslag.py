"""The wijkteam's store: created once from the bundle, versioned edits with a logbook, conflicts
refused instead of overwritten, and a store that stays whole with several writers or a killed one.

Tests that take the ``opslag`` or ``opslag_adres`` fixture run against both backends: a SQLite file
and PostgreSQL with PostGIS (a throw-away server, see tests/postgis.py)."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pandas as pd
import psycopg
import pytest
from shapely.geometry import Point

from geo import accounts
from geo.beheer import (
    SOORT_ACTIE,
    SOORT_HOTSPOT,
    Gebiedscontext,
    valideer,
    valideer_punt,
)
from geo.bundel import gebiedscontext, met_bewerkbaar
from geo.opslag import BEWERKBAAR, Conflict, Opslag, OpslagFout
from geo.opslag_databank import kies_databank
from geo.programma import laad_programma, lees_bewerkbaar
from geo.schema import PRECISIE_EXACT
from tests.opslag_schrijver import actie_rij

ROOT = Path(__file__).resolve().parent.parent
WACHTTIJD = 60  # seconds a helper process may take before the test fails


@pytest.fixture(scope="module")
def bundel() -> dict[str, pd.DataFrame]:
    return lees_bewerkbaar()


@pytest.fixture
def opslag(opslag_adres, bundel) -> Opslag:
    opslag = Opslag(opslag_adres)
    assert opslag.initialiseer(bundel)
    return opslag


@pytest.fixture(scope="module")
def context(data) -> Gebiedscontext:
    return gebiedscontext(data)


def _heel(opslag: Opslag) -> None:
    """SQLite: the file passes its integrity check. PostGIS: every item's point equals its lon/lat."""
    if isinstance(opslag.pad, Path):
        with closing(sqlite3.connect(opslag.pad)) as verbinding:
            assert [r[0] for r in verbinding.execute("PRAGMA integrity_check")] == ["ok"]
        return
    with opslag.databank.verbinding() as verbinding:
        for naam in BEWERKBAAR:
            for rij in verbinding.rijen(f"SELECT id, lon, lat, ST_X(geom) AS x, ST_Y(geom) AS y FROM {naam}"):
                if rij["lon"] and rij["lat"]:
                    assert (rij["x"], rij["y"]) == (float(rij["lon"]), float(rij["lat"])), rij
                else:
                    assert rij["x"] is None, rij


def _inhoud(adres: Path | str) -> dict[str, list]:
    """Every table with its rows, to show a database was left alone."""
    with kies_databank(adres).verbinding() as verbinding:
        return {t: sorted(map(str, verbinding.rijen(f"SELECT * FROM {t}"))) for t in sorted(verbinding.tabellen())}


def _aantallen(opslag: Opslag) -> dict[str, int]:
    return {n: len(opslag.tabel(n)) + len(opslag.tabel(n, verwijderd=True)) for n in BEWERKBAAR}


def _programma(data, opslag: Opslag):
    return laad_programma(data.grenzen, data.gebieden, bewerkbaar={n: opslag.tabel(n) for n in BEWERKBAAR})


def _start(taak: dict) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "tests.opslag_schrijver", json.dumps(taak)], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _uitkomst(proces: subprocess.Popen) -> dict:
    uit, fout = proces.communicate(timeout=WACHTTIJD)
    assert proces.returncode == 0, fout
    return json.loads(uit.strip().splitlines()[-1])


def _tegelijk(tmp_path: Path, taken: list[dict]) -> list[dict]:
    """Start one process per task, let them all begin at the same moment, return their results."""
    start = tmp_path / "start"
    processen = [(_start({**t, "start": str(start), "gereed": str(tmp_path / f"gereed{i}")}), tmp_path / f"gereed{i}")
                 for i, t in enumerate(taken)]
    try:
        einde = time.monotonic() + WACHTTIJD
        while not all(gereed.exists() for _, gereed in processen):
            for proces, _ in processen:
                assert proces.poll() is None, proces.communicate()[1]
            assert time.monotonic() < einde, "schrijvers werden niet gereed"
            time.sleep(0.01)
        start.touch()
        return [_uitkomst(proces) for proces, _ in processen]
    finally:
        for proces, _ in processen:
            if proces.poll() is None:
                proces.kill()
                proces.wait()


# -- 1. creation ------------------------------------------------------------------------------


def test_initialisation_copies_the_bundle_once(opslag_adres, bundel):
    opslag = Opslag(opslag_adres)
    assert opslag.initialiseer(bundel)
    _heel(opslag)
    for naam in BEWERKBAAR:
        tabel = opslag.tabel(naam)
        assert len(tabel) == len(bundel[naam]), naam
        assert tabel["id"].tolist() == bundel[naam]["id"].tolist()
        assert set(tabel["versie"]) == {"1"}
        assert opslag.tabel(naam, verwijderd=True).empty
        for kolom in bundel[naam].columns:
            assert tabel[kolom].tolist() == bundel[naam][kolom].tolist(), (naam, kolom)
    assert opslag.logboek().empty
    revisie, inhoud = opslag.revisie(), _inhoud(opslag.pad)
    bestand = hashlib.sha256(opslag.pad.read_bytes()).hexdigest() if isinstance(opslag.pad, Path) else None

    assert not opslag.initialiseer(bundel)
    assert _inhoud(opslag.pad) == inhoud
    assert opslag.revisie() == revisie
    if isinstance(opslag.pad, Path):
        assert hashlib.sha256(opslag.pad.read_bytes()).hexdigest() == bestand
        assert not list(opslag.pad.parent.glob("*.nieuw"))  # no temporary file left behind
        with closing(sqlite3.connect(opslag.pad)) as verbinding:
            assert verbinding.execute("PRAGMA journal_mode").fetchone() == ("wal",)


def test_store_gives_the_same_items_as_the_bundle(data, opslag):
    uit_opslag = _programma(data, opslag).items.set_index("id")
    gebundeld = data.programma.items.set_index("id")
    assert uit_opslag.index.tolist() == gebundeld.index.tolist()
    kolommen = ["soort", "actie_id", "gebiedscode", "precisie", "lon", "lat", "op_bovenrand", "naam", "bron"]
    pd.testing.assert_frame_equal(uit_opslag[kolommen], gebundeld[kolommen])


def test_a_file_that_is_no_database_is_refused_and_left_alone(tmp_path, bundel):
    pad = tmp_path / "wijkkaart.sqlite"
    pad.write_bytes(b"Dit is een tekstbestand, geen SQLite-bestand.\n" * 100)
    with pytest.raises(OpslagFout, match="onleesbaar of beschadigd") as fout:
        Opslag(pad).initialiseer(bundel)
    assert str(pad) in str(fout.value)
    assert pad.read_bytes() == b"Dit is een tekstbestand, geen SQLite-bestand.\n" * 100


@pytest.mark.parametrize("soort", ["andere database", "ander schema"])
def test_foreign_database_is_refused_and_left_alone(opslag_adres, bundel, soort):
    with kies_databank(opslag_adres).verbinding(maken=True) as verbinding:
        if soort == "andere database":
            verbinding.uitvoeren("CREATE TABLE klanten (naam TEXT)")
            verbinding.uitvoeren("INSERT INTO klanten VALUES ('Jansen')")
        else:
            verbinding.uitvoeren("CREATE TABLE meta (sleutel TEXT, waarde TEXT)")
            verbinding.uitvoeren("INSERT INTO meta VALUES ('schema', '99')")
    inhoud = _inhoud(opslag_adres)
    opslag = Opslag(opslag_adres)
    with pytest.raises(OpslagFout, match="geen opslag van deze wijkkaart") as fout:
        opslag.initialiseer(bundel)
    assert opslag.naam in str(fout.value)
    assert _inhoud(opslag_adres) == inhoud


def test_processes_initialising_at_once_create_one_store(tmp_path, opslag_adres, bundel):
    uitkomsten = _tegelijk(tmp_path, [{"taak": "initialiseer", "adres": str(opslag_adres)}] * 3)
    assert sorted(u["aangemaakt"] for u in uitkomsten) == [False, False, True]
    opslag = Opslag(opslag_adres)
    _heel(opslag)
    assert _aantallen(opslag) == {n: len(bundel[n]) for n in BEWERKBAAR}
    assert opslag.revisie() == 1
    assert not list(tmp_path.rglob("*.nieuw"))


# -- 2. add, change, remove, restore ----------------------------------------------------------


def _punt_in_buurt(data) -> tuple[str, float, float]:
    code = min(data.programmagebied.buurten)
    punt = data.buurten_web.set_index("code").loc[code].geometry.representative_point()
    return code, punt.x, punt.y


def test_add_change_remove_restore_with_versions_and_logbook(data, opslag, context):
    buurt, lon, lat = _punt_in_buurt(data)
    invoer = {**actie_rij(1), "naam": "Buurtschouw", "gebiedscode": "", "lon": str(lon), "lat": str(lat)}
    rij, fouten = valideer(SOORT_ACTIE, invoer, context, datetime.now(UTC).date())
    assert fouten == []
    assert rij["gebiedscode"] == buurt
    revisies = [opslag.revisie()]
    begin = datetime.now(UTC) - timedelta(seconds=2)

    item_id = opslag.voeg_toe(SOORT_ACTIE, rij, "anna")
    revisies.append(opslag.revisie())
    assert item_id.startswith("actie_")
    opgeslagen = opslag.rij("acties", item_id)
    assert opgeslagen["versie"] == "1" and opgeslagen["gewijzigd_door"] == "anna"
    assert opgeslagen["naam"] == "Buurtschouw" and opgeslagen["opgave_herkomst"] == "wijkteam"

    items = _programma(data, opslag).items
    nieuw = items[items["actie_id"] == item_id]
    assert len(nieuw) == 1
    assert nieuw["precisie"].iloc[0] == PRECISIE_EXACT
    assert nieuw["lon"].iloc[0] == pytest.approx(lon, abs=1e-6)
    assert nieuw["lat"].iloc[0] == pytest.approx(lat, abs=1e-6)
    assert nieuw["gebiedscode"].iloc[0] == buurt

    opslag.wijzig("acties", item_id, {"opmerking": "eerste schouw gedaan"}, 1, "bram")
    revisies.append(opslag.revisie())
    assert opslag.rij("acties", item_id)["versie"] == "2"
    opslag.wijzig("acties", item_id, {"status": "gestart"}, 2, "anna")
    revisies.append(opslag.revisie())
    na_wijzigen = opslag.rij("acties", item_id)
    assert na_wijzigen["versie"] == "3" and na_wijzigen["status"] == "gestart"
    assert na_wijzigen["opmerking"] == "eerste schouw gedaan" and na_wijzigen["gewijzigd_door"] == "anna"

    opslag.verwijder("acties", item_id, 3, "bram")
    revisies.append(opslag.revisie())
    assert item_id not in set(opslag.tabel("acties")["id"])
    verwijderd = opslag.tabel("acties", verwijderd=True).set_index("id")
    assert verwijderd.loc[item_id, "versie"] == "4"
    assert item_id not in set(_programma(data, opslag).items["actie_id"])

    opslag.herstel("acties", item_id, 4, "anna")
    revisies.append(opslag.revisie())
    assert item_id in set(opslag.tabel("acties")["id"])
    assert opslag.tabel("acties", verwijderd=True).empty
    assert opslag.rij("acties", item_id)["versie"] == "5"
    assert item_id in set(_programma(data, opslag).items["actie_id"])

    assert revisies == list(range(revisies[0], revisies[0] + 6))

    logboek = opslag.logboek()
    assert logboek["item_id"].eq(item_id).all() and logboek["tabel"].eq("acties").all()
    assert logboek["handeling"].tolist() == ["hersteld", "verwijderd", "gewijzigd", "gewijzigd", "toegevoegd"]
    assert logboek["gebruiker"].tolist() == ["anna", "bram", "anna", "bram", "anna"]
    for tijd in logboek["tijd"]:
        assert begin <= datetime.fromisoformat(tijd) <= datetime.now(UTC) + timedelta(seconds=2)
    per_handeling = logboek.iloc[::-1].reset_index(drop=True)
    toegevoegd, eerste, tweede = per_handeling.iloc[0], per_handeling.iloc[1], per_handeling.iloc[2]
    assert toegevoegd["oud"] == "" and json.loads(toegevoegd["nieuw"])["naam"] == "Buurtschouw"
    assert json.loads(eerste["oud"])["opmerking"] == "" and json.loads(eerste["nieuw"])["opmerking"] == "eerste schouw gedaan"
    assert json.loads(tweede["oud"])["status"] == "gepland" and json.loads(tweede["nieuw"])["status"] == "gestart"
    assert json.loads(per_handeling.iloc[3]["oud"])["status"] == "gestart"


def test_new_hotspot_goes_to_the_hotspot_table(data, opslag, context):
    invoer = {"thema": "Rattenoverlast", "datum": "2024-03-01", "omschrijving": "Ratten bij de containers",
              "gebiedscode": "LN", "bron_omschrijving": "melding bewoner"}
    rij, fouten = valideer(SOORT_HOTSPOT, invoer, context, datetime.now(UTC).date())
    assert fouten == []
    item_id = opslag.voeg_toe(SOORT_HOTSPOT, rij, "anna")
    assert item_id.startswith("melding_")
    assert opslag.rij("acties", item_id) is None
    assert opslag.rij("hotspots", item_id)["periode"] == "2024"
    item = _programma(data, opslag).items.set_index("id").loc[item_id]
    assert item["soort"] == "hotspot" and item["periode"] == "2024-03-01" and item["gebiedscode"] == "LN"


# -- 3. conflicts -----------------------------------------------------------------------------


def test_second_save_on_the_same_version_is_refused(opslag):
    item_id = "kansrijke_start"
    versie_anna = int(opslag.rij("acties", item_id)["versie"])
    versie_bram = int(opslag.rij("acties", item_id)["versie"])
    assert versie_anna == versie_bram == 1

    opslag.wijzig("acties", item_id, {"opmerking": "van Anna"}, versie_anna, "Anna de Vries")
    revisie, logboek = opslag.revisie(), len(opslag.logboek())
    with pytest.raises(Conflict) as conflict:
        opslag.wijzig("acties", item_id, {"opmerking": "van Bram"}, versie_bram, "Bram")
    melding = str(conflict.value)
    assert "Anna de Vries" in melding and "intussen gewijzigd" in melding and "niet opgeslagen" in melding
    assert conflict.value.huidig["opmerking"] == "van Anna"

    opgeslagen = opslag.rij("acties", item_id)
    assert opgeslagen["opmerking"] == "van Anna"
    assert opgeslagen["versie"] == "2" and opgeslagen["gewijzigd_door"] == "Anna de Vries"
    assert opslag.revisie() == revisie and len(opslag.logboek()) == logboek


def test_changing_a_removed_row_is_refused(opslag):
    item_id = "schuldenspreekuur"
    opslag.verwijder("acties", item_id, 1, "anna")
    revisie = opslag.revisie()
    with pytest.raises(Conflict, match="verwijderd"):
        opslag.wijzig("acties", item_id, {"opmerking": "te laat"}, 2, "bram")
    # a stale version of a removed row: "removed" is what the user needs to hear
    with pytest.raises(Conflict, match="verwijderd door anna"):
        opslag.wijzig("acties", item_id, {"opmerking": "te laat"}, 1, "bram")
    with pytest.raises(Conflict, match="verwijderd"):
        opslag.verwijder("acties", item_id, 2, "bram")
    with pytest.raises(Conflict, match="bestaat niet"):
        opslag.wijzig("acties", "bestaat_niet", {"opmerking": "x"}, 1, "bram")
    assert opslag.rij("acties", item_id)["opmerking"] == ""
    assert opslag.revisie() == revisie


# -- 4. several writer processes ----------------------------------------------------------------


def test_concurrent_writers_lose_nothing(tmp_path, opslag):
    item_id = "rattenvoorlichting"
    aantallen, revisie = _aantallen(opslag), opslag.revisie()
    toevoegers = [{"taak": "voeg_toe", "adres": str(opslag.pad), "aantal": 25, "gebruiker": f"schrijver{i}"}
                  for i in range(4)]
    wijzigers = [{"taak": "wijzig", "adres": str(opslag.pad), "tabel": "acties", "id": item_id, "pogingen": 25,
                  "gebruiker": f"wijziger{i}"} for i in range(2)]
    uitkomsten = _tegelijk(tmp_path, toevoegers + wijzigers)

    _heel(opslag)
    nieuwe_ids = [i for u in uitkomsten[:4] for i in u["ids"]]
    assert len(set(nieuwe_ids)) == 100
    acties = opslag.tabel("acties").set_index("id")
    assert set(nieuwe_ids) <= set(acties.index)
    assert _aantallen(opslag) == {**aantallen, "acties": aantallen["acties"] + 100}

    gelukt = [v for u in uitkomsten[4:] for v in u["gelukt"]]
    conflicten = [m for u in uitkomsten[4:] for m in u["conflicten"]]
    for u in uitkomsten[4:]:
        assert len(u["gelukt"]) + len(u["conflicten"]) == 25
    assert gelukt, "geen enkele wijziging gelukt"
    assert conflicten, "de wijzigers liepen niet tegelijk: geen conflict om te controleren"
    # each success was based on a different version and raised it by exactly one
    assert sorted(gelukt) == list(range(1, len(gelukt) + 1))
    assert int(acties.loc[item_id, "versie"]) == 1 + len(gelukt)
    assert all("intussen gewijzigd door wijziger" in m for m in conflicten)
    assert opslag.revisie() == revisie + 100 + len(gelukt)

    logboek = opslag.logboek(aantal=10_000)
    assert (logboek["handeling"] == "toegevoegd").sum() == 100
    gewijzigd = logboek[(logboek["handeling"] == "gewijzigd") & (logboek["item_id"] == item_id)]
    assert len(gewijzigd) == len(gelukt)
    # the stored value is the last successful change; nothing was silently overwritten
    assert acties.loc[item_id, "opmerking"] == json.loads(gewijzigd["nieuw"].iloc[0])["opmerking"]
    ketting = gewijzigd.iloc[::-1]
    for vorige, volgende in zip(ketting["nieuw"].iloc[:-1], ketting["oud"].iloc[1:], strict=True):
        assert json.loads(vorige) == json.loads(volgende)


# -- 5. a writer killed halfway -----------------------------------------------------------------


def test_killed_writer_leaves_the_store_as_it_was(tmp_path, opslag):
    aantallen, revisie, logboek = _aantallen(opslag), opslag.revisie(), len(opslag.logboek())
    marker = tmp_path / "halverwege"
    proces = _start({"taak": "importeer", "adres": str(opslag.pad), "aantal": 500, "na": 250, "marker": str(marker)})
    try:
        einde = time.monotonic() + WACHTTIJD
        while not marker.exists():
            assert proces.poll() is None, proces.communicate()[1]
            assert time.monotonic() < einde, "import kwam niet halverwege"
            time.sleep(0.01)
        # readers are not blocked by the unfinished import and do not see its rows
        assert opslag.revisie() == revisie and _aantallen(opslag) == aantallen
    finally:
        proces.kill()
        proces.wait(timeout=WACHTTIJD)
        proces.stdout.close()
        proces.stderr.close()
    assert proces.returncode == -9

    _heel(opslag)
    assert _aantallen(opslag) == aantallen
    assert opslag.revisie() == revisie
    assert len(opslag.logboek()) == logboek

    item_id = opslag.voeg_toe(SOORT_ACTIE, actie_rij(1), "anna")
    assert opslag.rij("acties", item_id)["versie"] == "1"
    assert opslag.revisie() == revisie + 1
    assert _aantallen(opslag)["acties"] == aantallen["acties"] + 1
    _heel(opslag)


# -- 6. table names -----------------------------------------------------------------------------


def test_table_names_cannot_inject_sql(opslag):
    aantal, revisie = len(opslag.tabel("acties")), opslag.revisie()
    kwaad = "acties; DROP TABLE acties"
    with pytest.raises(ValueError):
        opslag.tabel(kwaad)
    with pytest.raises(ValueError):
        opslag.tabel("logboek")
    with pytest.raises(ValueError):
        opslag.rij(kwaad, "kansrijke_start")
    with pytest.raises(ValueError):
        opslag.wijzig(kwaad, "kansrijke_start", {"opmerking": "x"}, 1, "anna")
    with pytest.raises(ValueError):
        opslag.verwijder(kwaad, "kansrijke_start", 1, "anna")
    assert opslag.rij("acties", "x' OR '1'='1") is None
    assert len(opslag.tabel("acties")) == aantal
    assert opslag.revisie() == revisie
    _heel(opslag)


def test_store_is_added_to_a_database_that_holds_only_accounts(opslag_adres):
    """The first account may be made before the app ever started: the store joins that database."""
    accounts.maak_account(opslag_adres, "beheerder", "een lang wachtwoord!")
    assert Opslag(opslag_adres).initialiseer(lees_bewerkbaar()) is True
    assert accounts.accounts(opslag_adres) == ["beheerder"]
    assert len(Opslag(opslag_adres).tabel("acties")) == len(lees_bewerkbaar()["acties"])


def test_reading_a_missing_store_does_not_create_it(tmp_path):
    pad = tmp_path / "ontbreekt.sqlite"
    with pytest.raises(OpslagFout):
        Opslag(pad).revisie()
    assert not pad.exists()


def test_an_unreachable_database_gives_a_dutch_message_without_its_password(tmp_path):
    opslag = Opslag(f"postgresql://wijkteam:geheim123@/wijkkaart?host={tmp_path}&port=5999")
    with pytest.raises(OpslagFout, match="is niet bereikbaar") as fout:
        opslag.revisie()
    assert "geheim123" not in str(fout.value)
    assert str(fout.value).startswith(f"De opslag postgresql://wijkteam@/wijkkaart?host={tmp_path}&port=5999 ")


def test_a_database_without_postgis_is_refused_with_the_way_to_fix_it(postgis_server, bundel):
    url = postgis_server.nieuwe_database(met_postgis=False)
    try:
        with pytest.raises(OpslagFout, match="heeft de extensie PostGIS niet") as fout:
            Opslag(url).initialiseer(bundel)
        assert "CREATE EXTENSION postgis" in str(fout.value)
        with kies_databank(url).verbinding() as verbinding:
            assert verbinding.tabellen() == set()  # nothing half made
    finally:
        postgis_server.verwijder(url)


def test_postgis_keeps_a_point_per_item_with_a_spatial_index(postgis_url, bundel):
    """Other GIS tools query the items by geometry; it follows every change of lon/lat."""
    opslag = Opslag(postgis_url)
    opslag.initialiseer(bundel)
    item_id = opslag.voeg_toe(SOORT_ACTIE, {**actie_rij(1), "lon": "4.384170", "lat": "52.088610"}, "anna")
    opslag.wijzig("acties", item_id, {"lon": "4.390000", "lat": "52.090000"}, 1, "bram")
    leeg_id = opslag.voeg_toe(SOORT_ACTIE, actie_rij(2), "anna")
    _heel(opslag)
    with opslag.databank.verbinding() as verbinding:
        punt = verbinding.rij("SELECT ST_AsText(geom) AS wkt, ST_SRID(geom) AS srid FROM acties WHERE id = ?", (item_id,))
        assert punt == {"wkt": "POINT(4.39 52.09)", "srid": 4326}
        assert verbinding.rij("SELECT geom FROM acties WHERE id = ?", (leeg_id,)) == {"geom": None}
        binnen = verbinding.rijen(
            "SELECT id FROM acties WHERE ST_DWithin(geom, ST_SetSRID(ST_MakePoint(4.39, 52.09), 4326), 0.001)")
        assert [r["id"] for r in binnen] == [item_id]
        indexen = {r["indexdef"] for r in verbinding.rijen("SELECT indexdef FROM pg_indexes WHERE tablename = 'acties'")}
    assert any("USING gist (geom)" in i for i in indexen)
    assert "geom" not in opslag.tabel("acties").columns and "volgnr" not in opslag.tabel("acties").columns
    assert set(opslag.rij("acties", item_id)) == set(opslag.tabel("acties").columns)


def test_postgis_connections_are_kept_and_a_closed_one_is_replaced(postgis_url, bundel):
    """Each call reuses an idle connection of the process (connecting costs more than a query);
    one the server closed, or one that ended in an error, never reaches a caller broken."""
    opslag = Opslag(postgis_url)
    opslag.initialiseer(bundel)

    def backend() -> int:
        with opslag.databank.verbinding() as verbinding:
            return verbinding.rij("SELECT pg_backend_pid() AS pid")["pid"]

    eerste = backend()
    assert backend() == eerste
    item_id = opslag.voeg_toe(SOORT_ACTIE, actie_rij(1), "anna")
    with pytest.raises(Conflict):
        opslag.wijzig("acties", item_id, {"naam": "Later"}, 7, "bram")  # a version nobody saw
    assert backend() == eerste  # the failed write's transaction ended; its connection is fine
    with psycopg.connect(postgis_url, autocommit=True) as beheer:
        beheer.execute("SELECT pg_terminate_backend(%s)", (eerste,))
    assert opslag.revisie() == 2  # answered by a new connection
    assert backend() != eerste


def test_every_point_the_forms_accept_loads(opslag, context, data):
    """A point in a buurt but just outside the generalised gemeente outline (they differ by
    2.5 km²) is accepted by the form; loading must accept it too, or every page would stop."""
    punt, fouten = valideer_punt("4.365087", "52.067425", context)
    assert fouten == [] and punt is not None
    gemeente = data.omlijningen_web["gemeente"].geometry.iloc[0]
    assert not gemeente.contains(Point(4.365087, 52.067425))  # the case that once broke loading
    rij = opslag.rij("plaatsen", "bs_de_springplank")
    opslag.wijzig("plaatsen", "bs_de_springplank", {"lon": punt[0], "lat": punt[1], "coord_source": "test"},
                  int(rij["versie"]), "test")
    met = met_bewerkbaar(data, {n: opslag.tabel(n) for n in BEWERKBAAR}, datetime.now(UTC).date())
    assert len(met.programma.items)


def test_times_are_shown_in_dutch_time():
    from geo.opslag import lokale_tijd

    assert lokale_tijd("2026-11-25T17:36:06+00:00") == "25-11-2026 18:36"  # winter: UTC+1
    assert lokale_tijd("2026-07-01T10:00:00+00:00") == "01-07-2026 12:00"  # summer: UTC+2
    assert lokale_tijd("") == ""
