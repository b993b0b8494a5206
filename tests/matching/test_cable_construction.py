"""Cable construction codes (U/UTP, F/UTP, SF/UTP, S/FTP, U/FTP…) are rival members of one family, each also
shielded or not (issue 15, dev case 117/2): «Патч-корд S/FTP кат. 6» was "yes" on «Экран: нет» and on an F/UTP
cord, the code in the line's name unread and S/FTP the same "shielded" class as F/UTP. Hand-made cards."""

from __future__ import annotations

from matching.cards import product_card
from matching.compliance import check, overall
from matching.namegrammar import name_requirements
from matching.requirements import from_characteristic
from matching.specmatch import SpecVocabulary
from store.schema import Characteristic
from tests.matching.conftest import product

BARE = product("PC-U", "Патч-корд кат. 6, 3 м", [("Категория", "6"), ("Экран", "нет"), ("Длина", 3, "м")])
FOIL = product("PC-F", "Патч-корд кат. 6, 2 м", [("Категория", "6"), ("Экранирование", "F/UTP"), ("Длина", 2, "м")])
BRAID = product("PC-S", "Патч-корд кат. 6, 2 м", [("Категория", "6"), ("Экранирование", "S/FTP"), ("Длина", 2, "м")])
CARDS = {p.sku: product_card(p) for p in (BARE, FOIL, BRAID)}
VOCAB = SpecVocabulary(CARDS.values())


def in_name(line_name: str, sku: str) -> str:
    return overall([check(r, CARDS[sku], VOCAB) for r in name_requirements(line_name)])


def stated(sku: str, *values: str) -> str:
    (req,) = from_characteristic(Characteristic(name="Тип экранирования", kind="values", values=list(values)))
    return check(req, CARDS[sku], VOCAB).status


def test_a_construction_code_in_a_line_name_is_a_requirement():
    assert in_name("Патч-корд S/FTP кат. 6", "PC-S") == "yes"
    assert in_name("Патч-корд S/FTP кат. 6", "PC-F") == "no"
    assert in_name("Патч-корд S/FTP кат. 6", "PC-U") == "no"
    assert in_name("Патч-корд F/UTP кат. 6", "PC-F") == "yes"
    assert in_name("Патч-корд U/UTP кат. 6", "PC-U") == "yes"


def test_two_shielded_constructions_are_rivals_yet_both_shielded():
    assert stated("PC-F", "S/FTP") == "no"
    assert stated("PC-S", "F/UTP") == "no"
    assert stated("PC-S", "SF/UTP") == "no"
    assert stated("PC-S", "S/FTP") == "yes"
    # Trap: the coarse class still holds: a shielded cable of any construction is "экранированный".
    assert stated("PC-S", "экранированный") == "yes"
    assert stated("PC-U", "экранированный") == "no"
