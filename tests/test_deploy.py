"""deploy/nginx-wijkkaart.conf: the proxy configuration the README and bench_schaal.py --nginx use."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from bench import nginx


def _site(tmp_path: Path, apps: list[str]) -> str:
    return nginx.site_config(apps, 8443, tmp_path / "cert.pem", tmp_path / "key.pem", tmp_path / "cache")


def test_every_placeholder_is_filled(tmp_path: Path) -> None:
    tekst = _site(tmp_path, ["http://127.0.0.1:8501", "http://127.0.0.1:8502"])
    assert not re.search(r"@@[A-Z_]+@@", tekst)
    assert "server 127.0.0.1:8501;" in tekst and "server 127.0.0.1:8502;" in tekst
    assert "listen 8443 ssl http2;" in tekst


def test_websocket_is_passed_on_and_sessions_stay_on_one_server(tmp_path: Path) -> None:
    """Streamlit's clicks travel over /_stcore/stream; a session lives in one app process."""
    tekst = _site(tmp_path, ["http://127.0.0.1:8501"])
    stroom = tekst[tekst.index("location /_stcore/stream"):]
    assert 'proxy_set_header Connection "upgrade";' in stroom.split("}")[0]
    assert "ip_hash;" in tekst


@pytest.mark.skipif(not nginx.beschikbaar(), reason="nginx en openssl niet geïnstalleerd (apt-get install nginx-light)")
def test_nginx_accepts_the_configuration(tmp_path: Path) -> None:
    cert, sleutel = nginx.maak_certificaat(tmp_path)
    (tmp_path / "wijkkaart.conf").write_text(nginx.site_config(["http://127.0.0.1:8501"], 8443, cert, sleutel,
                                                               tmp_path / "cache"))
    (tmp_path / "nginx.conf").write_text(nginx.hoofdconfig(tmp_path))
    uit = subprocess.run([nginx.NGINX, "-t", "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf")],
                         capture_output=True, text=True)
    assert uit.returncode == 0, uit.stderr
