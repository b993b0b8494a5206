"""«система непрерывной подачи чернил» is «СНПЧ» (`synonyms.json` group): a line asking it in its name is proven by
a card named «… с СНПЧ», not by an inkjet card without one."""

from __future__ import annotations

from matching.normalise import tokens
from tests.matching.conftest import Shelf, product

CISS = product("MFP-C", "МФУ струйное цветное A4 с СНПЧ", [("Технология печати", "струйная")])
CARTRIDGES = product("MFP-K", "МФУ струйное цветное A4", [("Технология печати", "струйная")])
SHELF = Shelf(CISS, CARTRIDGES)
LINE = "МФУ струйное цветное А4 с системой непрерывной подачи чернил"


def test_the_words_are_the_abbreviation():
    assert tokens("система непрерывной подачи чернил") == tokens("СНПЧ")


def test_a_card_with_ciss_proves_it_and_one_without_does_not():
    assert SHELF.decide_name(CISS, LINE, "с системой") == "yes"
    assert SHELF.decide_name(CARTRIDGES, LINE, "с системой") == "unknown"
