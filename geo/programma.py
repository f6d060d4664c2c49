"""Acties and overlast hotspots of the programme, and where each is drawn on the map.

Only one bundled place has source coordinates. Every other place is drawn at the centre of its
buurt/wijk (or of Leidschendam-Noord) and carries a precision label, so the map never suggests
a location that no source gives.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd
import pandas as pd
from shapely.geometry import Point

from geo.beheer import JAAR
from geo.boundaries import Grenzen, naar_web
from geo.configuratie import CONFIG
from geo.gebieden import Programmagebied
from geo.schema import (
    OPGAVEN,
    PRECISIE_BENADERING,
    PRECISIE_EXACT,
    PRECISIE_ONBEKEND,
    STATUSSEN,
    WEB_CRS,
    DataFout,
    lees_csv,
    split_lijst,
)

MAP = CONFIG.programma_map


@dataclass(frozen=True)
class Programmabestanden:
    acties: Path = MAP / "acties.csv"
    hotspots: Path = MAP / "hotspots.csv"
    plaatsen: Path = MAP / "plaatsen.csv"
    plaats_gebied: Path = MAP / "plaats_gebied.csv"
    bronnen: Path = MAP / "bronnen.csv"
    opgaven: Path = MAP / "opgaven.csv"


KOLOMMEN = {
    "acties": ("id", "naam", "opgave", "opgave_herkomst", "status", "jaar", "partners", "omschrijving", "gebiedscode", "plaatsen", "bron", "bron_datum", "opmerking"),
    "hotspots": ("id", "thema", "omschrijving", "gebiedscode", "plaatsen", "periode", "bron", "opmerking"),
    "plaatsen": ("id", "name", "address", "lat", "lon", "coord_source"),
    "plaats_gebied": ("plaats", "gebiedscode", "reden"),
    "bronnen": ("bron", "titel", "url", "datum"),
    "opgaven": ("opgave", "ambitie", "aandachtspunten", "bron"),
}

# Columns only items entered by the wijkteam fill: an own point, a date, a source in words.
OPTIONEEL = {"acties": ("lon", "lat", "bron_omschrijving"), "hotspots": ("datum", "lon", "lat", "bron_omschrijving"),
             "plaatsen": ()}

# Levels whose area-level symbols are drawn on the top edge of the area, not inside it.
BOVENRAND_NIVEAUS = ("programmagebied", "gemeente")

# Hotspots in the seeds all belong to this opgave ("Aanpak meeuwen- en rattenoverlast, ...").
HOTSPOT_OPGAVE = CONFIG.overlast_opgave


def _lees(pad: Path, soort: str) -> pd.DataFrame:
    tabel = lees_csv(pad, KOLOMMEN[soort])
    dubbel = tabel.loc[tabel[KOLOMMEN[soort][0]].duplicated(), KOLOMMEN[soort][0]].tolist()
    if dubbel:
        raise DataFout(pad, f"dubbele ids: {', '.join(dubbel)}")
    return tabel


def _met_optioneel(tabel: pd.DataFrame, soort: str) -> pd.DataFrame:
    return tabel.assign(**{k: "" for k in OPTIONEEL[soort] if k not in tabel.columns})


@dataclass(frozen=True)
class Programma:
    """Validated tables plus one row per map symbol in ``items`` (lon/lat in WGS84)."""

    acties: pd.DataFrame
    hotspots: pd.DataFrame
    plaatsen: pd.DataFrame
    bronnen: pd.DataFrame
    items: pd.DataFrame
    opgaven: pd.DataFrame  # per opgave (index) its ambition and attention points, with sources


def lees_bewerkbaar(bestanden: Programmabestanden = Programmabestanden()) -> dict[str, pd.DataFrame]:
    """The bundled tables the wijkteam edits (acties, hotspots, plaatsen): the store's first contents."""
    return {"acties": _lees(bestanden.acties, "acties"), "hotspots": _lees(bestanden.hotspots, "hotspots"),
            "plaatsen": _lees(bestanden.plaatsen, "plaatsen")}


def laad_programma(
    grenzen: Grenzen,
    gebieden: gpd.GeoDataFrame,
    bestanden: Programmabestanden = Programmabestanden(),
    bewerkbaar: dict[str, pd.DataFrame] | None = None,
    gebieden_web: gpd.GeoDataFrame | None = None,
) -> Programma:
    """Load, validate and place every actie and hotspot.

    ``gebieden`` is the area table of :func:`geo.gebieden.gebieden_tabel` (source CRS); a point
    counts as inside the gemeente when a buurt of ``grenzen`` covers it, the same rule the forms
    and imports apply (:func:`geo.beheer.valideer_punt`), so nothing they accept is refused here.
    ``bewerkbaar`` replaces the bundled acties, hotspots and plaatsen by the store's current ones.
    ``gebieden_web`` is the same table in WGS84 when the caller has it: the symbols' anchors are
    computed there, and reprojecting the areas again cost ~1.6 s per load at national scale.
    """
    tabellen = {naam: _met_optioneel(tabel, naam) for naam, tabel in (bewerkbaar or lees_bewerkbaar(bestanden)).items()}
    acties, hotspots, plaatsen = tabellen["acties"], tabellen["hotspots"], tabellen["plaatsen"]
    plaats_gebied = _lees(bestanden.plaats_gebied, "plaats_gebied")
    bronnen = _lees(bestanden.bronnen, "bronnen")
    opgaven = _lees(bestanden.opgaven, "opgaven")

    coords = _plaats_coordinaten(plaatsen, grenzen, bestanden.plaatsen)
    _controleer(acties, hotspots, plaatsen, plaats_gebied, bronnen, gebieden, bestanden)
    _controleer_opgaven(opgaven, bronnen, bestanden.opgaven)

    plaatser = _Plaatser(
        coords=coords,
        gebied_van_plaats=dict(zip(plaats_gebied["plaats"], plaats_gebied["gebiedscode"], strict=True)),
        plaatsen=plaatsen.set_index("id"),
        # only the areas items refer to: reprojecting every area costs seconds at national scale
        ankers=_ankers((gebieden if gebieden_web is None else gebieden_web).loc[sorted(gebieden.index.intersection(
            [*acties["gebiedscode"], *hotspots["gebiedscode"], *plaats_gebied["gebiedscode"]]))]),
        naam=dict(zip(gebieden.index, gebieden["naam"], strict=True)),
        niveau=dict(zip(gebieden.index, gebieden["niveau"], strict=True)),
    )
    bron_tekst = {r.bron: f"{r.titel} ({r.datum})" for r in bronnen.itertuples()}
    items = [
        {**_kenmerken(soort, r, bron_tekst), **plaatser.locatie(plek, r),
         "id": f"{r['id']}:{plek}" if plek else r["id"]}
        for soort, tabel in (("actie", acties), ("hotspot", hotspots))
        for r in tabel.to_dict("records")
        for plek in split_lijst(r["plaatsen"]) or ("",)
    ]
    opgaven = opgaven.assign(bron_tekst=[_bron_teksten(b, bron_tekst) for b in opgaven["bron"]]).set_index("opgave")
    return Programma(acties, hotspots, plaatsen, bronnen, pd.DataFrame(items), opgaven)


def _bron_teksten(bronnen: str, bron_tekst: dict[str, str]) -> str:
    return "; ".join(bron_tekst[b] for b in split_lijst(bronnen))


def _controleer_opgaven(opgaven: pd.DataFrame, bronnen: pd.DataFrame, pad: Path) -> None:
    """Exactly the three opgaven, each with an ambition and known sources."""
    if sorted(opgaven["opgave"]) != sorted(OPGAVEN):
        raise DataFout(pad, f"verwacht precies de opgaven {', '.join(OPGAVEN)}")
    bekend = set(bronnen["bron"])
    for rij, r in enumerate(opgaven.itertuples(index=False), start=2):
        if not r.ambitie.strip() or not split_lijst(r.bron) or any(b not in bekend for b in split_lijst(r.bron)):
            raise DataFout(pad, f"rij {rij}: ambitie of bron ontbreekt of is onbekend")


def _kenmerken(soort: str, r: dict, bron_tekst: dict[str, str]) -> dict:
    """What a symbol says about its actie or hotspot, in one shape for both."""
    actie = soort == "actie"
    return {
        "soort": soort,
        "naam": r["naam"] if actie else r["thema"],
        "opgave": r["opgave"] if actie else HOTSPOT_OPGAVE,
        "status": r["status"] if actie else "",
        "periode": r["jaar"] if actie else r["datum"] or r["periode"],
        "partners": r.get("partners", ""),
        "omschrijving": r["omschrijving"],
        "bron": "; ".join([*(bron_tekst[b] for b in split_lijst(r["bron"])), *split_lijst(r["bron_omschrijving"])]),
        "opmerking": r["opmerking"],
        "actie_id": r["id"],
    }


@dataclass(frozen=True)
class _Plaatser:
    """Decides where a symbol goes and how precise that is, from place and area data."""

    coords: dict[str, tuple[float, float]]
    gebied_van_plaats: dict[str, str]
    plaatsen: pd.DataFrame  # indexed by id
    ankers: gpd.GeoSeries
    naam: dict[str, str]  # per area code; dicts, not DataFrame lookups: one per item cost 0.5 s for 10,000
    niveau: dict[str, str]

    def locatie(self, plek: str, r: dict) -> dict:
        """The item's own point, a place's source coordinates, else the anchor of the area."""
        adres, gebiedscode = (self.plaatsen.loc[plek, "address"] if plek else ""), r["gebiedscode"]
        herkomst = ""  # where a place's point comes from (a source, the wijkteam, geocoding)
        if not plek and r["lon"] and r["lat"]:
            (lon, lat), gebied, precisie = (float(r["lon"]), float(r["lat"])), gebiedscode, PRECISIE_EXACT
        elif plek in self.coords:
            (lon, lat), gebied, precisie = self.coords[plek], gebiedscode, PRECISIE_EXACT
            herkomst = self.plaatsen.loc[plek, "coord_source"]
        else:
            gebied = self.gebied_van_plaats.get(plek, gebiedscode)
            lon, lat = self.ankers.loc[gebied].x, self.ankers.loc[gebied].y
            bekend = adres and not adres.lower().startswith("onbekend")
            precisie = PRECISIE_BENADERING if bekend else PRECISIE_ONBEKEND
        return {
            "plaats": self.plaatsen.loc[plek, "name"] if plek else "",
            "adres": adres,
            "plek_herkomst": herkomst,
            "gebiedscode": gebied,
            "gebiedsnaam": self.naam[gebied],
            "precisie": precisie,
            "lon": lon,
            "lat": lat,
            # area-wide items sit on the area's top edge; the map stacks them upwards
            "op_bovenrand": precisie != PRECISIE_EXACT and self.niveau[gebied] in BOVENRAND_NIVEAUS,
        }


def _ankers(gebieden: gpd.GeoDataFrame) -> gpd.GeoSeries:
    """Where area-level symbols are drawn, in WGS84.

    A buurt or wijk gets a point inside it. Items of a whole programme area or the gemeente sit
    on the top edge of that area (centre of its northern bound), so they read as a label of the
    outlined area rather than as a place inside it, and do not cover the wijk symbols.
    """
    web = naar_web(gebieden)
    binnen = web.geometry.representative_point()
    rand = gpd.GeoSeries(
        [Point((b[0] + b[2]) / 2, b[3]) for b in web.geometry.bounds.to_numpy()], index=web.index, crs=WEB_CRS
    )
    return binnen.where(~web["niveau"].isin(BOVENRAND_NIVEAUS), rand)


def _plaats_coordinaten(plaatsen: pd.DataFrame, grenzen: Grenzen, pad: Path) -> dict[str, tuple[float, float]]:
    """Coordinates per place: both or neither of lat/lon, with a source, inside a buurt."""
    coords: dict[str, tuple[float, float]] = {}
    for rij, r in enumerate(plaatsen.itertuples(index=False), start=2):
        if not r.lat and not r.lon:
            continue
        try:
            lat, lon = float(r.lat), float(r.lon)
        except ValueError:
            raise DataFout(pad, f"rij {rij}: coördinaten {r.lat!r}, {r.lon!r} zijn geen getallen") from None
        if not (math.isfinite(lat) and math.isfinite(lon)) or not r.coord_source.strip():
            raise DataFout(pad, f"rij {rij}: coördinaten zonder bron of ongeldig")
        if grenzen.buurt_op_punt(lon, lat) is None:
            raise DataFout(pad, f"rij {rij}: coördinaten van {r.id!r} liggen buiten de gemeente")
        coords[r.id] = (lon, lat)
    return coords


def _controleer(acties, hotspots, plaatsen, plaats_gebied, bronnen, gebieden, bestanden: Programmabestanden) -> None:
    """Cross-file rules: known opgaven, statuses, areas, places and sources."""
    bekende_gebieden = set(gebieden.index)
    bekende_plaatsen = set(plaatsen["id"])
    bekende_bronnen = set(bronnen["bron"])
    for pad, tabel in ((bestanden.acties, acties), (bestanden.hotspots, hotspots)):
        fouten = []
        for rij, r in enumerate(tabel.to_dict("records"), start=2):
            if "opgave" in r and r["opgave"] not in OPGAVEN:
                fouten.append(f"rij {rij}: onbekende opgave {r['opgave']!r}")
            if "status" in r and r["status"] not in STATUSSEN:
                fouten.append(f"rij {rij}: status moet {' of '.join(STATUSSEN)} zijn")
            if "jaar" in r and not JAAR.match(r["jaar"]):
                fouten.append(f"rij {rij}: jaar {r['jaar']!r} is geen jaartal of reeks jaren")
            if r["gebiedscode"] not in bekende_gebieden:
                fouten.append(f"rij {rij}: onbekende gebiedscode {r['gebiedscode']!r}")
            fouten += [f"rij {rij}: onbekende plaats {p!r}" for p in split_lijst(r["plaatsen"]) if p not in bekende_plaatsen]
            if not split_lijst(r["bron"]) and not r["bron_omschrijving"]:
                fouten.append(f"rij {rij}: bron ontbreekt")
            fouten += [f"rij {rij}: onbekende bron {b!r}" for b in split_lijst(r["bron"]) if b not in bekende_bronnen]
        if fouten:
            raise DataFout(pad, "; ".join(fouten[:10]))
    for rij, r in enumerate(plaats_gebied.itertuples(index=False), start=2):
        if r.plaats not in bekende_plaatsen or r.gebiedscode not in bekende_gebieden:
            raise DataFout(bestanden.plaats_gebied, f"rij {rij}: onbekende plaats of gebiedscode")


def buurten_van(grenzen: Grenzen, programmagebied: Programmagebied, code: str) -> frozenset[str]:
    """The buurten an area consists of, so areas of any level can be compared by overlap."""
    buurten = grenzen.buurten
    if code == programmagebied.code:
        return frozenset(programmagebied.buurten)
    if code in set(grenzen.gemeente["code"]):
        return frozenset(buurten["code"])
    return frozenset(buurten.loc[(buurten["code"] == code) | (buurten["wijkcode"] == code), "code"])


def items_voor_gebied(items: pd.DataFrame, grenzen: Grenzen, programmagebied: Programmagebied, code: str) -> pd.DataFrame:
    """Actions and hotspots that concern an area, with ``reikwijdte`` saying how.

    An item concerns the area when its own area overlaps it: an action placed in a wijk concerns
    each of its buurten, and an action for all of Leidschendam-Noord concerns every part of it.
    ``reikwijdte`` tells whether the item is in this area, in a part of it, or in a larger area
    that includes it, because most items have no exact location.
    """
    gebied = buurten_van(grenzen, programmagebied, code)
    rijen = []
    for idx, item_gebied in items["gebiedscode"].items():
        eigen = buurten_van(grenzen, programmagebied, item_gebied)
        if not eigen & gebied:
            continue
        naam = items.at[idx, "gebiedsnaam"]
        reikwijdte = ("dit gebied" if item_gebied == code
                      else f"deel van dit gebied: {naam}" if eigen < gebied
                      else f"groter gebied: {naam}")
        rijen.append((idx, reikwijdte))
    gekozen = items.loc[[i for i, _ in rijen]]
    return gekozen.assign(reikwijdte=[r for _, r in rijen])
