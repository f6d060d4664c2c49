"""The one rule set for forms and imports (geo/beheer.py)."""

from __future__ import annotations

from datetime import date

import pytest

from geo.beheer import (
    SOORT_ACTIE,
    SOORT_HOTSPOT,
    Gebiedscontext,
    valideer,
    valideer_punt,
)
from geo.bundel import gebiedscontext

VANDAAG = date(2026, 11, 25)
ACTIE = {"naam": "Buurtbarbecue", "opgave": "Fijn en veilig wonen", "status": "gepland", "jaar": "2026",
         "gebiedscode": "WK191602", "bron_omschrijving": "Wijkteam"}
MELDING = {"thema": "Rattenoverlast", "datum": "2026-11-01", "gebiedscode": "BU19160200", "bron": "S000"}


@pytest.fixture(scope="module")
def context(data) -> Gebiedscontext:
    return gebiedscontext(data)


def test_valid_rows_pass_and_text_is_kept_literally(context):
    rij, fouten = valideer(SOORT_ACTIE, {**ACTIE, "omschrijving": "<script>alert(1)</script>"}, context, VANDAAG)
    assert fouten == [] and rij["omschrijving"] == "<script>alert(1)</script>"
    rij, fouten = valideer(SOORT_HOTSPOT, MELDING, context, VANDAAG)
    assert fouten == [] and rij["periode"] == "2026"  # the period follows from the date


@pytest.mark.parametrize(("wijziging", "reden"), [
    ({"naam": ""}, "naam ontbreekt"),
    ({"opgave": "Sport"}, "opgave moet een van"),
    ({"status": "klaar"}, "status moet gestart of gepland zijn"),
    ({"jaar": "2025-2022"}, "periode moet een jaartal"),
    ({"bron_omschrijving": ""}, "bron ontbreekt"),
    ({"bron": "S999"}, "onbekende bron 'S999'"),
    ({"gebiedscode": ""}, "locatie ontbreekt"),
    ({"gebiedscode": "BU00000000"}, "onbekend gebied"),
    ({"naam": "x" * 201}, "langer dan 200 tekens"),
    ({"partners": "a\x00b"}, "onzichtbare stuurtekens"),
    ({"lon": "4.41", "lat": "52.5"}, "ligt buiten de gemeente"),
    ({"lon": "vier", "lat": "52"}, "moeten allebei een getal zijn"),
    ({"lon": "nan", "lat": "52"}, "moeten allebei een getal zijn"),
    ({"jaar": "2024-9999"}, "periode moet tussen 2000 en 2050 liggen"),
])
def test_each_rule_gives_a_dutch_reason(context, wijziging, reden):
    _, fouten = valideer(SOORT_ACTIE, {**ACTIE, **wijziging}, context, VANDAAG)
    assert any(reden in f for f in fouten), fouten


@pytest.mark.parametrize(("datum", "reden"), [
    ("2027-01-01", "datum ligt in de toekomst"), ("01-11-2026", "geen datum in de vorm JJJJ-MM-DD"),
    ("20261101", "geen datum in de vorm JJJJ-MM-DD"), ("2026-02-30", "geen datum in de vorm JJJJ-MM-DD"),
    ("0224-05-01", "datum ligt voor 2000"),
])
def test_a_melding_date_is_a_real_past_date(context, datum, reden):
    rij, fouten = valideer(SOORT_HOTSPOT, {**MELDING, "datum": datum}, context, VANDAAG)
    assert any(reden in f for f in fouten) and rij["periode"] == ""  # no period made from a bad date


def test_the_date_decides_the_period(context):
    rij, _ = valideer(SOORT_HOTSPOT, {**MELDING, "datum": "2025-03-01", "periode": "2026"}, context, VANDAAG)
    assert rij["periode"] == "2025"


def test_a_melding_without_date_needs_a_period(context):
    _, fouten = valideer(SOORT_HOTSPOT, {**MELDING, "datum": ""}, context, VANDAAG)
    assert any("datum ontbreekt" in f for f in fouten)
    assert valideer(SOORT_HOTSPOT, {**MELDING, "datum": "", "periode": "2021-2022"}, context, VANDAAG)[1] == []


def test_a_point_fills_in_its_buurt_and_wins_over_the_area(context):
    rij, fouten = valideer(SOORT_ACTIE, {**ACTIE, "lon": "4,3984", "lat": "52,0956"}, context, VANDAAG)
    assert fouten == [] and rij["gebiedscode"] == "BU19160200" and rij["lon"] == "4.398400"
    assert valideer_punt("4.41", "52.5", context)[0] is None


@pytest.mark.parametrize("getypt", ["2022–2025", "2022 - 2025", "2022—2025", "2022-2025"])
def test_a_range_of_years_as_the_app_shows_it_is_accepted_and_stored_in_one_form(context, getypt):
    """The app writes periods with an en dash; copied back into the form they were refused."""
    rij, fouten = valideer(SOORT_ACTIE, {**ACTIE, "jaar": getypt}, context, VANDAAG)
    assert fouten == [] and rij["jaar"] == "2022-2025"
    rij, fouten = valideer(SOORT_HOTSPOT, {**MELDING, "datum": "", "periode": getypt}, context, VANDAAG)
    assert fouten == [] and rij["periode"] == "2022-2025"
