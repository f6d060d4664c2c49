"""Shared fixtures: the real bundled data, loaded once per test session, a private store, and the
address of an empty store in each backend (SQLite file, PostgreSQL with PostGIS)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from geo.bundel import Wijkdata, laad_wijkdata
from geo.opslag import OPSLAG_OMGEVING
from tests import postgis


@pytest.fixture(scope="session", autouse=True)
def testopslag(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Every test run writes to its own store, never to the user's real one."""
    pad = tmp_path_factory.mktemp("opslag") / "wijkkaart.sqlite"
    vorige = os.environ.get(OPSLAG_OMGEVING)
    os.environ[OPSLAG_OMGEVING] = str(pad)
    yield pad
    if vorige is None:
        os.environ.pop(OPSLAG_OMGEVING, None)
    else:
        os.environ[OPSLAG_OMGEVING] = vorige


@pytest.fixture(scope="session")
def data() -> Wijkdata:
    return laad_wijkdata()


@pytest.fixture(scope="session")
def postgis_server() -> Iterator[postgis.Server]:
    """One throw-away PostgreSQL server for the whole run; skipped only if PostgreSQL or PostGIS is missing."""
    try:
        server = postgis.start()
    except postgis.Onbeschikbaar as reden:
        pytest.skip(f"PostGIS-tests overgeslagen: {reden}")
    yield server
    server.stop()


@pytest.fixture
def postgis_url(postgis_server: postgis.Server) -> Iterator[str]:
    """A fresh, empty database with PostGIS, removed after the test."""
    url = postgis_server.nieuwe_database()
    yield url
    postgis_server.verwijder(url)


@pytest.fixture(params=["sqlite", "postgis"])
def opslag_adres(request: pytest.FixtureRequest, tmp_path: Path) -> Path | str:
    """Where an empty store goes, once per backend: a SQLite file (its folder not made yet) or a
    PostgreSQL URL. Tests that take it run against both."""
    if request.param == "sqlite":
        return tmp_path / "sub" / "wijkkaart.sqlite"
    url: str = request.getfixturevalue("postgis_url")
    return url
