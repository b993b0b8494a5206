"""Closed-world values a card states against the asked one: a glass front door against a perforated one, a USB
headset jack against RJ9 (value families that only tell values apart, `value_classes.json` `distinguish_only`), a
perpetual licence against a subscription of 36 months, and a list asked in one value («HDMI, DisplayPort») against
the card's list without one member. Hand-made cards."""

from __future__ import annotations

from matching.requirements import from_characteristic
from matching.values import limited_term
from store.schema import Characteristic
from tests.matching.conftest import Shelf, product

PERFORATED = product("RK-P", 'Шкаф телекоммуникационный 19" 42U', [("Передняя дверь", "перфорированная, замок")])
GLASS = product("RK-G", 'Шкаф телекоммуникационный 19" 42U', [("Передняя дверь", "стекло")])
PHONE_RJ9 = product("PH-1", "IP-телефон", [("Разъём гарнитуры", "RJ9"), ("Порты USB", "USB 2.0")])
PHONE_BOTH = product("PH-2", "IP-телефон", [("Разъём гарнитуры", "RJ9, USB")])
SUBSCRIPTION = product("FW-S", "Межсетевой экран", [("Срок действия лицензии", "подписка на 36 мес. (продлевается)")])
PERPETUAL = product("FW-P", "Межсетевой экран", [("Срок действия лицензии", "бессрочная, техподдержка 12 мес.")])
VGA = product("PC-V", "Системный блок", [("Видеовыходы", "HDMI, VGA")])
ALL_OUTPUTS = product("PC-A", "Системный блок", [("Видеовыходы", "HDMI, DisplayPort, VGA")])
VPN = product("FW-V", "Межсетевой экран", [("Поддерживаемые типы VPN", "IPsec, WireGuard")])
NET = product("PC-N", "Системный блок", [("Сетевые интерфейсы", "Gigabit Ethernet, Wi-Fi 6")])
SHELF = Shelf(PERFORATED, GLASS, PHONE_RJ9, PHONE_BOTH, SUBSCRIPTION, PERPETUAL, VGA, ALL_OUTPUTS, VPN, NET)


def decide(card, name: str, *values: str) -> str:
    (req,) = from_characteristic(Characteristic(name=name, kind="values", values=list(values)))
    return SHELF.decide(req, card)


def test_a_perforated_front_door_fails_a_glass_one_and_a_glass_door_proves_no_more_than_its_class():
    assert decide(PERFORATED, "Тип передней двери", "стеклянная") == "no"
    assert decide(GLASS, "Тип передней двери", "стеклянная") != "no"
    assert decide(GLASS, "Тип передней двери", "стеклянная с замком") != "yes"  # the lock is not said


def test_an_rj9_headset_jack_fails_usb_and_one_usb_does_not_prove_another():
    assert decide(PHONE_RJ9, "Разъем для подключения гарнитуры", "USB") == "no"
    assert decide(PHONE_BOTH, "Разъем для подключения гарнитуры", "USB") != "no"
    assert decide(PHONE_RJ9, "Порты USB", "USB 3.0") != "yes"


def test_a_subscription_fails_a_perpetual_licence_but_a_support_term_beside_it_does_not():
    assert decide(SUBSCRIPTION, "Срок действия лицензии", "Бессрочная") == "no"
    assert decide(PERPETUAL, "Срок действия лицензии", "Бессрочная") != "no"
    assert not limited_term("Бессрочная", "бессрочная, техподдержка 12 мес.")  # the support's term, not the licence's
    assert not limited_term("не менее 12 мес.", "подписка на 36 мес.")  # a term asked: the bounds decide


def test_a_list_asked_in_one_value_needs_every_member():
    assert decide(VGA, "Видеовыходы", "HDMI, DisplayPort") == "no"
    assert decide(ALL_OUTPUTS, "Видеовыходы", "HDMI, DisplayPort") == "yes"
    assert decide(VPN, "Поддерживаемые типы VPN", "IPsec, SSL VPN") == "no"


def test_a_count_in_the_value_or_no_shared_member_is_no_list_to_fail():
    assert decide(NET, "Сетевые интерфейсы", "Gigabit Ethernet, 2 порта") != "no"
    assert decide(NET, "Сетевые интерфейсы", "Gigabit Ethernet, встроенный") != "no"  # a qualifier, no member
    assert decide(VPN, "Поддерживаемые типы VPN", "SSL VPN, L2TP") == "unknown"
