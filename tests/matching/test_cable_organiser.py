"""«кабельный организатор» is the «кабельный органайзер» of a patch panel's card (`synonyms.json` group)."""

from __future__ import annotations

from matching.normalise import tokens
from matching.requirements import from_characteristic
from store.schema import Characteristic
from tests.matching.conftest import Shelf, product

WITH = product("PP-24", "Патч-панель 1U", [("Категория", "Cat.6"), ("Кабельный органайзер", "в комплекте")])
WITHOUT = product("PP-48", "Патч-панель 19\" 2U, 48 портов", [("Категория", "Cat.5e"), ("Кабельный органайзер", "нет")])
SHELF = Shelf(WITH, WITHOUT)
(ORGANISER,) = from_characteristic(
    Characteristic(name="Наличие кабельного организатора", kind="values", values=["Наличие"])
)


def test_both_words_are_one_thing():
    assert tokens("кабельный организатор") == tokens("Кабельный органайзер")


def test_the_cards_organiser_decides():
    assert SHELF.decide(ORGANISER, WITH) == "yes"
    assert SHELF.decide(ORGANISER, WITHOUT) == "no"
