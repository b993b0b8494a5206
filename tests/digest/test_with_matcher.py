"""The digest over results written by the real matcher (demo catalogue, ``matching.pipeline.run_matching``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from digest.query import build_digest
from digest.render import render_digest
from matching.catalogue import load_catalogue
from matching.pipeline import run_matching
from store.catalogue import CatalogueRepository
from store.db import init_db, session_scope
from tests.digest.factories import NOW
from tests.digest.records import add_notice, notice_record

DEMO_CATALOGUE = Path(__file__).resolve().parents[2] / "demo" / "catalogue"


@pytest.fixture
def matched(tmp_path):
    if not (DEMO_CATALOGUE / "products.csv").exists():
        pytest.skip("demo catalogue is absent")
    engine = init_db(f"sqlite:///{tmp_path}/t.db")
    with session_scope(engine) as session:
        CatalogueRepository(session).import_products(load_catalogue(DEMO_CATALOGUE))
        record = notice_record("0373100000126000101", title="Поставка коммутаторов Eltex для ЛВС")
        record.items[0].name = "Коммутатор Eltex 24 порта 1 Гбит/с PoE+ уровня L2+"
        add_notice(session, record)
    run_matching(engine)
    return engine


def test_matcher_verdicts_reach_the_card(matched):
    with session_scope(matched) as session:
        digest = build_digest(session, now=NOW)
    assert len(digest.cards) == 1
    card = digest.cards[0]
    line = card.lines[0]
    assert line.sku and line.product_name and line.product_price is not None
    assert line.catalogue_total == line.product_price * 10
    assert line.met + len(line.failed) + len(line.unknown) <= line.requirements_total
    assert line.requirements_total >= 3  # every characteristic of the notice was checked
    for requirement in line.failed + line.unknown:
        assert requirement.requirement, f"requirement text missing for {requirement.name}"
    assert card.reasons and all(isinstance(reason, str) for reason in card.reasons)
    assert not card.match_stale
    html = render_digest(digest)
    assert line.sku in html and "позиции покрыты каталогом" in html
