"""deploy/nginx-wijkkaart.conf: the proxy configuration the README and bench_schaal.py --nginx use."""

from __future__ import annotations

import contextlib
import re
import ssl
import subprocess
import threading
import urllib.request
from collections import Counter
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from bench import nginx
from tests.e2e.server import ROOT, gestart, vrije_poort


EENHEID = ROOT / "deploy" / "wijkkaart@.service"


def _site(tmp_path: Path, apps: list[str]) -> str:
    return nginx.site_config(apps, 8443, tmp_path / "cert.pem", tmp_path / "key.pem", tmp_path / "cache")


def test_every_placeholder_is_filled(tmp_path: Path) -> None:
    tekst = _site(tmp_path, ["http://127.0.0.1:8501", "http://127.0.0.1:8502"])
    assert not re.search(r"@@[A-Z_]+@@", tekst)
    assert "server 127.0.0.1:8501;" in tekst and "server 127.0.0.1:8502;" in tekst
    assert "listen 8443 ssl http2;" in tekst


def test_websocket_is_passed_on(tmp_path: Path) -> None:
    """Streamlit's clicks travel over /_stcore/stream."""
    tekst = _site(tmp_path, ["http://127.0.0.1:8501"])
    stroom = tekst[tekst.index("location /_stcore/stream"):]
    assert 'proxy_set_header Connection "upgrade";' in stroom.split("}")[0]


@pytest.mark.skipif(not nginx.beschikbaar(), reason="nginx en openssl niet geïnstalleerd (apt-get install nginx-light)")
def test_nginx_accepts_the_configuration(tmp_path: Path) -> None:
    cert, sleutel = nginx.maak_certificaat(tmp_path)
    (tmp_path / "wijkkaart.conf").write_text(nginx.site_config(["http://127.0.0.1:8501"], 8443, cert, sleutel,
                                                               tmp_path / "cache"))
    (tmp_path / "nginx.conf").write_text(nginx.hoofdconfig(tmp_path))
    uit = subprocess.run([nginx.NGINX, "-t", "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf")],
                         capture_output=True, text=True)
    assert uit.returncode == 0, uit.stderr


@contextlib.contextmanager
def _stub_server(naam: str) -> Iterator[str]:
    """An app server stand-in that answers every request with its own name."""
    class Antwoord(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (the name http.server calls)
            self.send_response(200)
            self.send_header("Content-Length", str(len(naam)))
            self.end_headers()
            self.wfile.write(naam.encode())

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Antwoord)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def _vraag(url: str, cookie: str | None = None) -> tuple[str, str | None]:
    """GET ``url`` over nginx's self-signed TLS: (which server answered, the Set-Cookie header)."""
    verzoek = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    with urllib.request.urlopen(verzoek, context=ssl._create_unverified_context(), timeout=10) as antwoord:
        return antwoord.read().decode(), antwoord.headers.get("Set-Cookie")


@pytest.mark.skipif(not nginx.beschikbaar(), reason="nginx en openssl niet geïnstalleerd (apt-get install nginx-light)")
def test_every_browser_stays_on_one_server_and_browsers_behind_one_address_are_spread() -> None:
    """All requests here come from 127.0.0.1, as a municipality's users often share one address:
    still the browsers are spread over the servers, and each stays on its own."""
    with _stub_server("A") as a, _stub_server("B") as b, nginx.nginx_voor([a, b]) as url:
        eerste = [_vraag(f"{url}/kaart") for _ in range(30)]  # 30 new browsers
        assert Counter(server for server, _ in eerste).keys() == {"A", "B"}
        for server, set_cookie in eerste[:6]:
            assert set_cookie and "HttpOnly" in set_cookie and "Secure" in set_cookie
            cookie = set_cookie.split(";")[0]
            for pad in ("/_stcore/health", "/media/abc.csv", "/buurtprofiel?buurt=BU19160000"):
                assert _vraag(f"{url}{pad}", cookie) == (server, None)  # same server, no new cookie


def test_the_systemd_unit_starts_an_app_process_on_the_port_of_its_instance(tmp_path: Path) -> None:
    """deploy/wijkkaart@.service's command, as systemd runs it for wijkkaart@PORT (the repository
    in @@APP_DIR@@), serves the app on that port and on loopback only (nginx is in front)."""
    velden = dict(r.split("=", 1) for r in EENHEID.read_text().splitlines() if "=" in r and not r.startswith("#"))
    assert velden["WorkingDirectory"] == "@@APP_DIR@@"
    poort = vrije_poort()
    opdracht = velden["ExecStart"].replace("@@APP_DIR@@", str(ROOT)).replace("%i", str(poort)).split()
    assert opdracht[opdracht.index("--server.address") + 1] == "127.0.0.1"
    with gestart(opdracht, poort, ROOT, {"WIJKKAART_OPSLAG": str(tmp_path / "wijkkaart.sqlite")}) as url:
        with urllib.request.urlopen(url, timeout=10) as antwoord:
            assert antwoord.status == 200
