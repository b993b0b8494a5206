"""«Наличие интерфейса USB для мониторинга» is a card's USB interface («Интерфейс: USB (HID)», «Интерфейсы: USB,
RS-232», dev7 11/1): the purpose goes without saying for an interface (`requirements.json` presence paraphrases),
but a USB charging port of another spec is no interface, and a denied USB proves nothing."""

from __future__ import annotations

from matching.namegrammar import item_requirements
from store.schema import Characteristic, Item
from tests.matching.conftest import Shelf, product

HID = product("UPS-1K", "ИБП 1000 ВА", [("Мощность", "1000 ВА / 600 Вт"), ("Интерфейс", "USB (HID)")])
LISTED = product(
    "UPS-1K5", "ИБП 1500 ВА",
    [("Полная мощность", "1500", "ВА"), ("Интерфейсы", "USB, RS-232, слот для SNMP-карты (опция)")],
)  # fmt: skip
CHARGING = product(
    "UPS-650", "ИБП 650 ВА",
    [("Мощность", "650 ВА"), ("Розетки", "4 x Schuko, 2 x USB для зарядки 5 В"), ("Интерфейс", "RS-232")],
)  # fmt: skip
DENIED = product("UPS-800", "ИБП 800 ВА", [("Мощность", "800 ВА"), ("Интерфейс", "USB: нет, RS-232")])
SHELF = Shelf(HID, LISTED, CHARGING, DENIED)


def usb_for_monitoring(card: object) -> str:
    asked = Characteristic(name="Наличие интерфейса USB для мониторинга", kind="text", text="Да")
    (req,) = item_requirements(Item(index=1, name="Источник бесперебойного питания", characteristics=[asked]))
    return SHELF.decide(req, card)


def test_a_usb_interface_is_one_for_monitoring():
    assert usb_for_monitoring(HID) == "yes"
    assert usb_for_monitoring(LISTED) == "yes"


def test_trap_a_charging_port_or_a_denied_usb_is_not():
    assert usb_for_monitoring(CHARGING) != "yes"
    assert usb_for_monitoring(DENIED) != "yes"
