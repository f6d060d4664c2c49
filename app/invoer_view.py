"""Importeren en exporteren: a file of acties or meldingen, previewed and checked before storing.

Nothing is written unless every row is valid, or the user explicitly chooses to import only the
valid ones. The whole import is one transaction: it is stored completely or not at all.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from datetime import date

import pandas as pd
import streamlit as st

from app.formats import markdown_veilig, veilige_tabel
from geo.beheer import SOORT_ACTIE, SOORTEN, TABEL, VELDEN, VERPLICHT
from geo.bundel import Wijkdata, gebiedscontext
from geo.getallen import aantal_tekst, getal_tekst
from geo.invoer import (
    EXPORTFORMATEN,
    MAX_BYTES,
    MAX_RIJEN,
    Invoer,
    InvoerFout,
    exporteer,
    lees_invoer,
)
from geo.opslag import Opslag, OpslagFout

SOORT_TEKST = {SOORT_ACTIE: "Acties", "hotspot": "Overlastmeldingen"}
FORMAAT_TEKST = {"csv": "CSV (UTF-8)", "xlsx": "Excel (.xlsx)", "geojson": "GeoJSON", "gpkg": "GeoPackage"}
MIME = {"csv": "text/csv", "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "geojson": "application/geo+json", "gpkg": "application/geopackage+sqlite3"}
VOORBEELD_RIJEN = 200
MAX_GETOONDE_FOUTEN = 100
UPLOAD_GRENS_MB = 10 * MAX_BYTES // 2**20
IMPORTEN_KEY = "beheer_importen"


def toon(data: Wijkdata, opslag: Opslag, gebruiker: str) -> None:
    st.subheader("Importeren")
    soort = st.radio("Wat importeert u?", SOORTEN, format_func=SOORT_TEKST.get, horizontal=True, key="beheer_import_soort")
    st.caption(
        f"CSV (UTF-8, met ; of ,), Excel (.xlsx), GeoJSON of GeoPackage; hoogstens {MAX_BYTES // 2**20} MB en "
        f"{getal_tekst(MAX_RIJEN)} rijen. Verplichte kolommen: {', '.join(VERPLICHT[soort])}, een bron "
        "(bron_omschrijving of bron) en een locatie (gebiedscode, of lon en lat in WGS84, of een puntgeometrie). "
        f"Alle kolommen: {', '.join(VELDEN[soort])}. Een export hieronder laat zien hoe het eruitziet."
    )
    # The browser refuses only files far above the limit (its message is English); the app's own
    # check gives the Dutch message for everything between. The upload box would state that higher
    # browser limit, in English: it shows the real limit in Dutch instead.
    st.html("<style>.st-key-beheer_import_bestand [data-testid='stFileUploaderDropzoneInstructions'] span "
            "{ font-size: 0 !important } .st-key-beheer_import_bestand [data-testid='stFileUploaderDropzoneInstructions'] "
            f"span::after {{ content: 'hoogstens {MAX_BYTES // 2**20} MB per bestand · CSV, Excel, GeoJSON of GeoPackage'; "
            "font-size: 0.875rem }</style>")
    bestand = st.file_uploader("Bestand", type=["csv", "xlsx", "geojson", "json", "gpkg"], key="beheer_import_bestand",
                               max_upload_size=UPLOAD_GRENS_MB)
    if bestand is not None:
        _toon_invoer(data, opslag, gebruiker, soort, bestand)
    _toon_export(opslag)


def _toon_invoer(data: Wijkdata, opslag: Opslag, gebruiker: str, soort: str, bestand) -> None:
    try:
        with st.spinner("Bestand controleren…"):
            invoer = lees_invoer(bestand.name, bestand.getvalue(), soort, gebiedscontext(data), date.today())
    except InvoerFout as fout:
        st.error(markdown_veilig(f"Dit bestand kan niet worden geïmporteerd: {fout.melding}") + "\n\nEr is niets opgeslagen.")
        return
    for melding in [*invoer.meldingen, *([f"Genegeerde kolommen: {', '.join(invoer.genegeerde_kolommen)}"]
                                         if invoer.genegeerde_kolommen else [])]:
        st.info(markdown_veilig(melding))
    st.markdown(f"**{aantal_tekst(invoer.totaal, 'rij', 'rijen')} gelezen**: {getal_tekst(len(invoer.rijen))} goed, "
                f"{getal_tekst(len(invoer.fouten))} met fouten.")
    if invoer.fouten:
        _toon_fouten(invoer)
    if invoer.rijen:
        st.caption(f"Voorbeeld van de goede rijen (hoogstens {VOORBEELD_RIJEN}):")
        voorbeeld = pd.DataFrame([{"rij": n, **r} for n, r in invoer.rijen[:VOORBEELD_RIJEN]])
        st.dataframe(voorbeeld, hide_index=True, width="stretch")
    _toon_importknop(opslag, gebruiker, soort, bestand.file_id, invoer)


def _toon_fouten(invoer: Invoer) -> None:
    """The bad rows with their reasons, wrapped so a long reason stays readable; all as CSV."""
    st.error("Rijen met fouten (rijnummer zoals in uw bestand). Verbeter ze en upload opnieuw, "
             "of importeer alleen de goede rijen.")
    fouten = pd.DataFrame(invoer.fouten, columns=["Rij", "Reden"])
    st.table(veilige_tabel(fouten.head(MAX_GETOONDE_FOUTEN).set_index("Rij")))
    if len(fouten) > MAX_GETOONDE_FOUTEN:
        st.caption(f"De eerste {MAX_GETOONDE_FOUTEN} van {aantal_tekst(len(fouten), 'fout', 'fouten')}; "
                   "de download hieronder heeft ze allemaal.")
    st.download_button("Foutenlijst downloaden (CSV)", fouten.to_csv(index=False, sep=";").encode("utf-8-sig"),
                       file_name="importfouten.csv", mime="text/csv", on_click="ignore", key="beheer_import_fouten")


@dataclass
class _Importen:
    """This session's imports by file id, written by the import callback without any st call."""

    bezig: set[str] = field(default_factory=set)
    klaar: set[str] = field(default_factory=set)
    mislukt: dict[str, str] = field(default_factory=dict)  # why, shown once
    slot: threading.Lock = field(default_factory=threading.Lock)  # two runs of one session can overlap


def _toon_importknop(opslag: Opslag, gebruiker: str, soort: str, bestand_id: str, invoer: Invoer) -> None:
    importen: _Importen = st.session_state.setdefault(IMPORTEN_KEY, _Importen())
    if bestand_id in importen.bezig:  # a click elsewhere started this run while the import still runs
        with st.spinner("Het bestand wordt geïmporteerd…"):
            while bestand_id in importen.bezig:
                time.sleep(0.05)
    if bestand_id in importen.mislukt:
        st.error(markdown_veilig(f"Niet geïmporteerd, er is niets opgeslagen: {importen.mislukt.pop(bestand_id)}"))
    if bestand_id in importen.klaar:
        st.success("Dit bestand is geïmporteerd. De nieuwe items staan op de kaart.")
        return
    if not invoer.rijen:
        st.warning("Geen enkele rij is goed; er valt niets te importeren.")
        return
    goed, fout = aantal_tekst(len(invoer.rijen), "goede rij", "goede rijen"), aantal_tekst(len(invoer.fouten), "rij", "rijen")
    alleen_goede = bool(invoer.fouten) and st.checkbox(
        f"Alleen de {goed} importeren; de {fout} met fouten overslaan", key="beheer_import_alleen_goede")
    st.button(f"{aantal_tekst(len(invoer.rijen), 'rij', 'rijen')} importeren", type="primary",
              disabled=bool(invoer.fouten) and not alleen_goede, key="beheer_import_knop", on_click=_importeer,
              args=(opslag, gebruiker, soort, bestand_id, [r for _, r in invoer.rijen], importen))


def _importeer(opslag: Opslag, gebruiker: str, soort: str, bestand_id: str, rijen: list[dict[str, str]],
               importen: _Importen) -> None:
    """The import, as the button's callback, without a single st call.

    Once the user clicks elsewhere, Streamlit stops a run at its next st call or session-state
    access, and may start the next run while this callback still works. Inside the import's
    transaction a stop would roll it back unseen; between the import and noting it, the stored
    file would be offered again. So the outcome goes into this session's own sets, and a run that
    finds the file still ``bezig`` waits for it. The second click of a double click finds the file
    ``bezig`` or ``klaar`` and imports nothing."""
    with importen.slot:
        if bestand_id in importen.bezig or bestand_id in importen.klaar:
            return
        importen.bezig.add(bestand_id)
    try:
        opslag.importeer(soort, rijen, gebruiker)
    except OpslagFout as fout:
        importen.mislukt[bestand_id] = str(fout)
    else:
        importen.klaar.add(bestand_id)
    finally:
        importen.bezig.discard(bestand_id)


def _toon_export(opslag: Opslag) -> None:
    st.subheader("Exporteren")
    soort_kolom, formaat_kolom = st.columns(2)
    soort = soort_kolom.selectbox("Wat exporteert u?", SOORTEN, format_func=SOORT_TEKST.get, key="beheer_export_soort")
    formaat = formaat_kolom.selectbox("Formaat", EXPORTFORMATEN, format_func=FORMAAT_TEKST.get, key="beheer_export_formaat")
    st.download_button(
        f"{SOORT_TEKST[soort]} downloaden als {FORMAAT_TEKST[formaat]}",
        data=lambda: exporteer(opslag.tabel(TABEL[soort]), soort, formaat),
        file_name=f"{TABEL[soort]}-wijkkaart-{date.today():%Y-%m-%d}.{formaat}", mime=MIME[formaat],
        on_click="ignore", key="beheer_export_knop",
    )
    st.caption("Met bronvermelding. Een export kan worden aangepast en weer geïmporteerd: "
               "dat maakt nieuwe items, bestaande blijven staan.")
