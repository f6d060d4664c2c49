"""Labels, defaults and styling in one place; tests import the same constants.

No Streamlit here, so the map builder and tests can use it without a running app.
"""

from __future__ import annotations

from dataclasses import dataclass

from geo.configuratie import CONFIG
from geo.vergelijking import GUNSTIGER, ONGUNSTIGER

# Gemeente and programme: from the configuration file (config/*.toml, see geo/configuratie.py).
PROGRAMMA_NAAM = CONFIG.programmanaam
APP_TITEL = f"{PROGRAMMA_NAAM} — wijkkaart"
GEBIED_NAAM = CONFIG.gebiedsnaam  # the programme area's name, e.g. in "onderdeel van …"
GEMEENTE_NAAM = CONFIG.gemeentenaam
PROGRAMMA_TITEL = f"{PROGRAMMA_NAAM} {CONFIG.periode}"
DOELJAAR = CONFIG.doeljaar
# Timeline events whose title holds one of these open the presentation; the first is the key agreement.
MIJLPALEN: tuple[str, ...] = tuple(CONFIG.teksten.get("mijlpalen", ()))
BESTANDSNAAM = CONFIG.bestandsnaam  # stem of every download's file name
KAART_ONDERSCHRIFT = CONFIG.tekst("kaart")
AANDACHTSPUNT = CONFIG.tekst("aandachtspunten") or "Aandachtspunt"
OVERLAST_TEKST = CONFIG.tekst("overlast")
DOEL_TEKST = CONFIG.tekst("doel")
AFSLUITING_TITEL = CONFIG.tekst("afsluiting_titel") or f"Samen verder met {PROGRAMMA_NAAM}"
AFSLUITING_TEKST = " ".join(t for t in (CONFIG.tekst("afsluiting"), CONFIG.contact and f"Vragen: {CONFIG.contact}") if t)

# Pages: title, URL path (st.navigation url_path) and file. The page files live in views/, not
# pages/: Streamlit treats a pages/ folder as the old multipage mode, and the first visitor after
# a server start who opens a direct link (/buurtprofiel?gebied=…) would get that page without
# the app's navigation and layout. Tests open every page by its URL.


@dataclass(frozen=True)
class Pagina:
    titel: str  # in the navigation
    pad: str
    bestand: str
    kop: str = ""  # the page's first heading, when it is not the title

    @property
    def koptekst(self) -> str:
        return self.kop or self.titel


PAGINA_KAART = Pagina("Kaart", "kaart", "views/kaart.py", APP_TITEL)
PAGINA_PROFIEL = Pagina("Buurtprofiel", "buurtprofiel", "views/buurtprofiel.py")
PAGINA_RAAD = Pagina("Raadsoverzicht", "raadsoverzicht", "views/raadsoverzicht.py")
PAGINA_PRESENTATIE = Pagina("Presentatie", "presentatie", "views/presentatie.py", PROGRAMMA_TITEL)
PAGINA_PROGRAMMA = Pagina("Programma", "programma", "views/programma.py", f"Programma {PROGRAMMA_TITEL}")
PAGINA_BRONNEN = Pagina("Over de gegevens", "bronnen", "views/bronnen.py")
PAGINAS = (PAGINA_KAART, PAGINA_PROFIEL, PAGINA_RAAD, PAGINA_PRESENTATIE, PAGINA_PROGRAMMA, PAGINA_BRONNEN)

# Editing pages: each asks for a login before it draws anything (app/toegang.py). Only the first
# is in the navigation ("Beheer"); after login the sidebar links to all of them. (Navigation
# sections would be neater, but Streamlit renders them as a list that screen readers misread.)
PAGINA_BEHEER_ACTIES = Pagina("Beheer", "beheer-acties", "views/beheer_acties.py", "Acties bijhouden")
PAGINA_BEHEER_OVERLAST = Pagina("Overlast bijhouden", "beheer-overlast", "views/beheer_overlast.py")
PAGINA_BEHEER_PLAATSEN = Pagina("Nog te plaatsen", "beheer-plaatsen", "views/beheer_plaatsen.py",
                                "Plekken met adres maar zonder coördinaten")
PAGINA_BEHEER_IMPORT = Pagina("Importeren en exporteren", "beheer-import", "views/beheer_import.py")
PAGINA_BEHEER_LOGBOEK = Pagina("Logboek en herstel", "beheer-logboek", "views/beheer_logboek.py")
BEHEERPAGINAS = (PAGINA_BEHEER_ACTIES, PAGINA_BEHEER_OVERLAST, PAGINA_BEHEER_PLAATSEN, PAGINA_BEHEER_IMPORT,
                 PAGINA_BEHEER_LOGBOEK)
BEHEER_MENU = {PAGINA_BEHEER_ACTIES: "Acties bijhouden", PAGINA_BEHEER_OVERLAST: "Overlast bijhouden",
               PAGINA_BEHEER_PLAATSEN: "Nog te plaatsen", PAGINA_BEHEER_IMPORT: "Importeren en exporteren",
               PAGINA_BEHEER_LOGBOEK: "Logboek en herstel"}

# Labels of the editing forms, per stored field (tests find the widgets by these).
BEHEER_LABELS = {
    "naam": "Naam van de actie",
    "opgave": "Opgave",
    "status": "Status",
    "jaar": "Periode (jaar of jaren, bijv. 2022 of 2022-2025)",
    "partners": "Partners",
    "omschrijving": "Omschrijving",
    "bron": "Bronnen uit de bronnenlijst",
    "bron_omschrijving": "Bron in woorden (wie meldde het, welk document)",
    "opmerking": "Opmerking",
    "thema": "Soort overlast",
    "datum": "Datum van de melding",
    "periode": "Periode (alleen als er geen datum is)",
}

# Short, stable URL forms of the opgaven and map views (shared links must survive a relabel).
OPGAVE_URL = {o.url: o.naam for o in CONFIG.opgaven}

# Widget labels
LABEL_OPGAVE = "Opgave"
LABEL_STATUS = "Status van acties"
LABEL_INDICATOR = "Kleur buurten naar"
LABEL_PEILJAAR = "Peiljaar van de cijfers"
LABEL_BEELD = "Kaartbeeld"
SYMBOOLLAGEN = {"actie": "Acties", "hotspot": "Overlast"}  # item kind -> the map layer it is drawn in
LABEL_ACTIES = "Acties tonen"
LABEL_HOTSPOTS = "Overlast tonen"
LABEL_PERIODE_VAN = "Overlast van"
LABEL_PERIODE_TOT = "tot en met"
LABEL_ACHTERGROND = "Achtergrondkaart (PDOK, alleen online)"
BEELD_NOORD = GEBIED_NAAM
BEELD_GEMEENTE = "Hele gemeente"
BEELD_URL = {CONFIG.gebied_url: BEELD_NOORD, "gemeente": BEELD_GEMEENTE}

# Defaults: the view opens on the programme's headline figure and every opgave.
STANDAARD_OPGAVEN: tuple[str, ...] = CONFIG.opgavenamen
STANDAARD_INDICATOR = CONFIG.standaard_indicator

# Raadsoverzicht: the key figures per buurt (configured; shares and per-unit figures compare with
# the gemeente average). Also the small multiples.
RAAD_INDICATOREN: tuple[str, ...] = CONFIG.raad_indicatoren
NIVEAU_LABEL = {"buurt": "Buurten", "wijk": "Wijken"}

# Presentatie: per opgave the indicator that colours its map and the two or three key figures
# (indicator, area code) shown in large type; all are figures a source gives.
PRESENTATIE_INDICATOR: dict[str, str] = CONFIG.presentatie_kaart
PRESENTATIE_KERNCIJFERS: dict[str, tuple[tuple[str, str], ...]] = CONFIG.presentatie_kerncijfers
SORTEER_NAAM = "naam"

# Against the gemeente: light fills under dark text in tables (contrast > 7:1), dark tones for
# text and dots in the gap chart (>= 4.5:1 on white), an orange/blue pair that colour-blind
# readers tell apart; the word itself is always written too, so colour is never the only cue.
VERGELIJKING_KLEUR = {ONGUNSTIGER: "#f9d3bf", GUNSTIGER: "#cfe4f5"}
VERGELIJKING_TEKSTKLEUR = {ONGUNSTIGER: "#B23A00", GUNSTIGER: "#0062A3"}
LN_MARKERING = "#fff3c4"
REFERENTIE_GRIJS = "#ececec"  # the gemeente and programme-area rows of the overview
TEKST_GRIJS = "#4d4d4d"  # secondary text, neutral marks (8.5:1 on white)
LOCATOR_GRIJS = "#d9d9d9"  # buurten on the locator map

# Symbol colours and shapes per opgave come from the configuration, so colour is never the only
# cue. Hotspots are triangles in vermillion.
OPGAVE_KLEUR = {o.naam: o.kleur for o in CONFIG.opgaven}
OPGAVE_VORM = {o.naam: o.vorm for o in CONFIG.opgaven}
HOTSPOT_KLEUR = "#D55E00"

PROGRAMMA_RAND = "#000000"
GEMEENTE_RAND = "#4d4d4d"
SELECTIE_RAND = "#E69F00"

KAART_HOOGTE = 560
KAART_BREEDTE = 560  # expected width of the map column on a laptop; used to fit a view
# Above this many buurten the map sends only what is in view, simplified for the zoom, on a canvas
# (geo/vereenvoudiging.py); up to it every buurt is an SVG path with its own tooltip.
GROOT_AANTAL = CONFIG.groot_vanaf  # [kaart] groot_vanaf, default 2000
MAX_SYMBOLEN_IN_BEELD = 1500  # more symbols in view: zoom in first (a national set has 10,000 meldingen)
KIEZER_HOOGTE = 360  # the location map of the editing forms
KIEZER_BREEDTE = 380
ZOOM_STAP = 0.25
MAX_ZOOM = 19  # PDOK's background tiles go to 19
SYMBOOL_PX = 22
SYMBOLEN_PER_RIJ = 6

ACHTERGROND_URL = "https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/grijs/EPSG:3857/{z}/{x}/{y}.png"
ACHTERGROND_ATTRIBUTIE = "Achtergrond: © Kadaster, BRT-Achtergrondkaart (PDOK)"

# The PDF font family name (fpdf2); SVG text names it first so the PDF draws SVG text with it
# (the core fonts lack "–" and "…"), browsers fall back to their sans-serif.
LETTERTYPE = "Noto"
SVG_LETTERTYPE = f"{LETTERTYPE}, sans-serif"

# The year is in every caption and PDF next to the map (it follows the active CBS snapshot).
DATA_ATTRIBUTIE = "Grenzen: CBS / Kadaster (PDOK), Wijk- en Buurtkaart, CC-BY 4.0"

# Offline front-end assets served by Streamlit from ./static at /app/static/.
STATIC_URL = "/app/static"
