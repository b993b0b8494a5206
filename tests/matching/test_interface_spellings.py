"""Writing variants of one interface name are one value: «Display Port» asked is the card's «DisplayPort 1.2»
(dev3 105/1: a compliant monitor was rejected on «в … нет: Display Port»), «DP» is DisplayPort, «USB-C» is «USB
Type-C». Hand-made cards."""

from __future__ import annotations

from matching.normalise import tokens
from matching.requirements import from_characteristic
from store.schema import Characteristic
from tests.matching.conftest import Shelf, product

MONITOR = product("MN", "Монитор 27\"", [
    ("Интерфейсы", "1 × DisplayPort 1.2, 2 × HDMI 1.4, 1 × USB Type-C (DisplayPort Alt Mode, зарядка 65 Вт)"),
])  # fmt: skip
OLD = product("MO", 'Монитор 22"', [("Интерфейсы", "1 × VGA (D-Sub), 1 × HDMI 1.4")])
SHELF = Shelf(MONITOR, OLD)


def connect(*values: str):
    (req,) = from_characteristic(Characteristic(name="Интерфейс подключения", kind="values", values=list(values)))
    return req


def test_spellings_of_one_interface_read_alike():
    assert tokens("Display Port") == tokens("DisplayPort") == tokens("DP") == ("displayport",)
    assert set(tokens("USB-C")) <= set(tokens("USB Type-C"))
    assert tokens("DP-1") != ("displayport",)  # a port's label, not the interface


def test_an_interface_list_is_met_whatever_the_spelling():
    assert SHELF.decide(connect("HDMI", "Display Port"), MONITOR) == "yes"
    assert SHELF.decide(connect("HDMI", "DP"), MONITOR) == "yes"
    # Trap: a card without DisplayPort still fails the same list.
    assert SHELF.decide(connect("HDMI", "Display Port"), OLD) == "no"
