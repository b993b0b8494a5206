"""Latin codes written entirely in Cyrillic look-alike letters («РоЕ+» with Cyrillic Р, о, Е): read as the code, so
a line's name asking PoE+ is not lost (an L3 switch with «PoE: нет» was "yes" for «… 48 портов 1G РоЕ+ …»)."""

from __future__ import annotations

from matching.compliance import check, overall
from matching.namegrammar import name_requirements
from matching.normalise import tokens
from tests.matching.conftest import Shelf, product

NO_POE = product("SW-N", "Коммутатор управляемый L3 48×1GbE", [("Уровень", "L3"), ("PoE", "нет")])
WITH_POE = product("SW-P", "Коммутатор управляемый L3 48×1GbE PoE+", [("Уровень", "L3"), ("PoE", "PoE+ (802.3at)")])
SHELF = Shelf(NO_POE, WITH_POE)
LINE = "Коммутатор управляемый L3, 48 портов 1G РоЕ+, 6 SFР+"  # Р, о, Е of «РоЕ+» are Cyrillic


def _poe_verdict(name: str, sku: str) -> str:
    reqs = [r for r in name_requirements(name) if {"poe", "poeplus"} & set(r.name_tokens)]
    assert reqs, name
    return overall([check(r, SHELF.cards[sku], SHELF.vocab) for r in reqs])


def test_a_cyrillic_poe_plus_in_a_name_is_poe_plus():
    assert "poeplus" in tokens(LINE)
    assert "poe" in tokens("Точка доступа с питанием РоЕ")


def test_the_card_denying_poe_contradicts_the_cyrillic_poe_plus():
    assert _poe_verdict(LINE, "SW-N") == "no"


def test_a_card_with_poe_plus_meets_the_cyrillic_poe_plus():
    assert _poe_verdict(LINE, "SW-P") == "yes"


def test_russian_words_of_look_alike_letters_stay_russian():
    # «ВА» (volt-amperes) and «ТВ» are Russian: only a listed code or a word followed by «+» is read in Latin.
    assert tokens("ИБП 1500 ВА") == tokens("ИБП 1500 ва")
    assert tokens("ТВ приставка")[0] == "тв"
