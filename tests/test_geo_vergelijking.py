"""Comparison against the gemeente, the overview of all areas, items per area."""

from __future__ import annotations

import math

import pytest

from geo.indicators import Indicator
from geo.programma import buurten_van, items_voor_gebied
from geo.schema import ONBEKEND
from geo.vergelijking import (
    GELIJK,
    GUNSTIGER,
    HOGER,
    LAGER,
    NIET_VERGELIJKBAAR,
    ONGUNSTIGER,
    overzicht,
    vergelijk,
    verschil,
)


def _ind(beter: str, vergelijkbaar: bool = True) -> Indicator:
    return Indicator("x", "X", "%", (), beter, vergelijkbaar, False, "")


@pytest.mark.parametrize(
    ("beter", "waarde", "gemeente", "woord"),
    [
        ("lager", 42, 9, ONGUNSTIGER),
        ("lager", 5, 9, GUNSTIGER),
        ("hoger", 5, 9, ONGUNSTIGER),
        ("hoger", 12, 9, GUNSTIGER),
        ("neutraal", 12, 9, HOGER),
        ("neutraal", 2, 9, LAGER),
        ("lager", 9, 9, GELIJK),
        ("lager", math.nan, 9, ONBEKEND),
        ("lager", 9, math.nan, ONBEKEND),
    ],
)
def test_comparison_follows_the_direction_of_better(beter, waarde, gemeente, woord):
    assert vergelijk(_ind(beter), waarde, gemeente) == woord


def test_totals_are_never_compared_with_the_gemeente_total():
    totaal = _ind("neutraal", vergelijkbaar=False)
    assert vergelijk(totaal, 3250, 78229) == NIET_VERGELIJKBAAR
    assert math.isnan(verschil(totaal, 3250, 78229))


def test_definitions_say_which_figures_compare(data):
    vergelijkbaar = {i for i, d in data.definities.items() if d.vergelijkbaar}
    assert vergelijkbaar == {"kinderen_sociaal_minimum", "bijstand_langer_dan_jaar", "bevolkingsdichtheid", "inwoners_per_woning",
                            "meldingen_per_1000_inwoners", "gemiddelde_huishoudensgrootte", "aandeel_0_tot_15",
                            "aandeel_65_plus", "woz_waarde", "inkomen_per_inwoner", "huishoudens_laag_inkomen",
                            "huishoudens_sociaal_minimum", "bijstand_per_1000_inwoners"}
    # counts never compare: a buurt total is not a gemeente total
    assert not {"inwoners", "huishoudens", "personen_bijstand", "inwoners_0_tot_15"} & vergelijkbaar
    # a share of the gemeente total is a percentage, yet not comparable with the gemeente
    assert not data.definities["aandeel_bijstand_gemeente"].vergelijkbaar


def test_overview_has_every_buurt_with_wijk_fallback_and_unknowns(data):
    lang = overzicht(data, "buurt", ["kinderen_sociaal_minimum", "bevolkingsdichtheid"])
    assert len(lang) == 2 * 43
    per = lang.set_index(["code", "indicator"])
    assert per.loc[("BU19160602", "kinderen_sociaal_minimum"), "vergelijking"] == ONGUNSTIGER
    assert per.loc[("BU19160602", "bevolkingsdichtheid"), "niveau"] == "wijk"  # CBS gives wijk figures only
    onbekend = per.loc[("BU19160100", "kinderen_sociaal_minimum")]
    assert math.isnan(onbekend["waarde"]) and onbekend["vergelijking"] == ONBEKEND  # never 0
    assert set(lang.loc[lang["in_programma"], "code"]) == set(data.programmagebied.buurten)


def test_overview_of_wijken_marks_the_programme_wijken(data):
    lang = overzicht(data, "wijk", ["inwoners_per_woning"])
    assert len(lang) == 13
    assert set(lang.loc[lang["in_programma"], "naam"]) == {"Prinsenhof", "De Heuvel / Amstelwijk"}
    with pytest.raises(ValueError):
        overzicht(data, "provincie", ["inwoners"])


def test_items_concern_an_area_when_their_areas_overlap(data):
    items = data.programma.items
    assert buurten_van(data.grenzen, data.programmagebied, "WK191602") == {"BU19160200", "BU19160201"}
    voor_buurt = items_voor_gebied(items, data.grenzen, data.programmagebied, "BU19160200")
    assert set(voor_buurt["reikwijdte"]) == {"groter gebied: Leidschendam-Noord", "groter gebied: Prinsenhof"}
    voor_noord = items_voor_gebied(items, data.grenzen, data.programmagebied, data.programmagebied.code)
    assert len(voor_noord) == len(items)
    assert "deel van dit gebied: Prinsenhof" in set(voor_noord["reikwijdte"])
    assert items_voor_gebied(items, data.grenzen, data.programmagebied, "BU19161300").empty  # outside the programme
