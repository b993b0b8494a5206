"""Fixtures for the bid package tests: project-authored notices per procedure, a catalogue, real samples."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from bids.company import Company, load_company
from bids.ruleset import RuleSet, load_rules
from store.schema import Characteristic, NoticeRecord, Product

PROJECT = Path(__file__).resolve().parents[2]
BIDS_FIXTURES = PROJECT / "tests" / "fixtures" / "bids"
PROCEDURES = ["auction_44", "contest_44", "quotation_44", "generic_223", "sme_223"]


def fixture_notice(name: str) -> NoticeRecord:
    return NoticeRecord.model_validate(json.loads((BIDS_FIXTURES / "notices" / f"{name}.json").read_text("utf-8")))


@pytest.fixture
def notice_of() -> Callable[[str], NoticeRecord]:
    return fixture_notice


@pytest.fixture(scope="session")
def catalogue() -> dict[str, Product]:
    data = json.loads((BIDS_FIXTURES / "catalogue.json").read_text("utf-8"))
    return {p["sku"]: Product.model_validate(p) for p in data}


@pytest.fixture(scope="session")
def products(catalogue: dict[str, Product]) -> dict[int, Product]:
    return {1: catalogue["SW-24G-POE"], 2: catalogue["AP-AX-1"]}


@pytest.fixture(scope="session")
def recorded_compliance() -> Callable:
    """The matcher's verdicts for the fixture catalogue, replayed (the table layout is tested on its own)."""
    table = json.loads((BIDS_FIXTURES / "verdicts.json").read_text("utf-8"))

    def check(ch: Characteristic, product: Product):
        verdict, reason, spec_name = table.get(ch.name, ["unknown", "нет в записи", None])
        spec = next((s for s in product.specs if s.name == spec_name), None)
        return verdict, reason, spec

    return check


@pytest.fixture(scope="session")
def company() -> Company:
    return load_company(PROJECT / "demo" / "company.toml")


@pytest.fixture(scope="session")
def rules_2026() -> RuleSet:
    return load_rules("2026-02-02")


def _sample(samples_dir: Path, number: str) -> NoticeRecord:
    parsers = pytest.importorskip("crawlers.parsers")
    folder = samples_dir / "eis44_export_2025__artemmail-gos"
    found = sorted(folder.glob(f"*{number}*.xml"))
    if not found:
        pytest.skip(f"sample {number} is absent")
    records = parsers.parse_document(found[0].read_bytes(), found[0].name)
    return next(r for r in records if r.number == number)


@pytest.fixture
def sample_notice(samples_dir: Path) -> Callable[[str], NoticeRecord]:
    return lambda number: _sample(samples_dir, number)
