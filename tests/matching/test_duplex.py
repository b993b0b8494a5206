"""«Дуплекс» is two-sided work («двусторонний»): an MFU's «Дуплекс: да» proves «Двусторонняя печать» (issue 15:
left "unknown"). Two-sided is a mode: a speed in that mode («Скорость двусторонней печати») is proven only by a
spec naming the mode, never by the plain print speed of a card that says «дуплекс» elsewhere. Hand-made cards."""

from __future__ import annotations

from matching.normalise import tokens
from matching.requirements import from_characteristic
from store.schema import Characteristic
from tests.matching.conftest import Shelf, product

MFP = product(
    "MFP-D", "МФУ лазерное ч/б A4 33 стр/мин, дуплекс",
    [("Технология печати", "лазерная"), ("Скорость печати", 33, "стр/мин"), ("Дуплекс", "да")],
)  # fmt: skip
SIMPLEX = product("MFP-S", "МФУ струйное A4", [("Скорость печати", 20, "стр/мин"), ("Дуплекс", "нет")])
PRINTER = product(
    "PR-D", "Принтер лазерный A4 40 стр/мин, дуплекс",
    [("Скорость печати", 40, "стр/мин"), ("Двусторонняя печать", "автоматическая")],
)  # fmt: skip
SHELF = Shelf(MFP, SIMPLEX, PRINTER)


def req(name: str, **kw):
    (found,) = from_characteristic(Characteristic(name=name, **kw))
    return found


def test_duplex_is_two_sided():
    assert tokens("двусторонний") == ("двусторонний",)
    assert tokens("Дуплекс") == ("автоматический", "двусторонний")  # the duplex unit prints both sides itself
    two_sided = req("Двусторонняя печать", kind="values", values=["Да"])
    assert SHELF.decide(two_sided, MFP) == "yes"
    assert SHELF.decide(two_sided, SIMPLEX) == "no"
    assert SHELF.decide(two_sided, PRINTER) == "yes"


def test_a_speed_in_duplex_mode_needs_a_spec_naming_the_mode():
    duplex_speed = req("Скорость двусторонней печати", kind="range", min="30", unit="стр/мин")
    assert SHELF.decide(duplex_speed, PRINTER) == "unknown"
    assert SHELF.decide(duplex_speed, MFP) == "unknown"


def test_an_mfus_duplex_does_not_prove_two_sided_scanning():
    assert SHELF.decide(req("Двустороннее сканирование", kind="values", values=["Да"]), MFP) != "yes"
