"""Price advice on generated outcome histories: known discount distributions are recovered, thin data is
called weak, the comparison widens step by step and says which."""

from __future__ import annotations

import random
import statistics
from decimal import Decimal

import pytest

from analytics.price import advice_lines, advise
from store.analytics import refresh_facts
from store.db import init_db, session_scope
from testing.outcome_histories import discount_history, notice, store_cases

NORMAL = statistics.NormalDist(mu=14.0, sigma=5.0)


def _normal(rng: random.Random) -> float:
    return rng.gauss(NORMAL.mean, NORMAL.stdev)


def _uniform(rng: random.Random) -> float:
    return rng.uniform(5.0, 30.0)


@pytest.fixture
def engine(any_db_url: str):
    return init_db(any_db_url)


def _target(session, number: str = "0373000000000000001", **fields) -> str:
    fields.setdefault("nmck", Decimal("1000000.00"))
    store_cases(session, [type("C", (), {"notice": notice(number, **fields), "documents": []})()])
    return number


def test_known_distributions_are_recovered_within_one_point(engine) -> None:
    with session_scope(engine) as session:
        store_cases(session, discount_history(1000, _normal, seed=1))
        store_cases(session, discount_history(1000, _uniform, seed=2, okpd2="62.01.29.000"))
        target = _target(session)
        other = _target(session, "0373000000000000002", okpd2="62.01.29.000")
        refresh_facts(session)
        normal = advise(session, target, price=Decimal("860000.00"))
        uniform = advise(session, other)
    assert normal.cases == 1000 and not normal.weak
    for q, value in normal.quantiles.items():
        assert abs(value - NORMAL.inv_cdf(q)) <= 1.0, (q, value)
    for q, value in uniform.quantiles.items():
        assert abs(value - (5.0 + 25.0 * q)) <= 1.0, (q, value)
    # 860 000 of 1 000 000 is a 14 % discount, the median of N(14, 5): about half the cases are won
    assert normal.win_probability == pytest.approx(0.5, abs=0.04)
    assert normal.anti_dumping_price == Decimal("750000.00")
    assert uniform.price_at(0.5) == (Decimal("1000000") * (100 - Decimal(str(uniform.quantiles[0.5]))) / 100)


def test_few_cases_widen_step_by_step_and_say_the_advice_is_weak(engine) -> None:
    with session_scope(engine) as session:
        # 3 cases in the target's region, 2 more elsewhere in the same band: the second step has 5
        store_cases(session, discount_history(3, _normal, seed=3, region="Свердловская обл."))
        store_cases(session, discount_history(2, _normal, seed=4, region="г. Москва"))
        store_cases(session, discount_history(2, _normal, seed=5, okpd2="58.29.11.000"))
        target = _target(session, region="Свердловская обл.")
        lonely = _target(session, "0373000000000000003", okpd2="58.29.11.000")
        refresh_facts(session)
        widened = advise(session, target)
        weak = advise(session, lonely)
    assert [step.cases for step in widened.steps] == [3, 5]
    assert not widened.weak and widened.cases == 5
    assert "только 3" in widened.notes[0] and "все регионы" in widened.notes[0]
    assert weak.weak and weak.cases == 2
    assert [step.cases for step in weak.steps] == [2, 2, 2, 2, 2]
    text = "\n".join(advice_lines(weak))
    assert "Совет слабый" in text and "только 2" in text and "класс ОКПД2 58" in text
