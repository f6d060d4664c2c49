"""The Programma page: timeline (graphic plus table), organisation, budget and partners."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from app import settings as s
from app.formats import markdown_veilig, veilige_tabel
from app.raadsoverzicht import actietabellen
from app.svg_kaart import als_afbeelding
from app.svg_tijdlijn import ZEKERHEID_TEKST, tijdlijn_svg
from geo.bundel import Wijkdata
from geo.getallen import getal_tekst
from geo.schema import OPGAVEN


def actiebanen(data: Wijkdata) -> list[tuple[str, str]]:
    """Per opgave how many 2022 actions have started or are planned (the sources date them 2022)."""
    banen = []
    for opgave, tabel in actietabellen(data).items():
        telling = tabel.groupby("Jaar/periode")["Status"].value_counts()
        tekst = "; ".join(
            f"{jaar}: " + ", ".join(f"{n} {status}" for status, n in groep.droplevel(0).items())
            for jaar, groep in telling.groupby(level=0)
        )
        banen.append((opgave, f"acties {tekst}" if tekst else "geen acties bekend"))
    return banen


def tijdlijntabel(gebeurtenissen: pd.DataFrame) -> pd.DataFrame:
    """The timeline as text: the graphic's alternative, with every source and remark."""
    return pd.DataFrame({
        "Wanneer": gebeurtenissen["datum_tekst"] + gebeurtenissen["zekerheid"].map(ZEKERHEID_TEKST),
        "Wat": gebeurtenissen["titel"],
        "Soort": gebeurtenissen["soort"],
        "Opgave": gebeurtenissen["opgave"].replace("", "alle"),
        "Bron": gebeurtenissen["bron_tekst"],
        "Toelichting": gebeurtenissen["opmerking"],
    })


def toon_tijdlijn(data: Wijkdata) -> None:
    gebeurtenissen = data.tijdlijn.gebeurtenissen
    st.subheader("Tijdlijn")
    st.html(als_afbeelding(
        tijdlijn_svg(gebeurtenissen, breedte=1200, acties=actiebanen(data)),
        f"Tijdlijn {gebeurtenissen['begin'].min():%Y} tot {s.DOELJAAR} met besluiten en mijlpalen en per opgave de "
        "acties; de tabel eronder geeft alles als tekst.",
    ))
    laatste = gebeurtenissen.loc[gebeurtenissen["begin"].dt.year < s.DOELJAAR, "begin"].max()
    st.caption("Benoemd zijn besluiten en mijlpalen; de andere punten (voorbereiding, bijeenkomsten, uitvoering) staan "
               f"in de tabel. De balken per opgave tellen de acties die de bronnen per jaar noemen. Na {laatste:%Y} is de as "
               f"ingekort tot {s.DOELJAAR}.")
    soorten = st.pills("Soort", sorted(set(gebeurtenissen["soort"])), selection_mode="multi", key="programma_soorten",
                       default=sorted(set(gebeurtenissen["soort"])))
    opgave = st.selectbox("Opgave", ["alle", *OPGAVEN], key="programma_opgave")
    tabel = tijdlijntabel(gebeurtenissen)
    tabel = tabel[tabel["Soort"].isin(soorten)]
    if opgave != "alle":
        tabel = tabel[tabel["Opgave"].isin(["alle", opgave])]
    if tabel.empty:
        st.info("Geen gebeurtenissen voor deze keuze. Kies een of meer soorten.")
    else:
        st.table(veilige_tabel(tabel.set_index("Wanneer")))


def toon_organisatie_en_budget(data: Wijkdata) -> None:
    tl = data.tijdlijn
    links, rechts = st.columns(2, gap="large")
    with links:
        st.subheader("Organisatie")
        st.table(veilige_tabel(tl.organisatie.rename(columns={"orgaan": "Orgaan", "samenstelling": "Samenstelling",
                                                               "bron_tekst": "Bron"})[["Orgaan", "Samenstelling", "Bron"]]
                               .set_index("Orgaan")))
    with rechts:
        st.subheader("Budget")
        budget = pd.DataFrame({
            "Onderdeel": tl.budget["onderdeel"],
            "Opgave": tl.budget["opgave"].replace("", "—"),
            "Bedrag": "€ " + tl.budget["bedrag"].map(getal_tekst),
            "Per": tl.budget["eenheid"] + ", " + tl.budget["periode"],
            "Bron": tl.budget["bron_tekst"],
        })
        st.table(veilige_tabel(budget.set_index("Onderdeel")))
        toelichting = " ".join(f"{o}: {t}" for o, t in zip(tl.budget["onderdeel"], tl.budget["opmerking"], strict=True) if t)
        st.caption(markdown_veilig(f"Toelichting per regel: {toelichting}"))
    st.subheader("Partners die de bronnen noemen")
    st.table(veilige_tabel(tl.partners.rename(columns={"partner": "Partner", "rol": "Rol", "bron_tekst": "Bron"})
                           [["Partner", "Rol", "Bron"]].set_index("Partner")))
    deal = tl.gebeurtenissen[tl.gebeurtenissen["titel"].str.contains(s.MIJLPALEN[0], regex=False)] if s.MIJLPALEN else []
    if len(deal):
        st.caption(markdown_veilig(f"{s.MIJLPALEN[0]} ({deal.iloc[0]['datum_tekst']}): {deal.iloc[0]['opmerking']}"))
