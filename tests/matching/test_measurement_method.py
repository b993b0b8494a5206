"""A measurement method in a characteristic's name («… по ISO/IEC 24734») says how the value is measured, not which
value: a printer's «Скорость печати» proves «Скорость черно-белой печати в формате А4 по ISO/IEC 24734» (dev2: «без
уточнения «iso»»), while the other qualifiers of the name still must be stated (colour printing of a mono card)."""

from __future__ import annotations

from matching.requirements import from_characteristic, name_tokens
from store.schema import Characteristic
from tests.matching.conftest import Shelf, product

MONO = product("PR-1", "Принтер лазерный A4", [("Скорость печати", 40, "стр/мин"), ("Цветность", "черно-белая")])
COLOUR = product("PR-2", "Принтер лазерный A4", [("Скорость печати", 30, "стр/мин"), ("Цветность", "цветная")])
SHELF = Shelf(MONO, COLOUR)
MONO_ISO = "Скорость черно-белой печати в формате А4 по ISO/IEC 24734, стр/мин"


def speed(card, name: str, low: str) -> str:
    (req,) = from_characteristic(Characteristic(name=name, kind="range", min=low, unit="стр/мин"))
    return SHELF.decide(req, card)


def test_the_method_does_not_qualify_the_value():
    assert speed(MONO, MONO_ISO, "35") == "yes"
    assert speed(MONO, MONO_ISO, "45") == "no"
    assert name_tokens("Скорость печати (по ISO/IEC 24734)") == name_tokens("Скорость печати")


def test_the_rest_of_the_name_still_qualifies():
    assert speed(MONO, "Скорость цветной печати в формате А4 по ISO/IEC 24734, стр/мин", "25") != "yes"
    assert "iso" in name_tokens("Соответствие ISO 9001")  # a standard named without «по» is what is asked
