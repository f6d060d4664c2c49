"""The Buurtprofiel on screen: one area against the gemeente, its actions and where it lies."""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from app import settings as s
from app import stijl
from app.formats import markdown_veilig, veilige_tabel
from app.items_table import lijst
from app.kleine_kaarten import locatorkaart
from app.profiel import GEBIED, grafiekrijen, profiel, profieltabel
from app.svg_grafiek import afstandsgrafiek
from app.svg_kaart import als_afbeelding
from app.url_state import Parameter
from geo import export
from geo.bundel import Wijkdata
from geo.programma import items_voor_gebied
from geo.schema import OPGAVEN

GEBIED_KEY, OPGAVE_KEY = "profiel_gebied", "profiel_opgaven"


def gebiedskeuze(data: Wijkdata) -> dict[str, str]:
    """Every area a profile exists for, labelled: the programme area, then wijken, then buurten."""
    keuze = {data.programmagebied.code: f"{data.programmagebied.naam} (programmagebied)"}
    keuze |= {w.code: f"Wijk {w.naam}" for w in data.grenzen.wijken.sort_values("naam").itertuples()}
    keuze |= {b.code: f"Buurt {b.naam} (wijk {data.wijknamen[b.wijkcode]})"
              for b in data.grenzen.buurten.sort_values("naam").itertuples()}
    return keuze


def url_parameters(data: Wijkdata) -> list[Parameter]:
    """The profile choices a shared link carries."""
    return [
        Parameter("gebied", GEBIED_KEY, {c: c for c in gebiedskeuze(data)}, data.programmagebied.code, "gebiedscode",
                  aliassen=("buurt", "wijk")),  # the Kaart's ?buurt=, and what a reader expects
        Parameter("opgave", OPGAVE_KEY, s.OPGAVE_URL, list(OPGAVEN), "opgave", meervoud=True),
    ]


def kies(data: Wijkdata) -> str:
    keuze = gebiedskeuze(data)
    # The hint sits in a caption, not in a help tooltip: one fewer stop for keyboard users.
    gekozen = st.selectbox("Gebied", list(keuze), key=GEBIED_KEY, format_func=keuze.__getitem__)
    stijl.schermtip(f"Een buurt, een wijk of heel {s.GEBIED_NAAM}; typ in het veld om te zoeken.", "profiel_zoeken")
    return gekozen


def _toelichting(data: Wijkdata, code: str) -> str:
    buurten = data.grenzen.buurten.set_index("code")
    if code == data.programmagebied.code:
        return data.programmagebied.toelichting
    if code in buurten.index:
        wijk = buurten.at[code, "wijkcode"]
        noord = f" Onderdeel van {s.GEBIED_NAAM}." if code in data.programmagebied.buurten else ""
        return (f"Buurt {code} in wijk {data.wijknamen[wijk]} ({wijk}).{noord} Waar CBS een aandeel of dichtheid alleen "
                "per wijk geeft, toont het profiel het cijfer van de wijk (kolom Niveau: 'wijkcijfer'). Totalen van de "
                "wijk (inwoners, woningen) gelden niet voor de buurt en staan als onbekend.")
    return f"Wijk {code}, {len(buurten[buurten['wijkcode'] == code])} buurten."


def toon_kop(data: Wijkdata, code: str) -> None:
    """The area's name and what it is (level, wijk, part of Leidschendam-Noord)."""
    st.header(markdown_veilig(data.gebieden.at[code, "naam"]))
    st.caption(markdown_veilig(_toelichting(data, code)))


def toon_cijfers(data: Wijkdata, code: str) -> pd.DataFrame:
    """Gap chart and locator map side by side, then the full table (the chart's text alternative)."""
    naam = data.gebieden.at[code, "naam"]
    gebied = profiel(data, code)  # once, for the chart and the table
    grafiek, ligging = st.columns([3, 1], gap="medium")
    with grafiek:
        st.subheader("Afstand tot het gemeentegemiddelde")
        rijen = grafiekrijen(data, gebied)
        if rijen:
            st.html(als_afbeelding(afstandsgrafiek(rijen, naam, data.programmagebied.naam),
                                   f"Grafiek: afstand van {naam} tot het gemeentegemiddelde; de cijfers staan in de tabel Alle cijfers."))
            st.caption(f"Zwart streepje: gemiddelde van de gemeente (het doel voor {s.DOELJAAR}). Bolletje: dit gebied, oranje als het "
                       "ongunstiger is, blauw als het gunstiger is, grijs als er geen beter of slechter is. Ruit: "
                       f"{s.GEBIED_NAAM}. Elke regel heeft een eigen schaal vanaf 0. Totalen (inwoners, oppervlakte) "
                       "staan alleen in de tabel.")
        else:
            st.info("Voor dit gebied is geen cijfer bekend dat met het gemeentegemiddelde te vergelijken is. "
                    "De tabel hieronder toont wat wel bekend is.")
    with ligging:
        st.subheader("Ligging")
        st.html(als_afbeelding(locatorkaart(data, code), f"Kaartje: ligging van {naam} in de gemeente (oranje omlijnd)."))
        st.caption(f"Oranje omlijnd: dit gebied. Zwart: {s.GEBIED_NAAM}. CBS-grenzen {data.grenzen.bron.jaar}, {data.grenzen.bron.precisie}.")
    st.subheader("Alle cijfers")
    tabel = profieltabel(data, gebied)
    st.table(veilige_tabel(tabel.set_index("Indicator")))
    st.caption("onbekend: geen bron geeft dit cijfer. niet vergelijkbaar: een totaal (inwoners, hectare) of een aandeel "
               "in het gemeentetotaal zegt niets naast het cijfer van de gemeente. 'wijkcijfer': het cijfer van de wijk "
               "waarin de buurt ligt.")
    return tabel


def toon_items(data: Wijkdata, code: str) -> None:
    """Actions and hotspots that concern the area, filtered by opgave, with an empty state."""
    st.subheader("Acties en overlast in en rond dit gebied")
    opgaven = st.pills(s.LABEL_OPGAVE, OPGAVEN, selection_mode="multi", key=OPGAVE_KEY)
    items = items_voor_gebied(data.programma.items, data.grenzen, data.programmagebied, code)
    items = items[items["opgave"].isin(opgaven)]
    if items.empty:
        st.info("Geen acties of overlast voor deze keuze. " + ("Kies een of meer opgaven." if not opgaven else
                "Voor dit gebied noemen de bronnen geen acties of overlast bij "
                + ("deze opgave." if len(opgaven) == 1 else "deze opgaven.")))
        return
    st.table(veilige_tabel(lijst(items, {"reikwijdte": "Betreft"}).set_index("Naam")))
    st.caption("Betreft: 'dit gebied', een deel ervan, of een groter gebied waar dit gebied onder valt (de meeste acties "
               "hebben geen precieze plek).")


def toon_download(data: Wijkdata, code: str, tabel: pd.DataFrame) -> None:
    regels = export.bronvermelding(data, date.today())
    st.download_button(
        "Profiel downloaden (CSV)",
        lambda: export.csv_bytes(tabel.rename(columns={GEBIED: f"{data.gebieden.at[code, 'naam']} (dit gebied)"}), regels),
        f"{s.BESTANDSNAAM}-profiel-{code}.csv", "text/csv", key="profiel_csv", on_click="ignore",
    )
