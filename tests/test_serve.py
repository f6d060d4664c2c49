"""scripts/serve.py: the server's connections have Nagle's algorithm off (TCP_NODELAY), and it loads
the data while the server starts."""

from __future__ import annotations

import os
import socket
import subprocess
import sys

import pytest
from streamlit.web.server.starlette import starlette_server

from scripts import serve
from tests.e2e.server import ROOT


def _nodelay(sock: socket.socket) -> bool:
    return sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) != 0


def _verbonden(luister: socket.socket) -> tuple[socket.socket, socket.socket]:
    """A client connection to ``luister`` and the server's end of it."""
    luister.settimeout(5)
    klant = socket.create_connection(luister.getsockname()[:2], timeout=5)
    server, _ = luister.accept()
    return klant, server


def test_streamlit_binds_without_nodelay_so_the_fix_is_needed() -> None:
    """The reason for scripts/serve.py: the socket Streamlit binds (protocol 0) leaves Nagle on,
    and asyncio does not switch it off for such sockets. When an upgrade fixes this, the
    wrapper can go."""
    luister = starlette_server._bind_socket("127.0.0.1", 0, 8)
    with luister:
        assert luister.proto == 0
        assert not _nodelay(luister)


def test_accepted_connections_inherit_nodelay(monkeypatch: pytest.MonkeyPatch) -> None:
    """installeer() wraps Streamlit's own bind function; every accepted connection has TCP_NODELAY,
    which the server relies on because it never sets the option per connection."""
    monkeypatch.setattr(starlette_server, "_bind_socket", starlette_server._bind_socket)  # undone afterwards
    serve.installeer()
    luister = starlette_server._bind_socket("127.0.0.1", 0, 8)
    with luister:
        assert _nodelay(luister)
        klant, server = _verbonden(luister)
        with klant, server:
            assert _nodelay(server)


def test_missing_bind_function_only_warns(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """A Streamlit that binds differently still starts the app, with a Dutch warning."""
    monkeypatch.delattr(starlette_server, "_bind_socket")
    serve.installeer()
    assert "TCP_NODELAY is niet gezet" in capsys.readouterr().err


def test_the_data_is_loaded_while_the_server_starts_into_the_cache_the_page_uses(monkeypatch, tmp_path):
    """serve.verwarm fills the same cache as the first page would, so that page loads nothing."""
    from app import data

    monkeypatch.setenv("WIJKKAART_OPSLAG", str(tmp_path / "wijkkaart.sqlite"))
    geladen = []
    laad = data.laad_wijkdata
    monkeypatch.setattr(data, "laad_wijkdata", lambda map_: geladen.append(map_) or laad(map_))
    data._gedeelde_wijkdata.clear()
    serve.verwarm()
    assert len(geladen) == 1
    data.wijkdata()  # what the page calls
    assert len(geladen) == 1


def test_a_failed_warm_up_leaves_the_server_running_and_the_message_to_the_page(monkeypatch, capsys):
    from app import data
    from geo.schema import DataFout

    def kapot():
        raise DataFout("kerncijfers.csv", "kolom ontbreekt")

    monkeypatch.setattr(data, "wijkdata", kapot)
    serve.verwarm()  # does not raise
    assert "Voorladen van de gegevens lukte niet" in capsys.readouterr().err


def test_the_warm_up_imports_no_module_that_declares_a_component(tmp_path):
    """Outside a script run Streamlit creates a component without registering it. Had the warm-up
    imported streamlit_folium, every map of that server would have stayed blank (it did, once)."""
    opdracht = "import sys; from scripts import serve; serve.verwarm(); print('streamlit_folium' in sys.modules)"
    uit = subprocess.run([sys.executable, "-c", opdracht], cwd=ROOT, capture_output=True, text=True, check=True,
                         env={**os.environ, "WIJKKAART_OPSLAG": str(tmp_path / "wijkkaart.sqlite")})
    assert "lukte niet" not in uit.stderr, uit.stderr  # it did load
    assert uit.stdout.strip().splitlines()[-1] == "False", uit.stderr
