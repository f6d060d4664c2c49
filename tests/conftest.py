"""Shared fixtures: the real bundled data, loaded once per test session."""

from __future__ import annotations

import pytest

from app import settings as s
from geo.bundel import Wijkdata, laad_wijkdata


@pytest.fixture(scope="session")
def data() -> Wijkdata:
    return laad_wijkdata(s.PROGRAMMA_CODE)
