"""Access to the data: the bundled files once per server process, the wijkteam's store per change.

The CBS snapshot and programme files are shared read-only, once per snapshot: a refresh
(scripts/ververs.py) switches ``HUIDIG``, and the next interaction loads the new snapshot. Acties,
meldingen and places come from the store (:mod:`geo.opslag`): each rerun asks its revision
number (one small query) and rebuilds the items only when someone saved a change, so an edit
shows on every user's map at their next interaction.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import geopandas as gpd
import numpy as np
import streamlit as st

from app import settings as s
from app.formats import markdown_veilig
from geo.bundel import Wijkdata, laad_wijkdata, met_bewerkbaar
from geo.configuratie import CONFIG
from geo.opslag import BEWERKBAAR, Opslag, OpslagFout, standaard_pad
from geo.programma import lees_bewerkbaar
from geo.schema import DataFout
from geo.snapshot import actieve_snapshotmap
from geo.vereenvoudiging import vereenvoudig


@st.cache_resource(show_spinner="Gegevens laden…", max_entries=2)
def _gedeelde_wijkdata(snapshotmap: str) -> Wijkdata:
    """The CBS snapshot and programme files, once per process and snapshot: after a refresh the
    next interaction of every user loads the new snapshot (the old one leaves the cache)."""
    return laad_wijkdata(Path(snapshotmap))


@st.cache_resource(show_spinner="Opslag voorbereiden…")
def _geopende_opslag(pad: str) -> Opslag:
    """Create the store from the bundled data on first start (once per process and path)."""
    opslag = Opslag(pad)
    opslag.initialiseer(lees_bewerkbaar())
    return opslag


@st.cache_resource(show_spinner="Acties en meldingen laden…", max_entries=4)
def _wijkdata_bij(pad: str, revisie: int, snapshotmap: str) -> Wijkdata:
    """The bundle with the store's items of one revision (the key; the body reads the latest)."""
    opslag = Opslag(pad)
    return met_bewerkbaar(_gedeelde_wijkdata(snapshotmap), {n: opslag.tabel(n) for n in BEWERKBAAR}, date.today(), revisie)


def opslag() -> Opslag:
    """The store of this server (path from ``$WIJKKAART_OPSLAG``), created when missing."""
    try:
        return _geopende_opslag(str(standaard_pad()))
    except (OpslagFout, DataFout) as fout:
        _stop(str(fout))


def wijkdata() -> Wijkdata:
    """The data, or a Dutch error message and a stopped page when a file or the store is broken."""
    try:
        winkel = opslag()
        snapshotmap = actieve_snapshotmap(CONFIG.cbs_map, CONFIG.ververs_map)  # reads one small file
        return _wijkdata_bij(str(winkel.pad), winkel.revisie(), str(snapshotmap))
    except DataFout as fout:
        _stop(f"Bestand {fout.bestand}: {fout.melding}")
    except OpslagFout as fout:
        _stop(str(fout))


@st.cache_resource(show_spinner="Kaartvlakken per zoomniveau vereenvoudigen…", max_entries=2)
def _banden(snapshotmap: str, _web: gpd.GeoSeries) -> list[np.ndarray]:
    """Simplified shapes per zoom band, once per process and snapshot (the key)."""
    return vereenvoudig(_web)


def zoombanden(data: Wijkdata) -> list[np.ndarray]:
    """The buurten simplified per zoom band (geo/vereenvoudiging.py), for a large map."""
    return _banden(str(data.snapshot.map), data.buurten_web.geometry)


def voorlaad() -> None:
    """Load what the first page needs ahead of it: the data and, for a large set, its zoom bands.
    scripts/serve.py calls this while the server starts, outside any script run. So this module
    must not import one that declares a component (streamlit_folium): without a script run
    Streamlit creates the component but does not register it, and the map would stay blank."""
    data = wijkdata()
    if len(data.buurten_web) > s.GROOT_AANTAL:
        zoombanden(data)


@contextmanager
def bij_opslagfout() -> Iterator[None]:
    """An editing page reads the store throughout: when the store fails meanwhile (a database
    that went away), the page stops with the Dutch message instead of a traceback."""
    try:
        yield
    except OpslagFout as fout:
        _stop(str(fout))


def _stop(melding: str):
    st.error(markdown_veilig(f"De gegevens konden niet worden geladen. {melding}"))
    st.stop()
    raise AssertionError("st.stop() raises")  # only for type checkers
