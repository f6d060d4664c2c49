"""Refresh the CBS boundaries, kerncijfers and geocoded places from PDOK and CBS (needs internet).

    .venv/bin/python scripts/ververs.py                      # the configured gemeente, last two years
    .venv/bin/python scripts/ververs.py --jaar 2023 --jaar 2024
    WIJKKAART_CONFIG=config/andere-gemeente.toml .venv/bin/python scripts/ververs.py

Writes a new dated snapshot beside the previous ones (``ververst`` in the configuration) and makes
it active only after it passed every check; on any failure the previous data stays active and the
exit code is 1. A running app shows the new data at its users' next interaction.
"""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from geo.configuratie import CONFIG  # noqa: E402
from geo.opslag import standaard_pad  # noqa: E402
from geo.ververs.cbs_kerncijfers import KERNCIJFER_TABELLEN  # noqa: E402
from geo.ververs.opdracht import ververs  # noqa: E402
from geo.ververs.web import VerversFout, WebOphaler, controleer_verbinding  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    standaard_jaren = sorted(KERNCIJFER_TABELLEN)[-2:]
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--jaar", type=int, action="append", choices=sorted(KERNCIJFER_TABELLEN),
                        help=f"peiljaar; herhaal voor meer jaren (standaard {' en '.join(map(str, standaard_jaren))})")
    parser.add_argument("--zonder-geocodering", action="store_true", help="plekken zonder coördinaten niet opzoeken")
    args = parser.parse_args(argv)
    jaren = args.jaar or standaard_jaren

    def meld(regel: str) -> None:
        print(regel, flush=True)

    meld(f"Verversen voor {CONFIG.gemeentenaam} ({CONFIG.gemeentecode}), jaren {', '.join(map(str, jaren))}.")
    try:
        controleer_verbinding()
        map_ = ververs(jaren, WebOphaler(), meld, datetime.now(UTC), standaard_pad(),
                       geocoderen=not args.zonder_geocodering)
    except VerversFout as fout:
        print(f"Verversen mislukt: {fout}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("Afgebroken; de vorige gegevens blijven actief.", file=sys.stderr)
        return 1
    meld(f"Nieuwe gegevens in {map_}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
