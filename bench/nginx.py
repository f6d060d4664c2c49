"""Run nginx with deploy/nginx-wijkkaart.conf in front of an app server, for a measurement.

The production set-up (README, "Meerdere servers") puts nginx with HTTP/2, TLS and a cache for
Streamlit's front end before the app servers. This starts that configuration on loopback with a
throw-away self-signed certificate, so bench_schaal.py can measure the map as a browser behind
such a proxy gets it, and tests/test_deploy.py can check how it spreads browsers over several
servers. Needs Debian's nginx (``apt-get install nginx-light``) and openssl.
"""

from __future__ import annotations

import contextlib
import getpass
import re
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

from tests.e2e.server import ROOT, vrije_poort

SJABLOON = ROOT / "deploy" / "nginx-wijkkaart.conf"
NGINX = "/usr/sbin/nginx"

_HOOFD = """daemon off;
user {gebruiker};
pid {map}/nginx.pid;
error_log {map}/error.log warn;
worker_processes 1;
events {{ worker_connections 512; }}
http {{
    include /etc/nginx/mime.types;
    access_log off;
    client_body_temp_path {map}/body;
    proxy_temp_path {map}/proxy;
    fastcgi_temp_path {map}/fastcgi;
    uwsgi_temp_path {map}/uwsgi;
    scgi_temp_path {map}/scgi;
    include {map}/wijkkaart.conf;
}}
"""


def hoofdconfig(map_: Path) -> str:
    """A main nginx.conf that keeps everything (pid, logs, temp files) in ``map_`` and includes
    ``map_/wijkkaart.conf``: nginx runs as an ordinary process, not the system's service. Its
    workers run as this user (as root nginx would switch them to nobody, who cannot write the
    cache in ``map_``)."""
    return _HOOFD.format(map=map_, gebruiker=getpass.getuser())


def beschikbaar() -> bool:
    return Path(NGINX).exists() and shutil.which("openssl") is not None


def site_config(app_urls: list[str], poort: int, cert: Path, sleutel: Path, cache: Path) -> str:
    """deploy/nginx-wijkkaart.conf with its placeholders filled in."""
    servers = "\n    ".join(f"server {urlparse(u).hostname}:{urlparse(u).port};" for u in app_urls)
    waarden = {"APP_SERVERS": servers, "PORT": str(poort), "SERVER_NAME": "127.0.0.1", "CERT": str(cert),
               "CERT_KEY": str(sleutel), "CACHE_DIR": str(cache)}
    tekst = SJABLOON.read_text()
    for naam, waarde in waarden.items():
        tekst = tekst.replace(f"@@{naam}@@", waarde)
    if over := re.findall(r"@@[A-Z_]+@@", tekst):
        raise ValueError(f"deploy/nginx-wijkkaart.conf: onbekende plaatshouder {over[0]}")
    return tekst


def maak_certificaat(map_: Path) -> tuple[Path, Path]:
    """A self-signed certificate and its key for 127.0.0.1, valid one day, written to ``map_``."""
    cert, sleutel = map_ / "cert.pem", map_ / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
                    "-keyout", str(sleutel), "-out", str(cert)], check=True, capture_output=True)
    return cert, sleutel


def _luistert(poort: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", poort), timeout=1):
            return True
    except OSError:
        return False


@contextlib.contextmanager
def nginx_voor(app_urls: list[str], timeout_s: float = 20) -> Iterator[str]:
    """Yield the https URL of nginx in front of the app servers ``app_urls`` (self-signed: the
    client must ignore certificate errors)."""
    with tempfile.TemporaryDirectory() as tmp:
        map_ = Path(tmp)
        cert, sleutel = maak_certificaat(map_)
        poort = vrije_poort()
        (map_ / "wijkkaart.conf").write_text(site_config(app_urls, poort, cert, sleutel, map_ / "cache"))
        (map_ / "nginx.conf").write_text(hoofdconfig(map_))
        proces = subprocess.Popen([NGINX, "-p", str(map_), "-c", str(map_ / "nginx.conf")],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
        try:
            eind = time.monotonic() + timeout_s
            while not _luistert(poort):
                if proces.poll() is not None or time.monotonic() > eind:
                    log = map_ / "error.log"
                    raise RuntimeError(f"nginx startte niet: {log.read_text() if log.exists() else ''}")
                time.sleep(0.1)
            yield f"https://127.0.0.1:{poort}"
        finally:
            proces.terminate()
            proces.wait(timeout=10)
