"""Who may edit: local accounts (offline default) or the municipality's OIDC login.

Reading stays open; every editing page calls :func:`vereis_login` before it draws anything, so
neither a direct URL nor query parameters reach an editing control without a login. The login
lives in this browser session only (a reload asks again); OIDC logins use Streamlit's own cookie.
"""

from __future__ import annotations

import threading

import streamlit as st

from app import data, url_state
from app import settings as s
from app.formats import markdown_veilig
from geo import accounts
from geo.opslag import Opslag, OpslagFout

SESSIE_KEY = "beheer_gebruiker"
ACCOUNT_COMMANDO = "python scripts/account.py aanmaken NAAM"


def _oidc() -> dict | None:
    """The ``[auth]`` secrets when a municipality configured its identity provider."""
    try:
        return dict(st.secrets["auth"]) if "auth" in st.secrets else None
    except FileNotFoundError:  # no secrets.toml at all: the offline default
        return None


def _bij_gemeente_ingelogd() -> bool:
    return bool(st.user.get("is_logged_in", False))  # absent outside a real server (AppTest)


def _oidc_gebruiker() -> str | None:
    """The OIDC user, if logged in with a verified e-mail address listed in ``[beheer]
    oidc_gebruikers``. An unverified address could be anyone's; a provider that never sends
    ``email_verified`` (some Entra ID set-ups) must be trusted explicitly with
    ``[beheer] email_zonder_verificatie = true``."""
    if _oidc() is None or not _bij_gemeente_ingelogd():
        return None
    beheer = st.secrets.get("beheer", {})
    if st.user.get("email_verified") is not True and beheer.get("email_zonder_verificatie") is not True:
        return None
    email = str(st.user.get("email", "")).lower()
    toegestaan = {str(e).lower() for e in beheer.get("oidc_gebruikers", [])}
    return email if email and email in toegestaan else None


@st.cache_resource
def _hashplekken() -> threading.BoundedSemaphore:
    """At most two password checks at once per server: each costs 64 MiB (argon2), and many
    anonymous login attempts in parallel must not exhaust the memory."""
    return threading.BoundedSemaphore(2)


def gebruiker() -> str | None:
    """The logged-in editor of this session, or None."""
    return st.session_state.get(SESSIE_KEY) or _oidc_gebruiker()


def beheerpagina(pagina: s.Pagina) -> tuple[Opslag, str]:
    """The start of every editing page: its heading, the link state, and the login before
    anything else; returns the store and the editor's name."""
    st.title(pagina.koptekst)
    url_state.herstel(pagina.pad, [])
    winkel = data.opslag()
    return winkel, vereis_login(winkel)


def vereis_login(opslag: Opslag) -> str:
    """The editor's name; otherwise draw the login and stop the page here."""
    naam = gebruiker()
    if naam:
        with st.sidebar:
            st.markdown("**Beheer**")
            for pagina, label in s.BEHEER_MENU.items():
                st.page_link(pagina.bestand, label=label)
            st.caption(markdown_veilig(f"Ingelogd als {naam}"))
            st.button("Uitloggen", key="beheer_uitloggen", on_click=_uitloggen)
        return naam
    st.info("Bewerken kan alleen na inloggen. Bekijken kan iedereen, op de andere pagina's.")
    _inlogformulier(opslag)
    if _oidc() is not None:
        if _bij_gemeente_ingelogd():
            st.error("Dit account van de gemeente heeft geen toegang tot bewerken. Vraag de beheerder om u toe te voegen.")
            st.button("Uitloggen bij de gemeente-account", on_click=st.logout)
        else:
            st.button("Inloggen met uw gemeente-account", on_click=st.login)
    st.stop()
    raise AssertionError("st.stop() raises")  # only for type checkers


def _inlogformulier(opslag: Opslag) -> None:
    try:
        _toon_inlogformulier(opslag)
    except OpslagFout as fout:
        st.error(f"De accounts konden niet worden gelezen ({fout}). Vraag de beheerder de opslag te controleren.")


def _toon_inlogformulier(opslag: Opslag) -> None:
    if not accounts.heeft_accounts(opslag.pad):
        st.warning(f"Er is nog geen account. De beheerder maakt het eerste aan met `{ACCOUNT_COMMANDO}` (zie README).")
    with st.form("beheer_login"):
        naam = st.text_input("Gebruikersnaam", autocomplete="username")
        wachtwoord = st.text_input("Wachtwoord", type="password", autocomplete="current-password")
        if not st.form_submit_button("Inloggen", type="primary"):
            return
    with _hashplekken():
        uitslag = accounts.controleer(opslag.pad, naam, wachtwoord)
    if uitslag.gelukt:
        st.session_state[SESSIE_KEY] = uitslag.gebruiker
        st.rerun()
    st.error(uitslag.melding)


def _uitloggen() -> None:
    st.session_state.pop(SESSIE_KEY, None)
    if _oidc() is not None and _bij_gemeente_ingelogd():
        st.logout()
