"""A separate process that writes to a store, for the multi-process tests of ``geo.opslag``.

Run as ``python -m tests.opslag_schrijver '<json>'`` from the repository root. The JSON names the
task and its arguments (``adres``: the store's file or PostgreSQL URL); the result is printed as
one JSON line. Writers first create their ``gereed`` file and then wait for the ``start`` file,
so all of them begin at the same moment.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from geo import opslag as opslag_module
from geo.beheer import SOORT_ACTIE
from geo.opslag import Conflict, Opslag


def actie_rij(nummer: int, tekst: str = "") -> dict[str, str]:
    """A valid actie placed at Leidschendam-Noord, as a form would store it."""
    return {
        "naam": f"Testactie {nummer}", "opgave": "Fijn en veilig wonen", "status": "gepland", "jaar": "2025",
        "partners": "", "omschrijving": tekst or f"Omschrijving {nummer}", "gebiedscode": "LN", "lon": "", "lat": "",
        "bron_omschrijving": "test", "opmerking": "",
    }


def _wacht_op_start(taak: dict) -> None:
    Path(taak["gereed"]).touch()
    start = Path(taak["start"])
    einde = time.monotonic() + 60
    while not start.exists():
        if time.monotonic() > einde:
            raise TimeoutError("startsein bleef uit")
        time.sleep(0.005)


def initialiseer(taak: dict) -> dict:
    from geo.programma import lees_bewerkbaar

    bundel = lees_bewerkbaar()
    _wacht_op_start(taak)
    return {"aangemaakt": Opslag(taak["adres"]).initialiseer(bundel)}


def voeg_toe(taak: dict) -> dict:
    opslag = Opslag(taak["adres"])
    _wacht_op_start(taak)
    ids = [opslag.voeg_toe(SOORT_ACTIE, actie_rij(i), taak["gebruiker"]) for i in range(taak["aantal"])]
    return {"ids": ids}


def wijzig(taak: dict) -> dict:
    """Read the row, pause briefly (as a user filling in a form), save with the version read."""
    opslag = Opslag(taak["adres"])
    _wacht_op_start(taak)
    gelukt, conflicten = [], []
    for poging in range(taak["pogingen"]):
        versie = int(opslag.rij(taak["tabel"], taak["id"])["versie"])
        time.sleep(0.01)
        try:
            opslag.wijzig(taak["tabel"], taak["id"], {"opmerking": f"{taak['gebruiker']} {poging}"}, versie,
                          taak["gebruiker"])
        except Conflict as fout:
            conflicten.append(str(fout))
        else:
            gelukt.append(versie)
    return {"gelukt": gelukt, "conflicten": conflicten}


def importeer_en_wacht(taak: dict) -> dict:
    """Import many rows in one transaction; halfway, signal through a marker file and hang."""
    log_regel = opslag_module._log
    geschreven = 0

    def log_en_wacht(*args, **kwargs) -> None:  # the import logs each row right after writing it
        nonlocal geschreven
        log_regel(*args, **kwargs)
        geschreven += 1
        if geschreven == taak["na"]:
            Path(taak["marker"]).touch()
            time.sleep(120)

    opslag_module._log = log_en_wacht  # this process only runs this task
    rijen = [actie_rij(i, "x" * 2000) for i in range(taak["aantal"])]
    Opslag(taak["adres"]).importeer(SOORT_ACTIE, rijen, "importeur")
    return {"klaar": True}


TAKEN = {"initialiseer": initialiseer, "voeg_toe": voeg_toe, "wijzig": wijzig, "importeer": importeer_en_wacht}

if __name__ == "__main__":
    opdracht = json.loads(sys.argv[1])
    print(json.dumps(TAKEN[opdracht["taak"]](opdracht)))
