"""Where and how an action or hotspot symbol is drawn: shared by the Kaart (folium) and the
static maps (SVG, PDF), so both show the same shapes at the same places. No Streamlit, no folium.
"""

from __future__ import annotations

import math

import pandas as pd

from app import settings as s


def verschuivingen(aantal: int, bovenrand: bool) -> list[tuple[int, int]]:
    """Pixel offsets of the symbols of one area: a grid centred on the anchor, or stacked
    upwards from it when the anchor is the top edge of a large area."""
    stap = s.SYMBOOL_PX + 4
    kolommen = min(aantal, s.SYMBOLEN_PER_RIJ)
    rijen = math.ceil(aantal / kolommen) if aantal else 0
    uit = []
    for i in range(aantal):
        rij, kol = divmod(i, kolommen)
        in_rij = min(kolommen, aantal - rij * kolommen)
        dx = round((kol - (in_rij - 1) / 2) * stap)
        dy = -round((rij + 0.5) * stap) if bovenrand else round((rij - (rijen - 1) / 2) * stap)
        uit.append((dx, dy))
    return uit


def plaatsing(items: pd.DataFrame) -> list[tuple[pd.Series, tuple[int, int]]]:
    """Each item with its pixel offset (at ``SYMBOOL_PX``) from its anchor; the Kaart and the
    static maps place symbols the same way. One pass over the items (not one per anchor): with
    thousands of meldingen at their own points, a pass per anchor took most of a second."""
    anker = ["lon", "lat", "op_bovenrand"]
    gesorteerd = items.sort_values([*anker, "soort", "opgave", "id"])
    groepen = gesorteerd.groupby(anker, sort=False)
    rangen, groottes = groepen.cumcount().tolist(), groepen["id"].transform("size").tolist()
    rooster = {}  # (number of symbols, top edge) -> offsets, computed once per shape
    uit = []
    for (_, item), rang, grootte in zip(gesorteerd.iterrows(), rangen, groottes, strict=True):
        sleutel = (grootte, bool(item["op_bovenrand"]))
        if sleutel not in rooster:
            rooster[sleutel] = verschuivingen(*sleutel)
        uit.append((item, rooster[sleutel][rang]))
    return uit


def symbooltekst(item: pd.Series) -> str:
    """Plain text naming a symbol (tooltip, screen reader name, SVG title); escaped where used."""
    return f"{item['naam']} — {item['opgave']}" + (f" ({item['status']})" if item["status"] else "")


def symboolvorm(item: pd.Series) -> tuple[str, str]:
    """(shape, colour): a shape per opgave, a triangle for hotspots."""
    if item["soort"] == "hotspot":
        return "driehoek", s.HOTSPOT_KLEUR
    return s.OPGAVE_VORM[item["opgave"]], s.OPGAVE_KLEUR[item["opgave"]]


def plek_tekst(gebiedsnaam: str | pd.Series, precisie: str | pd.Series) -> str | pd.Series:
    """'Prinsenhof — locatie bij benadering': where a symbol is shown and how sure that is.
    Works on single values and on columns alike, so every list says it the same way."""
    return gebiedsnaam + " — " + precisie
