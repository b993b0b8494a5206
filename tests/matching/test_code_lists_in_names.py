"""A code a line's name lists with several numbers ("с RAID 5 и RAID 6", "с RAID 1, 5 и 6") asks every one of
them (issue 15: only RAID 5 was read, so a NAS without RAID 6 was "yes"). Hand-made cards."""

from __future__ import annotations

from matching.compliance import check, overall
from matching.namegrammar import name_requirements
from tests.matching.conftest import Shelf, product

ALL_LEVELS = product("NAS-A", "Сетевое хранилище", [("Поддержка RAID", "0, 1, 5, 6, 10"), ("Отсеки", 4, "шт")])
NO_SIX = product(
    "NAS-5", "Сетевое хранилище", [("Поддержка RAID", "0, 1, 5"), ("Количество портов", 6, "шт"), ("Отсеки", 4, "шт")]
)  # fmt: skip
SIXTY = product("NAS-60", "Сетевое хранилище", [("Поддержка RAID", "0, 1, 5, 50, 60"), ("Отсеки", 8, "шт")])
SHELF = Shelf(ALL_LEVELS, NO_SIX, SIXTY)


def verdict(line: str, card) -> str:
    return overall([check(r, SHELF.cards[card.sku], SHELF.vocab) for r in name_requirements(line)])


def test_every_listed_number_is_a_code_of_its_own():
    assert [r.text for r in name_requirements("Сетевое хранилище с RAID 5 и RAID 6")] == ["RAID 5", "RAID 6"]
    assert [r.text for r in name_requirements("Сетевое хранилище с RAID 1, 5 и 6")] == ["RAID 1", "RAID 5", "RAID 6"]


def test_a_number_of_something_else_does_not_continue_the_list():
    texts = [r.text for r in name_requirements("Сетевое хранилище с RAID 5 и 2 дисками") if r.kind == "text"]
    assert texts == ["RAID 5"]
    texts = [r.text for r in name_requirements("Сервер с RAID 10, 2U") if r.kind == "text"]
    assert texts == ["RAID 10"]


def test_the_card_must_list_every_level():
    assert verdict("Сетевое хранилище с RAID 5 и RAID 6", ALL_LEVELS) == "yes"
    # A 6 elsewhere on the card (six ports) or a 60 is not RAID 6.
    assert verdict("Сетевое хранилище с RAID 5 и RAID 6", NO_SIX) != "yes"
    assert verdict("Сетевое хранилище с RAID 5 и RAID 6", SIXTY) != "yes"
