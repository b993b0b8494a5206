"""EIS (zakupki.gov.ru) extended-search results pages, every layout seen in public copies.

- current (2020-): ``div.search-registry-entry-block`` cards (``registry-entry__header-mid__number``,
  ``registry-entry__body-block`` title/value pairs, ``data-block__title`` dates, ``price-block__value``), the same
  for 44-FZ and 223-FZ;
- old (2014-2019): ``div.registerBox`` cards, a table with ``td.tenderTd`` (procedure, stage and law, price with
  ``span.currency``), ``td.descriptTenderTd`` (number link, ``dd.nameOrganization`` customer, object) and
  ``td.amountTenderTd`` (``<label>Размещено:</label> dd.mm.yyyy``, ``Обновлено``).

A page reports how many cards it holds (``cards``) next to the records read, so the spider can tell a page of
a layout it cannot read (cards but no record: an error in the crawl's health) from an empty search.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urljoin

from lxml.html import HtmlElement

from crawlers.parsers.html_values import (
    clean,
    css,
    currency_of,
    first,
    html_root,
    law_of,
    reg_number,
    ru_datetime,
    ru_decimal,
    status_of,
    text_of,
)
from store.schema import NoticeRecord, Party

SOURCE = "eis-search"
BASE_URL = "https://zakupki.gov.ru"
CARD_SELECTORS = ("div.search-registry-entry-block", "div.registerBox")

@dataclass
class ResultsPage:
    """One page of extended-search results: the cards as partial records, and the next page's URL."""

    records: list[NoticeRecord] = field(default_factory=list)
    documents_urls: dict[str, str] = field(default_factory=dict)
    next_url: str | None = None
    total_text: str | None = None
    cards: int = 0
    """Result cards on the page, read or not: more cards than records means a layout this parser missed."""


def _card(card: HtmlElement, base_url: str) -> tuple[NoticeRecord, str | None] | None:
    if "registerBox" in card.get("class", ""):
        return _old_card(card, base_url)
    return _current_card(card, base_url)


def _current_card(card: HtmlElement, base_url: str) -> tuple[NoticeRecord, str | None] | None:
    link = first(card, ".registry-entry__header-mid__number a")
    if link is None:
        return None
    url = urljoin(base_url, link.get("href", ""))
    number = reg_number(url) or re.sub(r"\D", "", link.text_content())
    header = text_of(first(card, ".registry-entry__header-top__title")) or ""
    law = law_of(header)
    procedure = clean(re.sub(r"^\s*\d+-(ФЗ|ПП)\s*", "", header)) if header else None
    body: dict[str, str | None] = {}
    for block in css(card, ".registry-entry__body-block"):
        title = text_of(first(block, ".registry-entry__body-title"))
        value = first(block, ".registry-entry__body-value", ".registry-entry__body-href")
        if title:
            body[title] = text_of(value)
    dates: dict[str, str | None] = {}
    for title in css(card, ".data-block__title"):
        value = title.getnext()
        if value is not None and "data-block__value" in value.get("class", ""):
            dates[text_of(title) or ""] = text_of(value)
    price_text = text_of(first(card, ".price-block__value"))
    docs = next((a.get("href") for a in css(card, ".href-block a[href]") if "documents" in a.get("href")), None)
    record = NoticeRecord(
        source=SOURCE,
        number=number,
        law=law,
        title=body.get("Объект закупки"),
        url=url,
        procedure=procedure,
        status=status_of(text_of(first(card, ".registry-entry__header-mid__title"))),
        customer=Party(name=body.get("Заказчик") or body.get("Организация, осуществляющая размещение")),
        nmck=ru_decimal(price_text),
        currency=currency_of(price_text) if price_text else None,
        published_at=ru_datetime(dates.get("Размещено")),
        deadline_at=ru_datetime(dates.get("Окончание подачи заявок")),
    )
    return record, urljoin(base_url, docs) if docs else None


def _old_card(card: HtmlElement, base_url: str) -> tuple[NoticeRecord, str | None] | None:
    """A 2014-2019 ``div.registerBox`` card (see the module docstring)."""
    link = first(card, "td.descriptTenderTd dt a[href]")
    if link is None:
        return None
    url = urljoin(base_url, link.get("href", ""))
    number = reg_number(url) or re.sub(r"\D", "", link.text_content())
    if not number:
        return None
    tender = first(card, "td.tenderTd")
    header = text_of(tender) or ""
    procedure = text_of(first(card, "td.tenderTd dt strong"))
    price_holder = next((dd for dd in css(card, "td.tenderTd dd") if css(dd, "strong")), None)
    price_text = text_of(price_holder)
    customer = first(card, "td.descriptTenderTd dd.nameOrganization a", "td.descriptTenderTd dd.nameOrganization")
    described = [dd for dd in css(card, "td.descriptTenderTd dd") if "nameOrganization" not in dd.get("class", "")]
    dates = {}
    for entry in css(card, "td.amountTenderTd li"):
        label = text_of(first(entry, "label")) or ""
        dates[label.rstrip(":")] = text_of(entry)
    stage = text_of(first(card, "td.tenderTd dt span.noWrap", "td.tenderTd span.orange"))
    record = NoticeRecord(
        source=SOURCE,
        number=number,
        law=law_of(header),
        title=text_of(described[-1]) if described else None,
        url=url,
        procedure=clean(re.sub(r"\s*\d+-(ФЗ|ПП)\s*", " ", procedure)) if procedure else None,
        status=status_of(stage),
        customer=Party(name=text_of(customer)) if customer is not None else None,
        nmck=ru_decimal(text_of(first(price_holder, "strong")) if price_holder is not None else None),
        currency=currency_of(price_text) if price_text else None,
        published_at=ru_datetime(dates.get("Размещено")),
    )
    return record, None


def next_page_url(root: HtmlElement, base_url: str) -> str | None:
    """The paginator's "next" link (``a.paginator-button-next``; old layout ``a.paginator-next``)."""
    link = first(
        root,
        ".paginator a.paginator-button-next[href]",
        "a.paginator-button-next[href]",
        "ul.paging li.rightArrow a[href]",
    )
    return urljoin(base_url, link.get("href")) if link is not None else None


def parse_results_page(page: str | bytes, url: str = BASE_URL) -> ResultsPage:
    root = html_root(page, url)
    total = first(root, ".search-results__total", "p.allRecords strong")
    result = ResultsPage(next_url=next_page_url(root, url), total_text=text_of(total))
    for selector in CARD_SELECTORS:
        for card in css(root, selector):
            result.cards += 1
            parsed = _card(card, url)
            if parsed is None:
                continue
            record, docs = parsed
            result.records.append(record)
            if docs:
                result.documents_urls[record.number] = docs
    return result
