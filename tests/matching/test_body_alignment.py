"""A characteristic whose name differs from a spec's only by the product's body («Степень защиты оболочки» against
the card's «Степень защиты») is surely that spec, whatever weight the catalogue's vocabulary gives the body noun;
a name adding another part («Степень защиты блока питания») is not. Hand-made cards."""

from __future__ import annotations

from matching.requirements import from_characteristic
from matching.specmatch import SURE_SPEC_SCORE, best_spec
from store.schema import Characteristic
from tests.matching.conftest import Shelf, product

OUTDOOR = product("AP-O", "Точка доступа уличная", [("Степень защиты", "IP65"), ("Стандарт Wi-Fi", "802.11ac")])
INDOOR = product("AP-I", "Точка доступа потолочная", [("Степень защиты", "IP20"), ("Монтаж", "потолочный")])
ADAPTER = product("AP-A", "Точка доступа", [("Степень защиты блока питания", "IP65"), ("Монтаж", "на стену")])
SHELF = Shelf(OUTDOOR, INDOOR, ADAPTER)


def requirement(name: str, text: str):
    (req,) = from_characteristic(Characteristic(name=name, kind="text", text=text))
    return req


def test_the_body_noun_leaves_the_same_spec():
    req = requirement("Степень защиты оболочки", "не ниже IP54")
    spec, score = best_spec(req, SHELF.cards["AP-O"], SHELF.vocab)
    assert spec is not None and spec.spec.name == "Степень защиты" and score >= SURE_SPEC_SCORE
    assert SHELF.decide(req, OUTDOOR) == "yes"
    assert SHELF.decide(req, INDOOR) == "no"


def test_another_part_is_not_the_body():
    assert SHELF.decide(requirement("Степень защиты оболочки", "не ниже IP54"), ADAPTER) == "unknown"
