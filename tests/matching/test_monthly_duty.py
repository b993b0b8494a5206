"""KTRU's «Количество печати страниц в месяц» is a printer's maximum monthly duty, the card's «Максимальная месячная
нагрузка» or «Максимальная нагрузка в месяц» (issue 15, dev2/dev3: «характеристика не найдена»). A recommended
monthly volume is another value: never proven by it. Hand-made cards."""

from __future__ import annotations

from matching.cards import product_card
from matching.compliance import check
from matching.namegrammar import item_requirements
from matching.specmatch import SpecVocabulary
from store.schema import Characteristic, Item
from tests.matching.conftest import product

MONTHLY = product("PR-1", "Принтер лазерный", [("Максимальная месячная нагрузка", "100 000 стр.")])
IN_MONTH = product("PR-2", "Принтер лазерный", [("Максимальная нагрузка в месяц", "150 000 стр.")])
ADVISED = product("PR-3", "Принтер лазерный", [("Рекомендуемая месячная нагрузка", "60 000 стр.")])
CARDS = {p.sku: product_card(p) for p in (MONTHLY, IN_MONTH, ADVISED)}
VOCAB = SpecVocabulary(CARDS.values())


def decide(sku: str, least: str) -> str:
    ch = Characteristic(name="Количество печати страниц в месяц", kind="range", min=least, unit="шт")
    (req,) = item_requirements(Item(index=1, name="Принтер", characteristics=[ch]))
    return check(req, CARDS[sku], VOCAB).status


def test_the_maximum_monthly_duty():
    assert decide("PR-1", "50000") == "yes"
    assert decide("PR-2", "50000") == "yes"
    assert decide("PR-1", "120000") == "no"


def test_a_recommended_volume_is_another_value():
    assert decide("PR-3", "50000") == "unknown"
