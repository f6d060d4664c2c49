"""Logboek en herstel: who changed what and when, with the previous values; removed items back."""

from __future__ import annotations

import json
from datetime import date

import pandas as pd
import streamlit as st

from app import eenmalig
from app import settings as s
from geo.beheer import TABEL
from geo.export import csv_bytes
from geo.opslag import Conflict, Opslag, OpslagFout, lokale_tijd

TABELNAAM = {"acties": "Actie", "hotspots": "Overlast", "plaatsen": "Plek"}
VERWIJDERD_LABEL = {"acties": "Verwijderde acties", "hotspots": "Verwijderde overlastmeldingen"}
TITEL = {"acties": "naam", "hotspots": "thema", "plaatsen": "name"}
MELDING_KEY = "beheer_logboek_melding"


def samenvatting(oud: str, nieuw: str) -> str:
    """The changed fields of one log entry as 'veld: oud → nieuw' (whole row for add/remove)."""
    voor, na = json.loads(oud) if oud else {}, json.loads(nieuw) if nieuw else {}
    if not voor or not na:
        rij = na or voor
        return rij.get("naam") or rij.get("thema") or rij.get("name") or ""
    return "; ".join(f"{k}: '{voor.get(k, '')}' → '{na.get(k, '')}'" for k in na if voor.get(k, "") != na.get(k, ""))


def logtabel(logboek: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame({
        "Tijd": logboek["tijd"].map(lokale_tijd),
        "Gebruiker": logboek["gebruiker"],
        "Soort": logboek["tabel"].map(TABELNAAM),
        "Item": logboek["item_id"],
        "Handeling": logboek["handeling"],
        "Wat": [samenvatting(o, n) for o, n in zip(logboek["oud"], logboek["nieuw"], strict=True)],
    })


def toon(opslag: Opslag, gebruiker: str) -> None:
    eenmalig.toon(MELDING_KEY)
    st.subheader("Verwijderde items terugzetten")
    for naam in TABEL.values():
        weg = opslag.tabel(naam, verwijderd=True)
        if weg.empty:
            st.caption(f"{VERWIJDERD_LABEL[naam]}: geen.")
            continue
        titels = {r["id"]: f"{r[TITEL[naam]]} (verwijderd door {r['gewijzigd_door']}, {lokale_tijd(r['gewijzigd_op'])})"
                  for r in weg.to_dict("records")}
        kolom, knop = st.columns([4, 1], vertical_alignment="bottom")
        keuze = kolom.selectbox(VERWIJDERD_LABEL[naam], list(titels), format_func=titels.get,
                                key=f"beheer_herstel_{naam}")
        versie = int(weg.set_index("id").loc[keuze, "versie"])
        knop.button("Terugzetten", key=f"beheer_herstel_knop_{naam}", on_click=_herstel,
                    args=(opslag, naam, keuze, versie, gebruiker))
    st.subheader("Logboek")
    logboek = opslag.logboek()
    if logboek.empty:
        st.info("Nog geen wijzigingen.")
        return
    tabel = logtabel(logboek)
    st.dataframe(tabel, hide_index=True, width="stretch")
    st.download_button("Logboek downloaden (CSV)",
                       csv_bytes(tabel, [f"Logboek van de wijkkaart {s.PROGRAMMA_NAAM}, {date.today():%d-%m-%Y}."]),
                       file_name="logboek-wijkkaart.csv", mime="text/csv", on_click="ignore")


def _herstel(opslag: Opslag, naam: str, item_id: str, versie: int, gebruiker: str) -> None:
    try:
        opslag.herstel(naam, item_id, versie, gebruiker)
    except (Conflict, OpslagFout) as fout:
        eenmalig.onthoud(MELDING_KEY, "error", fout.melding)
        return
    eenmalig.onthoud(MELDING_KEY, "success", "Teruggezet; het staat weer op de kaart.")
