"""A UPS's runtime stated at several loads in one value («Время работы: 12 мин при 50 % нагрузки, 4 мин при 100 %»,
«Автономия: 5 мин при полной нагрузке, 14 мин при половинной (встроенные АКБ)», dev7): «Время автономной работы при
нагрузке 50 %» is decided on the time stated at 50 % («половинная» is 50 %, «полная» 100 %); a time stated with
external batteries or battery packs is no runtime of the UPS as delivered."""

from __future__ import annotations

from matching.namegrammar import item_requirements
from store.schema import Characteristic, Item
from tests.matching.conftest import Shelf, product

PERCENTS = product(
    "UPS-3K", "ИБП онлайн 3 кВА",
    [("Мощность", "3000 ВА / 3000 Вт"), ("Время работы", "12 мин при 50 % нагрузки, 4 мин при 100 %")],
)  # fmt: skip
WORDS = product(
    "UPS-10K", "ИБП онлайн 10 кВА",
    [("Мощность", "10 кВА / 9 кВт"),
     ("Автономия", "5 мин при полной нагрузке, 14 мин при половинной (встроенные АКБ)")],
)  # fmt: skip
EXTERNAL = product(
    "UPS-3KX", "ИБП онлайн 3 кВА",
    [("Мощность", "3000 ВА"), ("Время работы", "4 мин при 100 %, 12 мин при 50 % с внешними батареями")],
)  # fmt: skip
PACKS = product(
    "UPS-3KP", "ИБП онлайн 3 кВА",
    [("Мощность", "3000 ВА"), ("Время работы", "4 мин при 100 % нагрузки, 30 мин при 50 % (с батарейными блоками)")],
)  # fmt: skip
SHELF = Shelf(PERCENTS, WORDS, EXTERNAL, PACKS)


def runtime(name: str, text: str, card: object) -> str:
    asked = Characteristic(name=name, kind="text", text=text)
    (req,) = item_requirements(Item(index=1, name="Источник бесперебойного питания", characteristics=[asked]))
    return SHELF.decide(req, card)


def test_the_time_at_the_asked_load_decides():
    for card in (PERCENTS, WORDS):
        assert runtime("Время автономной работы при нагрузке 50 %", "не менее 10 мин", card) == "yes"
        assert runtime("Время автономной работы при нагрузке 100 %", "не менее 4 мин", card) == "yes"
        assert runtime("Время автономной работы при нагрузке 100 %", "не менее 10 мин", card) == "no"


def test_a_load_the_card_does_not_state_decides_nothing():
    assert runtime("Время автономной работы при нагрузке 70 %", "не менее 3 мин", PERCENTS) == "unknown"


def test_trap_a_time_with_external_batteries_is_not_the_ups_own():
    # read by its label alone, «12 мин при 50 % с внешними батареями» was a «yes» for the 50 % runtime
    assert runtime("Время автономной работы при нагрузке 50 %", "не менее 10 мин", EXTERNAL) == "unknown"
    assert runtime("Время автономной работы при нагрузке 50 %", "не менее 10 мин", PACKS) == "unknown"
    assert runtime("Время автономной работы при нагрузке 100 %", "не менее 4 мин", EXTERNAL) == "yes"
