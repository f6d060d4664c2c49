"""A copy of the fixture gemeente's configuration that points at the fixture files by absolute
path, so a test can change where it refreshes to or add settings (tests/fixtures/proefgemeente)."""

from __future__ import annotations

from pathlib import Path

PROEF = Path(__file__).resolve().parent / "fixtures" / "proefgemeente"


def schrijf_proefconfig(map_: Path, extra: str = "") -> Path:
    """Write ``map_/config.toml``: the fixture configuration, refreshing into ``map_/ververst``,
    with ``extra`` TOML appended."""
    kop, _, _ = (PROEF / "config.toml").read_text(encoding="utf-8").partition("[data]")
    data = {"programma": "programma", "indicatoren": "indicatoren.csv", "definities": "indicator_definities.csv",
            "cbs": "cbs"}
    regels = [f'{k} = "{(PROEF / v).as_posix()}"' for k, v in data.items()]
    regels.append(f'ververst = "{(map_ / "ververst").as_posix()}"')
    pad = map_ / "config.toml"
    pad.write_text(kop + "[data]\n" + "\n".join(regels) + "\n" + extra, encoding="utf-8")
    return pad
