"""Receivables (issue 22): execution stages of contracts where the company is the supplier (contract 4.5
``contract.execution``), due vs paid: overdue amounts by customer and ageing buckets (≤ 30, 31–90, > 90 days).

A stage is overdue on ``as_of`` when its due date has passed and it was not paid by then (a payment dated
after ``as_of`` did not exist yet on that day). Amounts are summed in kopecks (integers), never floats.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

import pandas as pd

from store.analytics import AnalyticsRepository, Session

BUCKETS: tuple[tuple[str, int, int | None], ...] = (("≤ 30 дней", 1, 30), ("31–90 дней", 31, 90),
                                                    ("> 90 дней", 91, None))
STAGE_COLUMNS = ["notice_number", "contract_reg_number", "customer_inn", "customer_name", "due_on", "amount",
                 "paid_on"]


def kopecks(value: Any) -> int:
    return 0 if value is None else int((Decimal(str(value)) * 100).to_integral_value())


def rubles(value: int) -> Decimal:
    return (Decimal(int(value)) / 100).quantize(Decimal("0.01"))


def bucket_of(days: int) -> str:
    for label, low, high in BUCKETS:
        if days >= low and (high is None or days <= high):
            return label
    raise ValueError(f"not overdue: {days} days")


@dataclass
class Receivables:
    as_of: date
    stages: pd.DataFrame
    """Every stage with ``state`` (paid, paid_late, overdue, not_due), ``days_overdue``, ``days_late``."""
    by_customer: pd.DataFrame
    """Overdue by customer: ``customer_inn``, ``customer_name``, one column per bucket, ``total`` (kopecks),
    ``oldest_days``; largest debt first."""
    buckets: dict[str, Decimal]
    total_overdue: Decimal
    not_due: Decimal

    def customer_rows(self) -> list[dict[str, Any]]:
        rows = []
        for record in self.by_customer.to_dict("records"):
            row = {"customer_inn": record["customer_inn"], "customer_name": record["customer_name"]}
            row.update({label: rubles(record[label]) for label, _, _ in BUCKETS})
            row.update(total=rubles(record["total"]), oldest_days=int(record["oldest_days"]))
            rows.append(row)
        return rows


def stage_frame(rows: Sequence[dict[str, Any]], as_of: date) -> pd.DataFrame:
    frame = pd.DataFrame(list(rows), columns=STAGE_COLUMNS)
    frame["kopecks"] = [kopecks(value) for value in frame["amount"]]
    states, overdue_days, late_days = [], [], []
    for due, paid in zip(frame["due_on"], frame["paid_on"], strict=True):
        paid = paid if isinstance(paid, date) and paid <= as_of else None
        if paid is not None:
            late = (paid - due).days if isinstance(due, date) else 0
            states.append("paid_late" if late > 0 else "paid")
            overdue_days.append(0)
            late_days.append(max(late, 0))
        elif isinstance(due, date) and due < as_of:
            states.append("overdue")
            overdue_days.append((as_of - due).days)
            late_days.append((as_of - due).days)
        else:
            states.append("not_due")
            overdue_days.append(0)
            late_days.append(0)
    frame["state"], frame["days_overdue"], frame["days_late"] = states, overdue_days, late_days
    return frame


def receivables(rows: Sequence[dict[str, Any]], as_of: date) -> Receivables:
    frame = stage_frame(rows, as_of)
    overdue = frame[frame["state"] == "overdue"].copy()
    overdue["bucket"] = [bucket_of(days) for days in overdue["days_overdue"]]
    labels = [label for label, _, _ in BUCKETS]
    if overdue.empty:
        by_customer = pd.DataFrame(columns=["customer_inn", "customer_name", *labels, "total", "oldest_days"])
    else:
        overdue["customer_inn"] = overdue["customer_inn"].fillna("—")
        table = overdue.pivot_table(index="customer_inn", columns="bucket", values="kopecks", aggfunc="sum",
                                    fill_value=0)
        table = table.reindex(columns=labels, fill_value=0)
        table["total"] = table[labels].sum(axis=1)
        table["oldest_days"] = overdue.groupby("customer_inn")["days_overdue"].max()
        names = overdue.groupby("customer_inn")["customer_name"].first()
        table.insert(0, "customer_name", names)
        by_customer = table.reset_index().sort_values(["total", "customer_inn"], ascending=[False, True])
    buckets = {label: rubles(overdue.loc[overdue["bucket"] == label, "kopecks"].sum()) for label in labels}
    return Receivables(
        as_of=as_of, stages=frame, by_customer=by_customer.reset_index(drop=True), buckets=buckets,
        total_overdue=rubles(overdue["kopecks"].sum()),
        not_due=rubles(frame.loc[frame["state"] == "not_due", "kopecks"].sum()),
    )


def company_receivables(session: Session, company_inn: str, as_of: date) -> Receivables:
    return receivables(AnalyticsRepository(session).payments(supplier_inn=company_inn), as_of)


def discipline(rows: Sequence[dict[str, Any]], as_of: date) -> dict[str, Any]:
    """A customer's payment discipline: stages, share paid on time, average and worst days late."""
    frame = stage_frame(rows, as_of)
    settled = frame[frame["state"].isin(["paid", "paid_late", "overdue"])]
    if settled.empty:
        return {"stages": len(frame), "on_time_share": None, "avg_days_late": None, "max_days_late": None}
    return {
        "stages": len(frame),
        "on_time_share": float((settled["state"] == "paid").mean()),
        "avg_days_late": float(settled["days_late"].mean()),
        "max_days_late": int(settled["days_late"].max()),
    }
