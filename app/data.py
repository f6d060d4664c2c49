"""Cached access to the bundled data: loaded once per server process, shared read-only."""

from __future__ import annotations

import streamlit as st

from app import settings as s
from geo.bundel import Wijkdata, laad_wijkdata
from geo.schema import DataFout


@st.cache_resource(show_spinner="Gegevens laden…")
def _gedeelde_wijkdata() -> Wijkdata:
    return laad_wijkdata(s.PROGRAMMA_CODE)


def wijkdata() -> Wijkdata:
    """The data bundle, or a Dutch error message and a stopped page when a file is broken."""
    try:
        return _gedeelde_wijkdata()
    except DataFout as fout:
        st.error(f"De gegevens konden niet worden geladen. Bestand {fout.bestand}: {fout.melding}")
        st.stop()
        raise  # st.stop() raises; this line only satisfies type checkers
