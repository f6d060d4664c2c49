"""Timeline, governance, budget and partners: bundled facts correct, every source known, bad rows refused."""

from __future__ import annotations

import shutil
from dataclasses import replace

import pandas as pd
import pytest

from geo.schema import OPGAVEN, DataFout, split_lijst
from geo.tijdlijn import (
    SOORTEN,
    ZEKERHEDEN,
    Tijdlijnbestanden,
    laad_tijdlijn,
    lees_datum,
)


def _op_titel(data, deel: str) -> pd.Series:
    g = data.tijdlijn.gebeurtenissen
    rijen = g[g["titel"].str.contains(deel, regex=False)]
    assert len(rijen) == 1, deel
    return rijen.iloc[0]


def test_bundled_files_load_and_use_the_vocabulary(data):
    t = data.tijdlijn
    g = t.gebeurtenissen
    assert len(g) >= 20 and len(t.organisatie) >= 4 and len(t.budget) == 5 and len(t.partners) >= 3
    assert set(g["soort"]) <= set(SOORTEN)
    assert set(g["zekerheid"]) <= set(ZEKERHEDEN)
    assert set(g["opgave"]) - {""} <= set(OPGAVEN)
    assert set(t.budget["opgave"]) - {""} <= set(OPGAVEN)
    assert g["begin"].is_monotonic_increasing
    assert (g["einde"] >= g["begin"]).all()


def test_every_source_id_resolves_to_a_title(data):
    titels = dict(zip(data.programma.bronnen["bron"], data.programma.bronnen["titel"], strict=True))
    t = data.tijdlijn
    for tabel in (t.gebeurtenissen, t.organisatie, t.budget, t.partners):
        for r in tabel.itertuples():
            ids = split_lijst(r.bron)
            assert ids and all(b in titels for b in ids), r
            assert r.bron_tekst == "; ".join(titels[b] for b in ids)


def test_key_dates_are_parsed_at_source_precision(data):
    db = _op_titel(data, "Dagelijks bestuur")
    assert db["begin"] == db["einde"] == pd.Timestamp("2022-07-15")
    assert db["datum_tekst"] == "15 juli 2022" and db["soort"] == "besluit"

    raad = _op_titel(data, "unaniem vastgesteld door de gemeenteraad")
    assert (raad["begin"], raad["einde"]) == (pd.Timestamp("2021-11-01"), pd.Timestamp("2021-11-30"))
    assert raad["datum_tekst"] == "november 2021"

    toets = _op_titel(data, "Startnotitie getoetst")
    assert (toets["begin"], toets["einde"]) == (pd.Timestamp("2020-10-01"), pd.Timestamp("2021-03-31"))
    assert toets["datum_tekst"] == "oktober 2020 – maart 2021"

    eind = data.tijdlijn.gebeurtenissen.iloc[-1]
    assert eind["datum_tekst"] == "2041" and eind["soort"] == "mijlpaal"
    assert (eind["begin"], eind["einde"]) == (pd.Timestamp("2041-01-01"), pd.Timestamp("2041-12-31"))


def test_deal_mentions_both_counts_and_inferred_years_say_why(data):
    deal = _op_titel(data, "Deal voor Noord ondertekend")
    assert deal["datum_tekst"] == "december 2021"
    assert "33 partners" in deal["opmerking"] and "ruim 30 bewoners en partners" in deal["opmerking"]
    g = data.tijdlijn.gebeurtenissen
    afgeleid = g[g["zekerheid"] == "afgeleid"]
    assert set(afgeleid["begin"]) == {pd.Timestamp("2024-04-02"), pd.Timestamp("2024-05-16")}
    assert afgeleid["opmerking"].str.contains("donderdag 16 mei").all()
    jeugd = _op_titel(data, "vastgesteld met amendement")
    assert jeugd["opgave"] == "Onderwijs en jeugd" and jeugd["datum_tekst"] == "18 april 2023"


def test_budget_per_opgave_adds_up_to_the_yearly_total(data):
    b = data.tijdlijn.budget
    per_jaar = b[b["eenheid"] == "euro per jaar"]
    per_opgave = per_jaar[per_jaar["opgave"] != ""].set_index("opgave")["bedrag"]
    assert per_opgave.to_dict() == {"Onderwijs en jeugd": 142000, "Financiële zelfredzaamheid": 330000,
                                    "Fijn en veilig wonen": 85500}
    totaal = per_jaar.loc[per_jaar["opgave"] == "", "bedrag"]
    assert totaal.tolist() == [557500] == [per_opgave.sum()]
    programma = b[b["eenheid"] == "euro totaal"].iloc[0]
    assert programma["bedrag"] == 8_800_000 and programma["periode"] == "20 jaar"
    assert "veilig wonen" in b.set_index("opgave").loc["Fijn en veilig wonen", "opmerking"]


def test_governance_and_partners(data):
    organen = data.tijdlijn.organisatie.set_index("orgaan")["samenstelling"]
    assert organen["Dagelijks Bestuur"] == "Directieleden en bestuurders"
    assert {"Partneroverleg", "Uitvoering", "Programmabureau"} <= set(organen.index)
    assert "Panta Rhei" in set(data.tijdlijn.partners["partner"])


@pytest.mark.parametrize(
    ("waarde", "begin", "einde", "tekst"),
    [
        ("2041", "2041-01-01", "2041-12-31", "2041"),
        ("2024-02", "2024-02-01", "2024-02-29", "februari 2024"),
        ("2022-06-15", "2022-06-15", "2022-06-15", "15 juni 2022"),
    ],
)
def test_dates_keep_their_precision(waarde, begin, einde, tekst):
    d = lees_datum(waarde)
    assert (d.begin, d.einde, d.tekst) == (pd.Timestamp(begin), pd.Timestamp(einde), tekst)


@pytest.mark.parametrize("waarde", ["2022-13", "2022-02-30", "15-06-2022", "mei 2022", "22"])
def test_invalid_dates_are_refused(waarde):
    with pytest.raises(ValueError):
        lees_datum(waarde)


def _met_regel(tmp_path, naam: str, regel: str) -> Tijdlijnbestanden:
    """A tmp copy of one bundled file with one bad row appended."""
    standaard = Tijdlijnbestanden()
    pad = tmp_path / getattr(standaard, naam).name
    shutil.copy(getattr(standaard, naam), pad)
    with pad.open("a", encoding="utf-8") as f:
        f.write(regel + "\n")
    return replace(standaard, **{naam: pad})


@pytest.mark.parametrize(
    ("naam", "regel", "melding"),
    [
        ("tijdlijn", "15-06-2022,,Overleg,bijeenkomst,,S004,bron,", "geen JJJJ, JJJJ-MM of JJJJ-MM-DD"),
        ("tijdlijn", "2022-02-30,,Overleg,bijeenkomst,,S004,bron,", "bestaat niet"),
        ("tijdlijn", "2022-06,2022-03,Overleg,bijeenkomst,,S004,bron,", "eind 2022-03 ligt voor start 2022-06"),
        ("tijdlijn", "2022-06,,Overleg,feest,,S004,bron,", "soort 'feest' moet"),
        ("tijdlijn", "2022-06,,Overleg,bijeenkomst,Jeugd,S004,bron,", "onbekende opgave 'Jeugd'"),
        ("tijdlijn", "2022-06,,Overleg,bijeenkomst,,S999,bron,", "onbekende bron 'S999'"),
        ("tijdlijn", "2022-06,,Overleg,bijeenkomst,,,bron,", "bron ontbreekt"),
        ("tijdlijn", "2022-06,,Overleg,bijeenkomst,,S004,misschien,", "zekerheid 'misschien' moet"),
        ("tijdlijn", "2022-06,,Overleg,bijeenkomst,,S004,afgeleid,", "zonder reden in opmerking"),
        ("tijdlijn", "2041,,Einddoel: Leidschendam-Noord op het gemiddelde niveau van de gemeente,mijlpaal,,S004,bron,",
         "dubbele start \\+ titel"),
        ("budget", "Extra,,8.8 mln,euro totaal,20 jaar,VN20221029,", "bedrag '8.8 mln' is geen getal"),
        ("budget", "Extra,,-5,euro totaal,20 jaar,VN20221029,", "bedrag '-5' is geen getal"),
        ("budget", "Extra,,inf,euro totaal,20 jaar,VN20221029,", "bedrag 'inf' is geen getal"),
        ("budget", "Extra,Wonen,5,euro totaal,20 jaar,VN20221029,", "onbekende opgave 'Wonen'"),
        ("organisatie", "Raad,,S004", "samenstelling ontbreekt"),
        ("partners", "Verzonnen partner,schoolbestuur,ONBEKEND", "onbekende bron 'ONBEKEND'"),
    ],
)
def test_invalid_rows_are_refused_with_the_row_number(tmp_path, data, naam, regel, melding):
    bestanden = _met_regel(tmp_path, naam, regel)
    rij = len(pd.read_csv(getattr(bestanden, naam), dtype=str, keep_default_na=False)) + 1
    with pytest.raises(DataFout, match=f"rij {rij}: .*{melding}") as fout:
        laad_tijdlijn(data.programma.bronnen, bestanden)
    assert fout.value.bestand == f"{naam}.csv"


def test_missing_column_is_refused(tmp_path, data):
    pad = tmp_path / "partners.csv"
    pad.write_text("partner,bron\nPanta Rhei,PR\n", encoding="utf-8")
    with pytest.raises(DataFout, match="kolommen ontbreken: rol"):
        laad_tijdlijn(data.programma.bronnen, replace(Tijdlijnbestanden(), partners=pad))
