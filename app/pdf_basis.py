"""The PDF document both exports share: Noto Sans, a footer with page numbers, headings, text,
tables and SVG images.

fpdf2 (pure Python, actively maintained) draws the same SVG maps the pages show as vectors, so
PDFs stay sharp and small. Noto Sans (OFL, from the PyPI package fontpkg-noto-sans, cut into
static regular/bold files by scripts/vendor_assets.py) covers every Dutch character and the
signs in units (km², —); the PDF core fonts only cover Latin-1. No Streamlit here.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Sequence
from pathlib import Path

import pandas as pd
from fpdf import FPDF, FontFace
from fpdf.image_datastructures import VectorImageInfo

from app import settings as s

FONT = s.LETTERTYPE
FONT_MAP = Path(__file__).resolve().parent.parent / "static" / "vendor" / "fonts"
SVG_TITEL = re.compile(r"<title>.*?</title>", re.DOTALL)  # hover texts; fpdf2 has no use for them


def rgb(kleur: str) -> tuple[int, int, int]:
    kleur = kleur.lstrip("#")
    return int(kleur[0:2], 16), int(kleur[2:4], 16), int(kleur[4:6], 16)


class PdfDocument(FPDF):
    """A landscape document; ``formaat`` is "A4" or (width, height) in mm."""

    def __init__(self, titel: str, voettekst: str, formaat: str | tuple[float, float] = "A4") -> None:
        super().__init__(orientation="L", unit="mm", format=formaat)
        self.voettekst = voettekst
        self.add_font(FONT, "", FONT_MAP / "NotoSans-Regular.ttf")
        self.add_font(FONT, "B", FONT_MAP / "NotoSans-Bold.ttf")
        self.set_auto_page_break(True, margin=14)
        self.set_margins(12, 12, 12)
        self.set_title(titel)
        self.set_lang("nl")
        self.set_creator(s.APP_TITEL)

    def footer(self) -> None:
        self.set_y(-10)
        self.set_font(FONT, size=7)
        self.set_text_color(*rgb(s.TEKST_GRIJS))
        self.cell(0, 4, f"{self.voettekst} · pagina {self.page_no()}/{{nb}}", align="R")
        self.set_text_color(0, 0, 0)

    def kop(self, tekst: str, grootte: float = 13) -> None:
        self.set_font(FONT, "B", grootte)
        self.multi_cell(0, grootte * 0.5, tekst, new_x="LMARGIN", new_y="NEXT")
        self.ln(1.5)

    def tekst(self, tekst: str, grootte: float = 9, kleur: str = "#000000") -> None:
        self.set_font(FONT, size=grootte)
        self.set_text_color(*rgb(kleur))
        self.multi_cell(0, grootte * 0.45, tekst, new_x="LMARGIN", new_y="NEXT", align="L")
        self.set_text_color(0, 0, 0)

    def tabel(
        self,
        frame: pd.DataFrame,
        breedtes: Sequence[float],
        stijl: Callable[[int, str], FontFace | None] | None = None,
        breedte: float | None = None,
    ) -> None:
        """A table from the current x, ``breedte`` mm wide (default: to the right margin), with a grey
        heading row repeated on every page; ``stijl(rij, kolom)`` colours cells."""
        self.set_font(FONT, size=7.5)
        self.set_fill_color(255, 255, 255)  # uncoloured cells stay white whatever was drawn before
        kop = FontFace(family=FONT, emphasis="BOLD", fill_color=(220, 220, 220))
        with self.table(col_widths=tuple(breedtes), headings_style=kop, line_height=3.8, repeat_headings=1,
                        text_align="LEFT", align="LEFT", width=breedte or self.w - self.r_margin - self.get_x()) as tabel:
            kopregel = tabel.row()
            for k in frame.columns:
                kopregel.cell(str(k))
            for i, (_, rij) in enumerate(frame.iterrows()):
                regel = tabel.row()
                for k in frame.columns:
                    regel.cell(str(rij[k]), style=stijl(i, k) if stijl else None)

    def legenda(self, regels: Sequence[tuple[str, str]], x: float, y: float, breedte: float, grootte: float = 7.5) -> float:
        """Colour boxes with their text, one per line from (x, y); returns the y below the last line."""
        regel_mm = grootte * 0.5
        self.set_font(FONT, size=grootte)
        self.set_draw_color(*rgb(s.TEKST_GRIJS))
        for kleur, tekst in regels:
            self.set_fill_color(*rgb(kleur))
            self.rect(x, y + 0.5, regel_mm * 0.75, regel_mm * 0.75, style="DF")
            self.set_xy(x + regel_mm, y)
            self.cell(breedte - regel_mm, regel_mm, tekst)
            y += regel_mm
        self.set_fill_color(255, 255, 255)  # fpdf2 tables fill body cells with the current colour
        return y

    def svg(self, svg: str, x: float, y: float, breedte: float = 0, hoogte: float = 0, alt: str = "") -> VectorImageInfo:
        """Draw an SVG (hover titles removed: fpdf2 has no use for them) and return its size."""
        return self.image(io.BytesIO(SVG_TITEL.sub("", svg).encode("utf-8")), x=x, y=y, w=breedte, h=hoogte,
                          alt_text=alt, keep_aspect_ratio=bool(breedte and hoogte))
