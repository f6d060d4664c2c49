"""Manage the local accounts for the editing ("Beheer") part of the app, on the server.

Run from the repository root:
    .venv/bin/python scripts/account.py aanmaken NAAM      (asks the password twice)
    .venv/bin/python scripts/account.py wachtwoord NAAM
    .venv/bin/python scripts/account.py ontgrendelen NAAM
    .venv/bin/python scripts/account.py lijst
Why a command line and no page: whoever can run this on the server may already read the
database, so creating the first account needs no login and no account can hand out more rights.
``--wachtwoord-stdin`` reads one line from standard input instead of asking, for scripts and tests.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from geo import accounts
from geo.accounts import AccountFout  # noqa: E402
from geo.opslag import OpslagFout  # noqa: E402
from geo.opslag_databank import kies_databank, lees_adres  # noqa: E402


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="account.py",
        description="Beheer de accounts voor het bewerken (Beheer) van de wijkkaart.",
    )
    p.add_argument(
        "--opslag",
        type=lees_adres,
        metavar="PAD_OF_URL",
        help="SQLite-bestand of postgresql://-adres met de accounts (standaard: $WIJKKAART_OPSLAG, anders "
        "~/.local/share/sterk-voor-noord/wijkkaart.sqlite)",
    )
    sub = p.add_subparsers(dest="opdracht", required=True, metavar="OPDRACHT")
    for naam, uitleg in (
        ("aanmaken", "maak een nieuw account aan"),
        ("wachtwoord", "stel een nieuw wachtwoord in (ontgrendelt ook het account)"),
    ):
        s = sub.add_parser(naam, help=uitleg, description=uitleg)
        s.add_argument("naam", metavar="NAAM", help="gebruikersnaam")
        s.add_argument(
            "--wachtwoord-stdin",
            action="store_true",
            help="lees het wachtwoord als één regel van standaardinvoer in plaats van het te vragen",
        )
    s = sub.add_parser("ontgrendelen", help="hef een blokkade na te veel mislukte pogingen op")
    s.add_argument("naam", metavar="NAAM", help="gebruikersnaam")
    sub.add_parser("lijst", help="toon alle gebruikersnamen")
    return p


def lees_wachtwoord(van_stdin: bool) -> str:
    """The password from one line of stdin, or asked twice without echo so a typo is caught."""
    if van_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    eerste = getpass.getpass("Wachtwoord: ")
    if getpass.getpass("Wachtwoord nogmaals: ") != eerste:
        raise AccountFout("De wachtwoorden zijn niet gelijk.")
    return eerste


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if args.opslag is not None:
        pad: Path | str = args.opslag
    else:
        # Imported here: only this path needs the app's storage module.
        from geo.opslag import standaard_pad

        pad = standaard_pad()
    try:
        if args.opdracht == "aanmaken":
            naam = accounts.controleer_naam(args.naam)  # before asking a password for a bad name
            accounts.maak_account(pad, naam, lees_wachtwoord(args.wachtwoord_stdin))
            print(f"Account '{naam}' aangemaakt in {kies_databank(pad).naam}.")
        elif args.opdracht == "wachtwoord":
            naam = accounts.normaliseer_naam(args.naam)
            if naam not in accounts.accounts(pad):  # before asking a password in vain
                raise AccountFout(f"Het account '{naam}' bestaat niet.")
            accounts.wijzig_wachtwoord(pad, naam, lees_wachtwoord(args.wachtwoord_stdin))
            print(f"Wachtwoord van '{naam}' gewijzigd; het account is ontgrendeld.")
        elif args.opdracht == "ontgrendelen":
            naam = accounts.normaliseer_naam(args.naam)
            accounts.ontgrendel(pad, naam)
            print(f"Account '{naam}' ontgrendeld.")
        else:
            namen = accounts.accounts(pad)
            print("\n".join(namen) if namen else f"Nog geen accounts in {kies_databank(pad).naam}.")
    except AccountFout as fout:
        print(f"Fout: {fout.melding}", file=sys.stderr)
        return 1
    except (KeyboardInterrupt, EOFError):
        print("\nAfgebroken.", file=sys.stderr)
        return 1
    except OpslagFout as fout:
        print(f"Fout: {fout.melding}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
