"""Places that the bundled data knows by address but not by coordinates: the wijkteam places them.

A placed address gets coordinates with a source that says who placed it and when, so the map
can show it exactly while the data still tells placing by hand from a source's coordinates.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from app import eenmalig, locatiekiezer
from app.formats import markdown_veilig
from geo.beheer import valideer_punt
from geo.bundel import Wijkdata, gebiedscontext
from geo.opslag import Conflict, Opslag, OpslagFout

VOORVOEGSEL = "beheer_plaats"
KEUZE_KEY = f"{VOORVOEGSEL}_keuze"
MELDING_KEY = f"{VOORVOEGSEL}_melding"


def nog_te_plaatsen(plaatsen: pd.DataFrame) -> pd.DataFrame:
    """Places with a known address and no coordinates (an 'onbekend …' address is not known)."""
    adres = plaatsen["address"].str.strip()
    bekend = (adres != "") & ~adres.str.lower().str.startswith("onbekend")
    return plaatsen[bekend & (plaatsen["lat"] == "") & (plaatsen["lon"] == "")]


def toon(data: Wijkdata, opslag: Opslag, gebruiker: str) -> None:
    plaatsen = opslag.tabel("plaatsen")
    open_ = nog_te_plaatsen(plaatsen)
    eenmalig.toon(MELDING_KEY)
    if open_.empty:
        st.success("Alle plekken met een adres hebben coördinaten.")
    else:
        st.write(f"{len(open_)} plekken hebben een adres maar nog geen coördinaten. Kies er een, klik op de kaart "
                 "waar het adres ligt en sla op. Tot dan tonen de kaarten ze in het midden van hun buurt of wijk.")
        namen = {r["id"]: f"{r['name']} — {r['address']}" for r in open_.to_dict("records")}
        if st.session_state.get(KEUZE_KEY) not in namen:
            st.session_state[KEUZE_KEY] = next(iter(namen))
        st.selectbox("Plek", list(namen), key=KEUZE_KEY, format_func=namen.get)
        gekozen = open_.set_index("id").loc[st.session_state[KEUZE_KEY]]
        st.caption(markdown_veilig(f"Adres: {gekozen['address']}. Buurt of wijk volgens de bron: "
                                   f"{gekozen.get('buurt_hint') or 'niet vermeld'}."))
        locatiekiezer.neem_klik(data, VOORVOEGSEL)
        locatiekiezer.toon(data, VOORVOEGSEL, met_gebied=False)
        locatiekiezer.coordinaatvelden(VOORVOEGSEL)
        st.button("Plek opslaan", type="primary", key=f"{VOORVOEGSEL}_opslaan", on_click=_opslaan, args=(data, opslag, gebruiker, plaatsen))
    st.subheader("Al geplaatst door het wijkteam")
    geplaatst = plaatsen[plaatsen["coord_source"].str.startswith("Geplaatst door het wijkteam")]
    st.dataframe(geplaatst[["name", "address", "lat", "lon", "coord_source"]].rename(columns={
        "name": "plek", "address": "adres", "lat": "breedtegraad", "lon": "lengtegraad", "coord_source": "herkomst"}),
        hide_index=True, width="stretch")


def _opslaan(data: Wijkdata, opslag: Opslag, gebruiker: str, plaatsen: pd.DataFrame) -> None:
    sleutel = locatiekiezer.sleutels(VOORVOEGSEL)
    punt, fouten = valideer_punt(st.session_state.get(sleutel["lon"], ""), st.session_state.get(sleutel["lat"], ""),
                                 gebiedscontext(data))
    if punt is None:
        eenmalig.onthoud(MELDING_KEY, "error", "Niet opgeslagen: " + "; ".join(fouten or ["klik eerst op de kaart"]))
        return
    rij = plaatsen.set_index("id").loc[st.session_state[KEUZE_KEY]]
    herkomst = f"Geplaatst door het wijkteam ({gebruiker}, {date.today():%d-%m-%Y}) op basis van het adres"
    try:
        opslag.wijzig("plaatsen", rij.name, {"lon": punt[0], "lat": punt[1], "coord_source": herkomst},
                      int(rij["versie"]), gebruiker)
    except (Conflict, OpslagFout) as fout:
        eenmalig.onthoud(MELDING_KEY, "error", fout.melding)
        return
    eenmalig.onthoud(MELDING_KEY, "success", f"{rij['name']} staat nu op de kaart.")
    st.session_state[sleutel["lon"]] = st.session_state[sleutel["lat"]] = ""
