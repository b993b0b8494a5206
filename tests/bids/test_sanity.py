"""Notice sanity checks (issue 18 п. 12): non-working deadline or bidding date, a notice period shorter than
Art. 42 ч. 3 allows, an e-quotation above the Art. 24 ч. 10 п. 1 limit."""

import pytest

from bids.ruleset import load_rules
from bids.sanity import check_texts, notice_checks
from digest.render import render_digest
from store.schema import NoticeRecord
from tests.digest.factories import make_card, make_digest

RULES = load_rules("2026-02-02")


def _keys(notice_of, name: str, **changes) -> list[str]:
    notice = NoticeRecord.model_validate({**notice_of(name).model_dump(), **changes})
    return [c.key for c in notice_checks(notice, RULES)]


@pytest.mark.parametrize("name", ["auction_44", "contest_44", "quotation_44", "generic_223", "sme_223"])
def test_lawful_fixture_notices_pass(name, notice_of) -> None:
    assert _keys(notice_of, name) == []


@pytest.mark.parametrize(
    "deadline",
    ["2026-02-21T09:00:00+03:00", "2026-02-23T09:00:00+03:00", "2026-03-09T09:00:00+03:00"],
    ids=["saturday", "holiday", "moved-holiday"],
)
def test_deadline_on_a_non_working_day(deadline, notice_of) -> None:
    assert "deadline_day_off" in _keys(notice_of, "contest_44", deadline_at=deadline, auction_at=None)


def test_deadline_in_the_zone_of_the_notice(notice_of) -> None:
    # Monday 09:00 in Vladivostok is Monday 02:00 in Moscow: the local day counts, and it is a working day.
    keys = _keys(notice_of, "auction_44", deadline_at="2026-02-16T09:00:00+10:00", auction_at=None)
    assert "deadline_day_off" not in keys


def test_bidding_date_on_a_non_working_day(notice_of) -> None:
    keys = _keys(notice_of, "auction_44", auction_at="2026-02-22T00:00:00+03:00")
    assert keys == ["bidding_day_off"]


def test_notice_periods(notice_of) -> None:
    ten_days = {"deadline_at": "2026-02-12T09:00:00+03:00", "auction_at": None}
    assert _keys(notice_of, "contest_44", **ten_days) == ["short_period"]  # contest: 15 days
    assert _keys(notice_of, "auction_44", **ten_days) == []  # NMCK <= 300 mln: 7 days
    assert _keys(notice_of, "auction_44", nmck="400000000.00", **ten_days) == ["short_period"]
    assert _keys(notice_of, "contest_44", deadline_at="2026-02-17T09:00:00+03:00", auction_at=None) == []
    # quotation: 4 working days after the notice date (published Mon 02.02)
    assert _keys(notice_of, "quotation_44", deadline_at="2026-02-05T09:00:00+03:00") == ["short_period"]
    assert _keys(notice_of, "quotation_44", deadline_at="2026-02-06T09:00:00+03:00") == []


def test_quotation_above_the_limit(notice_of) -> None:
    checks = notice_checks(
        NoticeRecord.model_validate({**notice_of("quotation_44").model_dump(), "nmck": "10000000.01"}), RULES
    )
    assert [c.key for c in checks] == ["quotation_over_limit"]
    assert checks[0].article == "ст. 24 ч. 10 п. 1 44-ФЗ" and "10\u00a0000\u00a0000,00\u00a0₽" in checks[0].text


def test_checks_reach_the_digest_card(notice_of) -> None:
    """The digest shows the checks (it receives ``check_texts`` through its settings; it does not import bids)."""
    record = {**notice_of("contest_44").model_dump(mode="json"), "deadline_at": "2026-02-21T09:00:00+03:00"}
    texts = check_texts(record)
    assert texts and "нерабочий день" in texts[0] and "ст. 42 ч. 1 п. 21 44-ФЗ" in texts[0]
    assert check_texts({"number": ""}) == []
    card = make_card()
    card.checks = texts
    html = render_digest(make_digest([card]))
    assert "Проверка извещения:" in html and "приходится на нерабочий день" in html


def test_a_year_beyond_the_calendar_is_said_so(notice_of) -> None:
    notice = NoticeRecord.model_validate(
        {
            **notice_of("contest_44").model_dump(),
            "published_at": "2028-02-01T10:00:00+03:00",
            "deadline_at": "2028-02-19T09:00:00+03:00",
            "auction_at": None,
        }
    )
    (check,) = notice_checks(notice, RULES)
    assert check.key == "deadline_day_off" and "2028 г. не внесены" in check.text
