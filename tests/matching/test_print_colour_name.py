"""On a printer's or MFP's line «Цветность печати» is the card's «Цветность» (`alignment.json` paraphrases of
«принтер», «мфу»); a card's colour of scanning is not the colour of printing."""

from __future__ import annotations

from matching.namegrammar import item_requirements
from store.schema import Characteristic, Item
from tests.matching.conftest import Shelf, product

MONO = product("MFP-M", "МФУ лазерное A4", [("Цветность", "черно-белая"), ("Скорость печати", 33, "стр/мин")])
COLOUR = product("MFP-C", "МФУ струйное A4", [("Цветность", "цветная"), ("Скорость печати", 20, "стр/мин")])
SCAN = product("MFP-S", "МФУ лазерное A4", [("Цветность сканирования", "цветная"), ("Скорость печати", 30, "стр/мин")])
SHELF = Shelf(MONO, COLOUR, SCAN)


def asked(line: str, name: str, value: str):
    (req,) = item_requirements(Item(index=1, name=line, characteristics=[
        Characteristic(name=name, kind="values", values=[value])]))  # fmt: skip
    return req


def test_print_colour_of_an_mfp_line_is_the_cards_colour():
    assert SHELF.decide(asked("МФУ", "Цветность печати", "Монохромная"), MONO) == "yes"
    assert SHELF.decide(asked("Принтер", "Цветность печати", "Цветная"), COLOUR) == "yes"
    assert SHELF.decide(asked("МФУ", "Цветность печати", "Цветная"), MONO) == "no"


def test_the_colour_of_scanning_does_not_prove_it():
    assert SHELF.decide(asked("МФУ", "Цветность печати", "Цветная"), SCAN) != "yes"
