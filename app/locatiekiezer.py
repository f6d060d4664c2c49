"""Where an item is: an area from a list, or a point clicked on the map (or typed, for keyboards).

All widgets are drawn on every run (never hidden), so Streamlit keeps what the user entered. A
point wins over the area: the buurt under the point is filled in when saving.
"""

from __future__ import annotations

import streamlit as st
from streamlit_folium import st_folium

from app import eenmalig
from app import settings as s
from app.formats import markdown_veilig
from app.map_build import kiezerkaart, puntlaag
from geo.beheer import getal
from geo.bundel import Wijkdata

NIVEAU_VOLGORDE = {"programmagebied": 0, "wijk": 1, "buurt": 2, "gemeente": 3}


def gebiedsopties(data: Wijkdata) -> dict[str, str]:
    """Area code → label, programme area first, then wijken, then buurten (as the wijkteam thinks)."""
    gebieden = data.gebieden.sort_values(["niveau", "naam"], key=lambda k: k.map(NIVEAU_VOLGORDE) if k.name == "niveau" else k)
    return {code: f"{r.naam} ({r.niveau}, {code})" for code, r in gebieden.iterrows()}


def sleutels(voorvoegsel: str) -> dict[str, str]:
    """Session keys of the location widgets, so a form can fill them when loading an item."""
    return {veld: f"{voorvoegsel}_{veld}" for veld in ("gebiedscode", "lon", "lat")}


def neem_klik(data: Wijkdata, voorvoegsel: str) -> None:
    """Take a click on the map into the coordinate fields; before those fields are drawn.

    A click reruns the page with the click already in the map's state: taking it at the start
    lets this same run show the point (no extra rerun that a quick click on "Opslaan" could fall
    into), and lets the fields sit in a form that is drawn before the map."""
    sleutel, kaart_key = sleutels(voorvoegsel), f"{voorvoegsel}_kaart"
    klik = (st.session_state.get(kaart_key) or {}).get("last_clicked")
    if klik and klik != st.session_state.get(f"{voorvoegsel}_klik"):
        st.session_state[f"{voorvoegsel}_klik"] = klik
        if data.grenzen.buurt_op_punt(klik["lng"], klik["lat"]) is None:
            eenmalig.onthoud(f"{voorvoegsel}_klikfout", "error",
                             f"Dat punt ligt buiten de gemeente {s.GEMEENTE_NAAM}. Klik binnen de grijze gemeentegrens.")
        else:
            st.session_state[sleutel["lon"]] = f"{klik['lng']:.6f}"
            st.session_state[sleutel["lat"]] = f"{klik['lat']:.6f}"


def coordinaatvelden(voorvoegsel: str) -> None:
    """The point as text, for keyboards; filled by a click on the map (:func:`neem_klik`).

    In the Beheer form these fields are the form's: a typed coordinate then reaches the server
    with the button, not when the field loses focus, which a quick click could overtake."""
    sleutel = sleutels(voorvoegsel)
    breedte, lengte = st.columns(2)
    breedte.text_input("Breedtegraad", key=sleutel["lat"], placeholder="bijv. 52,0870", help="WGS84, in graden")
    lengte.text_input("Lengtegraad", key=sleutel["lon"], placeholder="bijv. 4,4120", help="WGS84, in graden")


def toon(data: Wijkdata, voorvoegsel: str, met_gebied: bool = True) -> None:
    """Draw the map with the chosen point, a button to clear it and the area list (values are read
    from session state and validated on saving). Without ``met_gebied`` only a point can be chosen
    (placing an address)."""
    sleutel, kaart_key = sleutels(voorvoegsel), f"{voorvoegsel}_kaart"
    punt = _punt(st.session_state.get(sleutel["lon"], ""), st.session_state.get(sleutel["lat"], ""))
    st.markdown("**Locatie**: klik op de kaart voor een precieze plek" + (", of kies hieronder een gebied." if met_gebied else "."))
    eenmalig.toon(f"{voorvoegsel}_klikfout")
    achtergrond = st.toggle(s.LABEL_ACHTERGROND, key=f"{voorvoegsel}_achtergrond",
                            help="Straten en gebouwen van PDOK, om een adres precies te plaatsen. Alleen met internet.")
    st_folium(
        kiezerkaart(data.buurten_web, data.omlijningen_web, achtergrond),
        key=kaart_key, height=s.KIEZER_HOOGTE, use_container_width=True, returned_objects=["last_clicked"],
        feature_group_to_add=[puntlaag(punt)] if punt else [],
    )
    opties = gebiedsopties(data)
    if punt is not None:
        buurt = data.grenzen.buurt_op_punt(*punt)
        st.caption(markdown_veilig(f"Punt ligt in buurt {opties.get(buurt, 'buiten de gemeente')}.") if buurt
                   else "Dit punt ligt buiten de gemeente en kan niet worden opgeslagen.")
    st.button("Punt wissen", key=f"{voorvoegsel}_wis", on_click=_wis, args=(sleutel,), disabled=punt is None,
              help="Het punt wissen" + (" (dan geldt het gekozen gebied)" if met_gebied else ""))
    if met_gebied:
        st.selectbox(
            "Gebied (als er geen precieze plek is)", list(opties), index=None, key=sleutel["gebiedscode"],
            format_func=lambda c: opties.get(c, c), placeholder=f"Kies {s.GEBIED_NAAM}, een wijk of een buurt",
        )


def _punt(lon: str, lat: str) -> tuple[float, float] | None:
    """The typed point, or None while it is not two finite numbers (e.g. 'nan' or half typed)."""
    x, y = getal(str(lon)), getal(str(lat))
    return None if x is None or y is None else (x, y)


def _wis(sleutel: dict[str, str]) -> None:
    st.session_state[sleutel["lon"]] = ""
    st.session_state[sleutel["lat"]] = ""
