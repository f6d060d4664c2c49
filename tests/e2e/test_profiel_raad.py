"""End to end: shared links, Kaart to Buurtprofiel, the PDF download and printing, offline."""

from __future__ import annotations

import io

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from app import settings as s
from tests.e2e.conftest import ARTEFACTEN, klaar
from tests.e2e.server import app_server
from tests.e2e.test_kaart import _geen_extern_verkeer, _kaart

pytestmark = pytest.mark.e2e


def test_shared_profile_link_opens_the_same_view(page, app_url, verkeer):
    page.goto(f"{app_url}/{s.PAGINA_PROFIEL.pad}?gebied=BU19160602&opgave=wonen")
    expect(page.get_by_role("heading", name="De Heuvel noord")).to_be_visible(timeout=30_000)
    klaar(page)
    expect(page.get_by_role("img", name="Grafiek: afstand van De Heuvel noord")).to_be_visible()
    expect(page.get_by_role("img", name="Kaartje: ligging van De Heuvel noord")).to_be_visible()
    items = page.locator('[data-testid="stTable"]').filter(has_text="Betreft")
    expect(items).to_contain_text("Fijn en veilig wonen")
    expect(items).not_to_contain_text("Onderwijs en jeugd")
    assert "gebied=BU19160602" in page.url and "opgave=wonen" in page.url
    page.screenshot(path=str(ARTEFACTEN / "buurtprofiel.png"), full_page=True)
    _geen_extern_verkeer(verkeer)


def test_bad_link_gives_a_dutch_notice_and_runs_nothing(page, app_url, verkeer):
    dialogen = []
    page.on("dialog", lambda d: (dialogen.append(d.message), d.dismiss()))
    page.goto(f"{app_url}/{s.PAGINA_PROFIEL.pad}?gebied=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E")
    melding = page.locator('[data-testid="stAlert"]').filter(has_text="onbekende gebiedscode")
    expect(melding).to_be_visible(timeout=30_000)
    expect(melding).to_contain_text("<img src=x onerror=alert(1)>")  # shown as text
    expect(page.get_by_role("heading", name="Leidschendam-Noord", exact=True)).to_be_visible()
    klaar(page)
    assert dialogen == []
    _geen_extern_verkeer(verkeer)


def test_bad_kaart_link_keeps_its_notice_after_the_map_is_drawn(page, app_url, verkeer, data):
    page.goto(f"{app_url}/?indicator=onzin&opgave=wonen")
    kaart = _kaart(page)
    klaar(page)  # st_folium reruns the page once after its first draw
    expect(page.locator('[data-testid="stAlert"]').filter(has_text="onbekende indicator")).to_be_visible()
    wonen = int((data.programma.items["opgave"] == "Fijn en veilig wonen").sum())
    expect(kaart.locator(".wk-symbool")).to_have_count(wonen)  # the valid part of the link still applies
    _geen_extern_verkeer(verkeer)


def test_from_the_kaart_to_the_profile_of_a_buurt(page, app_url, verkeer):
    page.goto(f"{app_url}/?buurt=BU19160200")
    _kaart(page)
    expect(page.get_by_role("heading", name="Prinsenhof hoog")).to_be_visible(timeout=30_000)
    page.get_by_role("link", name="Volledig buurtprofiel van Prinsenhof hoog").click()
    expect(page.get_by_role("heading", name="Buurtprofiel", exact=True)).to_be_visible(timeout=30_000)
    expect(page.get_by_role("heading", name="Prinsenhof hoog")).to_be_visible()
    page.wait_for_url("**/buurtprofiel?gebied=BU19160200*")
    _geen_extern_verkeer(verkeer)


def test_shared_overview_link_and_pdf_download(page, app_url, verkeer):
    page.goto(f"{app_url}/{s.PAGINA_RAAD.pad}?niveau=wijk&sorteer=bevolkingsdichtheid&volgorde=oplopend")
    tabel = page.locator('[data-testid="stTable"]').first
    expect(tabel.get_by_role("row").nth(3)).to_contain_text("Stompwijk", timeout=30_000)
    klaar(page)
    expect(page.get_by_role("img", name="Kaart Inwoners per woning per buurt")).to_be_visible()
    with page.expect_download(timeout=60_000) as download:
        page.get_by_role("button", name="Download als PDF").click()
    pdf = PdfReader(io.BytesIO(download.value.path().read_bytes()))
    assert download.value.suggested_filename.endswith(".pdf")
    assert len(pdf.pages) >= 3
    tekst = "\n".join(p.extract_text() for p in pdf.pages)
    assert "Raadsoverzicht Sterk voor Noord" in tekst and "Stompwijk" in tekst and "CC-BY 4.0" in tekst
    _geen_extern_verkeer(verkeer)


def test_browser_print_is_a4_landscape_without_controls(page, app_url, verkeer):
    page.goto(f"{app_url}/{s.PAGINA_RAAD.pad}")
    expect(page.locator('[data-testid="stTable"]').first).to_be_visible(timeout=30_000)
    klaar(page)
    page.emulate_media(media="print")
    expect(page.locator('[data-testid="stSidebar"]')).to_be_hidden()
    expect(page.get_by_role("button", name="Download als PDF")).to_be_hidden()
    expect(page.get_by_text("Afdrukken (Ctrl+P) geeft een A4 liggend;")).to_be_hidden()  # screen tips are not printed
    expect(page.get_by_text("Tip: de pagina afdrukken")).to_be_hidden()
    expect(page.get_by_text(f"{s.GEBIED_NAAM} gemarkeerd.")).to_be_visible()
    expect(page.get_by_text("Legenda", exact=True)).to_be_visible()
    expect(page.get_by_role("heading", name="Bronnen")).to_be_visible()
    afdruk = PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True, print_background=True)))
    eerste = afdruk.pages[0]
    assert eerste.mediabox.width > eerste.mediabox.height
    assert all(p.extract_text().strip() for p in afdruk.pages), "lege pagina in de afdruk"
    (ARTEFACTEN / "raadsoverzicht-afdruk.pdf").write_bytes(page.pdf(prefer_css_page_size=True, print_background=True))
    _geen_extern_verkeer(verkeer)


@pytest.mark.parametrize("pagina", (*s.PAGINAS[1:], s.PAGINA_BEHEER_ACTIES), ids=lambda p: p.pad)
def test_direct_link_is_the_first_visit_after_a_server_start(browser, pagina):
    """A raadslid opens a shared link right after a restart: the page must still come with the
    app's navigation (this failed while the page files lived in a pages/ folder)."""
    with app_server() as url:
        context = browser.new_context()
        pagina_ = context.new_page()
        pagina_.goto(f"{url}/{pagina.pad}")
        expect(pagina_.get_by_role("heading", name=pagina.koptekst, exact=True)).to_be_visible(timeout=30_000)
        # The app's own navigation (hidden, not absent, on the presentation), not the file names of a folder.
        links = pagina_.locator('[data-testid="stSidebarNav"] a')
        alle = [*s.PAGINAS, s.PAGINA_BEHEER_ACTIES]
        expect(links).to_have_count(len(alle))
        assert links.evaluate_all("els => els.map(e => e.textContent.trim())") == [p.titel for p in alle]
        context.close()


def test_profile_is_usable_with_the_keyboard_alone(page, app_url, verkeer):
    page.goto(f"{app_url}/{s.PAGINA_PROFIEL.pad}")
    expect(page.get_by_role("heading", name="Leidschendam-Noord", exact=True)).to_be_visible(timeout=30_000)
    klaar(page)
    # Streamlit mounts and enables widgets after the first script run; tab only once they are there.
    expect(page.get_by_role("combobox", name="Gebied")).to_be_enabled(timeout=15_000)
    expect(page.get_by_role("button", name="Profiel downloaden (CSV)")).to_be_enabled(timeout=15_000)
    klaar(page)
    gefocust, gezien = False, []
    for _ in range(40):  # Tab through the page (skip link, navigation, …) until the area chooser has focus
        page.keyboard.press("Tab")
        gefocust, wat = page.evaluate(
            """() => { const e = document.activeElement;
                       const vak = e && e.getAttribute('role') === 'combobox' && e.closest('[data-testid=stSelectbox]');
                       return [!!vak && vak.innerText.includes('Gebied'),
                               e.tagName + ' ' + (e.getAttribute('aria-label') || e.innerText || '').slice(0, 30)]; }"""
        )
        gezien.append(wat)
        if gefocust:
            break
    assert gefocust, f"de gebiedskeuze is niet met Tab te bereiken; focus ging langs: {gezien}"
    page.keyboard.type("Buurt Amstelwijk")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Amstelwijk", exact=True)).to_be_visible(timeout=15_000)
    page.wait_for_url("**gebied=BU19160601*")
    _geen_extern_verkeer(verkeer)
