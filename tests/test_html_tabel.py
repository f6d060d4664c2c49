"""The Kaart's HTML tables and the buurt panel's list: same rows as st.table, every text escaped."""

from __future__ import annotations

import pandas as pd

from app import settings as s
from app.area_panel import cijferlijst, detaillijst
from app.html_tabel import html_tabel
from tests.html_tabellen import lees, lees_lijst

XSS = '<img src=x onerror="alert(1)">'


def test_user_text_is_shown_as_text_never_as_html():
    tabel = pd.DataFrame({"Adres": [XSS, "Kerk & plein"], XSS: ["</table><script>alert(2)</script>", "x"]},
                         index=pd.Index([XSS, "Gewoon"], name="Naam"))
    body = html_tabel(tabel, XSS)
    assert "<img" not in body and "<script>" not in body and body.count("</table>") == 1
    terug = lees(body)[0]
    assert terug.index.tolist() == [XSS, "Gewoon"] and terug.index.name == "Naam"
    assert terug.columns.tolist() == ["Adres", XSS]
    assert terug.loc[XSS, XSS] == "</table><script>alert(2)</script>" and terug.loc["Gewoon", "Adres"] == "Kerk & plein"


def test_headers_for_screen_readers_and_empty_cells_stay_empty():
    tabel = pd.DataFrame({"Peiljaar": [2024.0, None], "Bron": [float("nan"), "CBS"]}, index=pd.Index(["A", "B"], name="Buurt"))
    body = html_tabel(tabel, "Cijfers")
    assert 'aria-label="Cijfers" tabindex="0"' in body and body.count('<th scope="col">') == 3 and body.count('<th scope="row">') == 2
    terug = lees(body)[0]
    assert terug.loc["A", "Peiljaar"] == "2024" and terug.loc["B", "Peiljaar"] == "" and terug.loc["A", "Bron"] == ""


def test_the_panel_list_escapes_and_leaves_out_verdicts_that_say_nothing():
    tabel = pd.DataFrame({"Dit gebied": [XSS, "12 %", "900 inwoners"], "Gemeente": ["9 %", "10 %", "78.229 inwoners"],
                          s.GEBIED_NAAM: ["onbekend", "<b>11 %</b>", "9.010 inwoners"],
                          "Beoordeling": ["—", "ongunstiger dan gemeente", "niet vergelijkbaar"]},
                         index=pd.Index([XSS, "Bijstand", "Inwoners"], name="Indicator"))
    body = cijferlijst(tabel, XSS)
    assert "<img" not in body and "<b>" not in body
    assert lees_lijst(body) == {
        XSS: f"{XSS} · gemeente 9 % · {s.GEBIED_NAAM} onbekend",
        "Bijstand": f"12 % · gemeente 10 % · {s.GEBIED_NAAM} <b>11 %</b> · ongunstiger dan gemeente",
        "Inwoners": f"900 inwoners · gemeente 78.229 inwoners · {s.GEBIED_NAAM} 9.010 inwoners",
    }


def test_the_panel_details_escape_and_leave_out_what_does_not_apply():
    tabel = pd.DataFrame({"Dit gebied": ["42 %", "900 inwoners"], "Niveau": ["buurtcijfer", "—"],
                          "Verschil met gemeente": ["+33 procentpunt", "—"], "Peiljaar": ["onbekend", 2024],
                          "Bron": [XSS, "CBS"]}, index=pd.Index(["Kinderen", "Inwoners"], name="Indicator"))
    body = detaillijst(tabel, "Details")
    assert "<img" not in body
    assert lees_lijst(body) == {
        "Kinderen": f"42 % · buurtcijfer · verschil met gemeente +33 procentpunt · peiljaar onbekend Bron: {XSS}",
        "Inwoners": "900 inwoners · peiljaar 2024 Bron: CBS",
    }
