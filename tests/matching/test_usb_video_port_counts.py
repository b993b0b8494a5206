"""Counts of USB and video ports («Количество портов HDMI», «Количество встроенных в корпус портов USB Type-C»,
«… USB 3.2 Gen 1 (USB 3.1 Gen 1, USB 3.0)») proven by a card's interface list (matching.ports): issue 15 left
monitors and laptops «unknown» on them although their cards list the ports."""

from __future__ import annotations

from matching.normalise import tokens
from matching.requirements import Requirement
from tests.matching.conftest import Shelf, at_least, product

MONITOR = product("MN", "Монитор 23,8\"", [
    ("Видеовходы", "HDMI 1.4 × 1, DisplayPort 1.2 × 1, VGA × 1"),
])  # fmt: skip
HUB_MONITOR = product("MN-C", "Монитор 27\" 4K USB-C", [
    ("Видеовходы", "1 × HDMI 2.0, 1 × USB Type-C (DisplayPort Alt Mode, Power Delivery до 90 Вт)"),
    ("USB-хаб", "4 × USB-A 5 Гбит/с, 1 × USB-C 5 Гбит/с"),
])  # fmt: skip
FAST_LAPTOP = product("NB", "Ноутбук 14\"", [
    ("Порты", "2 × USB 3.2 Gen 2 Type-A, 1 × USB 3.2 Gen 2x2, 1 × HDMI 2.1, RJ-45 (1 Гбит/с)"),
])  # fmt: skip
OLD_LAPTOP = product("NB-2", "Ноутбук 15,6\"", [
    ("Порты", "2 × USB 3.2 Gen1 Type-A, 1 × USB 3.0, 1 × USB 2.0, 1 × HDMI 1.4b, RJ-45"),
])  # fmt: skip
LABELLED = product("MN-H", "Монитор 27\"", [
    ("Интерфейсы", "2 × HDMI 1.4, 1 × USB Type-C (DisplayPort Alt Mode, 65 Вт), USB-хаб 2 × USB 3.2 Gen1 Type-A"),
])  # fmt: skip
BY_NAME = product("NB-3", 'Ноутбук 15,6"', [("USB 3.2 Gen1 Type-A", "2", "шт"), ("HDMI", "2.0")])
SHELF = Shelf(MONITOR, HUB_MONITOR, FAST_LAPTOP, OLD_LAPTOP, LABELLED, BY_NAME)


def count(name: str, n: int) -> Requirement:
    return at_least(name, n, "шт")


def test_a_video_port_counted_kind_first_and_hdmi_is_not_displayport():
    assert SHELF.decide(count("Количество портов HDMI", 1), MONITOR) == "yes"
    assert SHELF.decide(count("Количество портов HDMI", 2), MONITOR) == "unknown"  # one HDMI; DP and VGA are not
    assert SHELF.decide(count("Количество портов DisplayPort", 2), MONITOR) == "unknown"


def test_usb_c_is_not_usb_a_and_five_gigabits_are_gen_1():
    assert SHELF.decide(count("Количество портов USB Type-C", 2), HUB_MONITOR) == "unknown"  # 1 per list, not 5
    assert SHELF.decide(count("Количество портов USB Type-C", 1), HUB_MONITOR) == "yes"
    gen1 = "Количество встроенных в корпус портов USB 3.2 Gen 1 (USB 3.1 Gen 1, USB 3.0)"
    assert SHELF.decide(count(gen1, 4), HUB_MONITOR) == "yes"  # 4 × USB-A 5 Гбит/с (5 Гбит/с is Gen 1)
    assert SHELF.decide(count("Количество встроенных в корпус портов USB 3.2 Gen 1 Type-A", 5), HUB_MONITOR) != "yes"


def test_usb_c_carrying_video_is_no_displayport():
    assert SHELF.decide(count("Количество портов DisplayPort", 1), HUB_MONITOR) == "unknown"


def test_a_faster_generation_meets_only_an_at_least_ask():
    assert SHELF.decide(count("Количество портов USB 3.2 Gen 1", 2), FAST_LAPTOP) == "unknown"  # Gen 2 ports only
    assert SHELF.decide(count("Количество портов USB не ниже 3.2 Gen 1", 2), FAST_LAPTOP) == "yes"
    # "Gen 2x2" names a port, it counts none; "не ниже" still needs three ports of Gen 1 or later.
    assert SHELF.decide(count("Количество портов USB 3.2 Gen 2", 3), FAST_LAPTOP) == "unknown"


def test_entries_of_one_generation_are_summed_under_any_of_its_names():
    gen1 = "Количество встроенных в корпус портов USB 3.2 Gen 1 (USB 3.1 Gen 1, USB 3.0)"
    assert SHELF.decide(count(gen1, 3), OLD_LAPTOP) == "yes"  # 2 × USB 3.2 Gen1 + 1 × USB 3.0
    assert SHELF.decide(count(gen1, 4), OLD_LAPTOP) == "unknown"  # the USB 2.0 port is no Gen 1 port


def test_a_direction_word_picks_no_display_connector():
    # KTRU's laptop count «Количество входных видео разъемов HDMI» counts the HDMI connectors (labels of dev2 101/1
    # and dev4 101/1 say «yes» on a laptop's HDMI output): «входных» no longer leaves it unknown.
    assert SHELF.decide(count("Количество портов HDMI", 1), FAST_LAPTOP) == "yes"
    assert SHELF.decide(count("Количество входных портов HDMI", 1), FAST_LAPTOP) == "yes"


def test_usb_entries_make_no_closed_list_of_network_ports():
    # «Порты» lists USB and HDMI by count and RJ-45 without one: no "no" for a count of RJ-45 ports.
    assert SHELF.decide(count("Количество портов RJ-45", 1), OLD_LAPTOP) == "unknown"


def test_a_hub_label_before_the_count_and_a_spec_named_by_the_connector():
    assert SHELF.decide(count("Количество встроенных в корпус портов USB 3.2 Gen 1 Type-A", 2), LABELLED) == "yes"
    assert SHELF.decide(count("Количество портов USB Type-C", 1), LABELLED) == "yes"
    assert SHELF.decide(count("Количество встроенных в корпус портов USB 3.2 Gen 1 Type-A", 2), BY_NAME) == "yes"
    assert SHELF.decide(count("Количество портов HDMI", 2), BY_NAME) == "unknown"  # «HDMI: 2.0» is a version


def test_cyrillic_look_alikes_in_type_c_read_as_latin():
    asked = "Количество портов USB \u0422ype-C"  # Cyrillic Т
    assert SHELF.decide(count(asked, 1), HUB_MONITOR) == "yes"
    assert "typec" in tokens("USB Туре-С")  # every letter Cyrillic
    assert "typec" not in tokens("USB с поддержкой зарядки")  # the preposition «с» is no connector
    assert "typea" not in tokens("USB, а также HDMI")
