"""Notice sanity checks and the package's readiness: pure functions of the notice, the rules and the table rows.

A deadline or bidding date on a non-working day, a notice period shorter than Art. 42 ч. 3 allows, an e-quotation
above the Art. 24 ч. 10 limit: each is a ground for a complaint to the FAS or a sign that the notice was misread.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from bids.compliance_table import ComplianceRow, flagged_lines
from bids.dates import (
    day_of,
    format_day,
    format_moment,
    is_working_day,
    parse_when,
    unknown_years,
    working_days_between,
)
from bids.money import dec, format_money
from bids.procedure import classify
from bids.ruleset import RuleSet, load_rules
from store.schema import NoticeRecord


@dataclass(frozen=True)
class NoticeCheck:
    key: str
    text: str
    article: str

    def to_dict(self) -> dict[str, Any]:
        return {"key": self.key, "text": self.text, "article": self.article}


def _day_off(key: str, what: str, day: date | None, article: str, rules: RuleSet) -> list[NoticeCheck]:
    if day is None or is_working_day(day, rules):
        return []
    text = f"{what} {format_day(day)} приходится на нерабочий день"
    if unknown_years([day], rules):
        text += f" (переносы выходных на {day.year} г. не внесены в правила: сверьте с календарём)"
    return [NoticeCheck(key, text, article)]


def _period(notice: NoticeRecord, procedure: str, rules: RuleSet) -> list[NoticeCheck]:
    section = rules.section("notice_checks")
    published, deadline = day_of(notice.published_at), day_of(notice.deadline_at)
    if published is None or deadline is None:
        return []
    nmck = dec(notice.nmck)
    if procedure == "quotation_44":
        need, have = int(section["quotation_working_days"]), working_days_between(published, deadline, rules)
        unit = "рабочих дня"
    else:
        need = int(section["contest_days" if procedure == "contest_44" else "auction_days"])
        if procedure == "auction_44" and nmck is not None and nmck <= Decimal(str(section["auction_short_nmck_max"])):
            need = int(section["auction_short_days"])
        have, unit = (deadline - published).days, "дней"
    if have >= need:
        return []
    text = (
        f"Извещение размещено {format_day(published)}, окончание подачи заявок {format_day(deadline)}: "
        f"срок {have} при минимуме {need} {unit}"
    )
    return [NoticeCheck("short_period", text, str(section["article_period"]))]


def notice_checks(notice: NoticeRecord, rules: RuleSet) -> list[NoticeCheck]:
    """The 44-FZ sanity checks of a notice (an empty list for other laws and unknown procedures)."""
    procedure = classify(notice, rules)
    if notice.law not in (None, "44-FZ") or procedure is None:
        return []
    section = rules.section("notice_checks")
    found = _day_off("deadline_day_off", "Окончание подачи заявок", day_of(notice.deadline_at),
                     str(section["article_deadline_day"]), rules)  # fmt: skip
    if procedure == "auction_44":  # a contest's exported auction_at may be its summing-up date (issue 19 п. 1)
        found += _day_off("bidding_day_off", "Дата подачи ценовых предложений", day_of(notice.auction_at),
                          str(section["article_bidding_day"]), rules)  # fmt: skip
    found += _period(notice, procedure, rules)
    limit = Decimal(str(section["quotation_nmck_max"]))
    nmck = dec(notice.nmck)
    if procedure == "quotation_44" and nmck is not None and nmck > limit:
        text = (
            f"Запрос котировок при НМЦК {format_money(nmck)} - больше {format_money(limit)} "
            "(допустимо только в случаях ст. 24 ч. 10 п. 2)"
        )
        found.append(NoticeCheck("quotation_over_limit", text, str(section["article_quotation_limit"])))
    return found


def blocking_problems(notice: NoticeRecord, rows: list[ComplianceRow], now: datetime | None = None) -> list[str]:
    """Why the package must not be submitted as it is: the deadline has passed, a line is not compliant."""
    problems: list[str] = []
    deadline = parse_when(notice.deadline_at)
    moment = now or datetime.now(UTC)
    if isinstance(deadline, datetime) and deadline.tzinfo is not None and deadline <= moment:
        problems.append(f"Срок подачи заявок истёк {format_moment(notice.deadline_at)}: заявку подать нельзя")
    elif isinstance(deadline, date) and not isinstance(deadline, datetime) and deadline < moment.date():
        problems.append(f"Срок подачи заявок истёк {format_day(deadline)}: заявку подать нельзя")
    lines = flagged_lines(rows)
    if lines:
        label = "Позиции" if len(lines) > 1 else "Позиция"
        problems.append(
            f"{label} {', '.join(map(str, lines))}: соответствие предлагаемого товара требованиям не подтверждено "
            "(см. таблицу соответствия): заявку с несоответствующим товаром отклонят"
        )
    return problems


def check_texts(record: dict[str, Any]) -> list[str]:
    """The checks of a stored notice record as one line each (for the digest); an unreadable record has none."""
    try:
        notice = NoticeRecord.model_validate(record)
    except ValueError:
        return []
    rules = load_rules(notice.published_at)
    return [f"{c.text} ({c.article})" for c in notice_checks(notice, rules)]
