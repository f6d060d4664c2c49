"""HTTP for the refresh: one small fetch protocol, its `requests` implementation and an offline check.

Why a protocol: the download modules only need "the JSON for this URL and these parameters"; tests
pass a fixture implementation that reads files and fails on any request it does not expect, so no
test touches the network. Every failure of the real implementation becomes one
:class:`VerversFout` whose Dutch message names the request, so the refresh command can show it
as it is.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol

import requests

Voortgang = Callable[[str], None]  # receives one Dutch progress line at a time

HTTPS_POORT = 443
PDOK_HOST = "api.pdok.nl"  # boundaries and the Locatieserver
CBS_HOST = "opendata.cbs.nl"  # kerncijfers
HOSTS = (PDOK_HOST, CBS_HOST)  # every host a refresh needs


class VerversFout(Exception):
    """A download failed or gave something we will not use; the message is Dutch and user-facing."""


class Ophaler(Protocol):
    """Fetches one JSON document; raises :class:`VerversFout` on any failure."""

    def json(self, url: str, params: Mapping[str, str] | None = None) -> Any: ...


@dataclass(frozen=True)
class Bronvermelding:
    """Where a downloaded part comes from, for the snapshot's provenance; the caller adds the date."""

    wat: str
    url: str
    tabel: str
    licentie: str


@dataclass(frozen=True)
class WebOphaler:
    """:class:`Ophaler` on `requests`: names itself, bounds every wait and retries once.

    Only a server error (5xx), a timeout or a dropped connection is retried: those are often
    passing. A refusal (4xx) or a body that is not JSON will not improve by asking again.
    """

    user_agent: str = "wijkkaart-verversen/1.0 (gemeentelijk wijkdashboard)"
    verbinden: float = 5.0  # seconds to set up the connection
    lezen: float = 60.0  # seconds between bytes of the answer
    pogingen: int = 2
    pauze: float = 1.0  # seconds between attempts

    def json(self, url: str, params: Mapping[str, str] | None = None) -> Any:
        verzoek = _volledige_url(url, params)
        reden = ""
        for poging in range(self.pogingen):
            if poging:
                time.sleep(self.pauze)
            try:
                antwoord = requests.get(
                    url, params=params, timeout=(self.verbinden, self.lezen),
                    headers={"User-Agent": self.user_agent, "Accept": "application/json"},
                )
            except requests.Timeout:
                reden = "geen antwoord binnen de wachttijd"
                continue
            except requests.ConnectionError as fout:
                reden = f"verbinding mislukt ({fout.__class__.__name__})"
                continue
            except requests.RequestException as fout:
                raise VerversFout(f"Verzoek {verzoek} kon niet worden verstuurd ({fout.__class__.__name__}).") from None
            if antwoord.status_code >= 500:
                reden = f"serverfout HTTP {antwoord.status_code}"
                continue
            if antwoord.status_code >= 400:
                raise VerversFout(f"{verzoek} weigerde het verzoek: HTTP {antwoord.status_code}{_begin(antwoord.text)}.")
            try:
                return antwoord.json()
            except ValueError:
                raise VerversFout(f"{verzoek} gaf geen geldige JSON terug.") from None
        raise VerversFout(f"{verzoek} lukte niet na {self.pogingen} pogingen: {reden}.")


def controleer_verbinding(hosts: Iterable[str] = HOSTS, wachttijd: float = 3.0) -> None:
    """Fail fast and clearly when offline, before anything is downloaded or changed.

    Each host must resolve and accept a TCP connection on port 443. Why threads: name resolution
    has no timeout of its own in the standard library, so each host is tried in a daemon thread and
    whatever has not answered within ``wachttijd`` counts as unreachable; the whole check never
    takes much longer than ``wachttijd``, however many hosts or however broken the resolver.
    """
    namen = sorted(set(hosts))
    bereikbaar: dict[str, bool] = {}

    def probeer(host: str) -> None:
        try:
            socket.create_connection((host, HTTPS_POORT), timeout=wachttijd).close()
        except OSError:
            bereikbaar[host] = False
        else:
            bereikbaar[host] = True

    draden = [threading.Thread(target=probeer, args=(host,), daemon=True) for host in namen]
    for draad in draden:
        draad.start()
    einde = time.monotonic() + wachttijd
    for draad in draden:
        draad.join(max(0.0, einde - time.monotonic()))
    for host in namen:
        if not bereikbaar.get(host, False):
            raise VerversFout(f"Geen internetverbinding: {host} is niet bereikbaar. Er is niets veranderd.")


def _volledige_url(url: str, params: Mapping[str, str] | None) -> str:
    """The request as one URL, so an error message says exactly what was asked."""
    return requests.Request("GET", url, params=dict(params or {})).prepare().url or url


def _begin(tekst: str, lengte: int = 200) -> str:
    """The start of an error body: servers often say there what was wrong with the request."""
    kort = " ".join(tekst.split())[:lengte]
    return f" ({kort})" if kort else ""
