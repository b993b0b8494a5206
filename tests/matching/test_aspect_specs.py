"""A requirement naming an aspect of a thing («Режим сканирования», «Срок действия лицензии», «Технология печати»)
decided on the card's one spec named by the thing alone («Сканирование», «Лицензия на ПО», «Тип печати») when no
spec is named like it (dev2: «не уверены … сходство названий 0.57»). Only the asked values found there prove it;
a value worded otherwise is no proof of «no», and a yes/no value states no aspect."""

from __future__ import annotations

from matching.requirements import from_characteristic
from store.schema import Characteristic
from tests.matching.conftest import Shelf, product

MFP = product(
    "MFP-1",
    "МФУ лазерное A4",
    [
        ("Тип печати", "лазерная монохромная"),
        ("Сканирование", "в сетевую папку (SMB), на FTP, на e-mail"),
        ("Подключение", "1 × Hi-Speed USB 2.0, 1 × Gigabit Ethernet"),
    ],
)
SWITCH = product("SW-1", "Коммутатор L3", [("Лицензия на ПО", "бессрочная, все функции L3"), ("Wi-Fi", "да")])
SHELF = Shelf(MFP, SWITCH)


def values(card, name: str, *asked: str) -> str:
    (req,) = from_characteristic(Characteristic(name=name, kind="values", values=list(asked)))
    return SHELF.decide(req, card)


def text(card, name: str, asked: str) -> str:
    (req,) = from_characteristic(Characteristic(name=name, kind="text", text=asked))
    return SHELF.decide(req, card)


def test_the_things_spec_states_its_aspect():
    assert values(MFP, "Режим сканирования", "В сетевую папку", "На электронную почту") == "yes"
    assert values(MFP, "Способ подключения", "USB", "LAN") == "yes"
    assert values(MFP, "Технология печати", "Электрографическая") == "yes"
    assert text(SWITCH, "Срок действия лицензии на программное обеспечение", "Бессрочная") == "yes"


def test_values_not_found_there_are_not_proven_nor_failed():
    assert values(MFP, "Режим сканирования", "На USB-накопитель") == "unknown"
    assert values(MFP, "Технология печати", "Струйная") != "yes"


def test_a_yes_no_value_states_no_aspect():
    assert values(SWITCH, "Стандарт Wi-Fi", "802.11ax") != "yes"
