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

It also loads the data while the server starts (:func:`verwarm`), so the first visitor after a
(re)start does not wait for that.
"""

from __future__ import annotations

import logging
import socket
import sys
import threading
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VOORLADEN = "wijkkaart-voorladen"  # the warm-up thread's name


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


def verwarm() -> None:
    """Load the data, and a large map's zoom bands, into this process's caches while the server
    starts. Without it the first visitor after every (re)start waits for them: the GM1916 first map
    took 3.0 s instead of 1.5 s, the national one 13 s (bench/README). A visitor who comes meanwhile
    waits for this same load (Streamlit's caches compute an entry once), not for a second one. A
    broken file or store is left to the first page, which explains it in Dutch."""
    from streamlit.runtime.scriptrunner_utils.exceptions import StopException

    # Outside a script run Streamlit warns about the missing run context; here that is expected.
    logging.getLogger("streamlit.runtime.scriptrunner_utils.script_run_context").addFilter(
        lambda record: threading.current_thread().name != VOORLADEN)
    if str(ROOT) not in sys.path:  # run as scripts/serve.py: Streamlit adds the app's folder only for its runs
        sys.path.insert(0, str(ROOT))
    try:
        from app.data import voorlaad

        voorlaad()
    except (Exception, StopException) as fout:
        print(f"Voorladen van de gegevens lukte niet ({type(fout).__name__}); de eerste pagina laadt ze "
              "en meldt wat er mis is.", file=sys.stderr)


def main(argv: list[str]) -> None:
    """Run ``streamlit run streamlit_app.py ARGV`` in this process; the working directory must be the
    repository root, as for ``streamlit run`` (scripts/start.sh changes to it)."""
    from streamlit.web import cli

    installeer()
    if Path("streamlit_app.py").resolve() == ROOT / "streamlit_app.py":  # not for another app (bench/leeg/)
        threading.Thread(target=verwarm, name=VOORLADEN, daemon=True).start()
    sys.argv = ["streamlit", "run", "streamlit_app.py", *argv]
    cli.main(prog_name="streamlit")


if __name__ == "__main__":
    main(sys.argv[1:])
