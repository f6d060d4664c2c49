"""Downloads of tables and map data, each carrying its attribution and licence text.

CBS data is CC-BY 4.0: whoever passes a file on must name the source, so the text travels
inside every file — comment lines in CSV, a sheet in Excel, a member of the GeoJSON object and
a table in the GeoPackage — not only on the web page.
"""

from __future__ import annotations

import io
import json
import re
import tempfile
from collections.abc import Sequence
from datetime import date
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pyogrio

from geo.bundel import Wijkdata
from geo.configuratie import CONFIG
from geo.schema import WEB_CRS

LICENTIE = "CBS-gegevens: Creative Commons Naamsvermelding 4.0 (CC-BY 4.0), https://creativecommons.org/licenses/by/4.0/deed.nl"
VERGELIJKING = "t.o.v. gemeente"
NIVEAU = "niveau cijfer"


def bronvermelding(data: Wijkdata, gemaakt: date) -> list[str]:
    """The attribution lines for any download: every source of the bundle with its years, licence.

    Every source, not only those of the columns in the file: derived figures rest on source
    figures of other indicators, and a complete list is never wrong.
    """
    bronnen = data.indicatoren[~data.indicatoren["afgeleid"].astype(bool)]
    regels = [
        f"{CONFIG.programmanaam} — wijkkaart, gemeente {CONFIG.gemeentenaam}. Gemaakt op {gemaakt:%d-%m-%Y}.",
        f"Grenzen: {data.grenzen.bron.bron} ({data.grenzen.bron.jaar}); {data.grenzen.bron.precisie}, bron in EPSG:28992.",
    ]
    for bron, jaren in bronnen.groupby("bron")["peiljaar"]:
        regels.append(f"Cijfers: {bron} (peiljaar {', '.join(sorted(set(jaren)))}).")
    for b in data.programma.bronnen.itertuples(index=False):
        regels.append(f"Acties en overlast: {b.titel} ({b.datum}){' ' + b.url if b.url else ''}.")
    regels += [
        f"Afgeleide cijfers (inwoners per woning, totalen van {CONFIG.gebiedsnaam}) zijn in deze app berekend uit de CBS-cijfers.",
        LICENTIE,
        "'onbekend' of leeg: geen bron geeft dit cijfer. Een buurt zonder eigen cijfer heeft het cijfer van haar wijk; "
        "bij elk cijfer staat of het een buurt- of wijkcijfer is.",
    ]
    return regels


def breed(lang: pd.DataFrame, data: Wijkdata) -> pd.DataFrame:
    """One row per area with, per indicator: value, gemeente value, difference, comparison word,
    level, reference year and source — so a downloaded figure never loses where it comes from.

    Numeric values stay numbers (no Dutch formatting) so the download computes in a spreadsheet;
    an unknown figure stays empty, never 0.
    """
    basis = lang.drop_duplicates("code")[["code", "naam", "wijknaam", "in_programma"]].set_index("code")
    basis = basis.rename(columns={"naam": "gebied", "wijknaam": "wijk", "in_programma": CONFIG.gebiedsnaam})
    kolommen = []
    for ind_id, deel in lang.groupby("indicator", sort=False):
        ind = data.definities[ind_id]
        deel = deel.set_index("code")
        naam = f"{ind.label} ({ind.eenheid})"
        kolommen += [
            deel["waarde"].rename(naam),
            deel["gemeente"].rename(f"{ind.label}: gemeente"),
            deel["verschil"].rename(f"{ind.label}: verschil met gemeente"),
            deel["vergelijking"].rename(f"{ind.label}: {VERGELIJKING}"),
            deel["niveau"].rename(f"{ind.label}: {NIVEAU}"),
            deel["peiljaar"].rename(f"{ind.label}: peiljaar"),
            deel["bron"].rename(f"{ind.label}: bron"),
        ]
    return pd.concat([basis, *kolommen], axis=1).reset_index()


_FORMULETEKENS = ("=", "+", "-", "@", "\t", "\r")
_NEGATIEF_GETAL = re.compile(r"^-\d+([.,]\d+)?$")


def formulebeveiliging(cel: object) -> object:
    """A text cell that a spreadsheet would run as a formula (``=HYPERLINK(...)``, typed or
    imported by a user) gets a leading apostrophe; a plain negative number stays as it is."""
    if isinstance(cel, str) and cel.startswith(_FORMULETEKENS) and not _NEGATIEF_GETAL.match(cel):
        return f"'{cel}"
    return cel


def zonder_formulebeveiliging(cel: str) -> str:
    """Undo :func:`formulebeveiliging` when a CSV of this app is imported again."""
    return cel[1:] if cel.startswith("'") and cel[1:].startswith(_FORMULETEKENS) else cel


def csv_bytes(tabel: pd.DataFrame, regels: Sequence[str]) -> bytes:
    """CSV with the attribution as leading '#' lines (pandas: ``read_csv(comment='#')``), and no
    cell that a spreadsheet would run as a formula."""
    kop = "".join(f"# {r}\n" for r in regels)
    return (kop + tabel.map(formulebeveiliging).to_csv(index=False)).encode("utf-8-sig")


def excel_bytes(tabel: pd.DataFrame, regels: Sequence[str], blad: str = "Overzicht") -> bytes:
    """An .xlsx with the table and a second sheet 'Bronvermelding'."""
    uit = io.BytesIO()
    with pd.ExcelWriter(uit, engine="openpyxl") as schrijver:
        tabel.to_excel(schrijver, sheet_name=blad, index=False)
        pd.DataFrame({"Bronvermelding": list(regels)}).to_excel(schrijver, sheet_name="Bronvermelding", index=False)
    return uit.getvalue()


def kaartlaag(tabel: pd.DataFrame, gebieden: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """The wide table with each area's geometry (source CRS)."""
    vormen = gebieden.loc[tabel["code"], ["geometry"]].reset_index(drop=True)
    return gpd.GeoDataFrame(tabel.reset_index(drop=True), geometry=vormen["geometry"], crs=gebieden.crs)


def geojson_bytes(laag: gpd.GeoDataFrame, regels: Sequence[str]) -> bytes:
    """RFC 7946 GeoJSON (WGS84) with ``bronvermelding`` and ``licentie`` as foreign members."""
    inhoud = json.loads(laag.to_crs(WEB_CRS).to_json(na="null", drop_id=True))
    inhoud["bronvermelding"] = list(regels)
    inhoud["licentie"] = LICENTIE
    return json.dumps(inhoud, ensure_ascii=False).encode("utf-8")


def gpkg_bytes(laag: gpd.GeoDataFrame, regels: Sequence[str], naam: str = "overzicht") -> bytes:
    """A GeoPackage (source CRS EPSG:28992) with the layer and a table 'bronvermelding'."""
    with tempfile.TemporaryDirectory() as tmp:
        pad = Path(tmp) / "export.gpkg"
        beschrijving = " ".join(regels)
        pyogrio.write_dataframe(laag, pad, layer=naam, driver="GPKG", layer_metadata={"DESCRIPTION": beschrijving})
        pyogrio.write_dataframe(pd.DataFrame({"bronvermelding": list(regels)}), pad, layer="bronvermelding",
                                driver="GPKG", append=True)
        return pad.read_bytes()
