"""Start the wijkkaart: `streamlit run streamlit_app.py`, with Nagle's algorithm off.

    .venv/bin/python scripts/serve.py                       # what scripts/start.sh runs
    .venv/bin/python scripts/serve.py --server.port 8600    # extra Streamlit options go after it

Why not plain `streamlit run`: Streamlit 1.67 binds its listening socket as
``socket.socket(family)``, with protocol number 0, and asyncio switches Nagle's algorithm off
(TCP_NODELAY) only for sockets whose protocol is ``IPPROTO_TCP``. So every connection the
server accepted kept Nagle on. On a reused (keep-alive) HTTP connection the last piece of each
response then waited for the browser's delayed acknowledgement: ~40 ms per file, measured with
curl on loopback. A first visit loads ~90 of Streamlit's script files over six connections; in
paired browser runs the page was ready ~0.2 s later and the first map ~0.15 s later with Nagle on
(bench/README). Setting TCP_NODELAY on the listening socket fixes it for every connection: Linux
(the server this runs on) copies the option to each accepted socket, which
``tests/test_serve.py`` checks.
"""

from __future__ import annotations

import socket
import sys
from collections.abc import Callable


def zonder_nagle(bind: Callable[..., socket.socket]) -> Callable[..., socket.socket]:
    """Wrap Streamlit's ``_bind_socket`` so that the socket it returns has TCP_NODELAY set."""

    def bind_zonder_nagle(*args: object, **kwargs: object) -> socket.socket:
        sock = bind(*args, **kwargs)
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        return sock

    return bind_zonder_nagle


def installeer() -> None:
    """Put :func:`zonder_nagle` around the socket binding of Streamlit's server.

    ``_bind_socket`` is internal to Streamlit; requirements.txt pins the version and
    ``tests/test_serve.py`` fails when an upgrade removes or renames it. The app would still run
    without it, only slower, so the server starts in any case, with a warning.
    """
    from streamlit.web.server.starlette import starlette_server

    if not hasattr(starlette_server, "_bind_socket"):
        print("Let op: Streamlit bindt zijn socket anders dan verwacht; TCP_NODELAY is niet gezet "
              "(de app werkt, maar laadt trager).", file=sys.stderr)
        return
    starlette_server._bind_socket = zonder_nagle(starlette_server._bind_socket)


def main(argv: list[str]) -> None:
    """Run ``streamlit run streamlit_app.py ARGV`` in this process; the working directory must be the
    repository root, as for ``streamlit run`` (scripts/start.sh changes to it)."""
    from streamlit.web import cli

    installeer()
    sys.argv = ["streamlit", "run", "streamlit_app.py", *argv]
    cli.main(prog_name="streamlit")


if __name__ == "__main__":
    main(sys.argv[1:])
