"""Fixtures of the matching tests: the demo catalogue (read from the repository) and small hand-made products."""

from __future__ import annotations

from pathlib import Path

import pytest

from matching.cards import product_card
from matching.catalogue import load_catalogue
from matching.compliance import check
from matching.engine import Matcher
from matching.namegrammar import name_requirements
from matching.requirements import Requirement, from_characteristic
from matching.specmatch import SpecVocabulary
from store.schema import Characteristic, Product, ProductSpec

DEMO_CATALOGUE = Path(__file__).resolve().parents[2] / "demo" / "catalogue"


@pytest.fixture(scope="session")
def demo_products() -> list[Product]:
    return load_catalogue(DEMO_CATALOGUE)


@pytest.fixture(scope="session")
def demo_matcher(demo_products) -> Matcher:
    return Matcher(demo_products)


def product(sku: str, name: str, specs: list[tuple], price: str = "1000", country: str = "Россия", **extra) -> Product:
    return Product(
        sku=sku, name=name, price=price, country=country, registry_number=extra.pop("registry_number", "РЭ-1/24"),
        specs=[ProductSpec(name=s[0], value=str(s[1]), unit=s[2] if len(s) > 2 else None) for s in specs], **extra,
    )  # fmt: skip


def at_least(name: str, value: float, unit: str) -> Requirement:
    """The one requirement of a KTRU characteristic «name: не менее value unit»."""
    (requirement,) = from_characteristic(Characteristic(name=name, kind="range", min=value, unit=unit))
    return requirement


class Shelf:
    """Hand-made products as the matcher sees them (cards and their spec vocabulary): one requirement decided
    on one card."""

    def __init__(self, *products: Product) -> None:
        self.cards = {p.sku: product_card(p) for p in products}
        self.vocab = SpecVocabulary(self.cards.values())

    def decide(self, req: Requirement, card: Product) -> str:
        return check(req, self.cards[card.sku], self.vocab).status

    def decide_name(self, card: Product, line_name: str, label: str) -> str:
        """The verdict on ``card`` of the requirement of ``line_name`` whose name starts with ``label``."""
        return self.decide(next(r for r in name_requirements(line_name) if r.name.startswith(label)), card)
