"""Fixtures of the matching tests: the demo catalogue (read from the repository) and small hand-made products."""

from __future__ import annotations

from pathlib import Path

import pytest

from matching.catalogue import load_catalogue
from matching.engine import Matcher
from store.schema import Product, ProductSpec

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
