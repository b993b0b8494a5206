"""Weekly report, customer and competitor cards: the figures of a known store, hostile text escaped in HTML
and neutralised in XLSX, charts inline, and the `tenderflow report` command end to end."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from analytics.cards import competitor_card, customer_card
from analytics.render import render_html
from analytics.report import write_xlsx
from analytics.weekly import WeeklyOptions, weekly_report
from pipeline.review import Actor, Change, review
from pipeline.settings import PipelineSettings
from store.analytics import refresh_facts
from store.db import init_db, session_scope
from testing.outcome_histories import Case, contract, notice, protocol, store_cases
from tests.analytics.test_receivables import AS_OF, CASES, COMPANY
from tests.digest.smtp import smtp_server
from tests.pipeline.test_cli import PROJECT_ROOT, tf

HOSTILE = "<script>alert(1)</script> ООО «Взлом»"
FORMULA = "=HYPERLINK(\"http://evil\",\"x\")"
RIVAL = ("ООО «Соперник»", "5000000077")
D = Decimal


def _market() -> list[Case]:
    """Three tenders of one customer where the rival met us: it won two (ahead of us), we won one."""
    cases = []
    for index, (ours, theirs) in enumerate([(D("900000"), D("850000")), (D("800000"), D("790000")),
                                             (D("700000"), D("750000"))]):
        number = f"0202{index:04d}"
        record = notice(number, nmck=D("1000000"), customer_inn="7701000009", customer_name=HOSTILE,
                        published=date(2026, 9 + index, 5))
        winner = min((ours, COMPANY), (theirs, RIVAL))[1]
        documents = [protocol(number, date(2026, 9 + index, 20), [(COMPANY[0], COMPANY[1], ours),
                                                                   (RIVAL[0], RIVAL[1], theirs)])]
        if index == 0:
            documents.append(contract(number, date(2026, 10, 1), (FORMULA, RIVAL[1]), theirs))
        cases.append(Case(record, documents))
        assert winner in (COMPANY, RIVAL)
    return cases


@pytest.fixture
def store(db_url: str):
    engine = init_db(db_url)
    with session_scope(engine) as session:
        store_cases(session, CASES + _market())
        actor, at = Actor("olga", "cli"), datetime(2026, 12, 3, 10, tzinfo=UTC)
        review(session, "0102", Change(stage="submitted", our_price="45000"), actor, at=at)
        review(session, "02020000", Change(stage="lost", loss_reason="price"), actor, at=at)
        review(session, "02020002", Change(stage="won"), actor, at=at)
        refresh_facts(session)
    return engine


def test_weekly_report_figures_escaping_and_xlsx(store, tmp_path: Path) -> None:
    options = WeeklyOptions(COMPANY[1], AS_OF, PipelineSettings(), plan={"2026-12": D("100000")})
    with session_scope(store) as session:
        report = weekly_report(session, options)
    html = render_html(report)
    sections = {section.title: section for section in report.sections}
    assert sections["Дебиторская задолженность"].figures["Просрочено всего"] == "136\u00a0000,50\u00a0₽"
    assert sections["Выигрыши и проигрыши"].figures == {"Выиграно": "1", "Проиграно": "1"}
    assert sections["Движение воронки"].figures["Изменений стадий"] == "3"
    lost = next(row for row in sections["Выигрыши и проигрыши"].tables[0].rows if row["to_value"] == "lost")
    assert lost["reason"] == "цена" and lost["winning_price"] == D("850000.00")
    rivals = sections["Крупнейшие заказчики и конкуренты"].tables[1].rows
    assert (rivals[0]["winner_inn"], rivals[0]["wins"]) == (RIVAL[1], 2)
    assert COMPANY[1] not in {row["winner_inn"] for row in rivals}
    assert html.count("<svg") >= 3 and "<script>alert" not in html and "&lt;script&gt;alert(1)" in html
    assert "default-src 'none'" in html
    workbook_path = tmp_path / "weekly.xlsx"
    assert write_xlsx(report, workbook_path) == len(report.tables())
    cells = [cell for sheet in load_workbook(workbook_path).worksheets for row in sheet.iter_rows(values_only=True)
             for cell in row if isinstance(cell, str)]
    assert HOSTILE in cells
    assert not any(cell.startswith(("=", "+", "-", "@")) for cell in cells)


def test_customer_and_competitor_cards(store) -> None:
    with session_scope(store) as session:
        customer = customer_card(session, "7701000009", AS_OF)
        rival = competitor_card(session, RIVAL[1], COMPANY[1])
        payer = customer_card(session, "7701000003", AS_OF)
    figures = {k: v for section in customer.sections for k, v in section.figures.items()}
    assert figures["Закупок"] == "3" and figures["Сумма НМЦК"] == "3\u00a0000\u00a0000,00\u00a0₽"
    assert figures["Выиграно / проиграно"] == "1 / 1" and figures["Доля побед"] == "50\u00a0%"
    winners = customer.sections[1].tables[0].rows
    assert [(row["winner_inn"], row["wins"]) for row in winners] == [(RIVAL[1], 2), (COMPANY[1], 1)]
    rival_figures = {k: v for section in rival.sections for k, v in section.figures.items()}
    assert (rival_figures["Участий"], rival_figures["Побед"]) == ("3", "2")
    assert (rival_figures["Общих закупок"], rival_figures["Они впереди"], rival_figures["Мы впереди"]) == (
        "3", "2", "1")
    # 15 % and 21 % discounts: the median of the rival's wins is 18 %
    assert rival_figures["Типичная скидка (медиана побед)"] == "18\u00a0%"
    pay = {k: v for section in payer.sections for k, v in section.figures.items()}
    assert pay["Этапов оплаты"] == "4" and pay["Наибольшая просрочка, дней"] == "128"


def test_report_command(store, db_url: str, tmp_path: Path) -> None:
    company = PROJECT_ROOT / "demo" / "company.toml"  # the demo company: INN 7719402618, as COMPANY
    receivables = tf(tmp_path, db_url, "report", "receivables", "--company", str(company), "--as-of", "2026-12-07")
    assert receivables.returncode == 0, receivables.stderr
    assert "136\u00a0000,50\u00a0₽" in receivables.stdout and "> 90 дней: 80\u00a0000,00\u00a0₽" in receivables.stdout
    price = tf(tmp_path, db_url, "report", "price", "02020001", "--price", "800000")
    assert price.returncode == 0, price.stderr
    # six other decided 26.30 auctions (discounts 0.66, 0.99, 1.10, 1.15, 15 and 30 %), two in the NMCK band:
    # widened to any NMCK; at 800 000 (20 %) five of the six would have been won
    assert "только 2: сравнение расширено" in price.stdout and "закупок: 6" in price.stdout
    assert "вероятность победы 83,3\u00a0%" in price.stdout
    out = tmp_path / "c.html"
    card = tf(tmp_path, db_url, "report", "customer", "7701000009", "--out", str(out),
              "--xlsx", str(tmp_path / "c.xlsx"))
    assert card.returncode == 0 and "<svg" in out.read_text(encoding="utf-8")
    missing = tf(tmp_path, db_url, "report", "price", "404")
    assert missing.returncode != 0 and "404 не найдена" in missing.stderr


def test_weekly_report_by_mail_has_png_charts(store, db_url: str, tmp_path: Path) -> None:
    with smtp_server() as (controller, mailbox):
        config = tmp_path / "tenderflow.toml"
        config.write_text(
            f'[company]\nprofile = "{PROJECT_ROOT / "demo" / "company.toml"}"\n'
            f'[digest]\nrecipients = ["head@example.ru"]\n'
            f'[smtp]\nhost = "127.0.0.1"\nport = {controller.port}\nsecurity = "none"\n'
            f'sender = "tenderflow@example.ru"\n', encoding="utf-8")
        result = tf(tmp_path, db_url, "report", "weekly", "--mail", "--config", str(config), "--as-of", "2026-12-07")
        assert result.returncode == 0, result.stderr
    assert len(mailbox.messages) == 1
    message = mailbox.messages[0].message
    assert mailbox.messages[0].rcpt_tos == ["head@example.ru"]
    images = [part for part in message.walk() if part.get_content_type() == "image/png"]
    assert len(images) >= 3 and all(part.get_content().startswith(b"\x89PNG") for part in images)
    body = next(part for part in message.walk() if part.get_content_type() == "text/html"
                and not part.get_filename()).get_content()
    assert all(f"cid:{part['Content-ID'][1:-1]}" in body for part in images)
    assert "<svg" not in body and "136\u00a0000,50\u00a0₽" in body
    attached = next(part for part in message.walk() if part.get_filename("").startswith("tenderflow-weekly"))
    assert "<svg" in attached.get_content()
