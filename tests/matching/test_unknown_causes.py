"""Causes of "unknown" where the catalogue decides (issue 15, second pass): one test per cause, each written on
hand-made products and failing on the matcher before the fix."""

from __future__ import annotations

from matching.cards import product_card
from matching.compliance import check
from matching.requirements import from_characteristic
from matching.specmatch import SpecVocabulary
from store.schema import Characteristic
from tests.matching.conftest import product

PRINTER = product(
    "PR-1", "Принтер офисный",
    [("Цветность", "цветная"), ("Разрешение печати", "1200x1200"), ("Объём ОЗУ", 512, "МБ"),
     ("Частоты радиомодуля", "2,4 и 5 ГГц"), ("Поддерживаемые уровни RAID", "0, 1, 5, 6")],
)  # fmt: skip
CARDS = [product_card(PRINTER)]
VOCAB = SpecVocabulary(CARDS)


def decide(ch: Characteristic) -> str:
    (req,) = from_characteristic(ch)
    return check(req, CARDS[0], VOCAB).status


def test_a_more_specific_wording_of_the_whole_spec_name_is_that_spec():
    # "Цветность отпечатков" says every word of "Цветность" and more: it is that spec, both ways.
    assert decide(Characteristic(name="Цветность отпечатков", kind="values", values=["цветная"])) == "yes"
    assert decide(Characteristic(name="Цветность отпечатков", kind="values", values=["монохромная"])) == "no"


def test_a_number_beyond_the_spec_name_is_not_a_wording():
    # "Поддерживаемые уровни RAID 10": the 10 is a value the spec must hold, so the name alone proves nothing.
    (req,) = from_characteristic(Characteristic(name="Поддерживаемые уровни RAID 10", kind="values", values=["Да"]))
    assert req.kind == "presence"
    assert check(req, CARDS[0], VOCAB).status != "no"


def test_several_numbers_against_a_list_of_numbers():
    both = Characteristic(name="Частоты радиомодуля", kind="values", values=["2,4 ГГц", "5 ГГц"])
    assert decide(both) == "yes"
    neither = Characteristic(name="Частоты радиомодуля", kind="values", values=["6 ГГц", "60 ГГц"])
    assert decide(neither) == "no"
    part = Characteristic(name="Частоты радиомодуля", kind="values", values=["5 ГГц", "6 ГГц"])
    assert decide(part) == "unknown"
