"""A UPS's runtime «Время автономной работы при нагрузке 50 %» is the card's «Время работы от батарей при половинной
нагрузке» («половинная» is 50 %, `synonyms.json`; «автономная работа» of a UPS is its work on batteries,
`alignment.json` paraphrases of «ибп»); a runtime at full load is another value."""

from __future__ import annotations

from matching.namegrammar import item_requirements
from store.schema import Characteristic, Item
from tests.matching.conftest import Shelf, product

UPS = product(
    "UPS-3K", "ИБП онлайн 3 кВА",
    [("Полная мощность", 3000, "ВА"), ("Время работы от батарей при половинной нагрузке", "12 мин")],
)  # fmt: skip
SHELF = Shelf(UPS)


def runtime(name: str) -> str:
    asked = Characteristic(name=name, kind="text", text="не менее 10 минут")
    (req,) = item_requirements(Item(index=1, name="Источник бесперебойного питания", characteristics=[asked]))
    return SHELF.decide(req, UPS)


def test_the_runtime_at_half_load_is_the_cards():
    assert runtime("Время автономной работы при нагрузке 50 %") == "yes"


def test_the_runtime_at_full_load_is_not():
    assert runtime("Время автономной работы при нагрузке 100 %") != "yes"
