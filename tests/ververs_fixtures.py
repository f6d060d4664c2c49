"""A fixture :class:`geo.ververs.web.Ophaler`: answers from ``tests/fixtures/ververs`` only.

Why an index instead of guessing file names: every request the download code may make is listed
in ``index.json`` (URL + query parameters). An unlisted request fails the test at once, and
:attr:`FixtureOphaler.verzoeken` records what was asked, so a test can prove which requests the
code makes. A URL's own query string and ``params`` count the same, as they do over HTTP.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

MAP = Path(__file__).parent / "fixtures" / "ververs"

Verzoek = tuple[str, tuple[tuple[str, str], ...]]


class OnverwachtVerzoek(AssertionError):
    """The code asked for something no fixture answers: a test failure, never a download error."""


def verzoek(url: str, params: Mapping[str, str] | None = None) -> Verzoek:
    """A request in comparable form: address without query, and all query parameters sorted."""
    delen = urlsplit(url)
    vragen = parse_qsl(delen.query, keep_blank_values=True) + list((params or {}).items())
    return f"{delen.scheme}://{delen.netloc}{delen.path}", tuple(sorted(vragen))


@dataclass
class FixtureOphaler:
    """Reads the answer to each listed request from its file in ``map_``."""

    map_: Path = MAP
    verzoeken: list[Verzoek] = field(default_factory=list)

    def json(self, url: str, params: Mapping[str, str] | None = None) -> Any:
        gevraagd = verzoek(url, params)
        self.verzoeken.append(gevraagd)
        bestanden = {verzoek(e["url"], e["params"]): e["bestand"] for e in lees(self.map_ / "index.json")}
        if gevraagd not in bestanden:
            raise OnverwachtVerzoek(f"geen fixture voor {url} met {dict(params or {})}")
        return lees(self.map_ / bestanden[gevraagd])


def lees(pad: Path) -> Any:
    return json.loads(pad.read_text(encoding="utf-8"))


def schrijf(pad: Path, inhoud: Any) -> None:
    """Write a (changed) fixture back, for tests that work on a copy of the folder."""
    pad.write_text(json.dumps(inhoud, ensure_ascii=False, indent=1), encoding="utf-8")
