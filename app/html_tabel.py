"""Static tables as page HTML on the Kaart: the rows of ``st.table`` without its front-end code.

Why: the first ``st.table`` of a visit makes the browser load Streamlit's table code (Arrow, number
formatting: ~10 files). On the Kaart that late arrival made React hold back the whole first render,
the map included, for its 500 ms Suspense throttle (bench/README); in the buurt panel it delayed
the figures of the first clicked buurt by ~0.35 s. The page already shows its legend and styles
with ``st.html``, so a table in HTML costs no extra code. It stays a real table for screen readers
(column and row headers) and for print. Every header and cell is escaped: names and addresses of
meldingen are typed in by users.
"""

from __future__ import annotations

import html

import pandas as pd

LANGE_TEKST = 40  # characters: a cell this long may break inside a word (see the CSS)
TABEL_CSS = """<style>
.wk-tabel { border-collapse: collapse; width: 100%; font-size: 0.875rem; line-height: 1.4; }
.wk-tabel th, .wk-tabel td { padding: 0.25rem 0.5rem; border-bottom: 1px solid #d5d6da; text-align: left;
  vertical-align: top; overflow-wrap: break-word; }
/* Long texts (sources) wrap at a readable width and may break inside a word; short cells keep
   their words whole. */
.wk-tabel td.wk-lang { overflow-wrap: anywhere; min-width: 9em; }
.wk-tabel thead th { border-bottom: 2px solid #a3a8b4; font-weight: 600; }
.wk-tabel tbody th { font-weight: 600; }
/* A table wider than its column (many columns in the narrow panel) scrolls inside its own box,
   which takes keyboard focus so it can be scrolled without a mouse; on paper it is shown whole. */
.wk-tabel-vak { overflow-x: auto; max-width: 100%; }
.wk-tabel-vak:focus-visible { outline: 2px solid #005F94; outline-offset: 2px; }
@media print { .wk-tabel-vak { overflow: visible; } }
</style>"""


def _cel(waarde: object) -> str:
    if waarde is None or (isinstance(waarde, float) and pd.isna(waarde)):
        return ""
    if isinstance(waarde, float) and waarde.is_integer():
        return str(int(waarde))  # a year read as float: '2024', not '2024.0'
    return html.escape(str(waarde))


def _td(waarde: object) -> str:
    tekst = _cel(waarde)
    return f'<td class="wk-lang">{tekst}</td>' if len(tekst) > LANGE_TEKST else f"<td>{tekst}</td>"


def html_tabel(tabel: pd.DataFrame, naam: str) -> str:
    """``tabel`` as an HTML table (with its CSS) in a box named ``naam`` for screen readers: the
    index gives the row headers, the columns the column headers; an empty cell stays empty."""
    kop = "".join(f'<th scope="col">{_cel(k)}</th>' for k in (tabel.index.name or "", *tabel.columns))
    rijen = "".join(
        f'<tr><th scope="row">{_cel(index)}</th>{"".join(_td(w) for w in waarden)}</tr>'
        for index, waarden in zip(tabel.index, tabel.itertuples(index=False, name=None), strict=True)
    )
    return (f'{TABEL_CSS}<div class="wk-tabel-vak" role="region" aria-label="{html.escape(naam)}" tabindex="0">'
            f'<table class="wk-tabel"><thead><tr>{kop}</tr></thead><tbody>{rijen}</tbody></table></div>')
