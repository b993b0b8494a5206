"""A port or module listing its rates by slashes with one unit («Скорость: 10/100/1000 Мбит/с») runs at each of them
(issue 15, dev5 18/2: «Поддерживаемые скорости: 10, 100, 1000 Мбит/с» was «no» on it, the slash of «Мбит/с» taken
for a list's and the module's 1000BASE-T name read as its only rate). Traps: a rate none of them is, and a card
stating one rate only, keep their «no»; a bare slash list without a unit and codes such as «100/1000BASE-T» are no
rate list. Hand-made cards."""

from __future__ import annotations

from matching.cards import product_card, slash_listed
from matching.compliance import check
from matching.namegrammar import item_requirements
from matching.specmatch import SpecVocabulary
from store.schema import Characteristic, Item
from tests.matching.conftest import product

CARDS = {
    p.sku: product_card(p)
    for p in (
        product("T", "Модуль SFP 1000BASE-T", [("Скорость", "10/100/1000 Мбит/с"), ("Разъём", "RJ-45")]),
        product("LX", "Модуль SFP 1000BASE-LX", [("Скорость", "1000 Мбит/с"), ("Разъём", "LC")]),
    )
}
VOCAB = SpecVocabulary(CARDS.values())
EVERY = Characteristic(name="Поддерживаемые скорости", kind="values", values=["10 Мбит/с", "100 Мбит/с", "1000 Мбит/с"])


def rate(least: str, most: str | None = None, unit: str = "Мбит/с") -> Characteristic:
    return Characteristic(name="Скорость передачи данных", kind="range", min=least, max=most, unit=unit)


def decide(sku: str, ch: Characteristic) -> str:
    (req,) = item_requirements(Item(index=1, name="Модуль SFP", characteristics=[ch]))
    return check(req, CARDS[sku], VOCAB).status


def test_each_listed_rate_is_offered():
    assert decide("T", EVERY) == "yes"
    assert decide("T", rate("100", "100")) == "yes"
    assert decide("T", rate("1", unit="Гбит/с")) == "yes"


def test_a_rate_not_listed_or_a_single_rate_still_fails():
    assert decide("T", rate("10", unit="Гбит/с")) == "no"
    assert decide("LX", EVERY) == "no"
    assert decide("LX", rate("100", "100")) == "no"


def test_what_is_a_rate_list():
    assert slash_listed("10/100/1000 Мбит/с") == (1e7, 1e8, 1e9)
    assert slash_listed("100/1000BASE-T") is None
    assert slash_listed("10/100/1000") is None
    assert slash_listed("802.3af/at") is None
