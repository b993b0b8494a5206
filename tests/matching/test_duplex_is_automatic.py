"""A printer's or MFP's «Дуплекс» (the noun) is automatic two-sided printing (`synonyms.json` rewrite): «Возможность
автоматической двухсторонней печати: Да» is proven by «Дуплекс: да», never by a manual duplex."""

from __future__ import annotations

from matching.requirements import from_characteristic
from store.schema import Characteristic
from tests.matching.conftest import Shelf, product

DUPLEX = product("MFP-D", "МФУ лазерное ч/б A4, дуплекс", [("Скорость печати", 33, "стр/мин"), ("Дуплекс", "да")])
MANUAL = product("MFP-M", "МФУ лазерное ч/б A4", [("Скорость печати", 33, "стр/мин"), ("Дуплекс", "ручной")])
NONE = product("MFP-N", "МФУ струйное A4", [("Скорость печати", 20, "стр/мин"), ("Дуплекс", "нет")])
SHELF = Shelf(DUPLEX, MANUAL, NONE)
(AUTO_DUPLEX,) = from_characteristic(
    Characteristic(name="Возможность автоматической двухсторонней печати", kind="values", values=["Наличие"])
)


def test_a_duplex_card_proves_automatic_two_sided_printing():
    assert SHELF.decide(AUTO_DUPLEX, DUPLEX) == "yes"


def test_a_manual_or_absent_duplex_does_not():
    assert SHELF.decide(AUTO_DUPLEX, MANUAL) == "no"  # «ручной» is the rival of «автоматический» (operation)
    assert SHELF.decide(AUTO_DUPLEX, NONE) == "no"
