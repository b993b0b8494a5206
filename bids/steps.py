"""Dated steps of getting a guarantee and signing the contract, on the production calendar, and the rule lists
that differ by law (44-FZ / 223-FZ)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from bids.dates import (
    add_working_days,
    calendar_warning,
    day_of,
    format_day,
    format_moment,
    unconfirmed_years,
    unknown_years,
)
from bids.ruleset import Citation, RuleSet
from store.schema import NoticeRecord


@dataclass
class Step:
    text: str
    due: date | None
    due_text: str
    citation: Citation | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "due": self.due.isoformat() if self.due else None,
            "due_text": self.due_text,
            "citation": self.citation.to_dict() if self.citation else None,
        }


def law_list(name: str, notice: NoticeRecord, rules: RuleSet) -> list[dict[str, Any]]:
    """A rule list for the notice's law: ``name`` for 44-FZ, ``name_223`` for 223-FZ (SME-only lines kept only
    for SME-only notices)."""
    if notice.law != "223-FZ":
        return rules.list(name)
    return [x for x in rules.list(f"{name}_223") if not x.get("sme_only") or notice.smp_only]


def guarantee_steps(notice: NoticeRecord, deadline: date | None, kinds: set[str], rules: RuleSet) -> list[Step]:
    lead = rules.section("lead_times")
    lead_cite = rules.cite("lead_times")
    timing = rules.section("guarantee_timing")
    timing_cite = rules.cite("guarantee_timing")
    steps: list[Step] = []

    def before(days: int) -> date | None:
        return add_working_days(deadline, -days, rules) if deadline else None

    def due(day: date | None, suffix: str = "") -> str:
        return f"до {format_day(day)}{suffix}" if day else "дата окончания подачи заявок не указана"

    if "application" in kinds:
        d = before(int(lead["bank_request_working_days"]))
        first = law_list("bank_checks", notice, rules)[0]
        bank_cite = Citation(str(first["article"]), str(first["confidence"]))
        bank_text = (
            "Проверить банк-гарант по перечню банков Минфина России" if notice.law != "223-FZ" else first["text"]
        )
        steps.append(Step(bank_text, d, due(d), bank_cite))
        steps.append(Step("Направить в банк заявку на гарантию и документы из досье", d, due(d), lead_cite))
        if notice.law != "223-FZ":  # the EIS register of independent guarantees is a 44-FZ institution
            d = before(int(lead["guarantee_issued_working_days"]))
            text = (
                f"Получить гарантию; гарант включает её в реестр не позднее {timing['register_entry_working_days']} "
                f"рабочего дня и направляет выписку не позднее {timing['register_extract_working_days']} рабочего дня"
            )
            steps.append(Step(text, d, due(d), timing_cite))
            d = before(int(lead["register_check_working_days"]))
            steps.append(
                Step("Проверить реестровую запись: ИКЗ, сумма не меньше требуемой, срок", d, due(d), timing_cite)
            )
    if deadline:
        steps.append(Step("Подать заявку на площадке", deadline, f"до {format_moment(notice.deadline_at)}"))
    if "contract" in kinds and notice.law != "223-FZ":
        steps += _contract_steps(notice, deadline, rules, lead_cite, timing_cite)
    return steps


def _contract_steps(
    notice: NoticeRecord, deadline: date | None, rules: RuleSet, lead_cite: Citation, timing_cite: Citation
) -> list[Step]:
    signing = rules.section("contract_signing_44")
    cite = rules.cite("contract_signing_44")
    protocol = day_of(notice.auction_at) or deadline
    if not protocol:
        return []
    draft = add_working_days(protocol, int(signing["draft_posting_working_days"]), rules)
    sign = add_working_days(draft, int(signing["winner_signing_working_days"]), rules)
    review_days = int(rules.value("guarantee_timing", "customer_review_working_days"))
    review = add_working_days(sign, review_days, rules)
    earliest = protocol + timedelta(days=int(signing["not_earlier_than_days"]))
    base = f" (ориентировочно, от {format_day(protocol)})"
    return [
        Step(
            "Заказать гарантию исполнения контракта сразу после протокола подведения итогов",
            protocol,
            f"с {format_day(protocol)}",
            lead_cite,
        ),
        Step("Заказчик размещает проект контракта", draft, f"до {format_day(draft)}{base}", cite),
        Step(
            "Подписать контракт и предоставить обеспечение исполнения контракта",
            sign,
            f"до {format_day(sign)}{base}",
            cite,
        ),
        Step(
            f"Заказчик рассматривает гарантию (не более {review_days} рабочих дней со дня поступления)",
            review,
            f"до {format_day(review)}{base}",
            timing_cite,
        ),
        Step(
            f"Контракт заключается не ранее чем через {signing['not_earlier_than_days']} дней после протокола",
            earliest,
            f"не ранее {format_day(earliest)}{base}",
            cite,
        ),
    ]


def calendar_note(steps: list[Step], rules: RuleSet) -> str | None:
    years = unknown_years([s.due for s in steps], rules)
    if years:
        for step in steps:
            if step.due and step.due.year in years and "ориентировочно" not in step.due_text:
                step.due_text += " (ориентировочно)"
    return calendar_warning(years, unconfirmed_years([s.due for s in steps], rules))
