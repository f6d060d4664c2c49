"""Trend texts of the profile and the overview."""

from __future__ import annotations

import pandas as pd

from app.formats import verandering_tekst, verloop_tekst


def test_a_trend_names_every_year_and_the_change():
    reeks = pd.Series({2022: 5370.0, 2023: 5400.0, 2024: 5380.0})
    assert verloop_tekst(reeks, "inwoners") == "2022: 5.370; 2023: 5.400; 2024: 5.380 (+10)"
    assert verloop_tekst(pd.Series({2023: 12.5, 2024: 11.0}), "%") == "2023: 12,5 %; 2024: 11 % (-1,5)"
    assert verandering_tekst(pd.Series({2023: 12.5, 2024: 11.0})) == "-1,5 sinds 2023"


def test_one_year_has_no_trend():
    assert verloop_tekst(pd.Series({2024: 1.0}), "%") == ""
    assert verandering_tekst(pd.Series(dtype=float)) == ""
