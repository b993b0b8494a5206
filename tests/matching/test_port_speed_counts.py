"""A port speed written after a count in a line's name ("48 портов 1G") is the kind of the ports counted: the
spec counting them must name it (an uplink's "1G" elsewhere on the card is not theirs). Hand-made cards."""

from __future__ import annotations

from matching.compliance import check, overall
from matching.namegrammar import name_requirements
from tests.matching.conftest import Shelf, product

GIGABIT = product(
    "SW-G", "Коммутатор 48 портов", [("Порты 1 Гбит/с RJ-45", 48, "шт"), ("Порты SFP+ 10 Гбит/с", 4, "шт")]
)
FAST_UPLINK = product(
    "SW-F", "Коммутатор 48×100 Мбит/с, 4×1G SFP", [("Порты RJ-45", 48, "шт"), ("Uplink", "4 × SFP 1G")]
)
TEN = product("SW-T", "Коммутатор 24 порта", [("Порты 1 Гбит/с RJ-45", 24, "шт"), ("Порты SFP+ 10 Гбит/с", 6, "шт")])
OTHERS = [  # the catalogue's other spec names, so that «количество» weighs as little as in a real one
    product("SRV-1", "Сервер", [("Количество процессоров", 2, "шт"), ("Количество блоков питания", 2, "шт")]),
    product("NB-1", "Ноутбук", [("Количество ядер процессора", 10, "шт"), ("Количество портов USB", 3, "шт")]),
    product("NAS-1", "Хранилище", [("Количество отсеков", 4, "шт"), ("Количество вентиляторов", 2, "шт")]),
]
SHELF = Shelf(GIGABIT, FAST_UPLINK, TEN, *OTHERS)
CARDS, VOCAB = SHELF.cards, SHELF.vocab
decide_name = SHELF.decide_name


def line(card, line_name: str) -> str:
    return overall([check(r, CARDS[card.sku], VOCAB) for r in name_requirements(line_name)])


def test_the_counted_spec_must_name_the_speed():
    assert decide_name(GIGABIT, "Коммутатор 48 портов 1G", "48 портов 1G") == "yes"
    # 48 ports of 100 Мбит/с; the card's «1G» is its uplinks'.
    assert decide_name(FAST_UPLINK, "Коммутатор 48 портов 1G", "48 портов 1G") == "unknown"


def test_the_speed_is_folded_into_the_count_that_carries_it():
    names = [r.name for r in name_requirements("Коммутатор 48 портов 1G, 6 SFP+")]
    assert "48 портов 1G (в наименовании)" in names
    assert not any(n.startswith("1 G") for n in names)
    # Alone, the speed stays a requirement (nothing else carries it).
    assert any(n.startswith("1 G") for n in (r.name for r in name_requirements("Коммутатор 1G")))


def test_a_line_of_one_speed_is_not_met_by_ports_of_another():
    assert line(GIGABIT, "Коммутатор 48 портов 1G") == "yes"
    assert line(FAST_UPLINK, "Коммутатор 48 портов 1G") != "yes"
    # 24 ports of 1G and 6 of 10G are not 24 ports of 10G.
    assert line(TEN, "Коммутатор 24 порта 10G") != "yes"
