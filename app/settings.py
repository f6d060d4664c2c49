"""Labels, defaults and styling in one place; tests import the same constants.

No Streamlit here, so the map builder and tests can use it without a running app.
"""

from __future__ import annotations

from geo.schema import OPGAVEN

APP_TITEL = "Sterk voor Noord — wijkkaart"
PROGRAMMA_CODE = "LN"  # Leidschendam-Noord in data/programma/gebieden.csv
GEMEENTE_NAAM = "Leidschendam-Voorburg"

# Page titles and URL paths (st.navigation url_path); the e2e test opens each by URL.
PAGINA_KAART = ("Kaart", "kaart")
PAGINA_BRONNEN = ("Over de gegevens", "bronnen")

# Widget labels
LABEL_OPGAVE = "Opgave"
LABEL_STATUS = "Status van acties"
LABEL_INDICATOR = "Kleur buurten naar"
LABEL_BEELD = "Kaartbeeld"
LABEL_ACTIES = "Acties tonen"
LABEL_HOTSPOTS = "Overlast tonen"
LABEL_ACHTERGROND = "Achtergrondkaart (PDOK, alleen online)"
BEELD_NOORD = "Leidschendam-Noord"
BEELD_GEMEENTE = "Hele gemeente"

# Defaults: the view opens on the programme's headline figure and every opgave.
STANDAARD_OPGAVEN: tuple[str, ...] = OPGAVEN
STANDAARD_INDICATOR = "kinderen_sociaal_minimum"

# Symbol colours per opgave (Okabe-Ito, colour-blind safe) and shapes per opgave, so colour is
# never the only cue. Hotspots are triangles in vermillion.
OPGAVE_KLEUR = {
    "Onderwijs en jeugd": "#0072B2",
    "Financiële zelfredzaamheid": "#CC79A7",
    "Fijn en veilig wonen": "#009E73",
}
OPGAVE_VORM = {
    "Onderwijs en jeugd": "cirkel",
    "Financiële zelfredzaamheid": "vierkant",
    "Fijn en veilig wonen": "ruit",
}
HOTSPOT_KLEUR = "#D55E00"

PROGRAMMA_RAND = "#000000"
GEMEENTE_RAND = "#4d4d4d"
SELECTIE_RAND = "#E69F00"

KAART_HOOGTE = 560
KAART_BREEDTE = 560  # expected width of the map column on a laptop; used to fit a view
ZOOM_STAP = 0.25
SYMBOOL_PX = 22
SYMBOLEN_PER_RIJ = 6

ACHTERGROND_URL = "https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/grijs/EPSG:3857/{z}/{x}/{y}.png"
ACHTERGROND_ATTRIBUTIE = "Achtergrond: © Kadaster, BRT-Achtergrondkaart (PDOK)"
DATA_ATTRIBUTIE = "Grenzen: CBS / Kadaster (PDOK), Wijk- en Buurtkaart 2024, CC-BY 4.0"

# Offline front-end assets served by Streamlit from ./static at /app/static/.
STATIC_URL = "/app/static"
