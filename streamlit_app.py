"""Entry point: page config, navigation and the footer shared by every page."""

import streamlit as st

from app import settings as s

# No material page_icon: Streamlit fetches those favicons from the internet.
st.set_page_config(page_title=s.APP_TITEL, layout="wide")

pagina = st.navigation([
    st.Page("pages/kaart.py", title=s.PAGINA_KAART[0], url_path=s.PAGINA_KAART[1], default=True),
    st.Page("pages/bronnen.py", title=s.PAGINA_BRONNEN[0], url_path=s.PAGINA_BRONNEN[1]),
])
with st.sidebar:
    st.caption(f"Programma Sterk voor Noord 2021-2041 · gemeente {s.GEMEENTE_NAAM}. {s.DATA_ATTRIBUTIE}.")
pagina.run()
