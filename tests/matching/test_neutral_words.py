"""A qualifier that never changes which value is meant («номинальная», «выходная») does not tell which spec holds
the value either: «Номинальная полная мощность» is the card's «Полная мощность» (issue 15: left "unknown" at a
name similarity of 0.57). A scope the card's spec adds («Максимальная мощность») still keeps it apart, and
«встроенная» memory is not read as the card's memory. Hand-made cards."""

from __future__ import annotations

from matching.namegrammar import item_requirements
from matching.specmatch import SURE_SPEC_SCORE, spec_score
from store.schema import Characteristic, Item
from tests.matching.conftest import Shelf, product

UPS = product("UPS-3", "ИБП 3 кВА", [("Полная мощность", 3000, "ВА"), ("Активная мощность", 2700, "Вт")])
PEAK = product("UPS-P", "ИБП", [("Максимальная мощность", 3300, "ВА"), ("Вес", 30, "кг")])
TABLET = product("TB-1", "Планшет", [("Память", 64, "ГБ"), ("Оперативная память", 4, "ГБ")])
# A catalogue where power is common and «полная» rare (as in the dev part): a rare word weighs most.
FAMILY = [product(f"PSU-{n}", f"Блок питания {n} Вт", [("Мощность", n, "Вт"), ("Активная мощность", n * 0.9, "Вт"),
                                                    ("Форм-фактор", "ATX")]) for n in (400, 500, 600, 800, 1000)]
OTHERS = [product(f"SW-{n}", "Коммутатор", [("Порты RJ-45", n, "шт"), ("Уровень", "L2"), ("Высота", 1, "U"),
                                             ("Управление", "управляемый")]) for n in range(8, 40, 2)]
SHELF = Shelf(UPS, PEAK, TABLET, *FAMILY, *OTHERS)


def at_least(name: str, value: str, unit: str, line: str = "Источник бесперебойного питания"):
    """The requirement as a line of that name aligns it (a UPS reads «Полная мощность» as its «Мощность»)."""
    ch = Characteristic(name=name, kind="range", min=value, unit=unit)
    (req,) = item_requirements(Item(index=1, name=line, characteristics=[ch]))
    return req


def test_a_neutral_qualifier_does_not_hide_the_spec():
    assert SHELF.decide(at_least("Номинальная полная мощность", "3000", "ВА"), UPS) == "yes"
    assert SHELF.decide(at_least("Номинальная полная мощность", "3200", "ВА"), UPS) == "no"
    assert SHELF.decide(at_least("Выходная активная мощность", "2500", "Вт"), UPS) == "yes"


def test_a_neutral_qualifier_weighs_nothing_in_finding_the_spec():
    card = SHELF.cards["UPS-3"]
    plain, qualified = at_least("Полная мощность", "3000", "ВА"), at_least("Номинальная полная мощность", "3000", "ВА")
    power = card.specs[0]
    assert spec_score(qualified, power, SHELF.vocab) == spec_score(plain, power, SHELF.vocab) >= SURE_SPEC_SCORE
    # A telling one («встроенная») still weighs.
    memory = SHELF.cards["TB-1"].specs[0]
    built_in = at_least("Встроенная память", "32", "ГБ", "Планшет")
    assert spec_score(built_in, memory, SHELF.vocab) < spec_score(at_least("Память", "32", "ГБ", "Планшет"), memory,
                                                                  SHELF.vocab)  # fmt: skip


def test_a_scope_of_the_cards_spec_still_keeps_it_apart():
    assert SHELF.decide(at_least("Номинальная мощность", "3000", "ВА"), PEAK) != "yes"


def test_built_in_memory_is_not_the_cards_memory():
    assert SHELF.decide(at_least("Объем встроенной памяти", "32", "ГБ", "Планшет"), TABLET) == "unknown"
