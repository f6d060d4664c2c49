"""Shared fixtures: the real bundled data, loaded once per test session, and a private store."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from geo.bundel import Wijkdata, laad_wijkdata
from geo.opslag import OPSLAG_OMGEVING


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
