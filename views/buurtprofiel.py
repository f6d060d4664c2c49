"""Buurtprofiel: one buurt, wijk or Leidschendam-Noord against the gemeente average."""

import streamlit as st

from app import profiel_view, url_state
from app import settings as s
from app.data import wijkdata

st.title("Buurtprofiel")
st.caption(f"Elk cijfer van een gebied naast het gemiddelde van de gemeente {s.GEMEENTE_NAAM}, "
           f"het doel van {s.PROGRAMMA_NAAM} voor {s.DOELJAAR}.")
data = wijkdata()
parameters = profiel_view.url_parameters(data)
url_state.herstel(s.PAGINA_PROFIEL.pad, parameters)
code = profiel_view.kies(data)
profiel_view.toon_kop(data, code)
tabel = profiel_view.toon_cijfers(data, code)
profiel_view.toon_items(data, code)
profiel_view.toon_download(data, code, tabel)
url_state.bewaar(parameters)
