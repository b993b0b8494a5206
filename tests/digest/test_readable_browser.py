"""What a specialist reads, in the system Chromium: the digest and the bid package built from a real notice
(the 2025 EIS e-auction for computers, read in place) matched against the demo catalogue, with no English words
or raw codes, no decimal points in amounts and no register-style units ("5 Штука") on screen (issue 19 p. 9)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from bids.inputs import assemble_from_store
from crawlers.browser import CHROMIUM, CHROMIUM_ARGS
from crawlers.parsers import parse_document
from digest.publish import publish_digest
from matching.catalogue import load_catalogue
from matching.pipeline import run_matching
from store.catalogue import CatalogueRepository
from store.db import init_db, session_scope
from store.notices import NoticeRepository
from tests.support.readable import problems

pytestmark = pytest.mark.browser

PROJECT = Path(__file__).resolve().parents[2]
DEMO = PROJECT / "demo"
NOTICE = "0173200002625000220"
NOW = datetime(2025, 10, 15, 10, 0, tzinfo=timezone(timedelta(hours=3)))  # before its 22.10.2025 deadline


@pytest.fixture(scope="module")
def outputs(samples_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    (path,) = (samples_dir / "eis44_export_2025__artemmail-gos").glob(f"notice_epNotificationEF2020_*_{NOTICE}_2_*.xml")
    (record,) = parse_document(path.read_bytes(), path.name)
    folder = tmp_path_factory.mktemp("readable")
    engine = init_db(f"sqlite:///{folder / 't.db'}")
    with session_scope(engine) as session:
        CatalogueRepository(session).import_products(load_catalogue(DEMO / "catalogue"))
        NoticeRepository(session).upsert(record)
    run_matching(engine)
    digest = publish_digest(engine, folder / "digest.html", now=NOW, record=False)
    assert [card.number for card in digest.digest.cards] == [NOTICE]
    with session_scope(engine) as session:
        bid, _ = assemble_from_store(session, NOTICE, folder / "bids", company=DEMO / "company.toml")
    pages = {"digest": folder / "digest.html"}
    pages.update({page.stem: page for page in sorted(bid.glob("*.html"))})
    return pages


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not Path(CHROMIUM).exists():
        pytest.skip("system Chromium (/usr/bin/chromium) is not installed")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


def _read(browser, page_path: Path, expand: bool = False) -> str:
    """The text a reader sees (``innerText``: rendered, hidden parts excluded unless ``expand`` opens them)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.goto(page_path.as_uri())
        if expand:
            page.eval_on_selector_all("details", "all => all.forEach(d => d.open = true)")
        return page.inner_text("body")
    finally:
        context.close()


def test_digest_reads_in_russian(browser, outputs) -> None:
    text = _read(browser, outputs["digest"], expand=True)
    assert "0173200002625000220" in text and "10 025 050,52 ₽" in text.replace("\u00a0", " ")
    assert "торги 22.10.2025" in text and "подведение итогов 24.10.2025" in text  # dates, never 00:00
    assert "шт." in text
    assert problems(text) == []


@pytest.mark.parametrize("name", ["kommercheskoe-predlozhenie", "tablica-sootvetstviya", "bankovskaya-garantiya",
                                  "chek-list-zayavki"])  # fmt: skip
def test_bid_package_reads_in_russian(browser, outputs, name: str) -> None:
    text = _read(browser, outputs[name])
    assert NOTICE in text
    if name != "kommercheskoe-predlozhenie":  # the customer's letter names no law; the checklists do
        assert "(44-ФЗ)" in text
    assert problems(text) == []


def test_the_checker_catches_what_it_must() -> None:
    """The checks themselves fail on each kind of slip (so a green run means something)."""
    assert problems("Закон: 44-FZ, статус active")
    assert problems("НМЦК 298800.00 ₽") and problems("сумма 1311264.00")
    assert problems("Количество: 5 Штука") and problems("≥ 16 Гигабайт")
    assert problems("НМЦК 298 800,00 ₽, 5 шт., 1,75 кг, 23,8 дюйма, 44-ФЗ") == []
