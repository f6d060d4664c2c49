"""The Raadsoverzicht on screen: controls, the coloured table, small multiples, actions, downloads."""

from __future__ import annotations

import html
from datetime import date

import geopandas as gpd
import pandas as pd
import streamlit as st
from pandas.io.formats.style import Styler

from app import settings as s
from app import stijl
from app.formats import markdown_veilig, veilige_tabel
from app.legend import LEGENDA_CSS, klassen_lijst
from app.pdf_overzicht import raadsoverzicht_pdf
from app.raadsoverzicht import (
    GEBIED,
    NOORD,
    WIJK,
    WIJKCIJFER,
    Raadsoverzicht,
    bouw,
    kolomnaam,
)
from app.svg_kaart import als_afbeelding
from app.url_state import Parameter
from geo import export
from geo.bundel import Wijkdata
from geo.vergelijking import OVERZICHT_NIVEAUS

NIVEAU_KEY, SORTEER_KEY, VOLGORDE_KEY = "raad_niveau", "raad_sorteer", "raad_volgorde"
OPLOPEND, AFLOPEND = "oplopend", "aflopend"


def url_parameters() -> list[Parameter]:
    """The Raadsoverzicht choices a shared link carries."""
    sorteringen = {s.SORTEER_NAAM: s.SORTEER_NAAM} | {i: i for i in s.RAAD_INDICATOREN}
    return [
        Parameter("niveau", NIVEAU_KEY, {n: n for n in OVERZICHT_NIVEAUS}, "buurt", "indeling"),
        Parameter("sorteer", SORTEER_KEY, sorteringen, s.RAAD_INDICATOREN[0], "sortering"),
        Parameter("volgorde", VOLGORDE_KEY, {OPLOPEND: OPLOPEND, AFLOPEND: AFLOPEND}, AFLOPEND, "volgorde"),
    ]


def keuzes(data: Wijkdata) -> tuple[str, str, bool]:
    """Level, sort column and direction, next to each other above the table."""
    links, midden, rechts = st.columns([1, 2, 1])
    # required: a second click on the chosen option does not leave nothing chosen
    niveau = links.segmented_control("Indeling", list(OVERZICHT_NIVEAUS), key=NIVEAU_KEY, required=True,
                                     format_func=lambda n: s.NIVEAU_LABEL[n])
    sorteer = midden.selectbox(
        "Sorteer op", [s.SORTEER_NAAM, *s.RAAD_INDICATOREN], key=SORTEER_KEY,
        format_func=lambda i: "Naam" if i == s.SORTEER_NAAM else kolomnaam(data, i),
    )
    volgorde = rechts.segmented_control("Volgorde", [AFLOPEND, OPLOPEND], key=VOLGORDE_KEY, required=True)
    return niveau, sorteer, volgorde != OPLOPEND


def gestyled(ov: Raadsoverzicht) -> Styler:
    """Cells coloured by better/worse than the gemeente; reference rows grey, Leidschendam-Noord yellow.

    The area's name is the index, the table's first column: st.table shows the index whatever the
    Styler says (and styles it its own way), and row numbers would only confuse (the gemeente
    would be row 0)."""
    referentie = f"background-color: {s.REFERENTIE_GRIJS}; font-weight: bold"
    markering = f"background-color: {s.LN_MARKERING}; font-weight: bold"

    def stijlen(tabel: pd.DataFrame) -> pd.DataFrame:
        css = ov.vergelijkingen.map(lambda w: f"background-color: {s.VERGELIJKING_KLEUR[w]}" if w in s.VERGELIJKING_KLEUR else "")
        naamkolommen = [k for k in (WIJK, NOORD) if k in css.columns]
        for i, noord in enumerate(ov.in_programma):
            if i < 2:  # the gemeente and Leidschendam-Noord rows
                css.iloc[i] = referentie
            elif noord:
                css.loc[i, naamkolommen] = markering
        css.index = tabel.index
        return css[tabel.columns]

    return veilige_tabel(ov.tabel.set_index(GEBIED)).style.apply(stijlen, axis=None)


def _legenda_tabel(ov: Raadsoverzicht) -> str:
    regels = [
        f'<span class="wk-vak" style="background:{s.VERGELIJKING_KLEUR["ongunstiger"]}"></span>ongunstiger dan het gemeentegemiddelde',
        f'<span class="wk-vak" style="background:{s.VERGELIJKING_KLEUR["gunstiger"]}"></span>gunstiger dan het gemeentegemiddelde',
        f'<span class="wk-vak" style="background:{s.LN_MARKERING}"></span>gebied in {s.GEBIED_NAAM}',
        "(hoger) / (lager): anders dan de gemeente, zonder beter of slechter (bijvoorbeeld dichtheid)",
        "onbekend: geen bron geeft dit cijfer",
    ]
    if ov.niveau == "buurt":
        regels.append(f"{WIJKCIJFER} cijfer van de wijk: CBS geeft het in deze gegevens alleen per wijk")
    lijst = "".join(f"<li>{r}</li>" for r in regels)
    return f'<div class="wk-legenda" role="group" aria-label="Legenda tabel"><strong>Legenda</strong><ul>{lijst}</ul></div>'


def toon_tabel(ov: Raadsoverzicht) -> None:
    if ov.gesorteerd_op_naam:
        st.info(f"Voor {s.NIVEAU_LABEL[ov.niveau].lower()} is het gekozen sorteercijfer niet bekend; de tabel staat op naam.")
    st.table(gestyled(ov))
    st.html(LEGENDA_CSS + _legenda_tabel(ov))
    st.caption(ov.peiljaren)


def toon_kaartjes(data: Wijkdata, ov: Raadsoverzicht) -> None:
    """One small map per key indicator; the table above is their text alternative."""
    kolommen = st.columns(len(ov.kaarten))
    for kolom, (ind, kaart) in zip(kolommen, ov.kaarten.items(), strict=True):
        with kolom:
            st.html(
                f'{LEGENDA_CSS}<figure class="wk-kaartje wk-legenda" style="margin:0">'
                f"<figcaption><strong>{html.escape(kolomnaam(data, ind))}</strong></figcaption>"
                f"{als_afbeelding(kaart.svg, f'Kaart {kolomnaam(data, ind)} per buurt; de cijfers staan in de tabel.')}"
                f"{klassen_lijst(kaart.kw, kaart.klassen)}</figure>"
            )
    st.caption(f"Zwarte rand: {s.GEBIED_NAAM}. Buurten zonder eigen cijfer tonen het cijfer van hun wijk. "
               "De tabel hierboven geeft dezelfde cijfers als tekst.")


def toon_acties(ov: Raadsoverzicht) -> None:
    for opgave, tabel in ov.acties.items():
        st.markdown(f"**{markdown_veilig(opgave)}** — {len(tabel)} acties")
        if tabel.empty:
            st.info("Voor deze opgave zijn geen acties bekend.")
        else:
            st.table(veilige_tabel(tabel.set_index("Actie")))


def toon_downloads(data: Wijkdata, ov: Raadsoverzicht, vandaag: date) -> None:
    """Table as CSV/Excel, map data as GeoJSON/GeoPackage, the overview as PDF; all with sources."""
    naam = f"{s.BESTANDSNAAM}-raadsoverzicht-{ov.niveau}en"
    knoppen = st.columns(5)
    # Every file, and the wide table under it, is made only when its button is clicked, not on every rerun.

    def tabel() -> pd.DataFrame:
        return export.breed(ov.lang, data)

    def laag() -> gpd.GeoDataFrame:
        return export.kaartlaag(tabel(), data.gebieden)

    knoppen[0].download_button("Tabel (CSV)", lambda: export.csv_bytes(tabel(), ov.bronnen), f"{naam}.csv", "text/csv",
                               key="raad_csv", on_click="ignore")
    knoppen[1].download_button(
        "Tabel (Excel)", lambda: export.excel_bytes(tabel(), ov.bronnen), f"{naam}.xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", key="raad_xlsx", on_click="ignore",
    )
    knoppen[2].download_button("Kaartgegevens (GeoJSON)", lambda: export.geojson_bytes(laag(), ov.bronnen), f"{naam}.geojson",
                               "application/geo+json", key="raad_geojson", on_click="ignore")
    knoppen[3].download_button("Kaartgegevens (GeoPackage)", lambda: export.gpkg_bytes(laag(), ov.bronnen), f"{naam}.gpkg",
                               "application/geopackage+sqlite3", key="raad_gpkg", on_click="ignore")
    knoppen[4].download_button("Download als PDF", lambda: raadsoverzicht_pdf(data, ov, vandaag), f"{naam}.pdf",
                               "application/pdf", key="raad_pdf", type="primary", on_click="ignore")
    stijl.schermtip("Elk bestand bevat de bronvermelding en licentie (CBS: CC-BY 4.0). Tip: de pagina afdrukken "
                    "(Ctrl+P) geeft een A4 liggend zonder zijbalk en knoppen.", "raad_downloads")


def toon_bronnen(ov: Raadsoverzicht) -> None:
    st.html("".join(f"<p style='margin:2px 0;font-size:0.85rem'>{html.escape(r)}</p>" for r in ov.bronnen))


def bouw_overzicht(data: Wijkdata, niveau: str, sorteer: str, aflopend: bool, vandaag: date) -> Raadsoverzicht:
    with st.spinner("Overzicht opbouwen…"):
        return bouw(data, niveau, sorteer, aflopend, vandaag)
