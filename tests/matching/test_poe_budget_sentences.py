"""A PoE budget said in a sentence of another spec («Питание: 2 × 600 Вт, горячая замена; PoE 802.3af/at, бюджет
740 Вт») proves «Бюджет PoE: не менее 370 Вт» (issue 15: left "unknown"). Traps: the power supplies' 600 Вт in the
other sentence is no budget; a power per port («PoE+ до 30 Вт на порт») is no budget."""

from __future__ import annotations

from tests.matching.conftest import Shelf, at_least, product

SENTENCES = product(
    "SW-48", "Коммутатор L3 48×GE PoE+ 4×10G SFP+, 2 БП",
    [("Питание", "2 × 600 Вт, горячая замена; PoE 802.3af/at, бюджет 740 Вт")],
)  # fmt: skip
PER_PORT = product(
    "SW-8", "Коммутатор 8 портов PoE+",
    [("Блок питания", 150, "Вт"), ("Функции", "VLAN, QoS; PoE+ до 30 Вт на порт")],
)  # fmt: skip
SHELF = Shelf(SENTENCES, PER_PORT)


def test_a_budget_in_a_sentence():
    assert SHELF.decide(at_least("Бюджет PoE", 370, "Вт"), SENTENCES) == "yes"
    assert SHELF.decide(at_least("Бюджет PoE", 800, "Вт"), SENTENCES) == "no"  # 740, not the supplies' 2 × 600


def test_a_power_per_port_is_no_budget():
    assert SHELF.decide(at_least("Бюджет PoE", 20, "Вт"), PER_PORT) != "yes"  # trap: 30 Вт on each port
