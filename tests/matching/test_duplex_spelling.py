"""«двухсторонний» is the other spelling of «двусторонний» (`synonyms.json` group): «Возможность автоматической
двухсторонней печати: Да» is proven by a card's «Двусторонняя печать: автоматическая», not by a manual one."""

from __future__ import annotations

from matching.normalise import tokens
from matching.requirements import from_characteristic
from store.schema import Characteristic
from tests.matching.conftest import Shelf, product

AUTO = product(
    "PR-A", "Принтер лазерный A4", [("Скорость печати", 30, "стр/мин"), ("Двусторонняя печать", "автоматическая")]
)
MANUAL = product("PR-M", "Принтер лазерный A4", [("Скорость печати", 30, "стр/мин"), ("Двусторонняя печать", "ручная")])
SHELF = Shelf(AUTO, MANUAL)
(AUTO_DUPLEX,) = from_characteristic(
    Characteristic(name="Возможность автоматической двухсторонней печати", kind="values", values=["Да"])
)


def test_both_spellings_are_one_word():
    assert tokens("двухсторонняя печать") == tokens("Двусторонняя печать")


def test_an_automatic_duplex_card_proves_automatic_two_sided_printing():
    assert SHELF.decide(AUTO_DUPLEX, AUTO) == "yes"


def test_a_manual_duplex_card_does_not():
    assert SHELF.decide(AUTO_DUPLEX, MANUAL) != "yes"
