"""URL parameters: only allowed values pass, everything else gives a Dutch notice."""

from __future__ import annotations

from app import settings as s
from app.formats import markdown_veilig
from app.url_state import MAX_LENGTE, Parameter, als_query, lees

PARAMETERS = [
    Parameter("gebied", "k_gebied", {"LN": "LN", "BU19160602": "BU19160602"}, "LN", "gebiedscode"),
    Parameter("opgave", "k_opgaven", s.OPGAVE_URL, list(s.OPGAVE_URL.values()), "opgave", meervoud=True),
]


def test_valid_values_become_widget_values():
    waarden, meldingen = lees({"gebied": "BU19160602", "opgave": "wonen,onderwijs,wonen"}, PARAMETERS)
    assert meldingen == []
    assert waarden == {"k_gebied": "BU19160602", "k_opgaven": ["Fijn en veilig wonen", "Onderwijs en jeugd"]}


def test_empty_list_is_a_valid_choice():
    assert lees({"opgave": ""}, PARAMETERS) == ({"k_opgaven": []}, [])


def test_unknown_values_and_parameters_give_notices_and_no_value():
    waarden, meldingen = lees({"gebied": "__import__('os')", "opgave": "wonen,zzz", "pagina": "1"}, PARAMETERS)
    assert waarden == {}
    assert len(meldingen) == 3
    assert any("onbekende gebiedscode '__import__('os')'" in m for m in meldingen)
    assert any("onbekende opgave 'zzz'" in m for m in meldingen)
    assert any("onbekende instelling 'pagina'" in m for m in meldingen)


def test_overlong_values_are_refused_unread():
    waarden, meldingen = lees({"gebied": "LN" * MAX_LENGTE}, PARAMETERS)
    assert waarden == {} and len(meldingen) == 1 and "…" in meldingen[0]


def test_query_round_trips():
    staat = {"k_gebied": "BU19160602", "k_opgaven": ["Onderwijs en jeugd"]}
    query = als_query(staat, PARAMETERS)
    assert query == {"gebied": "BU19160602", "opgave": "onderwijs"}
    assert lees(query, PARAMETERS) == (staat, [])


def test_markdown_from_a_url_or_file_is_shown_literally():
    veilig = markdown_veilig("![x](http://example.org/a.png) <b>$x$</b> :material/home: *vet* `code`")
    for teken in "[]<>$:*`":
        assert f"\\{teken}" in veilig
    assert "\\](http" in veilig  # the bracket is escaped: no link or image can form
    assert markdown_veilig("- 1. lijst") == "\\- 1. lijst" and markdown_veilig("2. punt") == "2\\. punt"
    assert markdown_veilig("ruim 2.000 huishoudens (2022)") == "ruim 2.000 huishoudens (2022)"
    assert markdown_veilig("regel\nnieuwe regel") == "regel nieuwe regel"


def test_a_moving_default_stays_out_of_the_link():
    tot = Parameter("tot", "kaart_tot", {"2025": 2025, "2026": 2026}, 2026, "eindjaar", alleen_als_gekozen=True)
    assert als_query({"kaart_tot": 2026}, [tot]) == {}
    assert als_query({"kaart_tot": 2025}, [tot]) == {"tot": "2025"}


def test_an_alias_and_any_case_open_the_same_choice():
    """A hand-typed or older link: ?buurt=bu19160602 on the profile (whose own name is ?gebied=)."""
    p = Parameter("gebied", "gebied_key", {"BU19160602": "BU19160602", "LN": "LN"}, "LN", "gebiedscode",
                  aliassen=("buurt",))
    assert lees({"buurt": "bu19160602"}, [p]) == ({"gebied_key": "BU19160602"}, [])
    assert als_query({"gebied_key": "BU19160602"}, [p]) == {"gebied": "BU19160602"}  # written under its own name


def test_a_het_word_gets_onbekend():
    p = Parameter("van", "van_key", {"2022": 2022}, 2022, "beginjaar", lidwoord="het")
    assert lees({"van": "1800"}, [p])[1] == ["De link bevat een onbekend beginjaar '1800'; de standaardkeuze wordt getoond."]
