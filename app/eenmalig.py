"""A message that a button's callback leaves for the page, shown once.

A callback runs before the page script, so an element it drew would land at the top of the
page; it leaves its outcome here instead, and the page shows it in its place.
"""

from __future__ import annotations

from typing import Literal

import streamlit as st

from app.formats import markdown_veilig

Soort = Literal["success", "error"]


def onthoud(key: str, soort: Soort, tekst: str) -> None:
    st.session_state[key] = (soort, tekst)


def toon(key: str) -> None:
    """The message left under ``key``, once; user text in it stays text."""
    melding = st.session_state.pop(key, None)
    if melding:
        (st.success if melding[0] == "success" else st.error)(markdown_veilig(melding[1]))
