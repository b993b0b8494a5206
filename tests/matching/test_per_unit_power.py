"""A value counting units («2 × 1200 Вт») read both ways, per unit and in total (issue 15): a bound is decided
only when both readings agree, so the count 2 is never read as the power and neither reading can prove a "yes"
that the other denies. Hand-made card; the "yes" was a wrong "no" before (2 Вт)."""

from __future__ import annotations

from matching.cards import product_card
from matching.compliance import check
from matching.requirements import from_characteristic
from matching.specmatch import SpecVocabulary
from store.schema import Characteristic
from tests.matching.conftest import Shelf, product

SERVER = product("SRV-2", "Сервер 2U", [("Мощность блока питания", "2 × 1200 Вт"), ("Количество процессоров", 2, "шт")])
CARD = product_card(SERVER)
VOCAB = SpecVocabulary([CARD])


def power(**bounds: str) -> str:
    ch = Characteristic(name="Мощность блока питания", kind="range", unit="Вт", **bounds)
    (req,) = from_characteristic(ch)
    return check(req, CARD, VOCAB).status


def test_two_supplies_of_1200_w_meet_a_bound_both_readings_agree_on():
    assert power(min="1000") == "yes"  # each supply and both together
    assert power(min="3000") == "no"  # neither


def test_a_bound_the_readings_disagree_on_stays_for_the_specialist():
    # 1600 Вт each is not met, 1600 Вт together is: the specialist decides what the notice means.
    assert power(min="1600") == "unknown"


SWITCH = product("SW-P", "Коммутатор 24 порта PoE+", [("Бюджет PoE", 370, "Вт"), ("Порты RJ-45", 24, "шт")])
BOTH = {p.sku: product_card(p) for p in (SERVER, SWITCH)}
BOTH_VOCAB = SpecVocabulary(BOTH.values())


def decide(card, name: str, **bounds: str) -> str:
    (req,) = from_characteristic(Characteristic(name=name, kind="range", unit="Вт", **bounds))
    return check(req, BOTH[card.sku], BOTH_VOCAB).status


def test_a_bound_on_each_supply_is_never_met_by_their_total():
    assert decide(SERVER, "Мощность каждого блока питания", min="1600") == "no"
    assert decide(SERVER, "Мощность каждого блока питания", min="1200") == "yes"
    assert decide(SERVER, "Мощность каждого блока питания", max="1300") == "yes"


def test_each_is_read_only_on_a_value_counting_things():
    # The budget of all ports is not the power of each port: «каждый» stays a qualifier the card must state.
    assert decide(SWITCH, "Мощность PoE на каждый порт", min="30") != "yes"


def test_a_total_bound_is_met_by_the_sum_of_the_counted_things():
    assert decide(SERVER, "Суммарная мощность блоков питания", min="2000") == "yes"
    assert decide(SERVER, "Суммарная мощность блоков питания", min="3000") == "no"
    # «Общая» names one thing in KTRU wording as often as a sum: both readings must still agree.
    assert decide(SERVER, "Общая мощность блока питания", min="2000") == "unknown"


REDUNDANT = product("SRV-R", "Сервер 2U", [("Блоки питания", "2 × 1600 Вт, горячая замена (1+1)")])
PLURAL_SHELF = Shelf(SERVER, REDUNDANT)


def supplies(card, name: str, low: str) -> str:
    (req,) = from_characteristic(Characteristic(name=name, kind="range", min=low, unit="Вт"))
    return PLURAL_SHELF.decide(req, card)


def test_a_general_total_of_supplies_in_the_plural_is_their_sum():
    assert supplies(SERVER, "Общая мощность блоков питания", "2000") == "yes"
    assert supplies(SERVER, "Общая мощность блоков питания", "3000") == "no"


def test_supplies_backing_each_other_up_are_never_summed():
    # «(1+1)»: one supply carries the load; 3200 Вт together is no power the server gives.
    assert supplies(REDUNDANT, "Общая мощность блоков питания", "3000") == "unknown"
    assert supplies(REDUNDANT, "Суммарная мощность блоков питания", "3000") == "unknown"
    assert supplies(REDUNDANT, "Общая мощность блоков питания", "1500") == "yes"
