"""A throw-away PostgreSQL server with PostGIS for the tests of the store, and one database per test.

Why its own server: the tests must not depend on (or damage) a server of the machine, and CI has
none running. The cluster lives in a temporary folder, listens only on a Unix socket there (no TCP
port, so nothing clashes with another server), runs without fsync (nothing must survive a crash of
a test run) and is removed afterwards. A template database holds the PostGIS extension once, so a
fresh database per test is a file copy instead of a ``CREATE EXTENSION`` of a second each.

``initdb`` refuses to run as root, and CI runs as root: then every server command runs as the
system user ``postgres`` (which the Debian package ``postgresql`` creates), in a folder it owns.
Only a missing server or a missing PostGIS is reason to skip (:class:`Onbeschikbaar`); any other
failure fails the tests.
"""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from dataclasses import dataclass
from pathlib import Path

import psycopg

BEHEERDER = "wijkkaart"  # the cluster's superuser, trusted on the socket
SJABLOON = "sjabloon_postgis"
SYSTEEMGEBRUIKER = "postgres"
INSTALLATIE = "installeer de Debian-pakketten postgresql en postgis (bash scripts/test.sh doet dat)"


class Onbeschikbaar(RuntimeError):
    """PostgreSQL or PostGIS is not installed here: the PostGIS tests are skipped with this reason."""


@dataclass(frozen=True)
class Server:
    map: Path
    poort: int
    als: tuple[str, ...]  # command prefix that runs a server program as the cluster's owner

    def url(self, database: str) -> str:
        return f"postgresql://{BEHEERDER}@/{database}?host={self.map}&port={self.poort}"

    def nieuwe_database(self, met_postgis: bool = True) -> str:
        """A new, empty database, with the PostGIS extension unless asked otherwise; its URL."""
        naam = f"test_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(self.url("postgres"), autocommit=True) as verbinding:
            verbinding.execute(f'CREATE DATABASE "{naam}" TEMPLATE {SJABLOON if met_postgis else "template1"}')
        return self.url(naam)

    def verwijder(self, url: str) -> None:
        naam = url.split("/")[-1].split("?")[0]
        with psycopg.connect(self.url("postgres"), autocommit=True) as verbinding:
            verbinding.execute(f'DROP DATABASE IF EXISTS "{naam}" WITH (FORCE)')

    def stop(self) -> None:
        try:
            subprocess.run([*self.als, _programma("pg_ctl"), "stop", "-D", str(self.map / "data"), "-m", "immediate"],
                           capture_output=True, check=False, timeout=60)
        finally:
            shutil.rmtree(self.map, ignore_errors=True)


def start() -> Server:
    """Create and start a cluster with a PostGIS template database; :class:`Onbeschikbaar` if it cannot be."""
    initdb = _programma("initdb")
    als: tuple[str, ...] = ()
    # In /tmp whatever $TMPDIR says: the user postgres must reach it, and a socket path has at most 107 bytes.
    map_ = Path(tempfile.mkdtemp(prefix="wijkkaart-postgis-", dir="/tmp"))
    if os.geteuid() == 0:
        try:
            eigenaar = pwd.getpwnam(SYSTEEMGEBRUIKER)
        except KeyError:
            shutil.rmtree(map_)
            raise Onbeschikbaar(f"als root draait PostgreSQL alleen als gebruiker {SYSTEEMGEBRUIKER}, die ontbreekt; "
                                f"{INSTALLATIE}") from None
        os.chown(map_, eigenaar.pw_uid, eigenaar.pw_gid)
        als = ("runuser", "-u", SYSTEEMGEBRUIKER, "--")
    server = Server(map_, _vrije_poort(), als)
    try:
        _draai(*als, initdb, "-D", str(map_ / "data"), "-U", BEHEERDER, "--auth=trust", "--no-sync",
               "--encoding=UTF8", "--locale=C.UTF-8")
        opties = (f"-c listen_addresses='' -c unix_socket_directories={map_} -p {server.poort} "
                  "-c fsync=off -c synchronous_commit=off -c full_page_writes=off")
        _draai(*als, _programma("pg_ctl"), "start", "-D", str(map_ / "data"), "-l", str(map_ / "server.log"),
               "-w", "-t", "60", "-o", opties)
        _maak_sjabloon(server)
    except BaseException:
        server.stop()
        raise
    return server


def _maak_sjabloon(server: Server) -> None:
    with psycopg.connect(server.url("postgres"), autocommit=True) as verbinding:
        if verbinding.execute("SELECT 1 FROM pg_available_extensions WHERE name = 'postgis'").fetchone() is None:
            raise Onbeschikbaar(f"PostGIS is niet geïnstalleerd bij deze PostgreSQL; {INSTALLATIE}")
        verbinding.execute(f"CREATE DATABASE {SJABLOON}")
    with psycopg.connect(server.url(SJABLOON), autocommit=True) as verbinding:
        verbinding.execute("CREATE EXTENSION postgis")


def _programma(naam: str) -> str:
    """A server program: Debian keeps them per version in /usr/lib/postgresql/N/bin, outside PATH."""
    versies = sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{naam}"), key=lambda p: int(p.parts[-3]))
    gevonden = str(versies[-1]) if versies else shutil.which(naam)
    if gevonden is None:
        raise Onbeschikbaar(f"PostgreSQL is niet geïnstalleerd ({naam} niet gevonden); {INSTALLATIE}")
    return gevonden


def _vrije_poort() -> int:
    """A port no one uses: the server takes no TCP, but its socket file and shared memory carry the number."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _draai(*opdracht: str) -> None:
    uitkomst = subprocess.run(opdracht, capture_output=True, text=True, check=False, timeout=120)
    if uitkomst.returncode != 0:
        raise RuntimeError(f"{' '.join(opdracht[:6])} mislukte:\n{uitkomst.stdout}\n{uitkomst.stderr}")
