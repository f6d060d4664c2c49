"""The presentation as a 16:9 slide deck: one page per step, to send to the partners afterwards.

Same steps, same figures and sources as on screen (app/presentatie.py). No Streamlit here.
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from app import settings as s
from app.pdf_basis import FONT, PdfDocument, rgb
from app.presentatie import Stap

DIA_FORMAAT = (190.5, 338.67)  # 16:9 in mm; fpdf2 takes (width, height) of the portrait page and turns it for "L"


def _kerncijfers(pdf: PdfDocument, stap: Stap, x: float, breedte: float) -> None:
    for c in stap.kerncijfers:
        y = pdf.get_y()
        pdf.set_fill_color(0, 0, 0)
        pdf.rect(x, y, 1.6, 17, style="F")
        pdf.set_xy(x + 4, y)
        pdf.set_font(FONT, "B", 22)
        pdf.cell(breedte - 4, 9, c.waarde, new_x="LEFT", new_y="NEXT")
        pdf.set_font(FONT, size=10)
        pdf.multi_cell(breedte - 4, 4.4, c.wat, new_x="LEFT", new_y="NEXT", align="L")
        pdf.set_font(FONT, size=8)
        pdf.set_text_color(*rgb(s.TEKST_GRIJS))
        pdf.multi_cell(breedte - 4, 3.6, c.voetnoot, new_x="LEFT", new_y="NEXT", align="L")
        pdf.set_text_color(0, 0, 0)
        pdf.set_xy(x, max(pdf.get_y(), y + 17) + 2)


def _regels(pdf: PdfDocument, stap: Stap, x: float, breedte: float) -> None:
    pdf.set_font(FONT, size=10)
    for regel in stap.regels:
        pdf.set_x(x)
        pdf.multi_cell(breedte, 4.8, f"•  {regel}", new_x="LEFT", new_y="NEXT", align="L")
    pdf.ln(1)


RIJ_MM = 7.6  # a table row of two lines at 7.5 pt


def _bronnen_top(pdf: PdfDocument, stap: Stap) -> float:
    """Where the sources line starts: as many lines as it needs, just above the footer."""
    pdf.set_font(FONT, size=7)
    regels = pdf.multi_cell(0, 3, stap.bronregel, dry_run=True, output="LINES") if stap.bronnen else []
    return pdf.h - 11 - 3 * len(regels)


def _kaart(pdf: PdfDocument, stap: Stap, top: float, breedte: float, onder: float) -> None:
    """The map, its classes and what the symbols mean, within ``onder``."""
    info = pdf.svg(stap.kaart.svg, pdf.l_margin, top, breedte, min(105.0, onder - top - 24), alt=stap.kaart_alt)
    y = top + info.rendered_height + 1.5
    if stap.legenda_titel:
        pdf.set_font(FONT, style="B", size=7.5)
        pdf.set_xy(pdf.l_margin, y)
        pdf.multi_cell(breedte, 3.75, stap.legenda_titel, new_x="LMARGIN", new_y="NEXT", align="L")
        y = pdf.get_y()
    y = pdf.legenda(stap.legenda, pdf.l_margin, y, breedte)
    pdf.set_xy(pdf.l_margin, y)
    if stap.symbolen_uitleg:
        pdf.multi_cell(breedte, 3.4, stap.symbolen_uitleg, new_x="LMARGIN", new_y="NEXT", align="L")


def _tabel(pdf: PdfDocument, stap: Stap, x: float, breedte: float, onder: float) -> None:
    """The step's list, cut to the rows that fit above ``onder`` with a line saying how many more."""
    pdf.set_x(x)
    pdf.set_font(FONT, "B", 10)
    pdf.cell(breedte, 5, stap.tabel_titel, new_x="LEFT", new_y="NEXT")
    passend = max(1, int((onder - pdf.get_y() - 2) / RIJ_MM) - 1)  # minus the heading row
    tabel = stap.tabel
    if len(tabel) > passend:
        meer = len(tabel) - passend + 1
        tabel = pd.concat([tabel.iloc[: passend - 1], pd.DataFrame([{tabel.columns[0]: f"… en {meer} meer (zie de app)"}])])
        tabel = tabel.fillna("")
    pdf.set_x(x)
    pdf.tabel(tabel, [3] + [1.4] * (len(tabel.columns) - 1), breedte=breedte)


def _dia(pdf: PdfDocument, stap: Stap, nummer: int, aantal: int) -> None:
    """One 16:9 page; nothing may run into the sources line or the footer (auto page break is off)."""
    pdf.add_page()
    pdf.set_font(FONT, size=9)
    pdf.set_text_color(*rgb(s.TEKST_GRIJS))
    pdf.cell(0, 4, f"{s.PROGRAMMA_NAAM} · stap {nummer} / {aantal}", new_x="LMARGIN", new_y="NEXT", align="R")
    pdf.set_text_color(0, 0, 0)
    pdf.kop(stap.titel, 22)
    if stap.ondertitel:
        pdf.tekst(stap.ondertitel, 11)
    pdf.ln(2)
    top, onder = pdf.get_y(), _bronnen_top(pdf, stap) - 2
    if stap.kaart is not None:
        kaart_breedte = pdf.epw * 0.42
        _kaart(pdf, stap, top, kaart_breedte, onder)
        x, breedte = pdf.l_margin + kaart_breedte + 8, pdf.epw - kaart_breedte - 8
    else:
        x, breedte = pdf.l_margin, pdf.epw
    pdf.set_xy(x, top)
    _kerncijfers(pdf, stap, x, breedte)
    _regels(pdf, stap, x, breedte)
    if stap.tabel is not None and not stap.tabel.empty:
        _tabel(pdf, stap, x, breedte, onder)
    if stap.tijdlijn:  # as large as fits above the sources line
        y = pdf.get_y() + 2
        pdf.svg(stap.tijdlijn, pdf.l_margin, y, pdf.epw, max(30.0, onder - y), alt="Tijdlijn van het programma")
    if stap.bronnen:
        pdf.set_xy(pdf.l_margin, onder + 2)
        pdf.set_font(FONT, size=7)
        pdf.set_text_color(*rgb(s.TEKST_GRIJS))
        pdf.multi_cell(0, 3, stap.bronregel, new_x="LMARGIN", new_y="NEXT", align="L")
        pdf.set_text_color(0, 0, 0)


def presentatie_pdf(stappen: list[Stap], gemaakt: date) -> bytes:
    """Every step as one 16:9 page."""
    pdf = PdfDocument(f"{s.PROGRAMMA_NAAM} — presentatie", f"{s.PROGRAMMA_NAAM} — presentatie, gemaakt op {gemaakt:%d-%m-%Y}. "
                      f"{s.DATA_ATTRIBUTIE}", DIA_FORMAAT)
    pdf.set_auto_page_break(False)  # one page per step: content is sized to fit
    for nummer, stap in enumerate(stappen, start=1):
        _dia(pdf, stap, nummer, len(stappen))
    return bytes(pdf.output())
