"""Reading a file of acties or overlastmeldingen that the wijkteam uploads, and writing the
store's rows in the same shapes, so an export can be edited and imported again.

Why one module for both directions: the import must read what the export writes (CSV with
attribution lines, Excel with a second sheet, GeoJSON with a foreign member, a GeoPackage with
an extra table), and keeping the two side by side keeps them in step.

Every row goes through :func:`geo.beheer.valideer`, so a row that a form refuses is refused by
an import too, with the same Dutch reason. This module only turns a file into cells and points;
it never strips or escapes text (``<script>`` stays ``<script>``: escaping happens at display).

Row numbers are the ones the user finds in their own file:

* CSV and Excel: the spreadsheet row, counting the header (and any ``#`` attribution lines
  above it), so the first data row under a header on row 1 is row 2;
* GeoJSON: the feature's position in ``features``, starting at 1;
* GeoPackage: the feature's position in the (first) layer as GDAL reads it, starting at 1 —
  for a freshly written GeoPackage this is also the ``fid``.

A problem with the file as a whole (format, size, encoding, columns, coordinate system) raises
:class:`InvoerFout` with a Dutch message that says what to do; a problem with one row becomes an
entry in :attr:`Invoer.fouten`, so the other rows can still be previewed and imported.
"""

from __future__ import annotations

import csv
import io
import itertools
import json
import math
import warnings
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import geopandas as gpd
import numpy as np
import openpyxl
import pandas as pd
import pyogrio
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from pyproj import CRS, Transformer
from pyproj.exceptions import CRSError
from shapely.geometry import Point

from geo.beheer import (
    SOORTEN,
    TABEL,
    VELDEN,
    VELDNAAM,
    VERPLICHT,
    Gebiedscontext,
    getal,
    valideer,
)
from geo.configuratie import CONFIG
from geo.export import csv_bytes, gpkg_bytes, zonder_formulebeveiliging
from geo.schema import GEMEENTE_CRS, WEB_CRS, DataFout

MAX_BYTES = 5 * 1024 * 1024  # checked before parsing: a browser upload of more is not a wijkteam list
MAX_RIJEN = 5000
# An .xlsx is a zip: refuse one that unpacks to far more than a 5 MB sheet can hold ("zip bomb")
# before openpyxl unpacks it.
MAX_UITGEPAKT = 100 * 1024 * 1024

FORMATEN = {".csv": "csv", ".xlsx": "xlsx", ".geojson": "geojson", ".json": "geojson", ".gpkg": "gpkg"}
EXPORTFORMATEN = ("csv", "xlsx", "geojson", "gpkg")

# Columns an export of the store contains that a user does not edit. An import always creates
# new items, so these are skipped without comment (a field of the soort, e.g. a hotspot's
# ``periode`` or ``bron``, is read as a field instead).
OVERGESLAGEN_KOLOMMEN = ("id", "versie", "verwijderd", "gewijzigd_op", "gewijzigd_door", "opgave_herkomst", "bron",
                         "bron_datum", "plaatsen", "periode")
TITEL = f"{CONFIG.programmanaam} — acties en meldingen van het wijkteam"
BLAD = {"actie": "Acties", "hotspot": "Meldingen"}
BRONBLAD = "Bronvermelding"  # the attribution sheet/table of an export: not data, never a warning

_WGS84, _RD = "wgs84", "rd"
_SQLITE_KOP = b"SQLite format 3\x00"
_GEOJSON_TYPEN = {"Point", "MultiPoint", "LineString", "MultiLineString", "Polygon", "MultiPolygon",
                  "GeometryCollection"}
_NIET_PUNT = "geometrie is geen punt"
_ONGELDIG = "ongeldige geometrie"
_STELSELS = "WGS84 (EPSG:4326) of RD New (EPSG:28992)"


class InvoerFout(DataFout):
    """The file as a whole cannot be read; ``melding`` is Dutch and says what to do about it."""


@dataclass(frozen=True)
class Invoer:
    """What a file holds, row by row, before anything is stored: the preview of an import.

    ``rijen`` are clean rows that :func:`geo.beheer.valideer` accepted, ``fouten`` the rows it
    (or the geometry check) refused, one entry per row with its reasons joined by "; ". Both
    carry the row number the user sees in their file (see the module docstring).
    """

    rijen: list[tuple[int, dict[str, str]]]
    fouten: list[tuple[int, str]]
    formaat: str
    genegeerde_kolommen: list[str] = field(default_factory=list)  # unknown columns, as spelled in the file
    meldingen: list[str] = field(default_factory=list)  # warnings about the file, e.g. unread layers

    @property
    def totaal(self) -> int:
        """All data rows of the file, accepted or not."""
        return len(self.rijen) + len(self.fouten)


class _Probleem(Exception):
    """Internal: a file-level problem found by a reader; :func:`lees_invoer` adds the file name."""

    def __init__(self, melding: str) -> None:
        super().__init__(melding)
        self.melding = melding


@dataclass
class _Rij:
    nummer: int
    cellen: list[object]  # by position of :attr:`_Bestand.kolommen`
    punt: tuple[float, float] | None = None  # WGS84 lon/lat from the geometry
    vorm: bool = False  # the row has a (non-null) geometry, usable or not
    fouten: list[str] = field(default_factory=list)  # found while reading (geometry, stray cells)


@dataclass
class _Bestand:
    """What every reader produces: column names as in the file and the data rows."""

    kolommen: list[str]
    rijen: list[_Rij]
    geometrie: bool  # the location comes from a geometry, so lon/lat columns are not used
    meldingen: list[str] = field(default_factory=list)

    @property
    def met_vormen(self) -> bool:
        """Whether any row has a geometry: then the file has a location column, even if some
        geometries turn out to be unusable (those are row errors, not a missing column)."""
        return any(r.vorm for r in self.rijen)


# -- reading ------------------------------------------------------------------------------------


def lees_invoer(bestandsnaam: str, inhoud: bytes, soort: str, context: Gebiedscontext, vandaag: date) -> Invoer:
    """Read an uploaded file of acties (``soort="actie"``) or meldingen (``"hotspot"``).

    Raises :class:`InvoerFout` for anything that makes the whole file unusable, so the page can
    show one Dutch sentence instead of a traceback; rows with problems are listed, not raised.
    """
    if soort not in SOORTEN:
        raise ValueError(f"onbekende soort {soort!r}")
    try:
        formaat = _formaat(bestandsnaam)
        if not inhoud:
            raise _Probleem("Het bestand is leeg.")
        if len(inhoud) > MAX_BYTES:
            raise _Probleem(f"Het bestand is groter dan {MAX_BYTES / 1024 / 1024:g} MB. Splits het in kleinere "
                            "bestanden.")
        lezer = {"csv": _lees_csv, "xlsx": _lees_xlsx, "geojson": _lees_geojson, "gpkg": _lees_gpkg}[formaat]
        return _verwerk(lezer(inhoud), soort, formaat, context, vandaag)
    except _Probleem as probleem:
        raise InvoerFout(bestandsnaam, probleem.melding) from None


def _formaat(bestandsnaam: str) -> str:
    formaat = FORMATEN.get(Path(bestandsnaam).suffix.lower())
    if formaat is None:
        raise _Probleem(f"Dit soort bestand kan niet worden ingelezen. Kies een bestand dat eindigt op "
                        f"{', '.join(FORMATEN)}.")
    return formaat


def _tel(aantal: int) -> None:
    """Stop reading as soon as a file has more rows than one import may hold."""
    if aantal > MAX_RIJEN:
        raise _Probleem(f"Het bestand heeft meer dan {MAX_RIJEN} rijen. Splits het in kleinere bestanden.")


def _veldnaam(veld: str) -> str:
    """A field's Dutch name, with the column name when the two differ (``periode (kolom jaar)``):
    the user has to type the column name, not the label."""
    naam = VELDNAAM.get(veld, veld)
    return naam if naam == veld else f"{naam} (kolom {veld})"


def _verwerk(bestand: _Bestand, soort: str, formaat: str, context: Gebiedscontext, vandaag: date) -> Invoer:
    """Map the file's columns to the soort's fields and validate every row with ``valideer``."""
    if not bestand.rijen:
        raise _Probleem("Het bestand bevat geen rijen met gegevens onder de kolomnamen.")
    velden = set(VELDEN[soort]) - ({"lon", "lat"} if bestand.geometrie else set())
    beheer = set(OVERGESLAGEN_KOLOMMEN) - set(VELDEN[soort])
    plek: dict[str, int] = {}
    genegeerd: list[str] = []
    for positie, kolom in enumerate(bestand.kolommen):
        sleutel = kolom.strip().lower()
        if sleutel in velden:
            if sleutel in plek:
                raise _Probleem(f"De kolom {sleutel!r} komt twee keer voor. Laat er één over.")
            plek[sleutel] = positie
        elif not sleutel:
            if any(positie < len(r.cellen) and _tekst(r.cellen[positie]) for r in bestand.rijen):
                genegeerd.append(f"kolom {positie + 1} (zonder naam)")
        elif sleutel not in beheer:
            genegeerd.append(kolom.strip())
    ontbrekend = [_veldnaam(v) for v in VERPLICHT[soort] if v not in plek]
    punten = bestand.met_vormen if bestand.geometrie else {"lon", "lat"} <= plek.keys()
    if "gebiedscode" not in plek and not punten:
        ontbrekend.append("gebied (kolom gebiedscode) of een punt (" + (
            "een geometrie" if bestand.geometrie else "kolommen lon en lat") + ")")
    if ontbrekend:
        raise _Probleem(f"{'Kolom ontbreekt' if len(ontbrekend) == 1 else 'Kolommen ontbreken'}: "
                        f"{', '.join(ontbrekend)}. Zet de kolomnamen in de eerste regel; "
                        "een export uit deze app laat zien hoe.")
    rijen: list[tuple[int, dict[str, str]]] = []
    fouten: list[tuple[int, str]] = []
    for rij in bestand.rijen:
        invoer: dict[str, object] = {v: rij.cellen[p] if p < len(rij.cellen) else None for v, p in plek.items()}
        if bestand.geometrie:
            invoer["lon"], invoer["lat"] = rij.punt if rij.punt else (None, None)
        schoon, redenen = valideer(soort, invoer, context, vandaag)
        redenen = [*rij.fouten, *redenen]
        if redenen:
            fouten.append((rij.nummer, "; ".join(redenen)))
        else:
            rijen.append((rij.nummer, schoon))
    return Invoer(rijen, fouten, formaat, genegeerd, bestand.meldingen)


def _tekst(waarde: object) -> str:
    return "" if waarde is None else str(waarde).strip()


def _cel(waarde: object) -> object:
    """A cell from pandas/JSON as a plain Python value that ``valideer`` can turn into text."""
    if isinstance(waarde, dict | list):
        return json.dumps(waarde, ensure_ascii=False)
    if isinstance(waarde, np.generic):
        waarde = waarde.item()
    try:
        if pd.isna(waarde):  # type: ignore[arg-type]
            return None
    except (TypeError, ValueError):
        pass
    if isinstance(waarde, bytes):
        return waarde.decode("utf-8", errors="replace")
    return waarde


def _utf8(inhoud: bytes, hoe: str) -> str:
    try:
        return inhoud.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise _Probleem(f"Het bestand is geen UTF-8-tekst. {hoe}") from None


def _lees_csv(inhoud: bytes) -> _Bestand:
    """CSV as Excel writes it: UTF-8 with or without BOM, ``;`` (Dutch Excel) or ``,`` separated.

    The csv module, not pandas, so every record keeps its spreadsheet row number (a quoted cell
    with a line break is one row, as in Excel) and no cell is converted to a number.
    """
    tekst = _utf8(inhoud, "Sla het in Excel op met 'Opslaan als' en kies 'CSV UTF-8 (door komma's gescheiden)'.")
    regels = io.StringIO(tekst, newline="")
    voorloop = 0  # '#' attribution lines of an export, and blank lines, above the header
    for regel in regels:
        # Excel, saving an export again, may quote the '#' line or add separators to it (and to
        # blank lines): "# ..., export 01-06-2025." or "# ...;;;" is still an attribution line.
        kern = regel.strip().lstrip('"')
        if kern.strip(";,\t\" ") and not kern.startswith("#"):
            break
        voorloop += 1
    else:
        raise _Probleem("Het bestand bevat geen kolomnamen en geen rijen.")
    scheiding = max((";", ",", "\t"), key=regel.count)
    lezer = csv.reader(itertools.chain([regel], regels), delimiter=scheiding)
    rijen: list[_Rij] = []
    try:
        kop = next(lezer)
        for nummer, cellen in enumerate(lezer, start=voorloop + 2):
            if not any(c.strip() for c in cellen):
                continue
            _tel(len(rijen) + 1)
            rij = _Rij(nummer, [zonder_formulebeveiliging(c) for c in cellen])
            if any(c.strip() for c in cellen[len(kop):]):
                rij.fouten.append("rij heeft meer waarden dan er kolommen zijn (staat er een "
                                  f"{'puntkomma' if scheiding == ';' else 'komma'} in een tekst zonder aanhalingstekens?)")
            rijen.append(rij)
    except csv.Error as fout:
        raise _Probleem(f"Het bestand is geen leesbare CSV (regel {lezer.line_num + voorloop}: {fout}).") from None
    return _Bestand(kop, rijen, geometrie=False)


def _lees_xlsx(inhoud: bytes) -> _Bestand:
    """The first worksheet of an .xlsx; formulas count with their last computed value."""
    beschadigd = ("Het Excel-bestand kan niet worden gelezen: het is beschadigd, onvolledig of geen .xlsx-bestand. "
                  "Sla het opnieuw op als Excel-werkmap (.xlsx).")
    try:
        with zipfile.ZipFile(io.BytesIO(inhoud)) as archief:
            if sum(deel.file_size for deel in archief.infolist()) > MAX_UITGEPAKT:
                raise _Probleem("Het Excel-bestand is uitgepakt te groot om in te lezen. Splits het in kleinere bestanden.")
        boek = openpyxl.load_workbook(io.BytesIO(inhoud), read_only=True, data_only=True)
    except _Probleem:
        raise
    # openpyxl reports a corrupt zip or XML as any of a dozen exception types (BadZipFile, KeyError,
    # ParseError, ...); whatever it is, the user needs the same sentence, not a traceback.
    except Exception:  # noqa: BLE001
        raise _Probleem(beschadigd) from None
    try:
        if not boek.worksheets:
            raise _Probleem("Het Excel-bestand heeft geen werkblad.")
        blad = boek.worksheets[0]
        meldingen = []
        if any(b.title.lower() != BRONBLAD.lower() for b in boek.worksheets[1:]):
            meldingen.append(f"Het Excel-bestand heeft meer werkbladen; alleen het eerste werkblad ({blad.title}) is "
                             "ingelezen.")
        blad.reset_dimensions()  # some writers record a wrong used range; read every row there is
        kop: list[str] | None = None
        rijen: list[_Rij] = []
        for nummer, cellen in enumerate(blad.iter_rows(values_only=True), start=1):
            waarden = [_cel(c) for c in cellen]
            if not any(_tekst(w) for w in waarden):
                continue
            if kop is None:
                kop = [_tekst(w) for w in waarden]
                continue
            _tel(len(rijen) + 1)
            rijen.append(_Rij(nummer, waarden))
    except _Probleem:
        raise
    except Exception:  # noqa: BLE001 - sheets are parsed lazily, see above
        raise _Probleem(beschadigd) from None
    finally:
        boek.close()
    if kop is None:
        raise _Probleem("Het eerste werkblad is leeg.")
    breedte = max([len(kop), *(len(r.cellen) for r in rijen)])
    return _Bestand(kop + [""] * (breedte - len(kop)), rijen, geometrie=False, meldingen=meldingen)


def _stelsel(beschrijving: str) -> str:
    """WGS84 or RD New; any other coordinate system is refused by name, never guessed."""
    try:
        crs = CRS.from_user_input(beschrijving)
    except CRSError:
        raise _Probleem(f"Het coördinatenstelsel {beschrijving[:100]!r} is onbekend. Gebruik {_STELSELS}.") from None
    horizontaal = crs.sub_crs_list[0] if crs.is_compound else crs  # RD New + NAP height is still RD New
    if horizontaal.equals(CRS(WEB_CRS), ignore_axis_order=True):
        return _WGS84
    if horizontaal.equals(CRS(GEMEENTE_CRS), ignore_axis_order=True):
        return _RD
    epsg = crs.to_epsg()
    naam = f"{crs.name} (EPSG:{epsg})" if epsg else crs.name
    raise _Probleem(f"Het coördinatenstelsel {naam} wordt niet ondersteund. Sla het bestand op in {_STELSELS}.")


def _naar_wgs84(stelsel: str) -> Transformer | None:
    # A new transformer per file: pyproj transformers are not meant to be shared between threads.
    return Transformer.from_crs(GEMEENTE_CRS, WEB_CRS, always_xy=True) if stelsel == _RD else None


def _punt(x: float, y: float, omzetter: Transformer | None) -> tuple[float, float] | None:
    """A finite lon/lat, reprojected when needed; None when the coordinates are unusable."""
    if omzetter is not None:
        x, y = omzetter.transform(x, y)
    return (float(x), float(y)) if math.isfinite(x) and math.isfinite(y) else None


def _geojson_punt(geometrie: object, omzetter: Transformer | None) -> tuple[tuple[float, float] | None, str | None]:
    """The point of a GeoJSON geometry, checked by hand: a malformed geometry is a row error."""
    if geometrie is None:
        return None, None
    if not isinstance(geometrie, dict):
        return None, _ONGELDIG
    if geometrie.get("type") != "Point":
        return None, _NIET_PUNT if geometrie.get("type") in _GEOJSON_TYPEN else _ONGELDIG
    coordinaten = geometrie.get("coordinates")
    if (not isinstance(coordinaten, list) or len(coordinaten) not in (2, 3)
            or not all(isinstance(c, int | float) and not isinstance(c, bool) for c in coordinaten)):
        return None, _ONGELDIG
    try:
        punt = _punt(float(coordinaten[0]), float(coordinaten[1]), omzetter)
    except OverflowError:  # an integer beyond any float, which JSON allows
        return None, _ONGELDIG
    return (punt, None) if punt else (None, _ONGELDIG)


def _geojson_stelsel(verzameling: dict[str, object]) -> str:
    """RFC 7946 GeoJSON is WGS84; older files name their CRS in a ``crs`` member."""
    crs = verzameling.get("crs")
    if crs is None:
        return _WGS84
    naam = crs.get("properties", {}).get("name") if isinstance(crs, dict) and crs.get("type") == "name" else None
    if not isinstance(naam, str):
        raise _Probleem(f"Het coördinatenstelsel (onderdeel 'crs') wordt niet begrepen. Gebruik {_STELSELS}.")
    return _stelsel(naam)


def _lees_geojson(inhoud: bytes) -> _Bestand:
    """A GeoJSON FeatureCollection; properties are the columns, a Point geometry the location."""
    tekst = _utf8(inhoud, "Sla het bestand op als UTF-8.")
    try:
        verzameling = json.loads(tekst)
    except json.JSONDecodeError as fout:
        raise _Probleem(f"Het bestand is geen geldige JSON (fout op regel {fout.lineno}, kolom {fout.colno}).") from None
    except RecursionError:
        raise _Probleem("Het bestand is geen bruikbare JSON (te diep genest).") from None
    except ValueError:  # Python refuses integers of more than 4,300 digits
        raise _Probleem("Het bestand is geen bruikbare JSON (een getal met te veel cijfers).") from None
    if not isinstance(verzameling, dict) or verzameling.get("type") != "FeatureCollection":
        soort = verzameling.get("type") if isinstance(verzameling, dict) else None
        raise _Probleem("Het bestand is geen GeoJSON-FeatureCollection" + (f" (maar {soort!r})" if isinstance(
            soort, str) else "") + ". Exporteer de laag als GeoJSON.")
    features = verzameling.get("features")
    if not isinstance(features, list):
        raise _Probleem("De FeatureCollection heeft geen lijst 'features'.")
    _tel(len(features))
    omzetter = _naar_wgs84(_geojson_stelsel(verzameling))
    eigenschappen: list[dict[str, object]] = []
    rijen: list[_Rij] = []
    for nummer, feature in enumerate(features, start=1):
        rij = _Rij(nummer, [])
        if not isinstance(feature, dict) or feature.get("type") != "Feature":
            rij.fouten.append("onderdeel is geen GeoJSON-Feature")
            feature = {}
        rij.vorm = feature.get("geometry") is not None
        rij.punt, fout = _geojson_punt(feature.get("geometry"), omzetter)
        rij.fouten += [fout] if fout else []
        props = feature.get("properties")
        if props is not None and not isinstance(props, dict):
            rij.fouten.append("properties is geen object")
        eigenschappen.append(props if isinstance(props, dict) else {})
        rijen.append(rij)
    kolommen = list(dict.fromkeys(str(k) for props in eigenschappen for k in props))
    for rij, props in zip(rijen, eigenschappen, strict=True):
        tekstsleutels = {str(k): v for k, v in props.items()}
        rij.cellen = [_cel(tekstsleutels.get(k)) for k in kolommen]
    return _Bestand(kolommen, rijen, geometrie=True)


def _lees_gpkg(inhoud: bytes) -> _Bestand:
    """The first layer of a GeoPackage, read by GDAL from memory (no temporary file to clean up)."""
    beschadigd = "Het GeoPackage kan niet worden gelezen: het is beschadigd of onvolledig. Exporteer het opnieuw."
    if not inhoud.startswith(_SQLITE_KOP):
        raise _Probleem("Het bestand is geen GeoPackage. Exporteer de laag als GeoPackage (.gpkg).")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # GDAL warns that an in-memory file lacks the .gpkg extension
            lagen = [str(naam) for naam, _ in pyogrio.list_layers(io.BytesIO(inhoud))]
            if not lagen:
                raise _Probleem("Het GeoPackage bevat geen lagen.")
            info = pyogrio.read_info(io.BytesIO(inhoud), layer=lagen[0])
            if info["driver"] != "GPKG":
                raise _Probleem("Het bestand is geen GeoPackage. Exporteer de laag als GeoPackage (.gpkg).")
            _tel(int(info["features"]))
            geometrie = info["geometry_type"] is not None
            if geometrie and info["crs"] is None:
                raise _Probleem(f"De laag {lagen[0]!r} heeft geen coördinatenstelsel. Stel in de GIS-software "
                                f"{_STELSELS} in en exporteer opnieuw.")
            omzetter = _naar_wgs84(_stelsel(info["crs"])) if geometrie else None
            tabel = pyogrio.read_dataframe(io.BytesIO(inhoud), layer=lagen[0])
    except _Probleem:
        raise
    except (RuntimeError, ValueError, OSError, KeyError):  # pyogrio's DataSourceError etc. are RuntimeErrors
        raise _Probleem(beschadigd) from None
    if 0 <= info["features"] != len(tabel):  # a cut-off file may lose rows without an error
        raise _Probleem(beschadigd)
    _tel(len(tabel))
    meldingen = []
    overig = [naam for naam in lagen[1:] if naam.lower() != BRONBLAD.lower()]
    if overig:
        meldingen.append(f"Het GeoPackage heeft {len(lagen)} lagen; alleen de eerste laag ({lagen[0]}) is ingelezen.")
    vormen = tabel.geometry if isinstance(tabel, gpd.GeoDataFrame) else None
    kolommen = [str(k) for k in tabel.columns if vormen is None or k != vormen.name]
    rijen = []
    for positie, waarden in enumerate(tabel[kolommen].itertuples(index=False, name=None)):
        rij = _Rij(positie + 1, [_cel(w) for w in waarden])
        if vormen is not None:
            rij.vorm = vormen.iloc[positie] is not None
            rij.punt, fout = _gpkg_punt(vormen.iloc[positie], omzetter)
            rij.fouten += [fout] if fout else []
        rijen.append(rij)
    return _Bestand(kolommen, rijen, geometrie=geometrie, meldingen=meldingen)


def _gpkg_punt(vorm: object, omzetter: Transformer | None) -> tuple[tuple[float, float] | None, str | None]:
    if vorm is None:
        return None, None
    if getattr(vorm, "is_empty", True):
        return None, _ONGELDIG
    if not isinstance(vorm, Point):
        return None, _NIET_PUNT
    punt = _punt(vorm.x, vorm.y, omzetter)
    return (punt, None) if punt else (None, _ONGELDIG)


# -- writing ------------------------------------------------------------------------------------


def exporteer(tabel: pd.DataFrame, soort: str, formaat: str, *, gemaakt: date | None = None) -> bytes:
    """The store's rows of one soort as csv, xlsx, geojson or gpkg, readable by :func:`lees_invoer`.

    The editable fields come first, in form order, then the store's other columns (id, versie,
    ...), which an import skips. A row with ``lon``/``lat`` becomes a WGS84 point; one without
    is an area-level item and gets a null geometry. Text is written literally.
    """
    if soort not in SOORTEN:
        raise ValueError(f"onbekende soort {soort!r}")
    if formaat not in EXPORTFORMATEN:
        raise ValueError(f"onbekend exportformaat {formaat!r}")
    kolommen = [*VELDEN[soort], *(str(k) for k in tabel.columns if k not in VELDEN[soort])]
    rijen = tabel.reindex(columns=kolommen).fillna("").astype(str).reset_index(drop=True)
    regels = [f"{TITEL}, export {(gemaakt or date.today()):%d-%m-%Y}."]
    if formaat == "csv":
        return csv_bytes(rijen, regels)
    if formaat == "xlsx":
        return _excel_bytes(rijen, regels, BLAD[soort])
    punten = [_exportpunt(lon, lat) for lon, lat in zip(rijen["lon"], rijen["lat"], strict=True)]
    eigenschappen = rijen.drop(columns=["lon", "lat"])
    if formaat == "geojson":
        return _geojson_bytes(eigenschappen, punten, regels, TABEL[soort])
    laag = gpd.GeoDataFrame(eigenschappen, geometry=[Point(p) if p else None for p in punten], crs=WEB_CRS)
    return gpkg_bytes(laag, regels, naam=TABEL[soort])


def _exportpunt(lon: str, lat: str) -> tuple[float, float] | None:
    x, y = getal(lon), getal(lat)
    return None if x is None or y is None else (x, y)


def _excel_bytes(tabel: pd.DataFrame, regels: Sequence[str], blad: str) -> bytes:
    """Like :func:`geo.export.excel_bytes`, but every text cell stays text.

    pandas/openpyxl turn a text starting with "=" into a formula: ``=1+1`` typed in a form would
    come back as an empty cell (and a formula runs in the reader's Excel). Here it is stored as a
    string. ``lon``/``lat`` are written as numbers so a spreadsheet can compute with them.
    """
    boek = openpyxl.Workbook(write_only=True)
    data = boek.create_sheet(blad)
    data.append(list(tabel.columns))
    for rij in tabel.itertuples(index=False, name=None):
        data.append([_excelcel(data, kolom, waarde) for kolom, waarde in zip(tabel.columns, rij, strict=True)])
    bron = boek.create_sheet(BRONBLAD)
    bron.append([BRONBLAD])
    for regel in regels:
        bron.append([regel])
    uit = io.BytesIO()
    boek.save(uit)
    return uit.getvalue()


def _excelcel(blad: object, kolom: str, waarde: str) -> object:
    if kolom in ("lon", "lat") and (coordinaat := getal(waarde)) is not None:
        return coordinaat
    # Characters that XML cannot hold; valideer refuses them, so only old bundled rows could have them.
    cel = WriteOnlyCell(blad, value=ILLEGAL_CHARACTERS_RE.sub("", waarde))
    cel.data_type = "s"
    return cel


def _geojson_bytes(eigenschappen: pd.DataFrame, punten: Iterable[tuple[float, float] | None],
                   regels: Sequence[str], naam: str) -> bytes:
    """RFC 7946 GeoJSON built by hand: text properties stay text and a missing point is ``null``.

    Not :func:`geo.export.geojson_bytes`: that one adds the CBS licence, which does not apply to
    the wijkteam's own acties and meldingen.
    """
    features = [
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": list(punt)} if punt else None,
         "properties": dict(zip(eigenschappen.columns, rij, strict=True))}
        for rij, punt in zip(eigenschappen.itertuples(index=False, name=None), punten, strict=True)
    ]
    inhoud = {"type": "FeatureCollection", "name": naam, "bronvermelding": list(regels), "features": features}
    return json.dumps(inhoud, ensure_ascii=False, indent=1).encode("utf-8")
