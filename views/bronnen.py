"""Over de gegevens: where every file comes from, its licence and its limits."""

import streamlit as st

from app import settings as s
from app import url_state
from app.bronnen_view import cijfertabel, herkomsttabel, snapshottekst
from app.data import wijkdata
from geo.configuratie import CONFIG

st.title("Over de gegevens")
url_state.herstel(s.PAGINA_BRONNEN.pad, [])  # no choices of its own; a stray parameter gets a notice
data = wijkdata()

st.subheader("CBS-gegevens")
st.write(snapshottekst(data))
st.dataframe(herkomsttabel(data), hide_index=True, width="stretch",
             column_config={"Bron (URL)": st.column_config.LinkColumn("Bron (URL)")})
st.caption("Verversen vanuit CBS en PDOK: zie de README (scripts/ververs.py); een nieuwe snapshot wordt pas actief "
           "als hij alle controles doorstaat.")

if CONFIG.uitleg is not None:
    st.markdown(CONFIG.uitleg.read_text(encoding="utf-8"))

st.subheader("Alle cijfers")
st.dataframe(cijfertabel(data), hide_index=True, width="stretch")

st.subheader("Bronnen van acties en overlast")
st.dataframe(data.programma.bronnen, hide_index=True, width="stretch")
url_state.bewaar([])
