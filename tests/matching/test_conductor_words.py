"""A cable's «жила» is its «проводник» (`synonyms.json` group), and «токопроводящая» names no other one
(`alignment.json` `neutral_qualifiers`): «Материал / Диаметр токопроводящей жилы» are the card's «Материал жилы»,
«Диаметр проводника»."""

from __future__ import annotations

from matching.normalise import tokens
from matching.requirements import from_characteristic
from store.schema import Characteristic
from tests.matching.conftest import Shelf, product

F6 = product("CB-F6", "Кабель F/UTP кат. 6", [("Материал жилы", "медь"), ("Диаметр проводника", 0.57, "мм")])
CCA = product("CB-CCA", "Кабель UTP кат. 5e", [("Материал проводника", "CCA"), ("Диаметр проводника", 0.51, "мм")])
SHELF = Shelf(F6, CCA)


def asked(name: str, **kw):
    (req,) = from_characteristic(Characteristic(name=name, **kw))
    return req


MATERIAL = asked("Материал токопроводящей жилы", kind="values", values=["Медь"])
DIAMETER = asked("Диаметр токопроводящей жилы", kind="range", min="0.55", unit="мм")


def test_one_word_for_the_conductor():
    assert tokens("Материал жилы") == tokens("Материал проводника")


def test_the_cards_conductor_decides():
    assert (SHELF.decide(MATERIAL, F6), SHELF.decide(DIAMETER, F6)) == ("yes", "yes")
    assert (SHELF.decide(MATERIAL, CCA), SHELF.decide(DIAMETER, CCA)) == ("no", "no")
