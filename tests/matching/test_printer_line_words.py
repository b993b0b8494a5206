"""On a printer's or MFP's line (`alignment.json` paraphrases of «принтер», «мфу») «(Максимальный) формат (печати)»
is the card's «Формат» and «Двусторонняя печать: автоматическая» its «Дуплекс: да»; a manual duplex or an A3 format
are not what is asked."""

from __future__ import annotations

from matching.namegrammar import item_requirements
from store.schema import Characteristic, Item
from tests.matching.conftest import Shelf, product

A4 = product("MFP-A4", "МФУ лазерное ч/б A4", [("Формат", "A4"), ("Скорость печати", 33, "стр/мин"), ("Дуплекс", "да")])
A3 = product("MFP-A3", "МФУ лазерное A3", [("Формат", "A3"), ("Скорость печати", 25, "стр/мин"), ("Дуплекс", "ручной")])
SHELF = Shelf(A4, A3)


def asked(line: str, name: str, value: str):
    (req,) = item_requirements(Item(index=1, name=line, characteristics=[
        Characteristic(name=name, kind="values", values=[value])]))  # fmt: skip
    return req


def test_format_and_duplex_in_the_lines_words():
    assert SHELF.decide(asked("МФУ", "Максимальный формат", "A4"), A4) == "yes"
    assert SHELF.decide(asked("Принтер", "Формат печати", "A4"), A4) == "yes"
    assert SHELF.decide(asked("МФУ", "Двусторонняя печать", "автоматическая"), A4) == "yes"


def test_another_format_or_a_manual_duplex_is_not():
    assert SHELF.decide(asked("МФУ", "Максимальный формат", "A4"), A3) != "yes"
    assert SHELF.decide(asked("МФУ", "Двусторонняя печать", "автоматическая"), A3) != "yes"
