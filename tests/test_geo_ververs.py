"""Download half of the refresh, offline: fixture answers (fictional GM9999), no network.

Only the connectivity and WebOphaler tests use sockets: a patched socket module, and an HTTP
server of their own on 127.0.0.1.
"""

from __future__ import annotations

import json
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import shapely

from geo.getallen import aantal_tekst
from geo.indicators import KOLOMMEN
from geo.ververs.cbs_kerncijfers import (
    EERDER,
    KERNCIJFER_TABELLEN,
    VARIABELEN,
    kerncijfers_van_jaar,
    tabel_van_jaar,
)
from geo.ververs.locatieserver import Treffer, geocodeer
from geo.ververs.pdok_grenzen import grenzen_van_jaar, herkomst_grenzen
from geo.ververs.web import VerversFout, WebOphaler, controleer_verbinding
from tests.ververs_fixtures import (
    MAP,
    FixtureOphaler,
    OnverwachtVerzoek,
    lees,
    schrijf,
    verzoek,
)

GM = "GM9999"
PDOK_2024 = "https://api.pdok.nl/cbs/wijken-en-buurten-2024/ogc/v1/collections"
ODATA = "https://opendata.cbs.nl/ODataApi/odata"
BUURTEN = ["BU99990100", "BU99990101", "BU99990200", "BU99990201"]
VIJVER = 300 * 300  # m², the 2024 pond in Westkant zuid


@pytest.fixture
def kopie(tmp_path: Path) -> Path:
    """A private copy of the fixtures, for tests that change an answer."""
    return Path(shutil.copytree(MAP, tmp_path / "ververs"))


def geen_voortgang(_regel: str) -> None:
    pass


def grenzen(jaar: int, ophaler: FixtureOphaler | None = None):
    return grenzen_van_jaar(ophaler or FixtureOphaler(), GM, jaar, geen_voortgang)[0]


def cijfers(jaar: int, ophaler: FixtureOphaler | None = None):
    return kerncijfers_van_jaar(ophaler or FixtureOphaler(), GM, jaar, geen_voortgang)[0]


def treffer(ophaler: FixtureOphaler, adres: str):
    return geocodeer(ophaler, adres, GM)[0]


# --- boundaries (PDOK OGC API Features) ---------------------------------------------------------


def test_boundaries_follow_next_links_and_ask_exactly_these_requests():
    ophaler, regels = FixtureOphaler(), []
    uit, bron = grenzen_van_jaar(ophaler, GM, 2024, regels.append)
    assert list(uit["buurten"]["statcode"]) == BUURTEN
    assert bron == herkomst_grenzen(2024) and bron.url == "https://api.pdok.nl/cbs/wijken-en-buurten-2024/ogc/v1"
    eerste = {"f": "json", "crs": "http://www.opengis.net/def/crs/EPSG/0/28992", "limit": "1000", "gemeentecode": GM}
    assert ophaler.verzoeken == [
        verzoek(f"{PDOK_2024}/buurten/items", eerste),
        verzoek(f"{PDOK_2024}/buurten/items", eerste | {"cursor": "hAMAAA~Bw"}),  # the json next link, not the html one
        verzoek(f"{PDOK_2024}/wijken/items", eerste),
        verzoek(f"{PDOK_2024}/gemeenten/items", eerste),
    ]
    assert regels[:2] == ["Grenzen 2024, buurten: pagina 1, 2 objecten", "Grenzen 2024, buurten: pagina 2, 5 objecten"]


@pytest.mark.parametrize("jaar", [2023, 2024])
def test_boundaries_are_rd_with_exactly_code_name_geometry_and_tile_each_other(jaar):
    uit = grenzen(jaar)
    assert list(uit) == ["buurten", "wijken", "gemeente"]
    for gebieden in uit.values():
        assert list(gebieden.columns) == ["statcode", "statnaam", "geometry"]
        assert gebieden.crs.to_epsg() == 28992
        assert gebieden.geometry.is_valid.all()
    assert list(uit["wijken"]["statcode"]) == ["WK999901", "WK999902"]
    assert uit["gemeente"][["statcode", "statnaam"]].values.tolist() == [["GM9999", "Proefgemeente"]]
    buurten, wijken = uit["buurten"], uit["wijken"].set_index("statcode")
    for wijk in wijken.index:
        deel = shapely.union_all(buurten[buurten["statcode"].str[2:8] == wijk[2:]].geometry.values)
        assert deel.symmetric_difference(wijken.geometry[wijk]).area < 1e-3
    assert shapely.union_all(wijken.geometry.values).symmetric_difference(uit["gemeente"].geometry.iloc[0]).area < 1e-3


def test_wavy_buurten_keep_their_full_precision_outline():
    buurten = grenzen(2024)["buurten"].set_index("statcode")
    assert len(buurten.geometry["BU99990100"].exterior.coords) > 30
    assert buurten.geometry["BU99990100"].area + buurten.geometry["BU99990101"].area == pytest.approx(2_000_000)


def test_water_parts_are_dropped_so_each_area_is_one_row_of_land():
    uit = grenzen(2024)
    buurten = uit["buurten"].set_index("statcode")
    assert len(buurten) == 4  # five features, one of them the pond
    assert buurten.geometry["BU99990201"].area == pytest.approx(1_000_000 - VIJVER)
    assert uit["wijken"].set_index("statcode").geometry["WK999902"].area == pytest.approx(2_000_000 - VIJVER)
    assert uit["gemeente"].geometry.iloc[0].area == pytest.approx(4_000_000 - VIJVER)


def test_an_area_with_only_water_keeps_it_and_parts_without_water_mark_count_as_land(kopie):
    pad = kopie / "pdok/wijken-en-buurten-2024/wijken.json"
    wijken = lees(pad)
    land_westkant = ("WK999902", "NEE")
    wijken["features"] = [f for f in wijken["features"]
                          if (f["properties"]["wijkcode"], f["properties"]["water"]) != land_westkant]
    for feature in wijken["features"]:
        if feature["properties"]["wijkcode"] == "WK999901":
            del feature["properties"]["water"]
    schrijf(pad, wijken)
    uit = grenzen(2024, FixtureOphaler(kopie))["wijken"].set_index("statcode")
    assert uit.geometry["WK999902"].area == pytest.approx(VIJVER)
    assert uit.geometry["WK999901"].area == pytest.approx(2_000_000)


def test_lon_lat_coordinates_are_refused(kopie):
    pad = kopie / "pdok/wijken-en-buurten-2023/gemeenten.json"
    gemeenten = lees(pad)
    gemeenten["features"][0]["geometry"]["coordinates"] = [[[5.33, 52.04], [5.36, 52.04], [5.36, 52.06], [5.33, 52.04]]]
    schrijf(pad, gemeenten)
    with pytest.raises(VerversFout, match="niet in RD"):
        grenzen(2023, FixtureOphaler(kopie))


def test_unknown_request_fails_the_test_not_the_download():
    with pytest.raises(OnverwachtVerzoek):
        grenzen_van_jaar(FixtureOphaler(), "GM9998", 2024, geen_voortgang)
    with pytest.raises(VerversFout, match="Ongeldige gemeentecode"):
        grenzen_van_jaar(FixtureOphaler(), "9999", 2024, geen_voortgang)


# --- kerncijfers (CBS StatLine OData v3) --------------------------------------------------------


def test_kerncijfers_page_through_odata_and_strip_codes():
    ophaler, regels = FixtureOphaler(), []
    uit, bron = kerncijfers_van_jaar(ophaler, GM, 2024, regels.append)
    assert (bron.tabel, bron.url) == ("85984NED", f"{ODATA}/85984NED")
    assert [adres for adres, _ in ophaler.verzoeken] == [
        f"{ODATA}/85984NED/DataProperties", f"{ODATA}/85984NED/TypedDataSet", f"{ODATA}/85984NED/TypedDataSet"]
    assert "Kerncijfers 2024, cijfers: pagina 2, 7 regels" in regels
    assert list(uit.columns) == list(KOLOMMEN)
    assert uit["waarde"].dtype == float
    assert all(isinstance(v, str) for kolom in KOLOMMEN if kolom != "waarde" for v in uit[kolom])
    assert list(dict.fromkeys(uit["gebiedscode"])) == ["GM9999", "WK999901", "WK999902", *BUURTEN]
    assert dict(zip(uit["gebiedscode"], uit["niveau"])) == {
        "GM9999": "gemeente", "WK999901": "wijk", "WK999902": "wijk", **dict.fromkeys(BUURTEN, "buurt")}
    assert set(uit["peiljaar"]) == {"2024"} and set(uit["kwalificatie"]) == set(uit["opmerking"]) == {""}
    bron_tekst = "CBS, Kerncijfers wijken en buurten 2024 (StatLine 85984NED)"
    per_indicator = dict(zip(uit["indicator"], uit["bron"]))
    assert per_indicator["inwoners"] == bron_tekst
    # income is measured over an earlier year than the table's: the source text says so, no year is guessed
    assert per_indicator["inkomen_per_inwoner"] == bron_tekst + EERDER


def test_null_gives_no_row_and_every_other_figure_is_kept():
    uit = cijfers(2024)
    rij = uit[(uit["gebiedscode"] == "BU99990201")]
    assert "huishoudens_sociaal_minimum" not in set(rij["indicator"])
    assert len(uit) == 7 * len(VARIABELEN) - 1


def test_suffixes_differ_per_year_but_the_indicators_match():
    oud, nieuw = cijfers(2023), cijfers(2024)
    assert set(oud["indicator"]) == set(nieuw["indicator"]) == {v.indicator for v in VARIABELEN}
    waarde = oud.set_index(["gebiedscode", "indicator"])["waarde"]
    assert waarde["GM9999", "inwoners"] == 11_860
    assert waarde["BU99990201", "huishoudens_sociaal_minimum"] == 2.9
    eenheden = dict(zip(nieuw["indicator"], nieuw["eenheid"]))
    assert eenheden["bevolkingsdichtheid"] == "inwoners per km² land"
    assert eenheden["woz_waarde"] == "× 1.000 euro" and eenheden["personen_bijstand"] == "aantal personen"


def test_a_different_unit_stops_with_a_dutch_message_naming_the_key(kopie):
    pad = kopie / "cbs/85984NED/DataProperties.json"
    eigenschappen = lees(pad)
    for e in eigenschappen["value"]:
        if e["Key"] == "Bevolkingsdichtheid_34":
            e["Unit"] = "aantal inwoners per ha"
    schrijf(pad, eigenschappen)
    with pytest.raises(VerversFout, match=r"Bevolkingsdichtheid_34 in 85984NED heeft eenheid 'aantal inwoners per ha'"):
        cijfers(2024, FixtureOphaler(kopie))


def test_units_are_compared_without_minding_spacing_case_or_superscripts(kopie):
    pad = kopie / "cbs/85984NED/DataProperties.json"
    eigenschappen = lees(pad)
    for e in eigenschappen["value"]:
        e["Unit"] = {"x 1 000 euro": "x\u00a01\u00a0000 Euro", "aantal inwoners per km²": "aantal inwoners per km2"}.get(
            e.get("Unit"), e.get("Unit"))
    schrijf(pad, eigenschappen)
    assert len(cijfers(2024, FixtureOphaler(kopie))) == len(cijfers(2024))


def test_a_value_outside_the_plausible_range_stops_naming_area_key_and_year(kopie):
    pad = kopie / "cbs/85984NED/TypedDataSet_1.json"
    pagina = lees(pad)
    pagina["value"][3]["HuishoudensMetEenLaagInkomen_82"] = 130.0
    schrijf(pad, pagina)
    with pytest.raises(VerversFout, match=r"Kerncijfers 2024: BU99990101 heeft voor HuishoudensMetEenLaagInkomen_82 de waarde 130"):
        cijfers(2024, FixtureOphaler(kopie))


def test_codes_of_other_areas_are_left_out(kopie):
    pad = kopie / "cbs/85984NED/TypedDataSet_2.json"
    pagina = lees(pad)
    vreemd = pagina["value"][1]
    pagina["value"] += [vreemd | {"WijkenEnBuurten": "BU99980100"}, vreemd | {"WijkenEnBuurten": "NL01      "}]
    schrijf(pad, pagina)
    assert set(cijfers(2024, FixtureOphaler(kopie))["gebiedscode"]) == {"GM9999", "WK999901", "WK999902", *BUURTEN}


def test_a_variable_the_table_lacks_is_reported_and_stays_unknown(kopie):
    pad = kopie / "cbs/85984NED/DataProperties.json"
    eigenschappen = lees(pad)
    eigenschappen["value"] = [e for e in eigenschappen["value"] if e["Key"] != "PersonenPerSoortUitkeringBijstand_87"]
    schrijf(pad, eigenschappen)
    index = lees(kopie / "index.json")  # the code now selects one column fewer
    for entry in index:
        if entry["url"] == f"{ODATA}/85984NED/TypedDataSet":
            entry["params"]["$select"] = entry["params"]["$select"].replace(",PersonenPerSoortUitkeringBijstand_87", "")
    schrijf(kopie / "index.json", index)
    regels = []
    uit = kerncijfers_van_jaar(FixtureOphaler(kopie), GM, 2024, regels.append)[0]
    assert "personen_bijstand" not in set(uit["indicator"])
    assert "Kerncijfers 2024: PersonenPerSoortUitkeringBijstand staat niet in 85984NED; personen_bijstand blijft onbekend." in regels


def test_tables_per_year():
    with pytest.raises(VerversFout, match="Voor 2019 is geen tabel"):
        tabel_van_jaar(2019)
    assert [tabel_van_jaar(j) for j in KERNCIJFER_TABELLEN] == ["85039NED", "85318NED", "85618NED", "85984NED", "86165NED"]


# --- geocoding (PDOK Locatieserver) -------------------------------------------------------------


def test_geocoding_returns_the_hit_inside_the_gemeente():
    ophaler = FixtureOphaler()
    gevonden, bron = geocodeer(ophaler, "Dorpsstraat 12, Proefgemeente", GM)
    assert gevonden == Treffer(lon=5.33617725, lat=52.05179927, weergavenaam="Dorpsstraat 12, 9999AA Proefdorp",
                               score=14.87)
    assert bron.url == "https://api.pdok.nl/bzk/locatieserver/search/v3_1/free"
    assert dict(ophaler.verzoeken[0][1])["fq"] == "type:adres AND gemeentecode:9999"


def test_geocoding_refuses_a_hit_in_another_gemeente_and_no_hit_is_none():
    ophaler = FixtureOphaler()
    assert treffer(ophaler, "Stationsweg 1, Elders") is None
    assert treffer(ophaler, "Nergensstraat 999 (achterom)") is None  # Solr syntax becomes plain text
    assert dict(ophaler.verzoeken[1][1])["q"] == "Nergensstraat 999 achterom"
    assert treffer(ophaler, "  ") is None and len(ophaler.verzoeken) == 2


# --- connectivity and the real Ophaler ----------------------------------------------------------


def test_offline_fails_fast_with_a_dutch_message(monkeypatch):
    def geen_dns(*_args, **_kwargs):
        raise socket.gaierror("Temporary failure in name resolution")

    monkeypatch.setattr(socket, "create_connection", geen_dns)
    with pytest.raises(VerversFout, match=r"^Geen internetverbinding: api\.pdok\.nl is niet bereikbaar\. Er is niets veranderd\.$"):
        controleer_verbinding()  # every host a refresh needs


def test_a_hanging_resolver_cannot_stall_the_check(monkeypatch):
    los, opgegeven = threading.Event(), threading.Event()

    def hangt(*_args, **_kwargs):
        los.wait(60)
        opgegeven.set()
        raise TimeoutError("timed out")

    monkeypatch.setattr(socket, "create_connection", hangt)
    try:
        with pytest.raises(VerversFout, match="Geen internetverbinding"):
            controleer_verbinding(["api.pdok.nl"], wachttijd=0.3)
        assert not opgegeven.is_set()  # the check gave up on its own, the resolver still hangs
    finally:
        los.set()


class _Server(BaseHTTPRequestHandler):
    """Answers per path: /json, /404, /500 (always), /500-eenmaal (then OK), /geen-json, /traag."""

    def do_GET(self):
        pad = urlsplit(self.path).path
        self.server.aantal[pad] = self.server.aantal.get(pad, 0) + 1
        if pad == "/traag":
            time.sleep(0.5)
        status = {"/404": 404, "/500": 500}.get(pad, 200)
        if pad == "/500-eenmaal" and self.server.aantal[pad] == 1:
            status = 500
        body = b"niet json" if pad == "/geen-json" else json.dumps({"ok": self.headers["User-Agent"]}).encode()
        if status == 404:
            body = b'{"detail": "collectie bestaat niet"}'
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):  # /traag: the client gave up first, as tested
            pass

    def log_message(self, *_args):
        pass


@pytest.fixture
def server() -> Iterator[ThreadingHTTPServer]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Server)
    httpd.aantal = {}
    draad = threading.Thread(target=httpd.serve_forever, daemon=True)
    draad.start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()


def _url(httpd: ThreadingHTTPServer, pad: str) -> str:
    return f"http://127.0.0.1:{httpd.server_address[1]}{pad}"


def test_web_ophaler_returns_json_and_names_itself(server):
    assert WebOphaler(pauze=0).json(_url(server, "/json"), {"f": "json"}) == {"ok": WebOphaler.user_agent}


def test_web_ophaler_turns_http_errors_into_one_dutch_error(server):
    ophaler = WebOphaler(pauze=0, lezen=0.2)
    with pytest.raises(VerversFout, match=r"/404\?f=json weigerde het verzoek: HTTP 404 \(.*collectie bestaat niet"):
        ophaler.json(_url(server, "/404"), {"f": "json"})
    with pytest.raises(VerversFout, match="lukte niet na 2 pogingen: serverfout HTTP 500"):
        ophaler.json(_url(server, "/500"))
    with pytest.raises(VerversFout, match="geen geldige JSON"):
        ophaler.json(_url(server, "/geen-json"))
    with pytest.raises(VerversFout, match="geen antwoord binnen de wachttijd"):
        ophaler.json(_url(server, "/traag"))
    assert server.aantal == {"/404": 1, "/500": 2, "/geen-json": 1, "/traag": 2}


def test_web_ophaler_retries_once_after_a_server_error(server):
    assert WebOphaler(pauze=0).json(_url(server, "/500-eenmaal"))["ok"]
    assert server.aantal["/500-eenmaal"] == 2


def test_counts_are_written_the_dutch_way():
    assert aantal_tekst(1000, "object", "objecten") == "1.000 objecten"
    assert aantal_tekst(1, "object", "objecten") == "1 object"
