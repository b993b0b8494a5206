"""A UPS's «Входное напряжение» is its card's «Вход» (`alignment.json` paraphrases of «ибп», dev7: «Вход: однофазный
220 В» was «не уверены»), and a phase count the input states otherwise («трёхфазный») is no match even where another
spec (the output's «однофазный 220 В») says the asked words (`synonyms.json` conflicts)."""

from __future__ import annotations

from matching.namegrammar import item_requirements
from store.schema import Characteristic, Item
from tests.matching.conftest import Shelf, product

SINGLE = product(
    "UPS-6K", "ИБП онлайн 6 кВА",
    [("Полная мощность", "6", "кВА"), ("Вход", "однофазный 220 В"), ("Выход", "клеммная колодка")],
)  # fmt: skip
THREE = product(
    "UPS-10K", "ИБП онлайн 10 кВА",
    [("Мощность", "10 кВА / 9 кВт"), ("Вход", "трёхфазный 380 В"), ("Выход", "однофазный 220 В")],
)  # fmt: skip
SHELF = Shelf(SINGLE, THREE)


def input_voltage(text: str, card: object) -> str:
    asked = Characteristic(name="Входное напряжение", kind="text", text=text)
    (req,) = item_requirements(Item(index=1, name="Источник бесперебойного питания", characteristics=[asked]))
    return SHELF.decide(req, card)


def test_the_input_states_the_input_voltage():
    assert input_voltage("однофазное 220 В", SINGLE) == "yes"
    assert input_voltage("трехфазное 380 В", THREE) == "yes"


def test_trap_a_three_phase_input_is_no_single_phase_one():
    # the output's «однофазный 220 В» says the asked words: read anywhere on the card, it was a «yes»
    assert input_voltage("однофазное 220 В", THREE) != "yes"
    assert input_voltage("трехфазное 380 В", SINGLE) != "yes"
