"""Calendar export and SMTP delivery against a real aiosmtpd server on loopback."""

from __future__ import annotations

from datetime import UTC, date

import pytest
from icalendar import Calendar

from digest.ics import render_ics
from digest.mail import MailError, SmtpSettings, build_message, send_digest, send_message
from digest.render import render_digest
from tests.digest.factories import hostile_card, make_card, make_digest, sample_digest
from tests.digest.smtp import smtp_server


def test_calendar_has_deadlines_and_auctions_with_stable_uids():
    digest = sample_digest()
    calendar = Calendar.from_ical(render_ics(digest))
    events = {str(event["uid"]): event for event in calendar.walk("VEVENT")}
    assert len(events) == 2 * len(digest.cards)
    card = digest.cards[0]
    deadline = events[f"eis44-{card.number}-deadline@tenderflow"]
    assert deadline.decoded("dtend") == card.deadline_at.astimezone(UTC)
    assert "Окончание подачи заявок" in str(deadline["summary"]) and card.title in str(deadline["summary"])
    assert str(deadline["url"]).startswith("https://zakupki.gov.ru/")
    assert len(deadline.walk("VALARM")) == 2
    auction = events[f"eis44-{card.number}-auction@tenderflow"]
    assert auction.decoded("dtstart") == card.auction_at.astimezone(UTC)


def test_procedure_dates_without_a_time_are_all_day_events_with_their_own_names():
    """A bidding date published as a date is a whole-day "Торги" event, never 00:00; the summing-up date of a
    tender is "Подведение итогов", not "Торги" (issue 19 point 1)."""
    auction = make_card("0173200002625000220")
    auction.auction_at, auction.summary_at = date(2025, 10, 22), date(2025, 10, 24)
    tender = make_card("0373100001025000854")
    tender.auction_at, tender.review_at, tender.summary_at = None, date(2025, 10, 31), date(2025, 11, 1)
    calendar = Calendar.from_ical(render_ics(make_digest([auction, tender])))
    events = {str(event["uid"]): event for event in calendar.walk("VEVENT")}
    bidding = events["eis44-0173200002625000220-auction@tenderflow"]
    assert bidding.decoded("dtstart") == date(2025, 10, 22) and bidding.decoded("dtend") == date(2025, 10, 23)
    assert str(bidding["summary"]).startswith("Торги: ")
    assert "eis44-0373100001025000854-auction@tenderflow" not in events
    summing_up = events["eis44-0373100001025000854-summary@tenderflow"]
    assert str(summing_up["summary"]).startswith("Подведение итогов: ")
    assert summing_up.decoded("dtstart") == date(2025, 11, 1)
    page = render_digest(make_digest([auction, tender]))
    assert "торги 22.10.2025<" in page and "00:00" not in page.split("торги 22.10.2025")[1][:20]
    assert "рассмотрение заявок 31.10.2025" in page and "подведение итогов 01.11.2025" in page


def test_calendar_skips_unknown_dates_and_unsafe_urls():
    undated = make_card("0000000000000000001", deadline_in=None)
    calendar = Calendar.from_ical(render_ics(make_digest([undated, hostile_card()])))
    uids = [str(event["uid"]) for event in calendar.walk("VEVENT")]
    assert not any(uid.startswith("eis44-0000000000000000001") for uid in uids)
    assert all("url" not in event or "javascript" not in str(event["url"]) for event in calendar.walk("VEVENT"))


def test_digest_is_mailed_with_a_body_and_attachments():
    digest = sample_digest()
    page = render_digest(digest)
    with smtp_server() as (controller, mailbox):
        settings = SmtpSettings(
            host=controller.hostname, port=controller.port, sender="digest@tenderflow.test", security="none"
        )
        send_digest(
            digest,
            page,
            settings=settings,
            recipients=["a@firm.test", "b@firm.test"],
            ics=render_ics(digest),
            environ={},
        )
    assert len(mailbox.messages) == 1
    received = mailbox.messages[0]
    assert received.mail_from == "digest@tenderflow.test"
    assert received.rcpt_tos == ["a@firm.test", "b@firm.test"]
    message = received.message
    assert "2 новых" in message["Subject"] and "проблемы с источниками" in message["Subject"]
    body = message.get_body(preferencelist=("html",)).get_content()
    assert "Поставка коммутаторов для ЛВС" in body and "<script" not in body
    attachments = {part.get_filename(): part for part in message.iter_attachments()}
    assert set(attachments) == {"tenderflow-digest-2026-11-23.html", "tenderflow-2026-11-23.ics"}
    assert attachments["tenderflow-digest-2026-11-23.html"].get_content().rstrip("\n") == page.rstrip("\n")


def test_unreachable_server_and_missing_recipients_are_clear_errors():
    digest = make_digest([make_card()])
    with pytest.raises(MailError, match="получатели"):
        build_message(digest, "<p>x</p>", sender="a@b.test", recipients=[])
    message = build_message(digest, "<p>x</p>", sender="a@b.test", recipients=["c@d.test"])
    with smtp_server() as (controller, _):
        port = controller.port
    with pytest.raises(MailError, match=f"127.0.0.1:{port}"):
        send_message(message, host="127.0.0.1", port=port, security="none", timeout=5)
    with pytest.raises(MailError, match="без шифрования"):
        send_message(message, host="smtp.firm.test", port=25, security="none", username="u", password="p")
