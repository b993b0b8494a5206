"""Analytics benchmark (issue 22): the weekly report over N generated decided purchases (default 500,000), on
SQLite and on PostgreSQL. Goal: ≤ 10 s per report on each.

    .venv/bin/python -m benchmarks.analytics [--outcomes 500000] [--backend sqlite|postgresql|both]

The fact rows (``testing.outcome_histories.fact_rows_corpus``: purchases, two participants each, two payment
stages for every contracted one, 2 % won by the company) are loaded straight into the fact tables (the load is
timed and printed for information: it is not what a report pays, since facts are refreshed incrementally).
Then, timed: ``refresh_facts`` (nothing changed: the incremental path), the weekly report built and rendered to
HTML with its charts, the XLSX of its tables, a price advice and the card of the largest customer. The report's
own figures are checked (the receivables total is recomputed from the generated rows) so an empty report
cannot pass for a fast one.
"""

from __future__ import annotations

import argparse
import tempfile
import time
import uuid
from datetime import date
from decimal import Decimal
from pathlib import Path

import psycopg

from analytics.cards import customer_card
from analytics.price import advise
from analytics.receivables import company_receivables
from analytics.render import write_html
from analytics.report import write_xlsx
from analytics.weekly import WeeklyOptions, weekly_report
from pipeline.settings import PipelineSettings
from store.analytics import AnalyticsRepository, refresh_facts
from store.db import init_db, make_engine, session_scope
from testing.outcome_histories import fact_rows_corpus

COMPANY = "7719402618"
TODAY = date(2026, 12, 7)
PG = "postgresql://postgres@127.0.0.1:5432"


def load(url: str, count: int) -> tuple[float, Decimal, str, str, bool]:
    """Load the facts (unless a kept database holds them already); returns the seconds, the expected overdue
    total, a customer and a notice number."""
    engine = init_db(url)
    with session_scope(engine) as session:
        loaded = AnalyticsRepository(session).fact_count()
    if loaded not in (0, count):
        raise SystemExit(f"{url} holds {loaded} purchases, not {count}: use another --keep folder/database")
    start = time.perf_counter()
    overdue = Decimal(0)
    customers: dict[str, int] = {}
    batch: tuple[list, list, list] = ([], [], [])
    with session_scope(engine) as session:
        refresh_facts(session)  # sets the bookmark: the store's notices and outcomes (none) are derived
        repository = AnalyticsRepository(session)
        for purchase, participants, payments in fact_rows_corpus(count, company_inn=COMPANY, today=TODAY):
            batch[0].append(purchase)
            batch[1].extend(participants)
            batch[2].extend(payments)
            customers[purchase["customer_inn"]] = customers.get(purchase["customer_inn"], 0) + 1
            overdue += sum((p["amount"] for p in payments if p["supplier_inn"] == COMPANY and p["paid_on"] is None
                            and p["due_on"] < TODAY), Decimal(0))
            if len(batch[0]) >= 10_000 and not loaded:
                repository.insert_facts(*batch)
            if len(batch[0]) >= 10_000:
                batch = ([], [], [])
        if not loaded:
            repository.insert_facts(*batch)
    busiest = max(customers, key=customers.__getitem__)
    return time.perf_counter() - start, overdue, busiest, purchase["notice_number"], bool(loaded)


def timed(label: str, action):  # type: ignore[no-untyped-def]
    """Wall time, and this process's CPU time (on SQLite that includes the queries; on a shared machine the
    wall time also holds the waiting for a core)."""
    start, cpu = time.perf_counter(), time.process_time()
    result = action()
    seconds = time.perf_counter() - start
    print(f"  {label:<38} {seconds:7.2f} s  (CPU {time.process_time() - cpu:6.2f} s)", flush=True)
    return result, seconds


def run(url: str, count: int, out: Path) -> float:
    seconds, expected, customer, number, reused = load(url, count)
    what = "generate (facts kept from a run)" if reused else f"load facts ({count:,} purchases)"
    print(f"  {what:<38} {seconds:7.2f} s", flush=True)
    engine = make_engine(url)
    options = WeeklyOptions(COMPANY, TODAY, PipelineSettings())
    with session_scope(engine) as session:
        changed, _ = timed("refresh_facts (nothing changed)", lambda: refresh_facts(session))
        assert changed == 0, changed
        report, weekly = timed("weekly report: build + charts", lambda: weekly_report(session, options))
        _, html = timed("weekly report: HTML", lambda: write_html(report, out / "weekly.html"))
        timed("weekly report: XLSX of every table", lambda: write_xlsx(report, out / "weekly.xlsx"))
        advice, _ = timed("price advice", lambda: advise(session, number, on=TODAY))
        timed("customer card (largest customer)", lambda: customer_card(session, customer, TODAY))
        total = company_receivables(session, COMPANY, TODAY).total_overdue
    assert total == expected, (total, expected)
    assert advice.cases >= 5 and "Просрочено всего" in (out / "weekly.html").read_text(encoding="utf-8")
    print(f"  weekly report total: {weekly + html:.2f} s (goal ≤ 10 s); overdue checked: {total} ₽", flush=True)
    return weekly + html


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--outcomes", type=int, default=500_000)
    parser.add_argument("--backend", choices=["sqlite", "postgresql", "both"], default="both")
    parser.add_argument("--keep", metavar="NAME", help="keep the databases (SQLite file NAME.db in the temporary "
                        "folder's parent, PostgreSQL database NAME) and reuse them on the next run")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        if args.backend in ("sqlite", "both"):
            print("SQLite:", flush=True)
            path = out.parent / f"{args.keep}.db" if args.keep else out / "bench.db"
            run(f"sqlite:///{path}", args.outcomes, out)
        if args.backend in ("postgresql", "both"):
            name = args.keep or f"tf_bench_{uuid.uuid4().hex[:10]}"
            with psycopg.connect(f"{PG}/test", autocommit=True) as connection:
                exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone()
                if not exists:
                    connection.execute(f"CREATE DATABASE {name}")
            try:
                print("PostgreSQL:", flush=True)
                run(f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}", args.outcomes, out)
            finally:
                make_engine(f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}").dispose()
                if not args.keep:
                    with psycopg.connect(f"{PG}/test", autocommit=True) as connection:
                        connection.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


if __name__ == "__main__":
    main()
