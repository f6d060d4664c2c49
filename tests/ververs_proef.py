"""Run the refresh on the fixture gemeente in a process of its own and print what happened as JSON.

Why a separate process: the configuration is read once per process (:mod:`geo.configuratie`), and
the refresh checks its download by loading it exactly as the app of that configuration would.
Used by tests/test_ververs.py:  python -m tests.ververs_proef <fixture folder> <YYYYmmddHHMMSS>
"""

from __future__ import annotations

import json
import sys
from datetime import UTC, datetime
from pathlib import Path

from geo.bundel import laad_wijkdata, met_bewerkbaar
from geo.configuratie import CONFIG
from geo.programma import lees_bewerkbaar
from geo.snapshot import HUIDIG
from geo.ververs.opdracht import ververs
from geo.ververs.web import VerversFout
from tests.ververs_fixtures import FixtureOphaler


def main(fixtures: Path, moment: str) -> dict:
    meldingen: list[str] = []
    nu = datetime.strptime(moment, "%Y%m%d%H%M%S").replace(tzinfo=UTC)
    try:
        map_ = ververs([2023, 2024], FixtureOphaler(fixtures), meldingen.append, nu)
    except VerversFout as fout:
        return {"fout": str(fout), "meldingen": meldingen, **_stand()}
    data = laad_wijkdata()
    items = met_bewerkbaar(data, lees_bewerkbaar(), nu.date()).programma.items
    return {
        "map": map_.name, "meldingen": meldingen, **_stand(),
        "grensjaar": data.snapshot.jaar, "gegeneraliseerd": data.snapshot.gegeneraliseerd,
        "peiljaren": sorted({j for j in data.reeksen["peiljaar"] if j.isdigit()}),
        "meerjarig": sorted(data.meerjarig),
        "herkomst": [h.__dict__ for h in data.snapshot.herkomst],
        "items": items[["actie_id", "precisie", "plek_herkomst", "lon", "lat"]].to_dict("records"),
    }


def _stand() -> dict:
    """What is on disk: the active snapshot and every folder beside it (hidden ones included)."""
    map_ = CONFIG.ververs_map
    wijzer = map_ / HUIDIG
    return {"huidig": wijzer.read_text(encoding="utf-8").strip() if wijzer.exists() else None,
            "mappen": sorted(p.name for p in map_.iterdir() if p.is_dir()) if map_.exists() else []}


if __name__ == "__main__":
    print(json.dumps(main(Path(sys.argv[1]), sys.argv[2]), default=str))
