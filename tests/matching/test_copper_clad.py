"""Copper-clad aluminium («CCA (алюминий, покрытый медью)») is not copper: the conductor class decides before the
words («медью») do, so «Материал проводника: медь» was "yes" on a CCA cable."""

from __future__ import annotations

from matching.requirements import from_characteristic
from store.schema import Characteristic
from tests.matching.conftest import Shelf, product

CCA = product("CB-CCA", "Кабель UTP кат. 5e CCA", [("Материал проводника", "CCA (алюминий, покрытый медью)")])
COPPER = product("CB-CU", "Кабель U/UTP кат. 5e", [("Материал проводника", "медь, однопроволочный (solid)")])
SHELF = Shelf(CCA, COPPER)


def conductor(value: str):
    (req,) = from_characteristic(Characteristic(name="Материал проводника", kind="values", values=[value]))
    return req


def test_a_cca_cable_is_not_copper():
    assert SHELF.decide(conductor("медь"), CCA) == "no"


def test_a_copper_cable_is_and_cca_is_cca():
    assert SHELF.decide(conductor("медь"), COPPER) == "yes"
    assert SHELF.decide(conductor("омедненный алюминий"), CCA) == "yes"
