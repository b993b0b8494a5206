"""Acceptance on the demo: after `tenderflow demo` and a specialist's week in the pipeline, the weekly report
and a customer card open offline in Chromium with their charts and show the figures this test computes from
the demo's own exports (notices.jsonl, matches.csv, outcomes.jsonl)."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from pypdf import PdfReader

from bids.dates import add_working_days
from bids.ruleset import load_rules
from digest.format import format_money
from tests.digest.test_browser import Watched, browser  # noqa: F401  (the module's Chromium fixture)
from tests.pipeline.test_cli import PROJECT_ROOT, tf

pytestmark = pytest.mark.browser
COMPANY = str(PROJECT_ROOT / "demo" / "company.toml")


def _lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _figures(watched: Watched) -> dict[str, str]:
    return watched.page.evaluate(
        "() => Object.fromEntries([...document.querySelectorAll('dl.figures dt')]"
        ".map(dt => [dt.textContent, dt.nextElementSibling.textContent]))")


def _open(browser, path: Path) -> Watched:  # noqa: F811
    watched = Watched(browser)
    watched.page.goto(path.as_uri())
    return watched


def test_weekly_report_and_customer_card_after_demo(tmp_path: Path, browser, demo_copy) -> None:  # noqa: F811
    out, db = demo_copy
    notices = {n["number"]: n for n in _lines(out / "notices.jsonl")}
    with (out / "matches.csv").open(encoding="utf-8") as handle:
        relevant = {row["notice_number"] for row in csv.DictReader(handle) if row["notice_relevant"] == "true"}
    outcomes = {o["notice_number"]: o for o in _lines(out / "outcomes.jsonl")}
    awarded = next(o for o in outcomes.values() if o["outcome"] == "awarded" and o["notice_number"] in notices)
    contracted = next(o for o in outcomes.values() if o["outcome"] == "contracted" and o["notice_number"] in notices)
    now = datetime.now(UTC)
    taken = next(n for n in sorted(relevant) if n not in outcomes and notices[n]["deadline_at"]
                 and datetime.fromisoformat(notices[n]["deadline_at"]) > now and notices[n]["law"] == "44-FZ"
                 and "223" not in notices[n]["source"])
    assert tf(tmp_path, db, "review", taken, "--stage", "preparing", "--price", "1200000").returncode == 0
    lost = tf(tmp_path, db, "review", awarded["notice_number"], "--stage", "lost", "--loss-reason", "price")
    assert lost.returncode == 0, lost.stderr

    weekly, card = tmp_path / "weekly.html", tmp_path / "customer.html"
    inn = notices[contracted["notice_number"]]["customer"]["inn"]
    assert tf(tmp_path, db, "report", "weekly", "--out", str(weekly), "--company", COMPANY).returncode == 0
    result = tf(tmp_path, db, "report", "customer", inn, "--out", str(card), "--company", COMPANY)
    assert result.returncode == 0, result.stderr

    # the preparing tender: 30 % of our price, in the month its contract is expected (44-FZ: protocol two
    # working days after the deadline, signed no earlier than 10 days later, on a working day)
    rules = load_rules(date.today())
    deadline = datetime.fromisoformat(notices[taken]["deadline_at"]).astimezone(UTC).date()
    signed = add_working_days(add_working_days(deadline, 2, rules) + timedelta(days=9), 1, rules)
    month = max(signed.isoformat()[:7], date.today().isoformat()[:7])
    page = _open(browser, weekly)
    figures = _figures(page)
    assert figures["За неделю"] == str(len(relevant))
    assert (figures["Выиграно"], figures["Проиграно"], figures["Изменений стадий"]) == ("0", "1", "2")
    forecast = page.page.locator("table[data-sheet='Прогноз'] tr", has_text=month)
    assert format_money(Decimal("360000")) in forecast.inner_text()
    results = page.page.locator("table[data-sheet='Итоги']").inner_text()
    assert awarded["notice_number"] in results and "цена" in results
    assert format_money(Decimal(awarded["winner"]["price"])) in results
    assert page.page.locator(".chart svg").count() >= 2
    assert all(url.startswith("file://") for url in page.requests) and not page.errors
    # printable: Chromium prints it to A4 with the figures and the charts' own text
    printed = PdfReader(io.BytesIO(page.page.pdf(format="A4", print_background=True)))
    text = " ".join(sheet.extract_text() for sheet in printed.pages)
    assert f"За неделю {len(relevant)}" in text and "Закупки по стадиям" in text and "Прогноз выручки" in text
    page.close()

    page = _open(browser, card)
    figures = _figures(page)
    same_customer = [n for n in notices.values() if (n.get("customer") or {}).get("inn") == inn]
    assert figures["Закупок"] == str(len(same_customer))
    assert figures["Сумма НМЦК"] == format_money(sum(Decimal(n["nmck"]) for n in same_customer))
    winners = page.page.locator("table[data-sheet='Победители']").inner_text()
    assert contracted["winner"]["name"] in winners
    assert f"{Decimal(contracted['discount_percent']).normalize():f}".replace(".", ",") + "\u00a0%" in winners
    assert page.page.locator(".chart svg").count() >= 1
    assert all(url.startswith("file://") for url in page.requests) and not page.errors
    page.close()
