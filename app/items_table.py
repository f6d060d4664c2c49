"""The list of what the map shows, with an empty state and a CSV download."""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from app import settings as s
from app.filters import Kaartkeuze
from app.html_tabel import html_tabel
from app.symbolen import plek_tekst
from geo.export import csv_bytes


def lijst(items: pd.DataFrame, extra: dict[str, str] | None = None) -> pd.DataFrame:
    """Display table: one row per symbol, Dutch column names, plus ``extra`` item columns.

    Status and year share a column, as do area and precision, so the table fits a laptop
    screen without scrolling sideways (a scrolling table is not reachable by keyboard).
    """
    tabel = pd.DataFrame({
        "Naam": items["naam"],
        "Soort": items["soort"].map({"actie": "Actie", "hotspot": "Overlast"}),
        "Opgave": items["opgave"],
        "Status": [f"{st} ({p})" if st else p for st, p in zip(items["status"], items["periode"], strict=True)],
        "Plek": plek_tekst(items["gebiedsnaam"], items["precisie"]),
        "Adres": items["adres"],
        "Partners": items["partners"],
        "Bron": items["bron"],
    })
    for kolom, titel in (extra or {}).items():
        tabel[titel] = items[kolom]
    return tabel.sort_values(["Soort", "Opgave", "Naam"]).reset_index(drop=True)


def leeg_bericht(keuze: Kaartkeuze) -> str:
    """Why nothing is shown, so an empty map never goes unexplained."""
    if not keuze.opgaven:
        return "Geen opgave gekozen. Kies in de zijbalk één of meer opgaven om acties en overlast te tonen."
    if not (keuze.toon_acties or keuze.toon_hotspots):
        return "De lagen Acties en Overlast staan uit. Zet ze aan in de zijbalk."
    if keuze.toon_acties and not keuze.statussen and not keuze.toon_hotspots:
        return "Geen status gekozen. Kies 'gestart' en/of 'gepland' in de zijbalk."
    return "Er zijn geen acties of overlastmeldingen voor deze keuze van opgave en status."


def toon(items: pd.DataFrame) -> None:
    """The symbols on the map as a list; an empty map is explained under the map itself
    (:func:`leeg_bericht`), not a second time here."""
    st.subheader(f"Op de kaart: {len(items)} symbolen")
    if items.empty:
        return
    tabel = lijst(items)
    # A static HTML table rather than st.dataframe or st.table: their front-end code delays the
    # first map (~0.4 s and ~0.5 s, bench/README), and a plain table prints and reads aloud well.
    st.html(html_tabel(tabel.set_index("Naam"), "Acties en overlast op de kaart"))
    st.download_button(
        "Lijst downloaden (CSV)",
        csv_bytes(tabel, [f"{s.PROGRAMMA_NAAM}: acties en overlast op de kaart, {date.today():%d-%m-%Y}. "
                          "De bron staat per rij; meldingen van het wijkteam komen uit de wijkkaart."]),
        file_name=f"{s.BESTANDSNAAM}-acties-overlast.csv", mime="text/csv", key="kaart_lijst_csv",
    )
