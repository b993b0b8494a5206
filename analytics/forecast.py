"""Sales forecast by month (issue 22): the probability-weighted pipeline (contract 4.6 ``expected_amount``)
placed at the month its contract is expected, plus revenue already contracted (our unpaid execution stages by
due month), compared with the plan when one is configured.

The expected contract date follows the legal path after the application deadline (44-FZ): the summing-up
protocol within ``RESULTS_WORKING_DAYS`` working days (Art. 49), signing no earlier than ``WAIT_DAYS`` days after
it (Art. 51), on the next working day — working days from the production calendar of the rule files
(``bids.dates``: holidays, the Labour Code weekend rule and the government's transfers). 223-FZ terms are
set by each customer's regulations: ``LAG_223_DAYS`` calendar days.

The probability of each open stage is learned from our own closed tenders once there are some — the share won
among the won or lost tenders that passed through that stage (their stage events) — smoothed toward the
configured default (``PRIOR_WEIGHT`` pseudo-tenders).
A seasonal model (ETS) is not built: it needs two years of history, which no installation has yet.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

import pandas as pd

from analytics.receivables import kopecks, rubles, stage_frame
from bids.dates import add_working_days
from bids.ruleset import RuleSet, load_rules
from pipeline.settings import PipelineSettings
from store.analytics import AnalyticsRepository, Session
from store.pipeline import PipelineRepository

OPEN = ("new", "qualified", "preparing", "submitted")
RESULTS_WORKING_DAYS = 2
WAIT_DAYS = 10
LAG_223_DAYS = 20
PRIOR_WEIGHT = 10


@dataclass
class Forecast:
    months: pd.DataFrame
    """month, pipeline, contracted, total, plan (kopecks; plan may be missing)."""
    probabilities: dict[str, Decimal]
    """The learned probability of each open stage."""
    closed: int

    @property
    def submitted_probability(self) -> Decimal:
        return self.probabilities["submitted"]

    def rows(self) -> list[dict]:
        rows = []
        for record in self.months.to_dict("records"):
            row = {"month": record["month"]}
            for name in ("pipeline", "contracted", "total"):
                row[name] = rubles(record[name])
            plan = record.get("plan")
            row["plan"] = None if plan is None or plan != plan else rubles(int(plan))
            row["vs_plan"] = None if row["plan"] is None else row["total"] - row["plan"]
            rows.append(row)
        return rows


def learned_probability(won: int, lost: int, default: Decimal) -> Decimal:
    closed = won + lost
    return ((Decimal(won) + PRIOR_WEIGHT * default) / (closed + PRIOR_WEIGHT)).quantize(Decimal("0.0001"))


def _month(day: date) -> str:
    return day.isoformat()[:7]


def learned_probabilities(repository: PipelineRepository, entries: list, defaults: Mapping[str, Decimal]
                          ) -> tuple[dict[str, Decimal], int]:
    """Per open stage: won / (won + lost) among our closed tenders that passed through it, smoothed."""
    won: dict[str, int] = dict.fromkeys(OPEN, 0)
    seen: dict[str, int] = dict.fromkeys(OPEN, 0)
    closed = 0
    for entry, _ in entries:
        if entry.stage not in ("won", "lost"):
            continue
        closed += 1
        visited = {"new"} | {event.to_value for event in repository.events(entry) if event.field == "stage"}
        for stage in OPEN:
            if stage in visited:
                seen[stage] += 1
                won[stage] += entry.stage == "won"
    learned = {stage: learned_probability(won[stage], seen[stage] - won[stage], defaults.get(stage, Decimal(0)))
               for stage in OPEN}
    return learned, closed


def forecast(session: Session, company_inn: str | None, as_of: date, settings: PipelineSettings | None = None,
             plan: Mapping[str, Decimal] | None = None, horizon: int = 6) -> Forecast:
    settings = settings or PipelineSettings()
    repository = PipelineRepository(session)
    entries = list(repository.entries())
    learned_stages, closed = learned_probabilities(repository, entries, settings.probabilities)
    learned = PipelineSettings(probabilities=dict(settings.probabilities, **learned_stages),
                               loss_reasons=settings.loss_reasons)
    rules = load_rules(as_of)
    months = [_month(date(as_of.year + (as_of.month - 1 + i) // 12, (as_of.month - 1 + i) % 12 + 1, 1))
              for i in range(horizon)]
    pipeline = dict.fromkeys(months, 0)
    for entry, tender in entries:
        if entry.stage not in OPEN or tender.deadline_at is None:
            continue
        amount = learned.expected_amount(entry.stage, entry.our_price, tender.nmck)
        month = max(_month(contract_date(tender.deadline_at.date(), tender_law(tender), rules)), months[0])
        if month in pipeline and amount is not None:
            pipeline[month] += kopecks(amount)
    contracted = dict.fromkeys(months, 0)
    if company_inn:
        stages = stage_frame(AnalyticsRepository(session).payments(supplier_inn=company_inn), as_of)
        for due, state, amount in zip(stages["due_on"], stages["state"], stages["kopecks"], strict=True):
            if state == "not_due" and isinstance(due, date) and _month(due) in contracted:
                contracted[_month(due)] += int(amount)
    frame = pd.DataFrame({"month": months, "pipeline": [pipeline[m] for m in months],
                          "contracted": [contracted[m] for m in months]})
    frame["total"] = frame["pipeline"] + frame["contracted"]
    frame["plan"] = [kopecks(plan[m]) if plan and m in plan else None for m in months]
    return Forecast(frame, learned_stages, closed)


def contract_date(deadline: date, law: str, rules: RuleSet) -> date:
    """When the contract of a procedure with this application deadline is expected to be signed."""
    if law == "223-FZ":
        return deadline + timedelta(days=LAG_223_DAYS)
    protocol = add_working_days(deadline, RESULTS_WORKING_DAYS, rules)
    return add_working_days(protocol + timedelta(days=WAIT_DAYS - 1), 1, rules)


def tender_law(tender: object) -> str:
    """The law of a pipeline tender (its notice source tells it: EIS 223 sources say so)."""
    source = getattr(tender, "source", "") or ""
    return "223-FZ" if "223" in source else "44-FZ"
