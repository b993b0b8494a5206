"""A code in a line's name that one of its characteristics states in full («Точка доступа наружная IР54» with
«Степень защиты: не ниже IР54») is decided by that characteristic, not again as a bare (exact) code of the name;
a part no characteristic states stays a requirement of the name. Hand-made cards."""

from __future__ import annotations

from matching.compliance import check, overall
from matching.namegrammar import item_requirements
from store.schema import Characteristic, Item
from tests.matching.conftest import Shelf, product

OUTDOOR = product("AP-O", "Точка доступа Wi-Fi 5 уличная", [("Степень защиты", "IP65"), ("Стандарт Wi-Fi", "802.11ac")])
INDOOR = product("AP-I", "Точка доступа потолочная", [("Степень защиты", "IP20"), ("Стандарт Wi-Fi", "802.11ax")])
SHELF = Shelf(OUTDOOR, INDOOR)


def verdict(line: str, chars: list[Characteristic], card) -> str:
    reqs = item_requirements(Item(index=1, name=line, characteristics=chars))
    return overall([check(r, SHELF.cards[card.sku], SHELF.vocab) for r in reqs])


def test_a_code_the_characteristic_states_is_decided_by_it():
    minimum = [Characteristic(name="Степень защиты", kind="text", text="не ниже IР54")]
    assert verdict("Точка доступа наружная IР54", minimum, OUTDOOR) == "yes"
    assert verdict("Точка доступа наружная IР54", minimum, INDOOR) == "no"


def test_a_code_no_characteristic_states_stays_a_requirement():
    ports = [Characteristic(name="Количество портов", kind="range", min=1, unit="шт")]
    assert verdict("Точка доступа наружная IР54", ports, OUTDOOR) == "unknown"  # IP65 is not an exact IP54
    reqs = item_requirements(Item(index=1, name="Медиаконвертер 20 км", characteristics=[
        Characteristic(name="Напряжение питания", kind="range", min=20, unit="В")]))  # fmt: skip
    assert any(r.name == "20 км (в наименовании)" for r in reqs)
