"""Outcomes in the digest (SQLite and PostgreSQL, then in the system Chromium): a cancelled or failed notice is
never listed as open and appears in the "cancelled / failed" block with its reason; winners show their price
and discount, contracts their stages; notice text stays text."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from crawlers.parsers import read_document
from digest.query import build_digest
from digest.render import render_digest
from store.db import init_db, session_scope
from store.outcomes import OutcomeRepository
from testing.outcome_documents import (
    Bidder,
    Contract,
    contract,
    contract_procedure,
    fcs_invalidation,
    fcs_protocol_ef3,
    notice_cancel,
)
from tests.digest.records import add_match, add_notice, add_product, notice_record

MSK = timezone(timedelta(hours=3))
NOW = datetime(2026, 11, 21, 6, 0, tzinfo=UTC)
HOSTILE = "<img src=x onerror=\"document.title='pwned'\">"
CANCELLED, FAILED, AWARDED, CONTRACTED, OPEN = (f"03731000001260002{n:02d}" for n in range(1, 6))


def seed(url: str) -> None:
    engine = init_db(url)
    when = datetime(2026, 11, 20, 12, 0, tzinfo=MSK)
    winner = Bidder("ООО «СЕТЕВЫЕ РЕШЕНИЯ»", "7701234560", "850000.00", place=1)
    loser = Bidder("ООО «ИНФОСИСТЕМЫ»", "5403456782", "900000.00", place=2)
    deal = Contract(
        "2770123456726000005",
        CONTRACTED,
        "850000.00",
        "2026-11-19",
        winner,
        stages=[("2026-12-15", "425000.00"), ("2027-02-15", "425000.00")],
        published=when,
    )
    documents = [
        notice_cancel(CANCELLED, f"Изменение потребности {HOSTILE}", when),
        fcs_invalidation(FAILED, "Не подано ни одной заявки", when),
        fcs_protocol_ef3(AWARDED, [loser, winner], when),
        fcs_protocol_ef3(CONTRACTED, [winner, loser], when),
        contract(deal),
        contract_procedure(deal.reg_number, [("2026-12-15", "425000.00", "2026-12-10")], when),
    ]
    with session_scope(engine) as session:
        add_product(session, "MES2428P", "86500.00")
        for number in (CANCELLED, FAILED, AWARDED, CONTRACTED, OPEN):
            deadline = "2026-11-25T09:00:00+03:00" if number in (CANCELLED, OPEN) else "2026-11-10T09:00:00+03:00"
            notice_id = add_notice(session, notice_record(number, deadline_at=deadline))
            add_match(session, notice_id, 1, "MES2428P", score=80)
        OutcomeRepository(session).store([doc for data in documents for doc in read_document(data, "t").outcomes])


def test_digest_moves_ended_notices_and_reports_winners(any_db_url: str) -> None:
    seed(any_db_url)
    with session_scope(init_db(any_db_url)) as session:
        digest = build_digest(session, now=NOW)
    assert [card.number for card in digest.cards] == [OPEN]  # the cancelled one (deadline ahead) is not open
    views = {view.number: view for view in digest.outcomes}
    assert set(views) == {CANCELLED, FAILED, AWARDED, CONTRACTED}
    assert views[CANCELLED].ended and views[CANCELLED].reason.startswith("Изменение потребности")
    assert (views[FAILED].label, views[FAILED].reason) == ("Не состоялась", "Не подано ни одной заявки")
    awarded = views[AWARDED]
    assert (awarded.winner_inn, str(awarded.price), str(awarded.discount), awarded.participants) == (
        "7701234560",
        "850000.00",
        "15.00",
        2,
    )
    stages = views[CONTRACTED].stages
    assert [(s.due.isoformat(), s.paid_at.isoformat() if s.paid_at else None) for s in stages] == [
        ("2026-12-15", "2026-12-10"),
        ("2027-02-15", None),
    ]
    html = render_digest(digest).replace("\xa0", " ")
    assert "Отменены / не состоялись" in html and "850 000,00" in html and "15,00" in html
    assert HOSTILE not in html and "&lt;img" in html


@pytest.mark.browser
def test_outcomes_in_chromium(db_url: str, tmp_path: Path) -> None:
    from tests.digest.test_browser import CHROMIUM, LAUNCH_ARGS

    if not CHROMIUM.exists():
        pytest.skip("system Chromium is not installed")
    from playwright.sync_api import sync_playwright

    seed(db_url)
    with session_scope(init_db(db_url)) as session:
        page_file = tmp_path / "digest.html"
        page_file.write_text(render_digest(build_digest(session, now=NOW)), encoding="utf-8")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=LAUNCH_ARGS)
        page = browser.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(page_file.as_uri())
        ended = page.locator("#ended tbody tr")
        assert ended.count() == 2
        assert "Отменена" in page.locator(f"#ended tr[data-number='{CANCELLED}']").inner_text()
        assert HOSTILE in page.locator(f"#ended tr[data-number='{CANCELLED}'] .o-reason").inner_text()
        assert page.locator("img").count() == 0 and page.title() != "pwned"
        awarded = page.locator(f"#results tr[data-number='{AWARDED}']")
        assert (
            "ООО «СЕТЕВЫЕ РЕШЕНИЯ»" in awarded.inner_text() and "15,00" in awarded.locator(".o-discount").inner_text()
        )
        stages = page.locator(f"#results tr[data-number='{CONTRACTED}'] .o-stages li").all_inner_texts()
        assert len(stages) == 2 and "оплачен 10.12.2026" in stages[0] and "не оплачен" in stages[1]
        cards = page.eval_on_selector_all("article.card", "cards => cards.map(c => c.id)")
        assert not any(CANCELLED in card for card in cards) and any(OPEN in card for card in cards)
        assert errors == []
        browser.close()
