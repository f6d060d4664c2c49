"""Page-wide CSS on top of Streamlit's theme: readable contrast on screen, clean A4 on paper.

Injected once per run by the router with ``st.html`` (a style-only block takes no space). The
selectors are Streamlit's stable ``data-testid`` names; each rule says which check it answers.
"""

from __future__ import annotations

import streamlit as st

PAGINA_CSS = """
<style>
/* Static tables wrap instead of scrolling sideways: a scrolling box cannot be reached by keyboard.
   Cells wrap between words; a token longer than its column (a URL) is split. */
[data-testid="stTableStyledTable"] th { white-space: normal; overflow-wrap: normal; }
[data-testid="stTable"] [data-testid="stTableStyledTable"] td [data-testid="stMarkdownContainer"] p
  { white-space: normal; overflow-wrap: break-word; }

/* The Kaart's HTML tables (app/html_tabel.py). Long texts (sources) wrap at a readable width and
   may break inside a word; short cells keep their words whole. A table wider than its column
   scrolls inside its own box, which takes keyboard focus so it can be scrolled without a mouse. */
.wk-tabel { border-collapse: collapse; width: 100%; font-size: 0.875rem; line-height: 1.4; }
.wk-tabel th, .wk-tabel td { padding: 0.25rem 0.5rem; border-bottom: 1px solid #d5d6da; text-align: left;
  vertical-align: top; overflow-wrap: break-word; }
.wk-tabel td.wk-lang { overflow-wrap: anywhere; min-width: 9em; }
.wk-tabel thead th { border-bottom: 2px solid #a3a8b4; font-weight: 600; }
.wk-tabel tbody th { font-weight: 600; }
.wk-tabel-vak { overflow-x: auto; max-width: 100%; }
.wk-tabel-vak:focus-visible { outline: 2px solid #005F94; outline-offset: 2px; }

/* The buurt panel's figures (app/area_panel.py): one indicator per item, as narrow as the column. */
.wk-cijfers dl { margin: 0; padding: 0; font-size: 0.875rem; line-height: 1.4; }
.wk-cijfers .wk-getal { white-space: nowrap; }  /* a figure and its unit stay on one line */
.wk-cijfers dt { font-weight: 600; margin-top: 0.5rem; }
.wk-cijfers dd { margin: 0; padding-bottom: 0.25rem; border-bottom: 1px solid #d5d6da; }
.wk-cijfers .wk-waarde { font-weight: 600; }
.wk-cijfers .wk-oordeel { font-style: italic; }
.wk-cijfers .wk-bron { display: block; overflow-wrap: anywhere; }

/* Browser print: A4 landscape without sidebar, header and controls; legends and sources stay. */
@media print {
  @page { size: A4 landscape; margin: 10mm; }
  [data-testid="stSidebar"], [data-testid="stHeader"], [data-testid="stToolbar"],
  [data-testid="stDecoration"], [data-testid="stStatusWidget"], [data-testid="stSidebarCollapsedControl"],
  [data-testid="stSelectbox"], [data-testid="stButtonGroup"], [data-testid="stCheckbox"],
  [data-testid="stDownloadButton"], [data-testid="stButton"], [data-testid="stPageLink"],
  [data-testid="stElementToolbar"], [data-testid="stExpander"] summary
    { display: none !important; }
  [data-testid="stMainBlockContainer"] { max-width: 100% !important; padding: 0 !important; }
  /* Flex columns and scrolling boxes do not split across pages in Chromium: a tall table
     would move whole to the next page and leave a blank one. */
  [data-testid="stAppViewContainer"], [data-testid="stMain"], [data-testid="stVerticalBlock"]
    { display: block !important; overflow: visible !important; }
  [data-testid="stTable"], [data-testid="stTable"] > div, .wk-tabel-vak { overflow: visible !important; }
  [data-testid="stTableStyledTable"] { display: table !important; width: 100%; }  /* inline-table never splits */
  [data-testid="stElementContainer"] { margin-bottom: 6px; }
  table { font-size: 9pt; }
  tr, img, .wk-legenda, .wk-kaartje { break-inside: avoid; }
  h1 { font-size: 18pt; } h2, h3 { font-size: 13pt; break-after: avoid; }
  /* Tips for the screen (how to print, how to search): a block of its own, so it must beat the
     rule above that turns every block into display: block. */
  [data-testid="stVerticalBlock"][class*="st-key-alleen_scherm_"] { display: none !important; }
}
</style>
"""


def toepassen() -> None:
    """Add the page-wide styles to the current page."""
    st.html(PAGINA_CSS)


def schermtip(tekst: str, key: str) -> None:
    """A caption for the screen only (how to print, how to search): paper has no use for it."""
    with st.container(key=f"alleen_scherm_{key}"):
        st.caption(tekst)
