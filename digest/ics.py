"""``--ics FILE``: application deadlines and auction dates of the shown tenders as an iCalendar file.

UIDs are stable per (source, number, kind) and SEQUENCE follows the notice's version sequence, so importing
tomorrow's file moves an event whose deadline was extended instead of adding a second one.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from icalendar import Alarm, Calendar, Event

from digest import format as fmt
from digest.model import LAW_LABELS, Digest, TenderCard
from digest.render import safe_url


def _description(card: TenderCard) -> str:
    law = LAW_LABELS.get(card.law or "", card.law or "закон не указан")
    parts = [
        f"№ {card.number} ({law}, {card.procedure or 'способ не указан'})",
        f"Заказчик: {card.customer_name or '—'}, {card.region or 'регион не указан'}",
        f"НМЦК: {fmt.format_money(card.nmck, card.currency)}",
        f"Обеспечение заявки: {fmt.format_money(card.application_security.amount, card.currency)}",
        f"Оценка: {card.score}",
    ]
    url = safe_url(card.url)
    if url:
        parts.append(url)
    return "\n".join(parts)


def _event(card: TenderCard, kind: str, stamp, start, end, summary: str) -> Event:
    """An event; ``start`` given as a ``date`` (published without a time) makes an all-day event."""
    event = Event()
    event.add("uid", f"{card.source}-{card.number}-{kind}@tenderflow")
    event.add("sequence", card.seq)
    event.add("dtstamp", stamp.astimezone(UTC))
    if isinstance(start, datetime):
        event.add("dtstart", start.astimezone(UTC))
        event.add("dtend", end.astimezone(UTC))
    else:
        event.add("dtstart", start)
        event.add("dtend", start + timedelta(days=1))
    event.add("summary", summary)
    event.add("description", _description(card))
    url = safe_url(card.url)
    if url:
        event.add("url", url)
    event.add("categories", ["Тендеры"])
    return event


def _alarm(before: timedelta, text: str) -> Alarm:
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("trigger", -before)
    alarm.add("description", text)
    return alarm


def digest_calendar(digest: Digest) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", "-//Tenderflow//digest//RU")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", "Тендеры: сроки")
    for card in digest.ranked():
        title = card.title or "без названия"
        if card.deadline_at is not None:
            event = _event(
                card,
                "deadline",
                digest.generated_at,
                card.deadline_at - timedelta(minutes=30),
                card.deadline_at,
                f"Окончание подачи заявок: {title} (№ {card.number})",
            )
            event.add_component(_alarm(timedelta(days=1), f"Завтра окончание подачи: № {card.number}"))
            event.add_component(_alarm(timedelta(hours=3), f"Через 3 часа окончание подачи: № {card.number}"))
            calendar.add_component(event)
        for kind, moment, label in (
            ("auction", card.auction_at, "Торги"),
            ("summary", card.summary_at, "Подведение итогов"),
        ):
            if moment is not None:
                end = moment + timedelta(hours=1) if isinstance(moment, datetime) else None
                summary = f"{label}: {title} (№ {card.number})"
                calendar.add_component(_event(card, kind, digest.generated_at, moment, end, summary))
    return calendar


def render_ics(digest: Digest) -> bytes:
    return digest_calendar(digest).to_ical()
