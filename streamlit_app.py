"""Entry point: page config, navigation and the footer shared by every page."""

import streamlit as st

try:
    from app import settings as s
except ValueError as fout:  # geo.configuratie.ConfiguratieFout: a broken configuration file, Dutch message
    st.error(f"De wijkkaart kan niet starten. {fout}")
    st.stop()
from app import stijl  # noqa: E402

# No material page_icon: Streamlit fetches those favicons from the internet.
st.set_page_config(page_title=s.APP_TITEL, layout="wide")

pagina = st.navigation([
    st.Page(p.bestand, title=p.titel, url_path=p.pad, default=p is s.PAGINA_KAART,
            visibility="visible" if p in s.PAGINAS or p is s.PAGINA_BEHEER_ACTIES else "hidden")
    for p in (*s.PAGINAS, *s.BEHEERPAGINAS)
])
stijl.toepassen()
with st.sidebar:
    st.caption(f"Programma {s.PROGRAMMA_TITEL} · gemeente {s.GEMEENTE_NAAM}. {s.DATA_ATTRIBUTIE}.")
pagina.run()
