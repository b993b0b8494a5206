"""«Дополнительный цифровой блок» is KTRU's name for a keyboard's numeric keypad, the card's «Цифровой блок
клавиатуры» (dev2: «без уточнения «дополнительный»»); «дополнительный» still asks another part elsewhere: an
additional power supply is not the card's one supply."""

from __future__ import annotations

from matching.requirements import from_characteristic
from store.schema import Characteristic
from tests.matching.conftest import Shelf, product

LAPTOP = product("NB-1", 'Ноутбук 15,6"', [("Цифровой блок клавиатуры", "есть"), ("Блок питания", "внешний, 65 Вт")])
SHELF = Shelf(LAPTOP)


def presence(name: str) -> str:
    (req,) = from_characteristic(Characteristic(name=name, kind="values", values=["Да"]))
    return SHELF.decide(req, LAPTOP)


def test_the_numeric_keypad_is_the_additional_digital_block():
    assert presence("Наличие дополнительного цифрового блока на клавиатуре") == "yes"


def test_an_additional_part_is_not_the_cards_one():
    assert presence("Наличие дополнительного блока питания") != "yes"
