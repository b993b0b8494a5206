"""Two wrong «no» of dev7's first read (issue 15): «Планшет 10"» on a 10,1" tablet (a whole inch size in a line's
name is a class, 9,5–10,5", not the exact number), and «Моноблок 27" … (режим монитора)» gated as a monitor (a
bracket refines the type only when it names the type first: «(моноблок)», not «(режим монитора)»). Traps: an 11,6"
tablet for «10"», a decimal size («15,6"») stays exact, and «Компьютер персональный настольный (моноблок)» stays an
all-in-one. Hand-made cards."""

from __future__ import annotations

from matching.cards import product_card
from matching.compliance import check
from matching.namegrammar import item_requirements
from matching.specmatch import SpecVocabulary
from matching.typegate import line_types
from store.schema import Item
from tests.matching.conftest import product

CARDS = {
    p.sku: product_card(p)
    for p in (
        product("TAB-10", "Планшет Vektra Tab 10, 10,1\"", [("Экран", "10,1\" IPS, 1920×1200")]),
        product("TAB-11", "Планшет Vektra Tab 11, 11,6\"", [("Экран", "11,6\" IPS, 1920×1200")]),
        product("NB-16", "Ноутбук Vektra 16", [("Экран", "16\" IPS, 1920×1200")]),
    )
}
VOCAB = SpecVocabulary(CARDS.values())


def decide(sku: str, line: str) -> str:
    (req,) = [r for r in item_requirements(Item(index=1, name=line)) if r.dimension == "length"]
    return check(req, CARDS[sku], VOCAB).status


def test_a_whole_inch_size_is_a_class():
    assert decide("TAB-10", "Планшет 10\"") == "yes"
    assert decide("TAB-11", "Планшет 10\"") == "no"


def test_a_decimal_size_stays_exact():
    assert decide("NB-16", "Ноутбук 15,6\"") == "no"


def test_a_bracket_refines_the_type_only_by_naming_it_first():
    assert line_types("Моноблок 27\" с входом HDMI (режим монитора)") == {"моноблок"}
    assert line_types("Компьютер персональный настольный (моноблок)") == {"моноблок"}
