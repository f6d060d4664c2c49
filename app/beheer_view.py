"""Editing acties and overlastmeldingen: choose one (or new), fill in, save, remove.

Saving and removing run as button callbacks, before the page is drawn, so they can fill the
form with what was stored. The form keeps the user's input when a save is refused (invalid
fields or a conflict with someone else's change): nothing typed is lost.

The fields are an ``st.form``: their values reach the server together with the button that saves
them. Outside a form each field sends its value on its own, when it loses focus, and a date field
does so a moment later than a text field: with a quick tap on the button the button's rerun could
arrive first and be replaced by the date's, and the click was lost (seen in the e2e test).
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from app import locatiekiezer
from app import settings as s
from app.formats import markdown_veilig
from geo.beheer import (
    MAX_JAAR,
    MAX_LENGTE,
    MIN_JAAR,
    SOORT_ACTIE,
    STANDAARD_MAX_LENGTE,
    TABEL,
    VELDEN,
    valideer,
)
from geo.bundel import Wijkdata, gebiedscontext
from geo.opslag import Conflict, Opslag, OpslagFout, lokale_tijd
from geo.schema import OPGAVEN, STATUSSEN, split_lijst

NIEUW = "__nieuw__"
LOCATIEVELDEN = ("gebiedscode", "lon", "lat")
TITELVELD = {SOORT_ACTIE: "naam", "hotspot": "thema"}
LANGE_TEKST = ("omschrijving", "opmerking")


def _sleutel(soort: str, veld: str) -> str:
    return f"beheer_{soort}_{veld}"


def _locatie(soort: str) -> dict[str, str]:
    return locatiekiezer.sleutels(_sleutel(soort, "locatie"))


def toon(data: Wijkdata, opslag: Opslag, gebruiker: str, soort: str) -> None:
    """The editor of one soort: chooser, form, location, buttons, messages and the list."""
    tabel = opslag.tabel(TABEL[soort])
    titels = {NIEUW: "Nieuw toevoegen…"} | {
        r["id"]: f"{r[TITELVELD[soort]]} — {data.gebieden['naam'].get(r['gebiedscode'], r['gebiedscode'])}"
        for r in tabel.to_dict("records")
    }
    if st.session_state.get(_sleutel(soort, "keuze")) not in titels:  # removed by someone else meanwhile
        if st.session_state.get(_sleutel(soort, "keuze"), NIEUW) != NIEUW:
            _meld(soort, "warning", "Het gekozen item is intussen verwijderd (terug te zetten op de pagina "
                  f"'{s.PAGINA_BEHEER_LOGBOEK.titel}'). Uw invoer staat nog in het formulier; "
                  "'Toevoegen' maakt er een nieuw item van.")
        st.session_state[_sleutel(soort, "keuze")] = NIEUW
    st.selectbox("Kies wat u wilt bewerken", list(titels), key=_sleutel(soort, "keuze"), format_func=titels.get,
                 on_change=_laad, args=(opslag, soort))
    _toon_melding(soort)
    nieuw = st.session_state[_sleutel(soort, "keuze")] == NIEUW
    vast = st.session_state.get(_sleutel(soort, "vast"))
    if not vast:
        locatiekiezer.neem_klik(data, _sleutel(soort, "locatie"))
    formulier, locatie = st.columns([1, 1], gap="large")
    # Enter in a field does not save: a half-filled item must not be stored by accident.
    with formulier, st.form(_sleutel(soort, "formulier"), border=False, enter_to_submit=False):
        _toon_conflictkeuze(data, opslag, gebruiker, soort)
        for veld in VELDEN[soort]:
            if veld not in LOCATIEVELDEN:
                _veld(data, soort, veld)
        if not vast:
            st.caption("Precieze plek: klik op de kaart hiernaast, of typ de coördinaten.")
            locatiekiezer.coordinaatvelden(_sleutel(soort, "locatie"))
        st.form_submit_button("Toevoegen" if nieuw else "Wijzigingen opslaan", type="primary", key=_sleutel(soort, "opslaan"),
                              on_click=_opslaan, args=(data, opslag, gebruiker, soort))
    with locatie:
        if vast:
            st.info(markdown_veilig(f"Deze actie staat op de kaart op haar plekken ({vast['plaatsen']}). Een plek "
                                    f"zonder coördinaten plaatst u op de pagina '{s.PAGINA_BEHEER_PLAATSEN.titel}'."))
        else:
            locatiekiezer.toon(data, _sleutel(soort, "locatie"))
    verwijder, bevestig = st.columns([1, 3], vertical_alignment="center")
    zeker = bevestig.checkbox("Ja, verwijderen", key=_sleutel(soort, "zeker"), disabled=nieuw)
    verwijder.button("Verwijderen", key=_sleutel(soort, "verwijder"), disabled=nieuw or not zeker,
                     on_click=_verwijder, args=(opslag, gebruiker, soort))
    st.subheader("Alle " + ("acties" if soort == SOORT_ACTIE else "overlastmeldingen en hotspots"))
    st.dataframe(_overzicht(tabel, soort), hide_index=True, width="stretch")


def _veld(data: Wijkdata, soort: str, veld: str) -> None:
    """One form field; every value lives in session state under the field's key."""
    label, key = s.BEHEER_LABELS[veld], _sleutel(soort, veld)
    if veld == "opgave":
        st.selectbox(label, OPGAVEN, index=None, key=key, placeholder="Kies een opgave")
    elif veld == "status":
        st.selectbox(label, STATUSSEN, index=None, key=key, placeholder="Kies een status")
    elif veld == "datum":
        # The widget's own range covers every year the data may hold, so a date in the future or
        # long ago reaches the check (a Dutch message, the date kept) instead of the widget's
        # English refusal, which also dropped the date.
        st.date_input(label, value=None, key=key, min_value=date(MIN_JAAR, 1, 1), max_value=date(MAX_JAAR, 12, 31),
                      format="DD-MM-YYYY")
    elif veld == "bron":
        titels = dict(zip(data.programma.bronnen["bron"], data.programma.bronnen["titel"], strict=True))
        st.multiselect(label, list(titels), key=key, format_func=lambda b: f"{titels[b]} ({b})",
                       placeholder="Kies een of meer bronnen")
    elif veld in LANGE_TEKST:
        st.text_area(label, key=key, max_chars=MAX_LENGTE[veld], height=100)
    else:
        st.text_input(label, key=key, max_chars=MAX_LENGTE.get(veld, STANDAARD_MAX_LENGTE))


def _formulierwaarden(soort: str) -> dict[str, object]:
    toestand = st.session_state
    waarden = {v: toestand.get(_sleutel(soort, v)) for v in VELDEN[soort] if v not in LOCATIEVELDEN}
    waarden["bron"] = ";".join(waarden.get("bron") or [])
    vast = toestand.get(_sleutel(soort, "vast"))  # an item drawn at its places keeps its area
    waarden.update({v: vast[v] for v in LOCATIEVELDEN} if vast else {v: toestand.get(k, "") for v, k in _locatie(soort).items()})
    return waarden


def _laad(opslag: Opslag, soort: str) -> None:
    """Fill the form with the chosen item as stored now (or empty it for a new one)."""
    keuze = st.session_state[_sleutel(soort, "keuze")]
    rij = opslag.rij(TABEL[soort], keuze) if keuze != NIEUW else None
    _vul(soort, rij or {})
    st.session_state.pop(_sleutel(soort, "melding"), None)


def _vul(soort: str, rij: dict[str, str]) -> None:
    toestand = st.session_state
    for veld in VELDEN[soort]:
        waarde = rij.get(veld, "")
        if veld in LOCATIEVELDEN:
            toestand[_locatie(soort)[veld]] = (waarde or None) if veld == "gebiedscode" else waarde
        elif veld == "bron":
            toestand[_sleutel(soort, veld)] = list(split_lijst(waarde))
        elif veld == "datum":
            toestand[_sleutel(soort, veld)] = date.fromisoformat(waarde) if waarde else None
        elif veld in ("opgave", "status"):
            toestand[_sleutel(soort, veld)] = waarde or None
        else:
            toestand[_sleutel(soort, veld)] = waarde
    toestand[_sleutel(soort, "versie")] = int(rij.get("versie") or 0)
    toestand[_sleutel(soort, "zeker")] = False
    toestand[_sleutel(soort, "conflict")] = None
    toestand[_sleutel(soort, "vast")] = ({"plaatsen": rij["plaatsen"], "gebiedscode": rij["gebiedscode"], "lon": "", "lat": ""}
                                        if rij.get("plaatsen") else None)


def _opslaan(data: Wijkdata, opslag: Opslag, gebruiker: str, soort: str) -> None:
    """Validate and store; on failure keep the form as it is and explain why."""
    rij, fouten = valideer(soort, _formulierwaarden(soort), gebiedscontext(data), date.today())
    if fouten:
        _meld(soort, "error", "Niet opgeslagen. Controleer:", fouten)
        return
    keuze = st.session_state[_sleutel(soort, "keuze")]
    try:
        if keuze == NIEUW:
            nieuw_id = opslag.voeg_toe(soort, rij, gebruiker)
            st.session_state[_sleutel(soort, "keuze")] = nieuw_id
            _vul(soort, opslag.rij(TABEL[soort], nieuw_id) or {})
            _meld(soort, "success", "Toegevoegd. Het staat nu op de kaart van iedereen.")
        else:
            opslag.wijzig(TABEL[soort], keuze, rij, st.session_state[_sleutel(soort, "versie")], gebruiker)
            _vul(soort, opslag.rij(TABEL[soort], keuze) or {})
            _meld(soort, "success", "Wijzigingen opgeslagen.")
    except Conflict as conflict:
        _meld(soort, "error", conflict.melding, _verschillen(soort, rij, conflict.huidig))
        st.session_state[_sleutel(soort, "conflict")] = conflict.huidig
    except OpslagFout as fout:
        _meld(soort, "error", f"Niet opgeslagen: {fout}")


def _toon_conflictkeuze(data: Wijkdata, opslag: Opslag, gebruiker: str, soort: str) -> None:
    """After a conflict: keep this user's input over the other's, or load what the other stored.
    Both are buttons of the form, so input changed after the conflict goes with "mine"."""
    huidig = st.session_state.get(_sleutel(soort, "conflict"))
    if not huidig or huidig.get("verwijderd") == "1":
        return
    st.form_submit_button(f"Mijn invoer opslaan over die van {huidig['gewijzigd_door']}", key=_sleutel(soort, "overschrijf"),
                          on_click=_overschrijf, args=(data, opslag, gebruiker, soort, int(huidig["versie"])))
    st.form_submit_button("Opgeslagen versie laden (mijn invoer vervalt)", key=_sleutel(soort, "herlaad"),
                          on_click=_laad, args=(opslag, soort))


def _overschrijf(data: Wijkdata, opslag: Opslag, gebruiker: str, soort: str, versie: int) -> None:
    """The user saw the other version and chooses theirs: save on top of that version."""
    st.session_state[_sleutel(soort, "versie")] = versie
    st.session_state[_sleutel(soort, "conflict")] = None
    _opslaan(data, opslag, gebruiker, soort)


def _verwijder(opslag: Opslag, gebruiker: str, soort: str) -> None:
    keuze = st.session_state[_sleutel(soort, "keuze")]
    try:
        opslag.verwijder(TABEL[soort], keuze, st.session_state[_sleutel(soort, "versie")], gebruiker)
    except (Conflict, OpslagFout) as fout:
        _meld(soort, "error", fout.melding)
        return
    st.session_state[_sleutel(soort, "keuze")] = NIEUW
    _vul(soort, {})
    _meld(soort, "success", f"Verwijderd. Terugzetten kan op de pagina '{s.PAGINA_BEHEER_LOGBOEK.titel}'.")


def _verschillen(soort: str, rij: dict[str, str], huidig: dict[str, str] | None) -> list[str]:
    """What the other person stored, per field that differs from this user's input."""
    if huidig is None:
        return []
    return [f"{s.BEHEER_LABELS.get(v, v)}: opgeslagen is nu '{huidig.get(v, '')}', u vulde in '{rij[v]}'"
            for v in VELDEN[soort] if huidig.get(v, "") != rij[v]]


def _meld(soort: str, soort_melding: str, tekst: str, details: list[str] | None = None) -> None:
    st.session_state[_sleutel(soort, "melding")] = (soort_melding, tekst, details or [])


def _toon_melding(soort: str) -> None:
    melding = st.session_state.get(_sleutel(soort, "melding"))
    if not melding:
        return
    soort_melding, tekst, details = melding
    regels = "\n".join(f"- {markdown_veilig(d)}" for d in details)
    {"success": st.success, "warning": st.warning}.get(soort_melding, st.error)(markdown_veilig(tekst) + ("\n\n" + regels if regels else ""))


def _overzicht(tabel: pd.DataFrame, soort: str) -> pd.DataFrame:
    """The stored items as a plain table (a canvas grid: text is never interpreted)."""
    kolommen = {SOORT_ACTIE: ["naam", "opgave", "status", "jaar", "gebiedscode"],
                "hotspot": ["thema", "datum", "periode", "gebiedscode"]}[soort]
    return tabel[[*kolommen, "lat", "lon", "versie", "gewijzigd_door"]].assign(
        gewijzigd_op=tabel["gewijzigd_op"].map(lokale_tijd)).rename(
        columns={"gebiedscode": "gebied", "lat": "breedtegraad", "lon": "lengtegraad", "gewijzigd_door": "gewijzigd door",
                 "gewijzigd_op": "gewijzigd op"})
