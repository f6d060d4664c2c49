"""Indicators: validation of the tidy table, derived figures, map values, profiles."""

from __future__ import annotations

import math
import shutil

import pandas as pd
import pytest

from geo.configuratie import CONFIG
from geo.indicators import (
    INDICATOREN,
    actueel,
    gebiedsprofiel,
    in_jaar,
    kaartwaarden,
    laad_indicatoren,
    met_afgeleide,
    peiljaren,
    verloop,
)
from geo.schema import DataFout


def test_cbs_rows_match_the_bundled_kerncijfers(data):
    """The tidy table must repeat the CBS file exactly (no retyping errors)."""
    cbs = pd.read_csv(CONFIG.cbs_map / "kerncijfers_2024_gm1916.csv").set_index("Codering_3")
    kolom = {"inwoners": "AantalInwoners_5", "bevolkingsdichtheid": "Bevolkingsdichtheid_34",
             "woningvoorraad": "Woningvoorraad_35", "oppervlakte_land": "OppervlakteLand_123",
             "oppervlakte_totaal": "OppervlakteTotaal_122"}
    bron = data.indicatoren[~data.indicatoren["afgeleid"] & data.indicatoren["indicator"].isin(kolom)]
    assert len(bron) == 14 * len(kolom)
    for r in bron.itertuples():
        assert r.waarde == cbs.loc[r.gebiedscode, kolom[r.indicator]], (r.gebiedscode, r.indicator)


def test_seed_figures_are_present_with_unknown_year(data):
    t = data.indicatoren.set_index(["gebiedscode", "indicator"])
    assert t.loc[("BU19160602", "kinderen_sociaal_minimum"), "waarde"] == 42
    assert t.loc[("BU19160200", "bijstand_langer_dan_jaar"), "waarde"] == 15
    assert t.loc[("LN", "huishoudens_bijstand"), "waarde"] == 580
    assert t.loc[("GM1916", "huishoudens_bijstand"), "kwalificatie"] == "ruim"
    assert t.loc[("GM1916", "kinderen_sociaal_minimum"), "peiljaar"] == "onbekend"


def test_derived_figures_are_computed_and_labelled(data):
    t = data.indicatoren.set_index(["gebiedscode", "indicator"])
    afgeleid = t.loc[("WK191606", "inwoners_per_woning")]
    assert afgeleid["afgeleid"] and afgeleid["waarde"] == round(3250 / 1795, 2)
    assert t.loc[("LN", "inwoners"), "waarde"] == 5760 + 3250
    assert "som van de wijken" in t.loc[("LN", "inwoners"), "bron"]
    assert not t.loc[("GM1916", "inwoners"), "afgeleid"]


def test_map_values_fall_back_to_the_wijk_for_comparable_figures(data):
    kw = kaartwaarden(data.indicatoren, data.grenzen.buurten, data.definities["bevolkingsdichtheid"])
    assert kw.waarden.loc["BU19160602", "waarde"] == 8049
    assert kw.waarden.loc["BU19160602", "niveau"] == "wijk"
    assert kw.gemeente["waarde"] == 2399


def test_a_wijk_total_never_stands_in_for_a_buurt(data):
    kw = kaartwaarden(data.indicatoren, data.grenzen.buurten, data.definities["inwoners"])
    assert kw.waarden["waarde"].isna().all()  # 3.250 inwoners is the wijk's, not De Heuvel noord's
    assert "inwoners" not in data.kaartbaar
    p = gebiedsprofiel(data.indicatoren, data.grenzen, data.definities, "BU19160602", "LN").set_index("indicator")
    assert math.isnan(p.loc["inwoners", "waarde"]) and p.loc["bevolkingsdichtheid", "niveau"] == "wijk"


def test_map_values_keep_missing_as_nan_not_zero(data):
    kw = kaartwaarden(data.indicatoren, data.grenzen.buurten, data.definities["kinderen_sociaal_minimum"])
    assert kw.waarden.loc["BU19160602", "niveau"] == "buurt"
    assert math.isnan(kw.waarden.loc["BU19161300", "waarde"])
    assert kw.waarden["waarde"].notna().sum() == 2


def test_profile_against_gemeente_and_programme_area(data):
    p = gebiedsprofiel(data.indicatoren, data.grenzen, data.definities, "BU19160602", "LN").set_index("indicator")
    assert p.loc["kinderen_sociaal_minimum", ["waarde", "gemeente"]].tolist() == [42, 9]
    assert math.isnan(p.loc["huishoudens_bijstand", "waarde"])  # no buurt figure: onbekend
    assert p.loc["huishoudens_bijstand", "programmagebied"] == 580


@pytest.mark.parametrize(
    ("regel", "melding"),
    [
        ("BU19169999,buurt,inwoners,1,aantal,2024,,CBS,", "bestaat niet als buurt"),
        ("WK191601,wijk,onzin,1,aantal,2024,,CBS,", "geen definitie"),
        ("WK191601,wijk,kinderen_sociaal_minimum,veel,%,2024,,CBS,", "geen getal"),
        ("WK191601,wijk,kinderen_sociaal_minimum,3,%,vorig jaar,,CBS,", "peiljaar"),
        ("WK191601,wijk,kinderen_sociaal_minimum,3,%,2024,,,", "bron ontbreekt"),
        ("WK191601,wijk,inwoners_per_woning,2,x,2024,,CBS,", "afgeleide indicator"),
        ("WK191601,wijk,inwoners,5370,aantal,2024,,CBS,", "dubbele combinaties"),
    ],
)
def test_invalid_indicator_rows_are_refused(tmp_path, data, regel, melding):
    pad = tmp_path / "indicatoren.csv"
    shutil.copy(INDICATOREN, pad)
    with pad.open("a", encoding="utf-8") as f:
        f.write(regel + "\n")
    with pytest.raises(DataFout, match=melding):
        laad_indicatoren(data.grenzen, (data.programmagebied,), data.definities, (data.snapshot.kerncijfers, pad))


def _jaren_tabel() -> pd.DataFrame:
    """A small multi-year table: a wijk with two years, its buurt with none, the gemeente undated."""
    rijen = [
        ("WK191606", "wijk", "bevolkingsdichtheid", 7000.0, "2023"),
        ("WK191606", "wijk", "bevolkingsdichtheid", 8049.0, "2024"),
        ("WK191606", "wijk", "inwoners", 4000.0, "2023"),
        ("GM1916", "gemeente", "bevolkingsdichtheid", 2399.0, "2024"),
        ("GM1916", "gemeente", "huishoudens_bijstand", 2000.0, "onbekend"),
    ]
    return pd.DataFrame([{"gebiedscode": c, "niveau": n, "indicator": i, "waarde": w, "eenheid": "", "peiljaar": j,
                          "kwalificatie": "", "bron": "test", "opmerking": "", "afgeleid": False}
                         for c, n, i, w, j in rijen])


def test_the_newest_figure_per_area_is_the_current_one():
    nu = actueel(_jaren_tabel()).set_index(["gebiedscode", "indicator"])
    assert nu.loc[("WK191606", "bevolkingsdichtheid"), "peiljaar"] == "2024"
    assert nu.loc[("WK191606", "inwoners"), "peiljaar"] == "2023"  # no newer figure: the older one stays
    assert nu.loc[("GM1916", "huishoudens_bijstand"), "peiljaar"] == "onbekend"
    assert len(nu) == 4


def test_years_of_an_indicator_and_the_figures_of_one_year():
    t = _jaren_tabel()
    assert peiljaren(t, "bevolkingsdichtheid") == [2023, 2024]
    assert peiljaren(t, "huishoudens_bijstand") == []  # "onbekend" is no year on a time line
    assert set(in_jaar(t, 2023)["indicator"]) == {"bevolkingsdichtheid", "inwoners"}


def test_a_buurt_shows_its_wijks_trend_only_for_comparable_figures(data):
    t = _jaren_tabel()
    dichtheid = verloop(t, data.definities["bevolkingsdichtheid"], "BU19160602", "WK191606")
    assert dichtheid.to_dict() == {2023: 7000.0, 2024: 8049.0}
    assert verloop(t, data.definities["inwoners"], "BU19160602", "WK191606").empty  # a wijk total is no buurt total


def test_derived_figures_are_computed_per_year(data):
    basis = _jaren_tabel()
    woningen = basis[basis["indicator"] == "bevolkingsdichtheid"].assign(indicator="woningvoorraad", waarde=2000.0)
    t = pd.concat([basis, woningen], ignore_index=True)
    afgeleid = met_afgeleide(t, data.grenzen, (data.programmagebied,), data.definities)
    per_woning = afgeleid[(afgeleid["indicator"] == "inwoners_per_woning") & (afgeleid["gebiedscode"] == "WK191606")]
    assert per_woning[["peiljaar", "waarde"]].values.tolist() == [["2023", 2.0]]  # inwoners only in 2023


def test_the_same_figure_in_two_years_is_no_duplicate_but_twice_in_one_year_is(tmp_path, data):
    pad = tmp_path / "indicatoren.csv"
    shutil.copy(INDICATOREN, pad)
    with pad.open("a", encoding="utf-8") as f:
        f.write("WK191601,wijk,inwoners,5000,aantal,2023,,CBS,\n")
    tabel = laad_indicatoren(data.grenzen, (data.programmagebied,), data.definities, (data.snapshot.kerncijfers, pad))
    assert peiljaren(tabel, "inwoners") == [2023, 2024]
    with pad.open("a", encoding="utf-8") as f:
        f.write("WK191601,wijk,inwoners,5001,aantal,2023,,CBS,\n")
    with pytest.raises(DataFout, match="WK191601/inwoners/2023"):
        laad_indicatoren(data.grenzen, (data.programmagebied,), data.definities, (data.snapshot.kerncijfers, pad))
