"""The presentation on screen: one step at a time, full width, large type, keyboard and clicker.

Each step is one block of escaped HTML (title, key figures, map, list, sources) so its layout
and type sizes are under our control on a projector; Streamlit buttons below move between
steps and the step number lives in the URL (``?stap=3``) so a presenter can jump back.
"""

from __future__ import annotations

import html
from datetime import date

import streamlit as st

from app import settings as s
from app.data import wijkdata
from app.pdf_presentatie import presentatie_pdf
from app.presentatie import Stap, stappen
from app.svg_kaart import als_afbeelding
from app.url_state import MELDINGEN, Parameter
from geo.bundel import Wijkdata

STAP_KEY = "presentatie_stap"

# Projector styles: no Streamlit chrome, type that scales with the screen (readable from the
# back of a room at 1280x720 and 1920x1080), black on white, thick outlines on the maps.
DIA_CSS = """
<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stHeader"],
[data-testid="stToolbar"], [data-testid="stDecoration"] { display: none !important; }
[data-testid="stMainBlockContainer"] { max-width: 100% !important; padding: 0.4rem 2rem 0.4rem !important; }
[data-testid="stMainBlockContainer"] [data-testid="stVerticalBlock"] { gap: 0.4rem; }
.wk-dia { color: #000; font-size: clamp(15px, 1.22vw, 26px); line-height: 1.28; }
.wk-dia h1 { font-size: clamp(28px, 2.7vw, 52px); margin: 0 0 0.1em; padding: 0; line-height: 1.15; }
.wk-dia-onder { font-size: 1.15em; margin: 0 0 0.5em; }
.wk-dia-inhoud { display: flex; gap: 2vw; align-items: flex-start; }
.wk-dia-kaart { flex: 0 0 46%; }
.wk-dia-kaart img { width: 100%; max-height: calc(100vh - 20em); object-fit: contain; border: 2px solid #000; }
.wk-dia-rechts { flex: 1 1 auto; min-width: 0; }
.wk-dia-cijfers { display: flex; flex-wrap: wrap; gap: 1.2vw; margin-bottom: 0.6em; }
.wk-cijfer { border-left: 0.35em solid #000; padding: 0.1em 0.6em; flex: 1 1 30%; }
.wk-cijfer b { display: block; font-size: 1.9em; line-height: 1.05; }
.wk-cijfer small, .wk-dia-bron { font-size: max(14px, 0.7em); color: #333; display: block; }
.wk-dia ul { margin: 0.2em 0 0.4em 1.1em; padding: 0; }
section.wk-dia ul, section.wk-dia li { font-size: 1em; }  /* Streamlit sets lists to 1rem */
section.wk-dia table { border-collapse: collapse; width: 100%; font-size: 0.85em; line-height: 1.2; }
.wk-dia th, .wk-dia td { border-bottom: 1px solid #4d4d4d; padding: 0.1em 0.4em; text-align: left; vertical-align: top; }
.wk-dia-legenda { list-style: none; margin: 0.3em 0 0 !important; display: flex; flex-wrap: wrap; gap: 0.1em 1em;
  font-size: max(14px, 0.75em) !important; line-height: 1.2; }
.wk-dia-legenda span { display: inline-block; width: 1em; height: 1em; border: 1px solid #000; vertical-align: -0.15em;
  margin-right: 0.3em; }
.wk-dia-legendatitel { flex-basis: 100%; font-weight: bold; }
.wk-dia-tijdlijn img { width: 100%; max-height: calc(100vh - 22em); object-fit: contain; }
.wk-dia-bron { margin-top: 0.5em; }
</style>
"""

# Presenter clickers send PageDown/PageUp (some send arrow keys); space and arrows work too.
# The script only acts on the presentation page and never while typing in a field.
TOETSEN_JS = """
<script>
(function () {
  if (window.__wkPresentatieToetsen) return;
  window.__wkPresentatieToetsen = true;
  const volgende = new Set(["PageDown", "ArrowRight", "ArrowDown", " ", "Spacebar"]);
  const vorige = new Set(["PageUp", "ArrowLeft", "ArrowUp"]);
  document.addEventListener("keydown", function (e) {
    if (!document.querySelector(".wk-dia") || e.altKey || e.ctrlKey || e.metaKey || e.repeat) return;
    const doel = e.target;
    if (doel && (doel.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(doel.tagName))) return;
    if (doel && doel.tagName === "BUTTON" && (e.key === " " || e.key === "Enter")) return;  // the focused button's own action
    const sleutel = volgende.has(e.key) ? "dia_volgende" : vorige.has(e.key) ? "dia_vorige"
      : e.key === "Home" ? "dia_begin" : e.key === "End" ? "dia_einde" : null;
    const knop = sleutel && document.querySelector(".st-key-" + sleutel + " button");
    if (knop) { e.preventDefault(); if (!knop.disabled) knop.click(); }
  }, true);
})();
</script>
"""


def alle_stappen() -> list[Stap]:
    """The steps of the data as it is now; built once per snapshot and store revision, shared read-only."""
    data = wijkdata()
    return _stappen_van(str(data.snapshot.map), data.revisie, data)


@st.cache_resource(show_spinner="Presentatie voorbereiden…", max_entries=2)
def _stappen_van(snapshotmap: str, revisie: int, _data: Wijkdata) -> list[Stap]:
    """Keyed by the CBS snapshot (a refresh changes it, not the store) and the store revision: the
    data object itself is not hashed (leading underscore)."""
    return stappen(_data)


def url_parameters(aantal: int) -> list[Parameter]:
    return [Parameter("stap", STAP_KEY, {str(i): i for i in range(1, aantal + 1)}, 1, "stap")]


def dia_html(stap: Stap, nummer: int, aantal: int) -> str:
    """One step as HTML; every text from data is escaped."""
    e = html.escape
    delen = [f'<section class="wk-dia" aria-label="Stap {nummer} van {aantal}: {e(stap.titel)}">',
             f"<h1>{e(stap.titel)}</h1>"]
    if stap.ondertitel:
        delen.append(f'<p class="wk-dia-onder">{e(stap.ondertitel)}</p>')
    rechts = []
    if stap.kerncijfers:
        cijfers = "".join(
            f'<div class="wk-cijfer"><b>{e(c.waarde)}</b>{e(c.wat)}<small>{e(c.voetnoot)}</small></div>'
            for c in stap.kerncijfers
        )
        rechts.append(f'<div class="wk-dia-cijfers">{cijfers}</div>')
    if stap.regels:
        rechts.append("<ul>" + "".join(f"<li>{e(r)}</li>" for r in stap.regels) + "</ul>")
    if stap.tabel is not None and not stap.tabel.empty:
        kop = "".join(f"<th>{e(str(k))}</th>" for k in stap.tabel.columns)
        rijen = "".join("<tr>" + "".join(f"<td>{e(str(v))}</td>" for v in rij) + "</tr>" for rij in stap.tabel.itertuples(index=False))
        rechts.append(f"<table><caption style='text-align:left;font-weight:bold'>{e(stap.tabel_titel)}</caption>"
                      f"<thead><tr>{kop}</tr></thead><tbody>{rijen}</tbody></table>")
    if stap.kaart is not None:
        legenda = (f'<li class="wk-dia-legendatitel">{e(stap.legenda_titel)}</li>' if stap.legenda_titel else "") + "".join(
            f'<li><span style="background:{k}"></span>{e(t)}</li>' for k, t in stap.legenda)
        symbolen = f"<li>{e(stap.symbolen_uitleg)}</li>" if stap.symbolen_uitleg else ""
        delen.append(f'<div class="wk-dia-inhoud"><div class="wk-dia-kaart">{als_afbeelding(stap.kaart.svg, stap.kaart_alt)}'
                     f'<ul class="wk-dia-legenda">{legenda}{symbolen}</ul></div>'
                     f'<div class="wk-dia-rechts">{"".join(rechts)}</div></div>')
    else:
        delen.append(f'<div class="wk-dia-rechts">{"".join(rechts)}</div>')
    if stap.tijdlijn:
        delen.append(f'<div class="wk-dia-tijdlijn">{als_afbeelding(stap.tijdlijn, "Tijdlijn van het programma; de volledige lijst staat op de pagina Programma.")}</div>')
    if stap.bronnen:
        delen.append(f'<p class="wk-dia-bron">{e(stap.bronregel)}</p>')
    delen.append("</section>")
    return "".join(delen)


def _ga_naar(nummer: int) -> None:
    st.session_state[STAP_KEY] = nummer
    st.session_state.pop(MELDINGEN, None)  # a notice about the opening link has been read by now


def toon(stappen_: list[Stap]) -> None:
    """The current step and the navigation under it."""
    aantal = len(stappen_)
    nummer = st.session_state[STAP_KEY]
    st.html(DIA_CSS)
    st.html(TOETSEN_JS, unsafe_allow_javascript=True)
    # Navigation first: at 1280x720 it stays on screen however long the step is.
    kolommen = st.columns([1, 1, 1, 1, 1, 2, 1], vertical_alignment="center")
    kolommen[0].button("Begin", key="dia_begin", on_click=_ga_naar, args=(1,), disabled=nummer == 1)
    kolommen[1].button("← Vorige", key="dia_vorige", on_click=_ga_naar, args=(max(1, nummer - 1),), disabled=nummer == 1)
    kolommen[2].markdown(f'<p style="font-size:1.4rem;font-weight:bold;text-align:center;margin:0" aria-live="polite">'
                         f"{nummer} / {aantal}</p>", unsafe_allow_html=True)
    kolommen[3].button("Volgende →", key="dia_volgende", on_click=_ga_naar, args=(min(aantal, nummer + 1),),
                       disabled=nummer == aantal, type="primary")
    kolommen[4].button("Einde", key="dia_einde", on_click=_ga_naar, args=(aantal,), disabled=nummer == aantal)
    kolommen[5].download_button("Download als PDF (alle stappen)", lambda: presentatie_pdf(stappen_, date.today()),
                                f"{s.BESTANDSNAAM}-presentatie.pdf", "application/pdf", key="dia_pdf", on_click="ignore")
    kolommen[6].page_link(s.PAGINA_KAART.bestand, label="Sluiten")
    st.html(dia_html(stappen_[nummer - 1], nummer, aantal))
    st.caption("Toetsen: PageDown, pijl rechts of spatie = volgende; PageUp of pijl links = vorige; Home/End = begin/einde.")
