"""Issue 18 defects in the guarantee checklist: calendar dates, zones, SMP security from the contract price,
Art. 96 ч. 8.1, Art. 45 ч. 3 and the suspensive condition, treasury support, 223-FZ citations."""

from datetime import date
from decimal import Decimal

from bids.guarantee import build_guarantee_checklist
from bids.ruleset import load_rules
from bids.securities import anti_dumping, contract_security
from store.schema import NoticeRecord

RULES = load_rules("2026-02-02")


def _notice(notice_of, name: str, **changes) -> NoticeRecord:
    return NoticeRecord.model_validate({**notice_of(name).model_dump(), **changes})


def test_send_to_bank_date_uses_the_production_calendar(notice_of) -> None:
    notice = _notice(notice_of, "auction_44", deadline_at="2026-01-13T09:00:00+03:00", auction_at=None)
    checklist = build_guarantee_checklist(notice, RULES)
    due = {s.text: s.due for s in checklist.steps}
    assert due["Направить в банк заявку на гарантию и документы из досье"] == date(2025, 12, 25)


def test_deadline_carries_its_zone_and_moscow_time(notice_of) -> None:
    notice = _notice(notice_of, "auction_44", deadline_at="2026-12-18T09:00:00+10:00", auction_at=None)
    checklist = build_guarantee_checklist(notice, RULES)
    step = next(s for s in checklist.steps if s.text == "Подать заявку на площадке")
    assert step.due_text == "до 18.12.2026 09:00 (UTC+10; 02:00 МСК)"


def test_dates_in_a_year_beyond_the_calendar_are_provisional(notice_of) -> None:
    notice = _notice(notice_of, "auction_44", deadline_at="2028-03-14T09:00:00+03:00", auction_at=None)
    checklist = build_guarantee_checklist(notice, RULES)
    assert any("2028" in w and "ориентировочные" in w for w in checklist.warnings)
    bank = next(s for s in checklist.steps if s.text.startswith("Направить в банк"))
    assert bank.due_text.endswith("(ориентировочно)")


def test_smp_only_security_given_as_an_amount_counts_from_the_contract_price(notice_of) -> None:
    # NMCK 30 mln, security published as an amount only (3 mln = 10 %); the contract price is 20 mln.
    notice = _notice(
        notice_of, "auction_44", smp_only=True, contract_security={"amount": "3000000.00", "percent": None}
    )
    price = Decimal("20000000.00")
    check = contract_security(notice, "auction_44", RULES, price)
    assert check.base == price and check.amount == Decimal("2000000.00")
    dumping = anti_dumping(notice, "auction_44", check, RULES, Decimal("20000000.00"))
    # 33 % below NMCK: max(1.5 × 2 mln, 10 % of the contract price 2 mln) = 3 mln, not 1.5 × 3 mln.
    assert dumping.applies and dumping.enlarged_amount == Decimal("3000000.00")


def test_smp_good_faith_exemption_covers_article_37_and_warranty(notice_of) -> None:
    notice = _notice(notice_of, "auction_44", smp_only=True)
    price = Decimal("20000000.00")
    check = contract_security(notice, "auction_44", RULES, price)
    note = next(n for n in check.notes if "ст. 96 ч. 8.1" in n)
    assert "ст. 37" in note and "гарантийных обязательств" in note and "без учёта правопреемства" in note
    dumping = anti_dumping(notice, "auction_44", check, RULES, price)
    assert dumping.exemption_text and "ст. 96 ч. 8.1" in dumping.exemption_text


def test_guarantee_contents_have_the_payment_term(notice_of) -> None:
    checklist = build_guarantee_checklist(notice_of("contest_44"), RULES)  # application, contract and warranty
    contents = {x["key"]: x for x in checklist.contents}
    assert "10 рабочих дней" in contents["payment_term"]["text"]
    assert contents["payment_term"]["article"] == "ст. 45 ч. 3 44-ФЗ"


def test_suspensive_condition_is_for_the_contract_security_only(notice_of) -> None:
    checklist = build_guarantee_checklist(notice_of("contest_44"), RULES)  # application, contract and warranty
    contents = {x["key"]: x for x in checklist.contents}
    assert contents["suspensive"]["applies_to"] == ["contract"]


def test_timing_rules_are_used(notice_of) -> None:
    checklist = build_guarantee_checklist(notice_of("auction_44"), RULES)
    texts = " ".join(s.text for s in checklist.steps)
    assert "выписку не позднее 1 рабочего дня" in texts
    assert "рассматривает гарантию (не более 3 рабочих дней" in texts


def test_treasury_support_caps_contract_security_at_10_percent(notice_of) -> None:
    notice = _notice(notice_of, "auction_44", contract_security={"amount": None, "percent": "15"})
    plain = contract_security(notice, "auction_44", RULES)
    treasury = contract_security(notice, "auction_44", RULES, treasury=True)
    assert plain.in_range is True and treasury.in_range is False
    assert any("ч. 6.1" in c.article for c in treasury.citations)


def test_223_generic_notice_does_not_cite_the_sme_article(notice_of) -> None:
    notice = _notice(notice_of, "generic_223", contract_security={"amount": "100000.00", "percent": None})
    checklist = build_guarantee_checklist(notice, RULES)
    contract = next(s for s in checklist.securities if s.kind == "contract")
    assert contract.citations and all("3.4" not in c.article for c in contract.citations)


def test_223_guarantee_checklist_cites_no_44_fz_article(notice_of) -> None:
    checklist = build_guarantee_checklist(notice_of("sme_223"), RULES)
    cited = [t.citation.article for t in checklist.terms] + [x["article"] for x in checklist.contents]
    cited += [x["article"] for x in checklist.bank_checks] + [s.citation.article for s in checklist.steps if s.citation]
    cited += [c.article for s in checklist.securities for c in s.citations]
    assert cited and not [a for a in cited if "44-ФЗ" in a]
    assert not any("ИКЗ" in w for w in checklist.warnings)
    assert not any("реестр" in s.text for s in checklist.steps)
