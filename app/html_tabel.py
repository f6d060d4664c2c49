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

LANGE_TEKST = 40  # characters: a cell this long may break inside a word (the CSS is in app/stijl.py)


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
    """``tabel`` as an HTML table in a box named ``naam`` for screen readers: the index gives the
    row headers, the columns the column headers; an empty cell stays empty. Its look comes from the
    page-wide CSS (``app/stijl.py``, classes ``wk-tabel``, ``wk-tabel-vak``, ``wk-lang``)."""
    kop = "".join(f'<th scope="col">{_cel(k)}</th>' for k in (tabel.index.name or "", *tabel.columns))
    rijen = "".join(
        f'<tr><th scope="row">{_cel(index)}</th>{"".join(_td(w) for w in waarden)}</tr>'
        for index, waarden in zip(tabel.index, tabel.itertuples(index=False, name=None), strict=True)
    )
    return (f'<div class="wk-tabel-vak" role="region" aria-label="{html.escape(naam)}" tabindex="0">'
            f'<table class="wk-tabel"><thead><tr>{kop}</tr></thead><tbody>{rijen}</tbody></table></div>')
