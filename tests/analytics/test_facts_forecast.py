"""Facts follow the store incrementally; the forecast places the weighted pipeline and contracted revenue by
month and compares with the plan."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

from analytics.forecast import contract_date, forecast, learned_probability
from bids.ruleset import load_rules
from pipeline.review import Actor, Change, review
from pipeline.settings import PipelineSettings
from store.analytics import AnalyticsRepository, refresh_facts
from store.db import init_db, session_scope
from testing.outcome_histories import Case, contract, notice, protocol, store_cases

D = Decimal
US = ("ООО «СетьИнтегратор»", "7719402618")


def test_facts_are_refreshed_only_for_what_changed(any_db_url: str) -> None:
    engine = init_db(any_db_url)
    bidders = [("ООО «А»", "5000000001", D(900))]
    cases = [Case(notice(f"07{i}", nmck=D("1000")), [protocol(f"07{i}", date(2026, 5, 1), bidders)]) for i in range(3)]
    with session_scope(engine) as session:
        store_cases(session, cases)
        assert refresh_facts(session) == 3
        assert refresh_facts(session) == 0
        store_cases(session, [Case(cases[1].notice, [contract("071", date(2026, 5, 12), US, D(900),
                                                              [(date(2026, 6, 1), D(900), None)])])])
        assert refresh_facts(session) == 1
        fact = AnalyticsRepository(session).purchase("071")
        assert (fact["outcome"], fact["supplier_inn"], fact["discount"]) == ("contracted", US[1], D("10.00"))
        assert [p["amount"] for p in AnalyticsRepository(session).payments(supplier_inn=US[1])] == [D("900.00")]
        assert refresh_facts(session, full=True) == 3


def test_forecast_by_month_with_plan(any_db_url: str) -> None:
    engine = init_db(any_db_url)
    early = notice("0801", nmck=D("1000000"), published=date(2026, 12, 1))  # deadline 11.12 → contract 25.12
    late = notice("0802", nmck=D("2000000"), published=date(2026, 12, 20))  # deadline 30.12 → contract 21.01
    signed = Case(notice("0803", nmck=D("500000")), [contract("0803", date(2026, 11, 1), US, D("400000"), [
        (date(2026, 11, 20), D("100000"), date(2026, 11, 20)), (date(2027, 1, 15), D("300000"), None)])])
    at = datetime(2026, 12, 7, tzinfo=UTC)
    with session_scope(engine) as session:
        store_cases(session, [Case(early), Case(late), signed])
        review(session, "0801", Change(stage="submitted", our_price="900000"), Actor("olga", "cli"), at=at)
        review(session, "0802", Change(stage="preparing"), Actor("olga", "cli"), at=at)
        refresh_facts(session)
        result = forecast(session, US[1], date(2026, 12, 7), PipelineSettings(),
                          plan={"2026-12": D("500000"), "2027-01": D("1000000")})
    rows = {row["month"]: row for row in result.rows()}
    assert list(rows)[:2] == ["2026-12", "2027-01"] and len(rows) == 6
    assert result.submitted_probability == D("0.5000")  # no closed tenders yet: the configured default
    assert rows["2026-12"]["pipeline"] == D("450000.00") and rows["2026-12"]["contracted"] == D("0.00")
    assert rows["2027-01"]["pipeline"] == D("600000.00") and rows["2027-01"]["contracted"] == D("300000.00")
    assert rows["2027-01"]["total"] == D("900000.00") and rows["2027-01"]["vs_plan"] == D("-100000.00")
    assert rows["2026-12"]["vs_plan"] == D("-50000.00") and rows["2027-02"]["plan"] is None


def test_contract_date_follows_the_legal_path_and_the_production_calendar() -> None:
    rules = load_rules(date(2026, 12, 7))
    # Fri 11.12: protocol Tue 15.12 (2 working days), 10 days → Fri 25.12, a working day
    assert contract_date(date(2026, 12, 11), "44-FZ", rules) == date(2026, 12, 25)
    # Wed 30.12: 31.12.2026 is a day off (transferred by the government's decree), then the January holidays to
    # Fri 08.01 and a weekend: protocol Tue 12.01 (2 working days), 10 days → Fri 22.01
    assert contract_date(date(2026, 12, 30), "44-FZ", rules) == date(2027, 1, 22)
    # 223-FZ: the customer's own terms, taken as 20 calendar days
    assert contract_date(date(2026, 11, 2), "223-FZ", rules) == date(2026, 11, 22)


def test_learned_probability_is_smoothed_toward_the_default() -> None:
    assert learned_probability(0, 0, D("0.5")) == D("0.5000")
    assert learned_probability(8, 2, D("0.5")) == D("0.6500")  # (8 + 10·0.5) / (10 + 10)
    assert learned_probability(90, 10, D("0.5")) == D("0.8636")


def test_stage_probabilities_are_learned_from_our_closed_tenders(any_db_url: str) -> None:
    engine = init_db(any_db_url)
    actor, at = Actor("olga", "cli"), datetime(2026, 11, 1, tzinfo=UTC)
    with session_scope(engine) as session:
        store_cases(session, [Case(notice(f"090{i}", nmck=D("100000"))) for i in range(5)])
        for number, final in (("0900", "won"), ("0901", "won"), ("0902", "won"), ("0903", "lost")):
            review(session, number, Change(stage="submitted"), actor, at=at)
            review(session, number, Change(stage=final, loss_reason="price" if final == "lost" else None), actor,
                   at=at)
        review(session, "0904", Change(stage="lost", loss_reason="requirements"), actor, at=at)  # never submitted
        result = forecast(session, None, date(2026, 12, 7), PipelineSettings())
    assert result.closed == 5
    assert result.probabilities["submitted"] == D("0.5714")  # (3 + 10·0.5) / (4 + 10)
    assert result.probabilities["new"] == D("0.2333")  # (3 + 10·0.05) / (5 + 10)
    assert result.probabilities["qualified"] == D("0.1500")  # nobody passed through it: the default
