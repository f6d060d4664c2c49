"""Periods of overlast items and meldingen per 1,000 inwoners."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from geo.indicators import kaartwaarden
from geo.meldingen import INDICATOR, in_periode, jaren, per_1000_inwoners


@pytest.mark.parametrize(("periode", "verwacht"), [
    ("2022", (2022, 2022)), ("2021-2022", (2021, 2022)), ("2026-11-20", (2026, 2026)), ("", None), ("ooit", None),
])
def test_years_of_a_period(periode, verwacht):
    assert jaren(periode) == verwacht


def test_items_without_years_stay_visible_in_every_period():
    periodes = pd.Series(["2021-2022", "2025-03-01", "", "onbekend"])
    assert in_periode(periodes, 2022, 2024).tolist() == [True, False, True, True]
    assert in_periode(periodes, 2025, 2026).tolist() == [False, True, True, True]


def _meldingen(*codes: str) -> pd.DataFrame:
    return pd.DataFrame({"gebiedscode": list(codes), "datum": ["2026-05-01"] * len(codes)})


def test_rate_per_wijk_programme_area_and_gemeente(data):
    hotspots = pd.concat([data.programma.hotspots.assign(datum=""),  # themes of the programme: not counted
                          _meldingen("BU19160200", "BU19160201", "WK191602", "LN", "BU19160100")])
    rijen = per_1000_inwoners(hotspots, data.indicatoren, data.grenzen, data.programmagebied,
                              data.definities[INDICATOR], date(2026, 11, 25))
    per = {r["gebiedscode"]: r for r in rijen}
    inwoners = data.indicatoren[data.indicatoren["indicator"] == "inwoners"].set_index("gebiedscode")["waarde"]
    assert per["WK191602"]["waarde"] == round(3 / inwoners["WK191602"] * 1000, 2)  # two buurten + the wijk itself
    assert per["LN"]["waarde"] == round(4 / inwoners["LN"] * 1000, 2)  # the LN-wide melding counts for LN only
    assert per["GM1916"]["waarde"] == round(5 / inwoners["GM1916"] * 1000, 2)
    assert per["WK191606"]["waarde"] == 0 and per["WK191602"]["peiljaar"] == "2026"
    assert "registratie van het wijkteam" in per["WK191602"]["bron"]


def test_no_dated_meldingen_gives_no_figure(data):
    assert per_1000_inwoners(data.programma.hotspots.assign(datum=""), data.indicatoren, data.grenzen,
                             data.programmagebied, data.definities[INDICATOR], date(2026, 11, 25)) == []


def test_a_buurt_shows_its_wijks_rate_on_the_map(data):
    rijen = per_1000_inwoners(_meldingen("BU19160200"), data.indicatoren, data.grenzen, data.programmagebied,
                              data.definities[INDICATOR], date(2026, 11, 25))
    tabel = pd.concat([data.indicatoren, pd.DataFrame(rijen)], ignore_index=True)
    kw = kaartwaarden(tabel, data.grenzen.buurten, data.definities[INDICATOR])
    assert kw.waarden.loc["BU19160201", "niveau"] == "wijk" and kw.waarden.loc["BU19160201", "waarde"] > 0


def test_the_rate_is_in_the_current_figures_and_in_every_year(data):
    from geo.bundel import met_bewerkbaar
    from geo.programma import lees_bewerkbaar

    bewerkbaar = lees_bewerkbaar()
    melding = bewerkbaar["hotspots"].iloc[[0]].assign(id="m1", datum="2026-05-01", gebiedscode="WK191602", plaatsen="")
    hotspots = pd.concat([bewerkbaar["hotspots"], melding]).fillna("")  # as the store gives them: text cells
    met = met_bewerkbaar(data, {**bewerkbaar, "hotspots": hotspots}, date(2026, 11, 25))
    for tabel in (met.indicatoren, met.reeksen):  # the map and the 'Alle cijfers' table of Over de gegevens
        assert (tabel["indicator"] == INDICATOR).any()
