"""A module's speed in a line's name (issue 15, session 13, dev7 6/3): «Модуль SFP+ 10G многомодовый 850 нм» left
«10 G» and «SFP+ 10G» unproven on «Трансивер SFP+ 10GBASE-SR» (a bare rate of the name is the module's rate, read as
``matching.portspeeds.module_rate``; a 10GBASE-* standard is 10 Gigabit Ethernet). Traps: a 1G module for «10G»; a
switch whose uplinks are 10G proves no module's rate. Hand-made cards."""

from __future__ import annotations

from matching.cards import product_card
from matching.compliance import check
from matching.namegrammar import name_requirements
from matching.specmatch import SpecVocabulary
from tests.matching.conftest import product

CARDS = {
    p.sku: product_card(p)
    for p in (
        product("SR", "Трансивер SFP+ 10GBASE-SR, 850 нм, MMF, LC", [("Стандарт", "10GBASE-SR")]),
        product("LX", "Трансивер SFP 1000BASE-LX, 1310 нм", [("Стандарт", "1000BASE-LX")]),
        product("SW", "Коммутатор 24GE + 4x10G SFP+", [("Интерфейсы", "24 x GE RJ45, 4 x 10GE SFP+")]),
    )
}
VOCAB = SpecVocabulary(CARDS.values())
LINE = "Модуль SFP+ 10G многомодовый"


def decide(sku: str, part: str) -> str:
    (req,) = [r for r in name_requirements(LINE) if r.name == f"{part} (в наименовании)"]
    return check(req, CARDS[sku], VOCAB).status


def test_bare_rate_of_a_module_line():
    assert decide("SR", "10 G") == "yes"
    assert decide("LX", "10 G") == "no"  # trap: a 1G module
    assert decide("SW", "10 G") == "unknown"  # trap: no module, its uplinks' 10G are no module's rate


def test_ten_gigabit_standard_says_10g():
    assert decide("SR", "SFP+ 10G") == "yes"
    assert decide("LX", "SFP+ 10G") != "yes"
