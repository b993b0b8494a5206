"""A resolution asked under a condition («Разрешение экрана при частоте обновления 144 Гц: не менее 2560x1440»)
fails on a card whose native resolution is lower (it bounds every mode), and is never proven by the native one:
the resolution at 144 Гц is not stated. An exact resolution under a condition is no minimum: a higher native one
may run it. Hand-made cards."""

from __future__ import annotations

from matching.requirements import from_characteristic
from store.schema import Characteristic
from tests.matching.conftest import Shelf, product

FULL_HD = product("MN-24", 'Монитор 23,8"', [("Разрешение", "1920x1080"), ("Тип матрицы", "IPS")])
WIDE = product("MN-34", 'Монитор 34"', [("Разрешение", "3440x1440"), ("Частота обновления", 144, "Гц")])
UHD = product("MN-4K", 'Монитор 27"', [("Разрешение", "3840x2160"), ("Частота обновления", 60, "Гц")])
SHELF = Shelf(FULL_HD, WIDE, UHD)
AT_144 = "Разрешение экрана при частоте обновления 144 Гц"


def decide(card, text: str) -> str:
    (req,) = from_characteristic(Characteristic(name=AT_144, kind="text", text=text))
    return SHELF.decide(req, card)


def test_a_lower_native_resolution_fails_any_condition():
    assert decide(FULL_HD, "не менее 2560x1440") == "no"


def test_the_native_resolution_never_proves_the_conditioned_one():
    assert decide(WIDE, "не менее 2560x1440") == "unknown"
    assert decide(UHD, "2560x1440") == "unknown"  # an exact mode a 4K monitor may run
