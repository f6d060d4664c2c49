"""The Raadsoverzicht as a real PDF (A4 landscape): maps, table, actions, sources and data date.

No Streamlit here: the test and the benchmark call it directly.
"""

from __future__ import annotations

from datetime import date

from fpdf import FontFace

from app import settings as s
from app.legend import klassen_regels
from app.pdf_basis import FONT, PdfDocument, rgb
from app.profiel import GEBIED, profiel, profieltabel
from app.raadsoverzicht import Raadsoverzicht, kolomnaam
from geo.bundel import Wijkdata


def _kaartjes(pdf: PdfDocument, data: Wijkdata, ov: Raadsoverzicht) -> None:
    """The small multiples side by side, each with its class legend."""
    n = len(ov.kaarten)
    breedte = (pdf.epw - (n - 1) * 4) / n
    top = pdf.get_y()
    pdf.set_font(FONT, "B", 8)
    onder_titels = top
    for i, ind in enumerate(ov.kaarten):  # titles first, so maps and legends line up
        pdf.set_xy(pdf.l_margin + i * (breedte + 4), top)
        pdf.multi_cell(breedte, 3.6, kolomnaam(data, ind), new_x="LEFT", new_y="NEXT", align="L")
        onder_titels = max(onder_titels, pdf.get_y())
    laagste = onder_titels
    for i, (ind, kaart) in enumerate(ov.kaarten.items()):
        x = pdf.l_margin + i * (breedte + 4)
        info = pdf.svg(kaart.svg, x, onder_titels + 1, breedte, alt=f"Kaart {kolomnaam(data, ind)} per buurt")
        y = pdf.legenda(klassen_regels(kaart.kw, kaart.klassen), x, onder_titels + 2 + info.rendered_height, breedte, 7)
        laagste = max(laagste, y)
    pdf.set_xy(pdf.l_margin, laagste + 2)


def _overzichtstabel(pdf: PdfDocument, ov: Raadsoverzicht) -> None:
    """The same table as on screen: coloured cells, reference rows first, LN rows marked."""
    naamkolommen = {"Gebied": 2.2, "Wijk": 2.2, s.GEBIED_NAAM: 1.1}

    def stijl(rij: int, kolom: str) -> FontFace | None:
        if rij < 2:
            return FontFace(emphasis="BOLD", fill_color=rgb(s.REFERENTIE_GRIJS))  # gemeente and LN rows
        if ov.in_programma[rij] and kolom in naamkolommen:
            return FontFace(emphasis="BOLD", fill_color=rgb(s.LN_MARKERING))
        vul = s.VERGELIJKING_KLEUR.get(ov.vergelijkingen.iat[rij, ov.tabel.columns.get_loc(kolom)])
        return FontFace(fill_color=rgb(vul)) if vul else None

    pdf.tabel(ov.tabel, [naamkolommen.get(k, 1.6) for k in ov.tabel.columns], stijl)


def _acties(pdf: PdfDocument, ov: Raadsoverzicht) -> None:
    for opgave, tabel in ov.acties.items():
        pdf.kop(f"{opgave} — {len(tabel)} acties", 10)
        if tabel.empty:
            pdf.tekst("Voor deze opgave zijn geen acties bekend.")
        else:
            pdf.tabel(tabel, (3, 1, 1, 3, 2.5))
        pdf.ln(3)


def raadsoverzicht_pdf(data: Wijkdata, ov: Raadsoverzicht, gemaakt: date) -> bytes:
    """The whole overview as PDF bytes."""
    pdf = PdfDocument(f"Raadsoverzicht {s.PROGRAMMA_NAAM}",
                      f"{s.PROGRAMMA_NAAM} — Raadsoverzicht, gemaakt op {gemaakt:%d-%m-%Y}. {s.DATA_ATTRIBUTIE}")
    pdf.add_page()
    pdf.kop(f"Raadsoverzicht {s.PROGRAMMA_NAAM}", 18)
    pdf.tekst(f"{s.GEBIED_NAAM} en alle {'buurten' if ov.niveau == 'buurt' else 'wijken'} tegenover het gemiddelde van "
              f"de gemeente {s.GEMEENTE_NAAM}: het doel van het programma voor {s.DOELJAAR}.", 10)
    pdf.tekst(f"Gegevens: {ov.peiljaren} Gemaakt op {gemaakt:%d-%m-%Y}.", 8, s.TEKST_GRIJS)
    pdf.ln(3)
    _kaartjes(pdf, data, ov)
    pdf.tekst(f"Zwarte rand: {s.GEBIED_NAAM}; grijze rand: gemeentegrens. Buurten zonder eigen cijfer tonen het cijfer "
              f"van hun wijk. CBS-grenzen {data.grenzen.bron.jaar}, {data.grenzen.bron.precisie} (EPSG:28992).", 7.5, s.TEKST_GRIJS)
    pdf.ln(3)
    pdf.kop(f"{data.programmagebied.naam} tegen de gemeente", 11)
    noord = profieltabel(data, profiel(data, data.programmagebied.code))
    kolommen = {"Indicator": 3, GEBIED: 1.3, "Gemeente": 1.3, "Verschil met gemeente": 1.3, "Beoordeling": 1.8,
                "Peiljaar": 0.8, "Verloop": 2.2}  # Verloop only with several reference years
    kolommen = {k: b for k, b in kolommen.items() if k in noord.columns}
    pdf.tabel(noord[list(kolommen)].rename(columns={GEBIED: data.programmagebied.naam}), tuple(kolommen.values()))
    pdf.add_page()
    pdf.kop(f"{'Buurten' if ov.niveau == 'buurt' else 'Wijken'} tegen het gemeentegemiddelde")
    _overzichtstabel(pdf, ov)
    pdf.ln(2)
    pdf.tekst(f"Oranje: ongunstiger dan de gemeente; blauw: gunstiger; geel: gebied in {s.GEBIED_NAAM}. (hoger)/(lager): "
              "anders dan de gemeente zonder oordeel. * cijfer van de wijk. onbekend: geen bron geeft dit cijfer.", 7.5, s.TEKST_GRIJS)
    pdf.add_page()
    pdf.kop("Acties per opgave")
    _acties(pdf, ov)
    pdf.kop("Bronnen en licentie")
    for regel in ov.bronnen:
        pdf.tekst(regel, 8)
    return bytes(pdf.output())
