"""Values of Russian procurement web pages (EIS HTML, its RSS feed, regional JS platforms).

Pure normalisers shared by :mod:`crawlers.parsers.eis_results`, :mod:`crawlers.parsers.eis_html`,
:mod:`crawlers.parsers.eis_rss` and :mod:`crawlers.parsers.etp_js`: Russian numbers (``262 512,00 ₽``), dates
(``05.08.2026 10:00 (МСК+9)``), law names, currency, and the lenient HTML root with cached CSS selectors.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from functools import lru_cache
from urllib.parse import parse_qs, urlsplit

import lxml.html
from lxml import etree
from lxml.cssselect import CSSSelector
from lxml.html import HtmlElement

from store.schema import to_decimal_str

_SPACES = re.compile(r"\s+")
_NUMBER = re.compile(r"-?\d[\d\s\u00a0]*(?:[.,]\d+)?")
_DATE = re.compile(
    r"(?P<d>\d{2})\.(?P<m>\d{2})\.(?P<y>\d{4})(?:\s+(?P<H>\d{1,2}):(?P<M>\d{2}))?"
    r"(?:\s*\(МСК(?P<off>[+-]\d{1,2})?\))?"
)
_MSK = 3


def clean(text: str | None) -> str | None:
    """Collapse whitespace (NBSP included); ``None`` for empty text and the portal's literal ``null``."""
    if text is None:
        return None
    text = _SPACES.sub(" ", text.replace("\u00a0", " ")).strip()
    return None if text in ("", "null", "-", "—") else text


def ru_decimal(text: str | None) -> str | None:
    """``"262 512,00 ₽"`` -> ``"262512.00"``; ``None`` when there is no number."""
    text = clean(text)
    if not text:
        return None
    match = _NUMBER.search(text)
    return to_decimal_str(match.group(0)) if match else None


def ru_datetime(text: str | None) -> str | None:
    """``dd.mm.yyyy [HH:MM] [(МСК+N)]`` -> ISO 8601 with offset.

    EIS shows times in the customer's zone as an offset from Moscow (``МСК+9`` = UTC+12); a bare date or a time
    without a zone is Moscow time, the portal's reference zone.
    """
    text = clean(text)
    if not text:
        return None
    match = _DATE.search(text)
    if not match:
        return None
    offset = _MSK + int(match["off"] or 0)
    moment = datetime(
        int(match["y"]),
        int(match["m"]),
        int(match["d"]),
        int(match["H"] or 0),
        int(match["M"] or 0),
        tzinfo=timezone(timedelta(hours=offset)),
    )
    return moment.isoformat()


def ru_moment(text: str | None) -> str | None:
    """A procedure date as published: ``dd.mm.yyyy`` alone -> plain ISO date (``2025-10-22``), never a
    made-up 00:00; with a time -> the timestamp of :func:`ru_datetime`."""
    text = clean(text)
    match = _DATE.search(text or "")
    if not match:
        return None
    if match["H"] is None:
        return f"{match['y']}-{match['m']}-{match['d']}"
    return ru_datetime(text)


def law_of(text: str | None) -> str | None:
    """Law named in a header or label: ``44-ФЗ``, ``223-ФЗ``, ``615-ПП``."""
    text = (text or "").upper()
    for marker, law in (("44-ФЗ", "44-FZ"), ("223-ФЗ", "223-FZ"), ("615", "615-PP")):
        if marker in text:
            return law
    return None


_CURRENCIES = {
    "₽": "RUB",
    "РУБ": "RUB",
    "РОССИЙСКИЙ РУБЛЬ": "RUB",
    "ЕВРО": "EUR",
    "€": "EUR",
    "ДОЛЛАР": "USD",
    "$": "USD",
    "ЮАНЬ": "CNY",
}


def currency_of(text: str | None) -> str | None:
    text = (text or "").upper()
    for marker, code in _CURRENCIES.items():
        if marker in text:
            return code
    match = re.search(r"\b[A-Z]{3}\b", text)
    return match.group(0) if match else None


def status_of(stage: str | None) -> str:
    """EIS purchase stage (``Подача заявок``, ``Работа комиссии``, ``Закупка завершена``, ...) -> status."""
    stage = (stage or "").lower()
    if "отмен" in stage:
        return "cancelled"
    if "заверш" in stage or "не состоял" in stage:
        return "closed"
    return "active"


def reg_number(url: str | None) -> str | None:
    """``regNumber`` query parameter of a notice link."""
    if not url:
        return None
    values = parse_qs(urlsplit(url).query).get("regNumber")
    return values[0] if values else None


def text_of(element: HtmlElement | None) -> str | None:
    return clean(element.text_content()) if element is not None else None


def html_root(page: str | bytes, source: str) -> HtmlElement:
    """Parse page text leniently; a page with no markup at all is an error naming its source."""
    if isinstance(page, bytes):
        page = page.decode("utf-8", errors="replace")
    if not page.strip():
        raise ValueError(f"{source}: пустая страница")
    root = lxml.html.fromstring(page)
    etree.strip_elements(root, "script", "style", "noscript", with_tail=False)  # code is not page text
    return root


@lru_cache(maxsize=256)
def _compiled(selector: str) -> CSSSelector:
    return CSSSelector(selector)


def css(root: HtmlElement, selector: str) -> list[HtmlElement]:
    """``root.cssselect(selector)`` with the selector compiled once (translation dominates small pages)."""
    return _compiled(selector)(root)


def first(root: HtmlElement, *selectors: str) -> HtmlElement | None:
    """First element matching the first selector that matches anything (lxml elements are not truthy)."""
    for selector in selectors:
        found = css(root, selector)
        if found:
            return found[0]
    return None
