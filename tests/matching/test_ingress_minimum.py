"""An ingress code asked as a minimum ("не ниже IP54") is proven by a code at least as high digit by digit, on the
card's own protection only (issue 15: a false "yes" costs a bid). Hand-made cards."""

from __future__ import annotations

from matching.cards import product_card
from matching.compliance import check
from matching.requirements import from_characteristic
from matching.specmatch import SpecVocabulary
from store.schema import Characteristic
from tests.matching.conftest import product

OUTDOOR = product("AP-O", "Точка доступа уличная", [("Степень защиты", "IP65"), ("Стандарт Wi-Fi", "802.11ac")])
ADAPTER_ONLY = product("AP-A", "Точка доступа", [("Степень защиты блока питания", "IP65"), ("Монтаж", "потолочный")])
SUBMERSIBLE = product("CAM-W", "Камера подводная", [("Степень защиты", "IP68"), ("Разрешение", "1920x1080")])
OTHERS = [
    product("PC-1", "Системный блок", [("Материал корпуса", "сталь"), ("Цвет корпуса", "черный"), ("Адаптер", "нет")]),
    product("NB-1", "Ноутбук", [("Цвет корпуса", "серый"), ("Адаптер питания", 65, "Вт"), ("Вес", 1.4, "кг")]),
]
CARDS = {p.sku: product_card(p) for p in (OUTDOOR, ADAPTER_ONLY, SUBMERSIBLE, *OTHERS)}
VOCAB = SpecVocabulary(CARDS.values())


def decide(card, name: str, text: str) -> str:
    (req,) = from_characteristic(Characteristic(name=name, kind="text", text=text))
    return check(req, CARDS[card.sku], VOCAB).status


def test_a_higher_code_meets_a_minimum_digit_by_digit():
    assert decide(OUTDOOR, "Степень защиты", "не ниже IР54") == "yes"  # a Cyrillic Р
    assert decide(OUTDOOR, "Степень защиты корпуса", "не ниже IP54") == "yes"
    assert decide(OUTDOOR, "Степень защиты корпуса", "не ниже IP65") == "yes"
    assert decide(OUTDOOR, "Степень защиты", "не ниже IP66") == "no"


def test_a_bare_code_may_be_exact():
    assert decide(OUTDOOR, "Степень защиты", "IP54") == "unknown"


def test_another_parts_protection_is_not_the_cards():
    assert decide(OUTDOOR, "Степень защиты блока питания", "не ниже IP54") == "unknown"
    assert decide(OUTDOOR, "Степень защиты адаптера", "не ниже IP54") == "unknown"
    # Nor the other way round: the card's power supply protection says nothing of the product's.
    assert decide(ADAPTER_ONLY, "Степень защиты", "не ниже IP54") == "unknown"


def test_each_digit_at_least_as_high_meets_a_minimum():
    # Notices mean «не ниже IP65» digit by digit (the labelled parts: IP67 and IP68 meet it).
    assert decide(SUBMERSIBLE, "Степень защиты", "не ниже IP65") == "yes"
    assert decide(SUBMERSIBLE, "Степень защиты", "не ниже IP68") == "yes"
    assert decide(OUTDOOR, "Степень защиты", "не ниже IP56") != "yes"  # 6 ≥ 5 but 5 < 6: both digits count
    assert decide(SUBMERSIBLE, "Степень защиты", "не ниже IP69") != "yes"
