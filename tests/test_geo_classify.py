"""Classification: natural breaks for small sets, colours, and the no-data style."""

from __future__ import annotations

import math

from geo.classify import GEEN_GEGEVENS, PALET, kleur_voor, natuurlijke_grenzen


def test_few_values_get_one_class_each():
    klassen = natuurlijke_grenzen([27.0, 42.0, math.nan])
    assert [(k.ondergrens, k.bovengrens) for k in klassen] == [(27, 27), (42, 42)]
    assert [k.kleur for k in klassen] == list(PALET[2])


def test_natural_breaks_separate_clusters():
    waarden = [1, 2, 3, 10, 11, 12, 50, 51, 100, 101, 200, 201, 202]
    klassen = natuurlijke_grenzen(waarden, max_klassen=5)
    assert len(klassen) == 5
    assert [k.ondergrens for k in klassen] == [1, 10, 50, 100, 200]
    assert [k.bovengrens for k in klassen] == [3, 12, 51, 101, 202]


def test_every_value_is_in_exactly_one_class(data):
    waarden = data.indicatoren.query("indicator == 'bevolkingsdichtheid' and niveau == 'wijk'")["waarde"].tolist()
    klassen = natuurlijke_grenzen(waarden)
    for w in waarden:
        assert sum(k.ondergrens <= w <= k.bovengrens for k in klassen) == 1


def test_missing_values_get_the_no_data_colour():
    klassen = natuurlijke_grenzen([1.0, 2.0])
    assert kleur_voor(math.nan, klassen) == GEEN_GEGEVENS
    assert kleur_voor(1.0, []) == GEEN_GEGEVENS
    assert natuurlijke_grenzen([math.nan]) == []


def test_a_national_set_gets_natural_breaks_quickly_covering_every_figure():
    import random

    from geo.classify import kleur_voor

    rng = random.Random(1)
    waarden = [rng.lognormvariate(7, 0.6) for _ in range(15_000)]
    klassen = natuurlijke_grenzen(waarden)  # the exact method would take hours (bench/ measures it)
    assert len(klassen) == 5 and klassen[0].ondergrens == min(waarden) and klassen[-1].bovengrens == max(waarden)
    assert all(a.bovengrens < b.ondergrens for a, b in zip(klassen, klassen[1:]))
    assert {kleur_voor(w, klassen) for w in waarden} == {k.kleur for k in klassen}
