"""Receivables: contracts paid on time, late and not at all give exact overdue amounts and ageing buckets."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from analytics.receivables import company_receivables, discipline
from store.analytics import AnalyticsRepository, refresh_facts
from store.db import init_db, session_scope
from testing.outcome_histories import Case, contract, notice, protocol, store_cases

COMPANY = ("ООО «СетьИнтегратор»", "7719402618")
AS_OF = date(2026, 12, 7)
D = Decimal


def _case(number: str, customer_inn: str, supplier: tuple[str, str], stages) -> Case:
    price = sum((amount for _, amount, _ in stages), D(0))
    record = notice(number, nmck=price + 1000, customer_inn=customer_inn, customer_name=f"Заказчик {customer_inn}")
    documents = [protocol(number, date(2026, 7, 1), [(supplier[0], supplier[1], price)]),
                 contract(number, date(2026, 7, 10), supplier, price, stages)]
    return Case(record, documents)


CASES = [
    # customer A pays: one stage on time, one 19 days late (settled: nothing overdue)
    _case("0101", "7701000001", COMPANY, [(date(2026, 10, 1), D("100000.00"), date(2026, 9, 30)),
                                          (date(2026, 11, 1), D("50000.00"), date(2026, 11, 20))]),
    # customer B: 10 days overdue, 60 days overdue, and a stage not yet due
    _case("0102", "7701000002", COMPANY, [(date(2026, 11, 27), D("30000.00"), None),
                                          (date(2026, 10, 8), D("20000.50"), None),
                                          (date(2026, 12, 20), D("40000.00"), None)]),
    # customer C: 128 days; 91 days (paid only after the report date); exactly 31 and exactly 30 days
    _case("0103", "7701000003", COMPANY, [(date(2026, 8, 1), D("70000.00"), None),
                                          (date(2026, 9, 7), D("10000.00"), date(2026, 12, 10)),
                                          (date(2026, 11, 6), D("5000.00"), None),
                                          (date(2026, 11, 7), D("1000.00"), None)]),
    # someone else's contract: not our receivable
    _case("0104", "7701000002", ("ООО «Другой»", "5000000001"), [(date(2026, 8, 1), D("99999.00"), None)]),
]


def test_overdue_amounts_and_buckets_are_exact(any_db_url: str) -> None:
    engine = init_db(any_db_url)
    with session_scope(engine) as session:
        store_cases(session, CASES)
        refresh_facts(session)
        result = company_receivables(session, COMPANY[1], AS_OF)
        customer_b = AnalyticsRepository(session).payments(customer_inn="7701000002")
    assert result.buckets == {"≤ 30 дней": D("31000.00"), "31–90 дней": D("25000.50"), "> 90 дней": D("80000.00")}
    assert result.total_overdue == D("136000.50")
    assert result.not_due == D("40000.00")
    rows = result.customer_rows()
    assert [(row["customer_inn"], row["total"], row["oldest_days"]) for row in rows] == [
        ("7701000003", D("86000.00"), 128), ("7701000002", D("50000.50"), 60)]
    assert rows[0]["> 90 дней"] == D("80000.00") and rows[0]["≤ 30 дней"] == D("1000.00")
    assert rows[1]["31–90 дней"] == D("20000.50") and rows[1]["≤ 30 дней"] == D("30000.00")
    states = dict(zip(result.stages["due_on"], result.stages["state"], strict=True))
    assert states[date(2026, 10, 1)] == "paid" and states[date(2026, 11, 1)] == "paid_late"
    # discipline of customer B over every contract it signed (ours and the other supplier's)
    summary = discipline(customer_b, AS_OF)
    assert summary["stages"] == 4 and summary["on_time_share"] == 0.0 and summary["max_days_late"] == 128
