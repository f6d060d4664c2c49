"""The Raadsoverzicht content, its PDF and the static SVG pieces (no Streamlit needed)."""

from __future__ import annotations

import html
import io
import math
from datetime import date

import pytest
from pypdf import PdfReader

from app import settings as s
from app.pdf_overzicht import raadsoverzicht_pdf
from app.profiel import grafiekrijen, profiel
from app.raadsoverzicht import GEBIED, bouw
from app.svg_grafiek import Rij, afstandsgrafiek
from app.svg_kaart import Vlak, als_afbeelding, svg_kaart

VANDAAG = date(2026, 11, 25)


@pytest.fixture(scope="module")
def overzicht(data):
    return bouw(data, "buurt", "kinderen_sociaal_minimum", True, VANDAAG)


def test_overview_starts_with_reference_rows_and_sorts(overzicht):
    namen = overzicht.tabel[GEBIED].tolist()
    assert namen[0].startswith("Gemeente") and namen[1].startswith("Leidschendam-Noord")
    assert namen[2:4] == ["De Heuvel noord", "Prinsenhof hoog"]  # 42 % and 27 %, highest first
    assert len(namen) == 2 + 43
    rij = overzicht.tabel.iloc[2]
    assert rij["Kinderen in huishouden tot sociaal minimum (%)"] == "42 % (ongunstiger)"
    assert rij["Bevolkingsdichtheid (inwoners per km² land)"] == "8.049* (hoger)"  # the wijk's figure, marked
    assert overzicht.in_programma[2] and not overzicht.in_programma[0]
    assert overzicht.vergelijkingen.iloc[2]["Kinderen in huishouden tot sociaal minimum (%)"] == "ongunstiger"


def test_gemeente_row_keeps_the_source_qualifier(data):
    wijken = bouw(data, "wijk", s.SORTEER_NAAM, False, VANDAAG)
    assert "Wijk" not in wijken.tabel.columns and len(wijken.tabel) == 2 + 13
    assert wijken.tabel.iloc[0]["Kinderen in huishouden tot sociaal minimum (%)"] == "9 %"


def test_wijk_view_sorted_by_a_buurt_only_figure_falls_back_to_names(data):
    wijken = bouw(data, "wijk", "kinderen_sociaal_minimum", True, VANDAAG)
    assert wijken.gesorteerd_op_naam
    namen = wijken.tabel[GEBIED].tolist()[2:]
    assert namen == sorted(namen, key=str.lower)


def test_actions_per_opgave_count_each_action_once(overzicht, data):
    acties = data.programma.items[data.programma.items["soort"] == "actie"]
    assert sum(len(t) for t in overzicht.acties.values()) == acties["actie_id"].nunique()
    grofvuil = overzicht.acties["Fijn en veilig wonen"].set_index("Actie").loc["Vaste aanbiedplekken grofvuil"]
    assert "3 plekken" in grofvuil["Waar"] and "bij benadering" in grofvuil["Waar"]


def test_pdf_has_pages_with_maps_table_actions_and_sources(data, overzicht):
    pdf = PdfReader(io.BytesIO(raadsoverzicht_pdf(data, overzicht, VANDAAG)))
    assert len(pdf.pages) >= 3
    eerste = pdf.pages[0]
    assert eerste.mediabox.width > eerste.mediabox.height  # A4 landscape
    tekst = "\n".join(p.extract_text() for p in pdf.pages)
    for verwacht in ("Raadsoverzicht Sterk voor Noord", "25-11-2026", "De Heuvel noord", "42 % (ongunstiger)",
                     "Acties per opgave", "Vaste aanbiedplekken grofvuil", "Bronnen en licentie", "CC-BY 4.0",
                     "Financiële zelfredzaamheid", "km²"):
        assert verwacht in tekst, verwacht
    assert pdf.metadata.title == "Raadsoverzicht Sterk voor Noord"


def test_svg_text_is_escaped_and_img_carries_alt(data):
    vorm = data.gebieden.loc["BU19160602"].geometry
    svg = svg_kaart([Vlak(vorm, "#ffffff", "<script>alert(1)</script>")], [], 'titel "x" & <y>')
    assert "<script>" not in svg and "&lt;script&gt;" in svg
    img = als_afbeelding(svg, 'alt "met" <tekens>')
    assert img.startswith('<img src="data:image/svg+xml;base64,') and 'alt="alt &quot;met&quot; &lt;tekens&gt;"' in img


def test_gap_chart_rows_only_for_comparable_known_figures(data):
    labels = {r.label for r in grafiekrijen(data, profiel(data, data.programmagebied.code))}
    assert labels == {"Bevolkingsdichtheid", "Inwoners per woning"}  # LN has no figure for the shares
    rijen = [Rij("A", "%", "lager", 42, 9, math.nan, "ongunstiger")]
    svg = afstandsgrafiek(rijen, "Buurt <x>", "Leidschendam-Noord")
    assert ">A<" in svg and "Buurt &lt;x&gt;" in svg and "42 % · ongunstiger" in svg


def test_presentation_deck_has_one_16_9_page_per_step(data):
    from app.pdf_presentatie import presentatie_pdf
    from app.presentatie import stappen

    alle = stappen(data)
    pdf = PdfReader(io.BytesIO(presentatie_pdf(alle, VANDAAG)))
    assert len(pdf.pages) == len(alle) == 7
    for pagina, stap in zip(pdf.pages, alle, strict=True):
        assert abs(float(pagina.mediabox.width) / float(pagina.mediabox.height) - 16 / 9) < 0.01
        assert stap.titel in pagina.extract_text()
    tekst = "\n".join(p.extract_text() for p in pdf.pages)
    assert "42 %" in tekst and "557.500" in tekst and "Dagelijks Bestuur" in tekst
    # the map legend names what the colours show, the unit and the source (found in review: only "27 % / 42 %")
    titel = "Kaart: Kinderen in huishouden tot sociaal minimum per buurt (%), bron [2]"
    assert alle[1].legenda_titel == titel and titel in tekst.replace("\n", " ")
    assert alle[1].bronnen[1].startswith("Presentatie 'Sterk voor Noord'")


def test_presentation_figures_carry_their_source(data):
    from app.presentatie import kerncijfer

    cijfer = kerncijfer(data, "kinderen_sociaal_minimum", "BU19160602")
    assert (cijfer.waarde, cijfer.gemeente) == ("42 %", "gemeente: 9 %")
    assert "Presentatie" in cijfer.bron and cijfer.peiljaar == "onbekend"
    assert cijfer.voetnoot == "gemeente: 9 %  ·  peiljaar onbekend"  # the step numbers the source
    assert kerncijfer(data, "kinderen_sociaal_minimum", "BU19161300").waarde == "onbekend"


def test_user_text_reaches_the_pdfs_literally(data):
    """An actie the wijkteam typed with markup stays plain text in the overview and the deck."""
    from app.pdf_presentatie import presentatie_pdf
    from app.presentatie import stappen
    from geo.bundel import met_bewerkbaar
    from geo.programma import lees_bewerkbaar

    bewerkbaar = lees_bewerkbaar()
    payload = '<script>alert(1)</script> <img src=x onerror="alert(1)"> ${7*7}'
    acties = bewerkbaar["acties"].copy()
    acties.loc[0, "naam"] = payload
    met = met_bewerkbaar(data, {**bewerkbaar, "acties": acties}, VANDAAG)
    overzicht = bouw(met, "buurt", s.SORTEER_NAAM, False, VANDAAG)
    for pdf in (raadsoverzicht_pdf(met, overzicht, VANDAAG), presentatie_pdf(stappen(met), VANDAAG)):
        tekst = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(pdf)).pages)
        assert "<script>alert(1)</script>" in tekst


def test_every_timeline_text_has_its_own_colour(data):
    """The PDF's SVG renderer (fpdf2) draws a <text> without a fill attribute invisibly: the years
    and the legend of the timeline were missing from the presentation's PDF."""
    import re

    from app.svg_tijdlijn import tijdlijn_svg

    teksten = re.findall(r"<text [^>]*>", tijdlijn_svg(data.tijdlijn.gebeurtenissen))
    assert teksten and all(" fill=" in t for t in teksten), [t for t in teksten if " fill=" not in t]




def test_no_leader_line_of_the_timeline_runs_through_a_label(data):
    """Found in review: in a crowded year the line of a label further from the axis ran through a
    label nearer to it. Labels take a slot no line crosses where one is free; where none is, the
    line passes behind the label's white box, so every line is drawn before every box."""
    import re

    from app.svg_tijdlijn import TEKEN_PX, tijdlijn_svg

    svg = tijdlijn_svg(data.tijdlijn.gebeurtenissen)
    lijnen = [m.start() for m in re.finditer(r'<line [^>]*stroke="#737373" stroke-width="1"', svg)]
    vakken = [(m.start(), *map(float, m.groups())) for m in re.finditer(
        r'<rect x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)" fill="#fff"/>', svg)]
    assert lijnen and len(vakken) == len(lijnen) and max(lijnen) < min(v[0] for v in vakken)
    for x, y, anker, tekst in re.findall(r'<text x="([\d.]+)" y="([\d.]+)" text-anchor="(start|end)"[^>]*>([^<]*)</text>', svg):
        breedte = TEKEN_PX * len(html.unescape(tekst))
        links = float(x) - breedte if anker == "end" else float(x)
        assert any(vx <= links and links + breedte <= vx + vb + 0.1 and vy <= float(y) - 11 and float(y) + 3 <= vy + vh
                   for _, vx, vy, vb, vh in vakken), tekst
