"""EIS extended-search RSS feed (``/epz/order/extendedsearch/rss.html?...``) into canonical records.

The feed has no ``<guid>``: the registry number comes from the item's ``<link>`` (``regNumber``). The
``<description>`` is HTML escaped inside XML (and sometimes escaped once more): labelled values such as
"Наименование объекта закупки", "Начальная цена контракта", "Валюта", "Размещено", "Этап размещения", "ИКЗ",
with search-term highlight ``<span>`` tags the portal never closes. It is reduced to text before reading labels.
"""

from __future__ import annotations

import html
import re
from email.utils import parsedate_to_datetime

from crawlers.parsers.eis_results import SOURCE
from crawlers.parsers.html_values import clean, currency_of, law_of, reg_number, ru_datetime, ru_decimal, status_of
from crawlers.parsers.xmlsafe import parse_xml
from store.schema import NoticeRecord, Party

_LABELS = {
    "Наименование объекта закупки": "title",
    "Размещение выполняется по": "law",
    "Закупки по": None,  # search parameters block, not the notice
    "Искомое слово (словосочетание)": None,
    "Наименование Заказчика": "customer",
    "Наименование заказчика": "customer",
    "Начальная цена контракта": "price",
    "Начальная (максимальная) цена контракта": "price",
    "Валюта": "currency",
    "Размещено": "published",
    "Обновлено": "updated",
    "Этап размещения": "stage",
    "Идентификационный код закупки (ИКЗ)": "ikz",
    "ИКЗ": "ikz",
}
_LABEL_RE = re.compile("(" + "|".join(re.escape(k) for k in sorted(_LABELS, key=len, reverse=True)) + r")\s*:")
_TAG = re.compile(r"<[^>]*>")
_BREAK = re.compile(r"<br\s*/?>", re.I)
_PROCEDURE = re.compile(r"^(?P<name>.*?)\s*№\s*(?P<number>\d+)\s*$")


def description_text(raw: str) -> str:
    """HTML (escaped once or twice) -> plain text with one line per ``<br>``."""
    text = raw
    for _ in range(2):  # the feed's "double encoding": undo entity escaping until real tags appear
        if "<" in text or "&lt;" not in text:
            break
        text = html.unescape(text)
    text = _BREAK.sub("\n", text)
    return html.unescape(_TAG.sub("", text))


def description_fields(raw: str) -> dict[str, str | None]:
    """Labelled values of a description; the part before "Найденный результат" (the query) is ignored."""
    text = description_text(raw)
    if "Найденный результат" in text:
        text = text.split("Найденный результат", 1)[1]
    fields: dict[str, str | None] = {}
    parts = _LABEL_RE.split(text)
    for label, value in zip(parts[1::2], parts[2::2], strict=False):
        key = _LABELS[label]
        if key and key not in fields:
            fields[key] = clean(value)
    return fields


def _pub_date(text: str | None) -> str | None:
    if not clean(text):
        return None
    try:
        return parsedate_to_datetime(text.strip()).isoformat()
    except (TypeError, ValueError):
        return None


def parse_rss(data: bytes, source_name: str = "rss") -> list[NoticeRecord]:
    """All items of a feed; an item without a registry number is skipped, a broken feed raises naming it."""
    root = parse_xml(data, source_name)  # ParseError (a ValueError) names the feed
    records = []
    for item in root.iter("item"):
        link = clean(item.findtext("link"))
        title = clean(item.findtext("title")) or ""
        match = _PROCEDURE.match(title)
        number = reg_number(link) or (match["number"] if match else None)
        if not number:
            continue
        fields = description_fields(item.findtext("description") or "")
        author = clean(description_text(item.findtext("author") or ""))
        records.append(
            NoticeRecord(
                source=SOURCE,
                number=number,
                law=law_of(fields.get("law")) or law_of(title),
                title=fields.get("title"),
                url=link,
                procedure=clean(match["name"]) if match else None,
                status=status_of(fields.get("stage")),
                customer=Party(name=fields.get("customer") or author),
                nmck=ru_decimal(fields.get("price")),
                currency=currency_of(fields.get("currency")),
                published_at=_pub_date(item.findtext("pubDate")) or ru_datetime(fields.get("published")),
                ikz=fields.get("ikz"),
            )
        )
    return records
