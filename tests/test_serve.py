"""scripts/serve.py: the server's connections have Nagle's algorithm off (TCP_NODELAY)."""

from __future__ import annotations

import socket

import pytest
from streamlit.web.server.starlette import starlette_server

from scripts import serve


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
