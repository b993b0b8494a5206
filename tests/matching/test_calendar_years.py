"""A calendar year written with «год» is a date, not a duration: «модель 2024 год» must not read as 2024 years and
meet every warranty bound, while «5 лет» stays five years. Hand-made cards."""

from __future__ import annotations

from matching.requirements import from_characteristic
from matching.units import parse_quantities
from store.schema import Characteristic
from tests.matching.conftest import Shelf, product

DATED = product("UP-1", "ИБП 3000 ВА", [("Гарантия", "модель 2024 год")])
YEARS = product("UP-2", "ИБП 3000 ВА", [("Гарантия", "5 лет")])
SHELF = Shelf(DATED, YEARS)


def test_a_calendar_year_is_no_quantity():
    assert parse_quantities("модель 2024 год") == ()
    (years,) = parse_quantities("5 лет")
    assert years.dimension == "time" and years.value == 5
    (weight,) = parse_quantities("2000 г")  # «г» is as often a weight: left alone
    assert weight.dimension == "mass"


def test_a_year_of_manufacture_meets_no_warranty_bound():
    (req,) = from_characteristic(Characteristic(name="Гарантия", kind="range", min="36", unit="мес"))
    assert SHELF.decide(req, YEARS) == "yes"
    assert SHELF.decide(req, DATED) != "yes"
