"""The gemeente and programme this app runs for, read from one TOML file.

Why a file: the code must serve any gemeente. Codes, names, opgaven, focus areas and the few
programme texts live in ``config/<gemeente>.toml`` (default Leidschendam-Voorburg; another file
through ``$WIJKKAART_CONFIG``), the figures and items in the data folders it names. It is read
once per process and never changes while the app runs.
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
STANDAARD = ROOT / "config" / "leidschendam-voorburg.toml"
OMGEVING = "WIJKKAART_CONFIG"

VORMEN = ("cirkel", "vierkant", "ruit")
_KLEUR = re.compile(r"^#[0-9A-Fa-f]{6}$")
_URLWOORD = re.compile(r"^[a-z][a-z0-9-]*$")


class ConfiguratieFout(ValueError):
    """The configuration file is missing or breaks a rule; the message is Dutch."""


@dataclass(frozen=True)
class Opgave:
    naam: str
    url: str  # short, stable form for shared links
    kleur: str
    vorm: str


@dataclass(frozen=True)
class Configuratie:
    bestand: Path
    gemeentecode: str
    gemeentenaam: str
    programmanaam: str
    periode: str
    doeljaar: int
    programmacode: str  # the programme area in <programma>/gebieden.csv
    gebiedsnaam: str
    gebied_url: str  # the programme-area view in shared links (?beeld=…)
    overlast_opgave: str  # the opgave overlast belongs to
    contact: str
    teksten: dict[str, Any]
    opgaven: tuple[Opgave, ...]
    standaard_indicator: str
    raad_indicatoren: tuple[str, ...]
    presentatie_kaart: dict[str, str]
    presentatie_kerncijfers: dict[str, tuple[tuple[str, str], ...]]
    programma_map: Path
    indicatoren: Path
    definities: Path
    cbs_map: Path
    ververs_map: Path
    uitleg: Path | None  # markdown about the data, shown on the 'Over de gegevens' page
    groot_vanaf: int  # above this many buurten the Kaart sends only what is in view (large-map mode)

    @property
    def bestandsnaam(self) -> str:
        """The programme name as a file-name stem: 'sterk-voor-noord' (downloads, store folder)."""
        return re.sub(r"[^a-z0-9]+", "-", self.programmanaam.lower()).strip("-") or "wijkkaart"

    @property
    def opgavenamen(self) -> tuple[str, ...]:
        return tuple(o.naam for o in self.opgaven)

    def tekst(self, sleutel: str) -> str:
        return str(self.teksten.get(sleutel, ""))


def configuratiebestand() -> Path:
    """The file named by ``$WIJKKAART_CONFIG``, else the bundled default."""
    return Path(os.environ.get(OMGEVING) or STANDAARD)


def laad_configuratie(pad: Path | None = None) -> Configuratie:
    """Read and check one configuration file (raises :class:`ConfiguratieFout`)."""
    pad = Path(pad or configuratiebestand()).resolve()
    try:
        ruw = tomllib.loads(pad.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfiguratieFout(f"Configuratiebestand {pad} bestaat niet.") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as fout:
        raise ConfiguratieFout(f"Configuratiebestand {pad.name} is geen geldige TOML: {fout}") from None
    try:
        return _configuratie(pad, ruw)
    except (KeyError, TypeError, ValueError) as fout:
        if isinstance(fout, ConfiguratieFout):
            raise
        raise ConfiguratieFout(f"Configuratiebestand {pad.name}: ontbrekende of ongeldige sleutel {fout}.") from None


def _configuratie(pad: Path, ruw: dict[str, Any]) -> Configuratie:
    gemeente, programma, data = ruw["gemeente"], ruw["programma"], ruw["data"]
    if not re.fullmatch(r"GM\d{4}", gemeente["code"]):
        raise ConfiguratieFout(f"{pad.name}: gemeentecode {gemeente['code']!r} heeft niet de vorm GM0000.")
    opgaven = tuple(Opgave(o["naam"], o["url"], o["kleur"], o["vorm"]) for o in ruw["opgave"])
    for o in opgaven:
        if o.vorm not in VORMEN or not _KLEUR.match(o.kleur) or not _URLWOORD.match(o.url):
            raise ConfiguratieFout(f"{pad.name}: opgave {o.naam!r} heeft een ongeldige vorm, kleur of url "
                                   f"(vorm: {', '.join(VORMEN)}; kleur: #RRGGBB; url: kleine letters).")
    if not opgaven or len({o.naam for o in opgaven}) != len(opgaven) or len({o.url for o in opgaven}) != len(opgaven):
        raise ConfiguratieFout(f"{pad.name}: geef minstens één opgave, elk met een eigen naam en url.")
    presentatie = ruw.get("presentatie", {})
    kerncijfers = {o: tuple((str(i), str(c)) for i, c in paren) for o, paren in presentatie.get("kerncijfers", {}).items()}
    vreemd = (set(presentatie.get("kaart", {})) | set(kerncijfers)) - {o.naam for o in opgaven}
    if vreemd:
        raise ConfiguratieFout(f"{pad.name}: presentatie noemt onbekende opgaven: {', '.join(sorted(vreemd))}.")
    overlast_opgave = programma.get("overlast_opgave", opgaven[-1].naam)
    if overlast_opgave not in {o.naam for o in opgaven}:
        raise ConfiguratieFout(f"{pad.name}: overlast_opgave {overlast_opgave!r} is geen van de opgaven.")
    map_ = pad.parent
    return Configuratie(
        bestand=pad,
        gemeentecode=gemeente["code"],
        gemeentenaam=gemeente["naam"],
        programmanaam=programma["naam"],
        periode=programma["periode"],
        doeljaar=int(programma["doeljaar"]),
        programmacode=programma["gebiedscode"],
        gebiedsnaam=programma["gebiedsnaam"],
        gebied_url=programma.get("url", "programmagebied"),
        overlast_opgave=overlast_opgave,
        contact=programma.get("contact", ""),
        teksten=dict(ruw.get("teksten", {})),
        opgaven=opgaven,
        standaard_indicator=ruw["indicatoren"]["standaard"],
        raad_indicatoren=tuple(ruw["indicatoren"]["raad"]),
        presentatie_kaart=dict(presentatie.get("kaart", {})),
        presentatie_kerncijfers=kerncijfers,
        programma_map=(map_ / data["programma"]).resolve(),
        indicatoren=(map_ / data["indicatoren"]).resolve(),
        definities=(map_ / data["definities"]).resolve(),
        cbs_map=(map_ / data["cbs"]).resolve(),
        ververs_map=(map_ / data["ververst"]).resolve(),
        uitleg=(map_ / data["uitleg"]).resolve() if data.get("uitleg") else None,
        groot_vanaf=int(ruw.get("kaart", {}).get("groot_vanaf", 2000)),
    )


# The configuration of this process: read once at import, immutable. A second configuration is
# tested in its own process (tests/test_tweede_gemeente.py).
CONFIG = laad_configuratie()
