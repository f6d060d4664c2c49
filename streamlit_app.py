"""Entry point: page config, navigation and the footer shared by every page."""

import streamlit as st

from app import settings as s
from app import stijl

# No material page_icon: Streamlit fetches those favicons from the internet.
st.set_page_config(page_title=s.APP_TITEL, layout="wide")

pagina = st.navigation({
    sectie: [st.Page(p.bestand, title=p.titel, url_path=p.pad, default=p is s.PAGINA_KAART) for p in paginas]
    for sectie, paginas in s.NAVIGATIE.items()
})
stijl.toepassen()
with st.sidebar:
    st.caption(f"Programma Sterk voor Noord 2021-2041 · gemeente {s.GEMEENTE_NAAM}. {s.DATA_ATTRIBUTIE}.")
pagina.run()
