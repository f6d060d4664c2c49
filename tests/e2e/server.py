"""Start the app on a free loopback port for browser tests and benchmarks."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run",
]


def vrije_poort() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def server_pid(url: str) -> int:
    """The process of the app serving ``url``, found by its command line (scripts/serve.py and the
    port): app_server() yields only the URL, and matching the port avoids another app on this machine."""
    poort = str(urlparse(url).port).encode()
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            args = (proc / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if any(a.endswith(b"serve.py") for a in args) and poort in args:
            return int(proc.name)
    raise RuntimeError(f"geen app-proces gevonden voor {url}")


@contextlib.contextmanager
def app_server(timeout_s: float = 60, omgeving: dict[str, str] | None = None, app: Path = ROOT) -> Iterator[str]:
    """Start the app as scripts/start.sh does (`scripts/serve.py`) and yield its base URL once
    /_stcore/health answers.

    ``omgeving`` adds environment variables, e.g. a store of its own for tests that edit. ``app``
    is the folder whose streamlit_app.py and .streamlit/ are served (a bench's reference page)."""
    poort = vrije_poort()
    opdracht = [sys.executable, str(ROOT / "scripts" / "serve.py"), "--server.port", str(poort),
                "--server.address", "127.0.0.1", "--server.headless", "true"]
    with gestart(opdracht, poort, app, omgeving, timeout_s) as url:
        yield url


@contextlib.contextmanager
def gestart(opdracht: list[str], poort: int, map_: Path = ROOT, omgeving: dict[str, str] | None = None,
            timeout_s: float = 60) -> Iterator[str]:
    """Run ``opdracht`` (an app server on ``poort``) in ``map_`` and yield its base URL once
    /_stcore/health answers; stop it afterwards."""
    log = open(ROOT / "test-artifacts" / f"streamlit-{poort}.log", "w") if (ROOT / "test-artifacts").is_dir() else subprocess.DEVNULL
    proces = subprocess.Popen(opdracht, cwd=map_, stdout=log, stderr=subprocess.STDOUT,
                              env={**os.environ, "PYTHONUNBUFFERED": "1", **(omgeving or {})})
    url = f"http://127.0.0.1:{poort}"
    try:
        eind = time.monotonic() + timeout_s
        while True:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as antwoord:
                    if antwoord.status == 200:
                        break
            except OSError:
                pass
            if proces.poll() is not None or time.monotonic() > eind:
                raise RuntimeError(f"Streamlit startte niet (exit {proces.poll()})")
            time.sleep(0.2)
        yield url
    finally:
        proces.terminate()
        try:
            proces.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proces.kill()
