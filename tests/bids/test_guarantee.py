"""Security amounts, anti-dumping, terms, contents, dossier and step dates of the guarantee checklist."""

from datetime import date
from decimal import Decimal

import pytest

from bids.guarantee import build_guarantee_checklist
from bids.money import percent_of
from bids.ruleset import load_rules
from bids.securities import anti_dumping, contract_security
from store.schema import NoticeRecord

pytestmark = pytest.mark.samples


def _by_kind(checklist):
    return {s.kind: s for s in checklist.securities}


def test_sample_0173200002625000220_amounts(sample_notice) -> None:
    notice = sample_notice("0173200002625000220")
    rules = load_rules(notice.published_at)
    checklist = build_guarantee_checklist(notice, rules)
    app, contract = _by_kind(checklist)["application"], _by_kind(checklist)["contract"]
    # 1 % of 10 025 050.52 = 100 250.5052 -> 100 250.51, as published; inside 0.5-1 % (NMCK <= 20 mln).
    assert app.amount == Decimal("100250.51") and app.source == "извещение"
    assert (app.range_min, app.range_max, app.in_range) == (Decimal("50125.25"), Decimal("100250.51"), True)
    # Only "5 %" is published: 501 252.526 -> 501 252.53 (half-up to kopecks).
    assert contract.amount == Decimal("501252.53") and contract.source == "расчёт"
    # SMP-only procurement: without a price the NMCK is the base, and the checklist says so.
    assert notice.smp_only is True
    assert any("цена предложения не указана" in w for w in contract.warnings)
    assert any("освобождается" in n and "ст. 96 ч. 8.1" in n for n in contract.notes)
    assert checklist.terms[0].min_end == date(2025, 11, 22)
    assert checklist.terms[1].min_end == date(2026, 1, 22)
    assert any(notice.ikz in x["text"] for x in checklist.contents if x["key"] == "amount_ikz")


def test_sample_smp_only_contract_security_counts_from_price(sample_notice) -> None:
    notice = sample_notice("0173200002625000220")
    rules = load_rules(notice.published_at)
    check = contract_security(notice, "auction_44", rules, price=Decimal("9000000.00"))
    assert check.base == Decimal("9000000.00") and check.amount == Decimal("450000.00")
    dumping = anti_dumping(notice, "auction_44", check, rules, Decimal("7000000.00"))
    # 30.17 % below NMCK; floor 10 % of the contract price (SMP-only) = 700 000, 1.5 × 350 000 = 525 000.
    contract_at_price = contract_security(notice, "auction_44", rules, price=Decimal("7000000.00"))
    dumping = anti_dumping(notice, "auction_44", contract_at_price, rules, Decimal("7000000.00"))
    assert dumping.applies and dumping.enlarged_amount == Decimal("700000.00")
    assert dumping.good_faith_option  # NMCK <= 15 mln


def test_sample_0173200001425001720_amounts(sample_notice) -> None:
    notice = sample_notice("0173200001425001720")
    checklist = build_guarantee_checklist(notice, load_rules(notice.published_at))
    app, contract, warranty = (_by_kind(checklist)[k] for k in ("application", "contract", "warranty"))
    assert app.amount == Decimal("1940250.04") and app.in_range  # 0.5 % of 388 050 008.20 (> 20 mln: 0.5-5 %)
    assert app.range_max == Decimal("19402500.41")
    assert contract.amount == Decimal("116415002.46") and contract.in_range  # 30 %: the maximum
    assert warranty.amount == Decimal("38805000.82") and warranty.in_range
    # half-up, not ceiling: 1 940 250.041 would be .05 under a ceiling rule
    assert percent_of(Decimal("388050008.20"), Decimal("0.5"), load_rules("2025-11-07")) == app.amount
    assert checklist.terms[1].min_end is None and "не найден" in checklist.terms[1].text


def test_rules_md_anti_dumping_example(notice_of) -> None:
    notice = notice_of("auction_44")  # NMCK 30 mln, 10 % contract security (3 mln), e-auction
    rules = load_rules(notice.published_at)
    price = Decimal("21000000")
    contract = contract_security(notice, "auction_44", rules, price)
    dumping = anti_dumping(notice, "auction_44", contract, rules, price)
    assert dumping.applies and dumping.drop_percent == Decimal("30.0000")
    assert dumping.floor_amount == Decimal("3000000.00")
    assert dumping.enlarged_amount == Decimal("4500000.00")
    assert not dumping.good_faith_option  # NMCK > 15 mln: only the enlarged security


def test_anti_dumping_boundaries(notice_of) -> None:
    notice = notice_of("auction_44")
    rules = load_rules(notice.published_at)
    contract = contract_security(notice, "auction_44", rules)
    at_25 = anti_dumping(notice, "auction_44", contract, rules, Decimal("22500000"))
    above = anti_dumping(notice, "auction_44", contract, rules, Decimal("22500000.01"))
    assert at_25.applies and not above.applies
    quotation = anti_dumping(notice, "quotation_44", contract, rules, Decimal("1000000"))
    assert not quotation.applies and "конкурсе и аукционе" in quotation.reason


def test_anti_dumping_without_contract_security_depends_on_edition(notice_of) -> None:
    data = notice_of("auction_44").model_dump()
    data["contract_security"] = None
    notice_2026 = NoticeRecord.model_validate(data)
    notice_2025 = NoticeRecord.model_validate({**data, "published_at": "2025-06-02T10:00:00+03:00"})
    for notice, expected in ((notice_2026, False), (notice_2025, True)):
        rules = load_rules(notice.published_at)
        contract = contract_security(notice, "auction_44", rules)
        assert anti_dumping(notice, "auction_44", contract, rules, Decimal("15000000")).applies is expected


def test_contest_advance_and_warranty(notice_of) -> None:
    notice = notice_of("contest_44")  # NMCK 12 mln, 10 % security, 20 % advance, 2 % warranty
    checklist = build_guarantee_checklist(notice, load_rules(notice.published_at), price=Decimal("8400000"))
    contract = _by_kind(checklist)["contract"]
    assert contract.amount == Decimal("1200000.00")
    assert contract.in_range is False  # security below the 20 % advance (Art. 96 ч. 6)
    assert contract.range_min == Decimal("2400000.00")
    assert _by_kind(checklist)["warranty"].amount == Decimal("240000.00")
    dumping = checklist.anti_dumping  # 30 % below; max(1.5 × 1.2 mln, 10 % NMCK, advance 2.4 mln)
    assert dumping.applies and dumping.enlarged_amount == Decimal("2400000.00") and dumping.good_faith_option


def test_out_of_range_amount_warns(notice_of) -> None:
    data = notice_of("auction_44").model_dump()
    data["application_security"] = {"amount": "1800000.00", "percent": "6"}  # > 5 % for NMCK > 20 mln
    checklist = build_guarantee_checklist(NoticeRecord.model_validate(data), load_rules("2026-02-02"))
    app = _by_kind(checklist)["application"]
    assert app.in_range is False
    assert any("вне допустимого диапазона" in w for w in checklist.warnings)


def test_missing_mandatory_security_and_ikz_warn(notice_of) -> None:
    data = notice_of("auction_44").model_dump()
    data.update(application_security=None, ikz=None)
    checklist = build_guarantee_checklist(NoticeRecord.model_validate(data), load_rules("2026-02-02"))
    assert any("обязательно" in w for w in checklist.warnings)
    assert any("ИКЗ не найден" in w for w in checklist.warnings)


def test_223_sme_limits_are_checked_and_marked(notice_of) -> None:
    notice = notice_of("sme_223")  # NMC 4 mln (<= 5 mln) with 3 % application security
    checklist = build_guarantee_checklist(notice, load_rules(notice.published_at))
    app = _by_kind(checklist)["application"]
    assert app.amount == Decimal("120000.00") and app.in_range is False  # > 2 %
    assert any("более 5" in w for w in app.warnings)
    contract = _by_kind(checklist)["contract"]
    assert contract.citations[0].unconfirmed  # the 5 % SME contract cap is a [C] rule
    assert any(u["article"].startswith("ст. 3.4 223-ФЗ (при") for u in checklist.unconfirmed)


def test_dossier_document_expiring_before_deadline_is_flagged(notice_of, company) -> None:
    data = notice_of("auction_44").model_dump()
    data["deadline_at"] = "2027-02-17T09:00:00+03:00"  # after the statements' valid_until 31.01.2027
    checklist = build_guarantee_checklist(NoticeRecord.model_validate(data), load_rules("2026-02-02"), company=company)
    docs = {d.key: d for d in checklist.documents}
    assert docs["financial_statements"].status == "expires"
    assert docs["director_passport"].status == "ok"
    assert docs["power_of_attorney"].status == "optional"
    assert docs["questionnaire"].status == "generated"
    assert any("Бухгалтерская отчётность" in w for w in checklist.warnings)


def test_step_dates_count_working_days(notice_of) -> None:
    notice = notice_of("auction_44")  # deadline Tue 17.02.2026; 23.02 (Mon) is a holiday
    checklist = build_guarantee_checklist(notice, load_rules(notice.published_at))
    due = {s.text: s.due for s in checklist.steps}
    assert due["Направить в банк заявку на гарантию и документы из досье"] == date(2026, 2, 10)
    assert due["Проверить реестровую запись: ИКЗ, сумма не меньше требуемой, срок"] == date(2026, 2, 16)
    assert due["Подать заявку на площадке"] == date(2026, 2, 17)
    # protocol 17.02 -> draft +2 working days (18, 19) -> signing +5 (20, 24, 25, 26, 27; 23.02 is a holiday)
    assert due["Заказчик размещает проект контракта"] == date(2026, 2, 19)
    assert due["Подписать контракт и предоставить обеспечение исполнения контракта"] == date(2026, 2, 27)


def test_json_is_serialisable(notice_of, company) -> None:
    import json

    checklist = build_guarantee_checklist(notice_of("contest_44"), load_rules("2026-02-02"), company=company)
    data = json.loads(json.dumps(checklist.to_dict(), ensure_ascii=False))
    assert data["procedure"] == "contest_44"
    assert data["securities"][0]["amount"] == "120000.00"
    assert data["rules"]["files"][-1]["file"] == "2026-01-01.toml"


def test_223_generic_out_of_range_is_marked_unconfirmed(notice_of) -> None:
    data = notice_of("generic_223").model_dump()
    data["nmck"] = "4000000.00"  # 400 000 = 10 % of NMC: above the recalled 5 % cap, and NMC <= 5 mln
    checklist = build_guarantee_checklist(NoticeRecord.model_validate(data), load_rules("2026-02-02"))
    app = _by_kind(checklist)["application"]
    assert app.in_range is False
    assert all(w.endswith("(норма не подтверждена)") for w in app.warnings) and len(app.warnings) == 2


def test_foreign_law_amounts_are_not_checked_against_russian_ranges(notice_of) -> None:
    data = notice_of("auction_44").model_dump()
    data.update(
        source="ted",
        law="EU",
        currency="EUR",
        procedure="Open procedure",
        procedure_code=None,
        application_security={"amount": "50000", "percent": None},
    )
    checklist = build_guarantee_checklist(
        NoticeRecord.model_validate(data), load_rules("2026-02-02"), price=Decimal("1000000")
    )
    app = _by_kind(checklist)["application"]
    assert app.amount == Decimal("50000") and app.in_range is None and not app.citations
    assert not checklist.anti_dumping.applies
    assert any("нормы 44-ФЗ / 223-ФЗ не применяются" in w for w in checklist.warnings)


def test_advance_above_30_percent_sets_the_security_to_the_advance(notice_of) -> None:
    data = notice_of("contest_44").model_dump()
    data["advance_percent"] = "40"
    data["contract_security"] = {"amount": None, "percent": "40"}
    checklist = build_guarantee_checklist(NoticeRecord.model_validate(data), load_rules("2026-02-02"))
    contract = _by_kind(checklist)["contract"]
    assert contract.amount == contract.range_min == contract.range_max == Decimal("4800000.00")
    assert contract.in_range and any("в размере аванса" in n for n in contract.notes)
    assert not contract.warnings
