"""Copy the store from its SQLite file into a PostgreSQL database with PostGIS, for several app servers.

    .venv/bin/python scripts/opslag_migreren.py --van ~/.local/share/sterk-voor-noord/wijkkaart.sqlite \\
        --naar postgresql://wijkkaart@dbserver/wijkkaart
    ... --overschrijven      replace a store or accounts that the target database already holds

Stop the app first (a change made during the move would stay behind in the file). Everything is
copied in one transaction: items (also removed ones) with their versions, the log, the revision and
the accounts with their password hashes and locks. Afterwards every table is compared (row count and
checksum); on any failure or difference the target stays as it was and the exit code is 1. Then
point ``WIJKKAART_OPSLAG`` of every app server at the URL (README, "Meerdere servers").
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from geo.opslag_databank import OpslagFout, kies_databank, lees_adres  # noqa: E402
from geo.opslag_migratie import DoelNietLeeg, MigratieFout, migreer  # noqa: E402


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="opslag_migreren.py",
        description="Kopieer de opslag (items, logboek, revisie en accounts) van het SQLite-bestand naar een "
        "PostgreSQL-database met PostGIS, in één transactie en gecontroleerd per tabel.",
    )
    p.add_argument("--van", required=True, type=lees_adres, metavar="PAD", help="het SQLite-bestand van de opslag")
    p.add_argument("--naar", required=True, type=lees_adres, metavar="URL",
                   help="de PostgreSQL-database met PostGIS, als postgresql://gebruiker@server/database")
    p.add_argument("--overschrijven", action="store_true",
                   help="vervang een opslag of accounts die al in de doeldatabase staan")
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    van, naar = kies_databank(args.van).naam, kies_databank(args.naar).naam
    try:
        controles = migreer(args.van, args.naar, overschrijven=args.overschrijven)
    except DoelNietLeeg as fout:
        print(f"Fout: {fout} Gebruik --overschrijven om ze te vervangen.", file=sys.stderr)
        return 1
    except MigratieFout as fout:
        print(f"Fout: {fout}", file=sys.stderr)
        return 1
    except OpslagFout as fout:
        print(f"Fout: {fout} Er is niets gekopieerd.", file=sys.stderr)
        return 1
    print(f"Opslag gekopieerd van {van} naar {naar}:")
    for c in controles:
        rijen = "rij  " if c.rijen == 1 else "rijen"
        print(f"  {c.tabel:<10} {c.rijen:>7} {rijen}  controlesom {c.controlesom[:16]}  gelijk aan de bron")
    print(f"Zet nu op elke server WIJKKAART_OPSLAG={naar} (met wachtwoord, als de database dat vraagt) en start de app.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
