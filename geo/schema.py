"""Vocabulary shared by every data file: opgaven, statuses, levels and the error type.

Why one module: the same words appear in CSV files, validation, filters and tests; keeping
them here means a typo in a data file is caught by validation instead of silently dropping a row.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from zoneinfo import ZoneInfo

import pandas as pd

from geo.configuratie import CONFIG

OPGAVEN: tuple[str, ...] = CONFIG.opgavenamen  # from the configuration file, in its order
STATUSSEN: tuple[str, ...] = ("gestart", "gepland")
NIVEAUS: tuple[str, ...] = ("buurt", "wijk", "gemeente", "programmagebied")
ONBEKEND = "onbekend"

# How precisely a symbol on the map is placed. Only "exact" comes from source coordinates;
# the other two are drawn at the centre of their buurt/wijk and say so.
PRECISIE_EXACT = "exact"
PRECISIE_BENADERING = "locatie bij benadering"
PRECISIE_ONBEKEND = "locatie onbekend"

TIJDZONE = ZoneInfo("Europe/Amsterdam")  # times are stored in UTC and shown in the readers' zone

GEMEENTE_CRS = "EPSG:28992"  # Amersfoort / RD New: metres, for area and distance maths
WEB_CRS = "EPSG:4326"  # lon/lat, what Leaflet expects


class DataFout(ValueError):
    """A bundled or uploaded data file breaks a rule; the message is Dutch and user-facing."""

    def __init__(self, bestand: Path | str, melding: str) -> None:
        self.bestand = Path(bestand).name
        self.melding = melding
        super().__init__(f"{self.bestand}: {melding}")


def lees_csv(pad: Path, kolommen: Sequence[str]) -> pd.DataFrame:
    """A bundled CSV as text cells ("" for empty); a missing file, an unreadable encoding or a
    missing column becomes a Dutch :class:`DataFout` instead of a traceback."""
    if not Path(pad).exists():
        raise DataFout(pad, "bestand ontbreekt")
    try:
        tabel = pd.read_csv(pad, dtype=str, keep_default_na=False, encoding="utf-8")
    except (UnicodeDecodeError, pd.errors.ParserError, pd.errors.EmptyDataError) as fout:
        raise DataFout(pad, f"bestand is geen leesbare UTF-8 CSV ({fout.__class__.__name__})") from None
    ontbrekend = [k for k in kolommen if k not in tabel.columns]
    if ontbrekend:
        raise DataFout(pad, f"kolommen ontbreken: {', '.join(ontbrekend)}")
    return tabel


def split_lijst(waarde: object) -> tuple[str, ...]:
    """Split a ';'-separated cell into trimmed parts; empty cells give an empty tuple."""
    if not isinstance(waarde, str):
        return ()
    return tuple(deel.strip() for deel in waarde.split(";") if deel.strip())
