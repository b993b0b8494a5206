"""Counts of ports the card states inside a list or a power spec (issue 15, session 13: dev5 24/1, dev4 4/1, dev4
105/1, dev3 17/1, dev5 1/1, 10/1, 12/2, dev3 23/1 stayed «характеристика не найдена»): «10GBASE-X SFP+» asked (a
kind spelt as a standard), «QSFP28» (read as «q» + SFP28, hence also as SFP+), «2 × 2,5GbE RJ-45» (split at its
decimal comma), a speed bound met by faster ports, and PoE ports counted by «PoE: 802.3af/at на 24 портах».
Traps: SFP asked as SFP+, QSFP28 counted as SFP+, a management port, 100 Мбит/с ports under a 1 Гбит/с bound,
PoE+ asked of an 802.3af card, PoE asked of a speed when the copper ports are of two speeds, two PoE counts.
Hand-made cards."""

from __future__ import annotations

from matching.cards import product_card
from matching.compliance import check
from matching.namegrammar import item_requirements
from matching.ports import listed_ports
from matching.specmatch import SpecVocabulary
from store.schema import Characteristic, Item
from tests.matching.conftest import product

CARDS = {
    p.sku: product_card(p)
    for p in (
        product("SW-A", "Коммутатор L3", [("Порты", "48 × 10/100/1000BASE-T (RJ-45), 4 × 10G SFP+")]),
        product("SW-B", "Коммутатор L2", [("Порты", "24 × 10/100/1000BASE-T (RJ-45), 4 × 1000BASE-X SFP")]),
        product(
            "SW-C",
            "Коммутатор агрегации",
            [("Интерфейсы", "24 × 1/10GE SFP+, 4 × 40/100GE QSFP28, 1 × 10/100/1000BASE-T (порт управления)")],
        ),
        product("NAS-A", "Сетевое хранилище", [("Сеть", "2 × 2,5GbE RJ-45 (агрегация каналов)")]),
        product("SW-D", "Коммутатор", [("Порты", "8 × 10/100BASE-TX (RJ-45)")]),
        product(
            "SW-P",
            "Коммутатор PoE",
            [
                ("Порты", "24 × 10/100/1000BASE-T (RJ-45), 4 × 10G SFP+"),
                ("PoE", "802.3af/at на 24 портах, бюджет 370 Вт"),
            ],
        ),
        product(
            "SW-R", "Коммутатор PoE", [("Порты", "8 × 10/100/1000 Мбит/с RJ-45"), ("PoE", "порты 1–4, 802.3af/at")]
        ),
        product(
            "SW-AF",
            "Коммутатор PoE",
            [("Порты", "24 × 10/100/1000BASE-T (RJ-45)"), ("PoE", "IEEE 802.3af на 24 портах, бюджет 190 Вт")],
        ),
        product(
            "SW-MIX",
            "Коммутатор PoE",
            [("Порты", "16 × 10/100BASE-TX (RJ-45), 8 × 10/100/1000BASE-T (RJ-45)"), ("PoE", "802.3at на 16 портах")],
        ),
        product("SW-X", "Коммутатор", [("Порты", "24 × 10/100/1000BASE-T (RJ-45), 2 × 10GBASE-T (RJ-45)")]),
        product("SW-TWO", "Коммутатор PoE", [("PoE", "802.3af на 20 портах, 802.3at на 4 портах")]),
        product(
            "SW-ODD", "Коммутатор PoE", [("Порты", "8 × 10/100/1000BASE-T (RJ-45)"), ("PoE", "802.3at на 24 портах")]
        ),
        product("SW-NL", "Коммутатор PoE", [("PoE", "802.3af/at на 16 портах, бюджет 250 Вт")]),
    )
}
VOCAB = SpecVocabulary(CARDS.values())


def decide(sku: str, name: str, least: int) -> str:
    ch = Characteristic(name=name, kind="range", min=least, unit="шт")
    (req,) = item_requirements(Item(index=1, name="Коммутатор", characteristics=[ch]))
    return check(req, CARDS[sku], VOCAB).status


def test_kind_spelt_as_a_standard():
    assert decide("SW-A", "Количество портов 10GBASE-X SFP+", 4) == "yes"
    assert decide("SW-B", "Количество портов 10GBASE-X SFP+", 4) != "yes"  # trap: 1G SFP cages, no SFP+
    assert decide("SW-B", "Количество портов SFP+", 4) != "yes"
    assert decide("SW-X", "Количество портов 10GBASE-X", 2) == "unknown"  # trap: copper 10G, and no «no» either
    assert decide("SW-X", "Количество портов 10GBASE-T", 2) == "yes"


def test_qsfp28_is_no_sfp_plus():
    assert decide("SW-C", "Количество портов QSFP28", 4) == "yes"
    assert decide("SW-C", "Количество портов SFP+", 28) != "yes"  # trap: 24 SFP+ and 4 QSFP28 are no 28 SFP+
    assert decide("SW-C", "Количество портов 10/100/1000BASE-T", 1) != "yes"  # trap: the management port


def test_a_decimal_comma_is_no_separator_but_a_new_entry_is():
    ((kind, n),) = listed_ports("2 × 2,5GbE RJ-45 (агрегация каналов)")
    assert n == 2 and {"rate2500000000", "rj45"} <= kind
    assert [n for _, n in listed_ports("8 × RJ-45 1000,2 × SFP")] == [8, 2]  # trap: not eight SFP ports


def test_decimal_comma_and_speed_bound():
    assert decide("NAS-A", "Количество сетевых портов", 2) == "yes"
    assert decide("NAS-A", "Количество сетевых портов RJ-45 со скоростью не менее 1 Гбит/с", 2) == "yes"
    assert decide("NAS-A", "Количество сетевых портов RJ-45 со скоростью не менее 10 Гбит/с", 2) != "yes"
    assert decide("SW-D", "Количество портов RJ-45 со скоростью не менее 1 Гбит/с", 8) != "yes"  # trap: 100 Мбит/с


def test_poe_ports_counted_by_the_power_spec():
    assert decide("SW-P", "Количество портов 10/100/1000 Мбит/с с поддержкой PoE", 24) == "yes"
    assert decide("SW-P", "Количество портов с поддержкой PoE+", 24) == "yes"
    assert decide("SW-R", "Количество портов RJ-45 с поддержкой PoE", 4) == "yes"
    assert decide("SW-R", "Количество портов RJ-45 с поддержкой PoE", 8) != "yes"


def test_poe_traps():
    assert decide("SW-AF", "Количество портов с поддержкой PoE+", 24) != "yes"  # 802.3af is no PoE+
    assert decide("SW-AF", "Количество портов с поддержкой PoE", 24) == "yes"
    # 16 powered ports among 16 Fast Ethernet and 8 gigabit ones: which are powered is not said
    assert decide("SW-MIX", "Количество портов 10/100/1000 Мбит/с с поддержкой PoE", 16) != "yes"
    assert decide("SW-MIX", "Количество портов с поддержкой PoE+", 16) == "yes"
    assert decide("SW-TWO", "Количество портов с поддержкой PoE", 20) != "yes"  # two counts: none read


def test_powered_ports_and_the_port_list():
    assert decide("SW-NL", "Количество портов RJ-45 с поддержкой PoE+", 16) == "yes"  # powered ports are copper
    assert decide("SW-NL", "Количество портов 10/100/1000 Мбит/с с поддержкой PoE", 16) != "yes"  # speed unsaid
    assert decide("SW-ODD", "Количество портов с поддержкой PoE+", 16) != "yes"  # trap: 24 powered of 8 ports
