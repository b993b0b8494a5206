"""EIS (zakupki.gov.ru) HTML pages: extended-search results, notice common info, documents.

Pure functions from page text to canonical records (or parts of them). The markup is the portal's own
(``div.search-registry-entry-block`` cards, ``section.blockInfo__section`` label/value pairs,
``div.attachment`` rows); every value goes through the same small normalisers, which the RSS and JS-platform
parsers reuse: Russian numbers (``262 512,00 ₽``), dates (``05.08.2026 10:00 (МСК+9)``), law names, currency.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from functools import lru_cache
from urllib.parse import parse_qs, urljoin, urlsplit

import lxml.html
from lxml import etree
from lxml.cssselect import CSSSelector
from lxml.html import HtmlElement

from store.schema import Characteristic, Document, Item, NoticeRecord, Party, Platform, Security, to_decimal_str

SOURCE = "eis-search"
BASE_URL = "https://zakupki.gov.ru"

# ---------------------------------------------------------------- normalisers (shared with eis_rss, etp_js)

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
        raise ValueError(f"{source}: empty page")
    root = lxml.html.fromstring(page)
    etree.strip_elements(root, "script", "style", "noscript", with_tail=False)  # code is not page text
    return root


@lru_cache(maxsize=256)
def _compiled(selector: str) -> CSSSelector:
    return CSSSelector(selector)


def css(root: HtmlElement, selector: str) -> list[HtmlElement]:
    """``root.cssselect(selector)`` with the selector compiled once (translation dominates small pages)."""
    return _compiled(selector)(root)


def _first(root: HtmlElement, *selectors: str) -> HtmlElement | None:
    """First element matching the first selector that matches anything (lxml elements are not truthy)."""
    for selector in selectors:
        found = css(root, selector)
        if found:
            return found[0]
    return None


# ---------------------------------------------------------------- results pages


@dataclass
class ResultsPage:
    """One page of extended-search results: the cards as partial records, and the next page's URL."""

    records: list[NoticeRecord] = field(default_factory=list)
    documents_urls: dict[str, str] = field(default_factory=dict)
    next_url: str | None = None
    total_text: str | None = None


def _card(card: HtmlElement, base_url: str) -> tuple[NoticeRecord, str | None] | None:
    link = _first(card, ".registry-entry__header-mid__number a")
    if link is None:
        return None
    url = urljoin(base_url, link.get("href", ""))
    number = reg_number(url) or re.sub(r"\D", "", link.text_content())
    header = text_of(_first(card, ".registry-entry__header-top__title")) or ""
    law = law_of(header)
    procedure = clean(re.sub(r"^\s*\d+-(ФЗ|ПП)\s*", "", header)) if header else None
    body: dict[str, str | None] = {}
    for block in css(card, ".registry-entry__body-block"):
        title = text_of(_first(block, ".registry-entry__body-title"))
        value = _first(block, ".registry-entry__body-value", ".registry-entry__body-href")
        if title:
            body[title] = text_of(value)
    dates: dict[str, str | None] = {}
    for title in css(card, ".data-block__title"):
        value = title.getnext()
        if value is not None and "data-block__value" in value.get("class", ""):
            dates[text_of(title) or ""] = text_of(value)
    price_text = text_of(_first(card, ".price-block__value"))
    docs = next((a.get("href") for a in css(card, ".href-block a[href]") if "documents" in a.get("href")), None)
    record = NoticeRecord(
        source=SOURCE,
        number=number,
        law=law,
        title=body.get("Объект закупки"),
        url=url,
        procedure=procedure,
        status=status_of(text_of(_first(card, ".registry-entry__header-mid__title"))),
        customer=Party(name=body.get("Заказчик") or body.get("Организация, осуществляющая размещение")),
        nmck=ru_decimal(price_text),
        currency=currency_of(price_text) if price_text else None,
        published_at=ru_datetime(dates.get("Размещено")),
        deadline_at=ru_datetime(dates.get("Окончание подачи заявок")),
    )
    return record, urljoin(base_url, docs) if docs else None


def next_page_url(root: HtmlElement, base_url: str) -> str | None:
    """The paginator's "next" link (``a.paginator-button-next``), if the page has one."""
    link = _first(root, ".paginator a.paginator-button-next[href]", "a.paginator-button-next[href]")
    return urljoin(base_url, link.get("href")) if link is not None else None


def parse_results_page(page: str | bytes, url: str = BASE_URL) -> ResultsPage:
    root = html_root(page, url)
    result = ResultsPage(next_url=next_page_url(root, url), total_text=text_of(_first(root, ".search-results__total")))
    for card in css(root, "div.search-registry-entry-block"):
        parsed = _card(card, url)
        if parsed is None:
            continue
        record, docs = parsed
        result.records.append(record)
        if docs:
            result.documents_urls[record.number] = docs
    return result


# ---------------------------------------------------------------- notice common-info page


def sections(root: HtmlElement) -> dict[str, str]:
    """All ``section__title`` -> ``section__info`` pairs of a notice page (first occurrence wins)."""
    pairs: dict[str, str] = {}
    for section in css(root, "section.blockInfo__section"):
        title = text_of(_first(section, ".section__title"))
        info = text_of(_first(section, ".section__info"))
        if title and info and title not in pairs:
            pairs[title] = info
    for section in css(root, ".cardMainInfo__section"):
        title = text_of(_first(section, ".cardMainInfo__title"))
        info = text_of(_first(section, ".cardMainInfo__content"))
        if title and info and title not in pairs:
            pairs[title] = info
    return pairs


def _pick(pairs: dict[str, str], *prefixes: str) -> str | None:
    for prefix in prefixes:
        for title, value in pairs.items():
            if title.startswith(prefix):
                return value
    return None


def _security(text: str | None) -> Security | None:
    """``"1,00 %"`` -> percent; ``"4 416,67 ₽"`` -> amount; ``"4 416,67 ₽ (1,00 %)"`` -> both."""
    if not text or "не требуется" in text.lower():
        return None
    percent = re.search(r"(\d+(?:[.,]\d+)?)\s*%", text)
    amount_text = re.sub(r"\(?\s*\d+(?:[.,]\d+)?\s*%\s*\)?", " ", text)
    amount = ru_decimal(amount_text)
    result = Security(amount=amount, percent=ru_decimal(percent.group(1)) if percent else None)
    return result if (result.amount or result.percent) else None


def parse_common_info(page: str | bytes, url: str) -> NoticeRecord:
    """A notice's ``common-info.html`` page (44-FZ / 223-FZ) into a record (lines included when shown)."""
    root = html_root(page, url)
    pairs = sections(root)
    number = reg_number(url) or re.sub(r"\D", "", text_of(_first(root, ".cardMainInfo__purchaseLink")) or "")
    if not number:
        raise ValueError(f"{url}: no registry number on the notice page")
    header = " ".join(filter(None, (text_of(e) for e in css(root, ".cardMainInfo__title"))))
    stage = _pick(pairs, "Этап закупки") or text_of(_first(root, ".cardMainInfo__state"))
    price = _pick(pairs, "Начальная (максимальная) цена контракта", "Начальная цена", "Максимальное значение цены")
    platform_name = _pick(pairs, "Наименование электронной площадки")
    platform_url = _pick(pairs, "Адрес электронной площадки")
    smp_text = " ".join(v for k, v in pairs.items() if k.startswith(("Преимущества", "Ограничения")))
    record = NoticeRecord(
        source=SOURCE,
        number=number,
        law=law_of(header) or law_of(_pick(pairs, "Закупка осуществляется в соответствии")),
        title=_pick(pairs, "Наименование объекта закупки", "Объект закупки", "Наименование закупки"),
        url=url,
        procedure=_pick(pairs, "Способ определения поставщика", "Способ осуществления закупки"),
        status=status_of(stage),
        platform=Platform(name=platform_name, url=platform_url) if platform_name or platform_url else None,
        customer=Party(
            name=_pick(
                pairs,
                "Заказчик",
                "Наименование заказчика",
                "Организация, осуществляющая размещение",
                "Размещение осуществляет",
            ),
            inn=_pick(pairs, "ИНН"),
            region=_pick(pairs, "Регион"),
        ),
        nmck=ru_decimal(price),
        currency=currency_of(_pick(pairs, "Валюта") or price),
        published_at=ru_datetime(_pick(pairs, "Размещено", "Дата размещения")),
        deadline_at=ru_datetime(
            _pick(
                pairs,
                "Дата и время окончания срока подачи заявок",
                "Окончание подачи заявок",
                "Дата и время окончания подачи заявок",
            )
        ),
        auction_at=ru_datetime(_pick(pairs, "Дата проведения процедуры подачи предложений", "Дата подведения итогов")),
        application_security=_security(_pick(pairs, "Размер обеспечения заявки")),
        contract_security=_security(_pick(pairs, "Размер обеспечения исполнения контракта")),
        warranty_security=_security(_pick(pairs, "Размер обеспечения гарантийных обязательств")),
        advance_percent=ru_decimal(_pick(pairs, "Размер аванса")),
        smp_only=True if "субъект" in smp_text.lower() and "мал" in smp_text.lower() else None,
        delivery_place=_pick(pairs, "Место поставки товара", "Место доставки товара"),
        ikz=(_pick(pairs, "Идентификационный код закупки") or "").split(" ")[0] or None,
        contract_end_at=_pick(pairs, "Срок исполнения контракта", "Дата окончания исполнения контракта"),
        items=parse_lines(root),
    )
    return record


# ---------------------------------------------------------------- purchase lines

_KTRU = re.compile(r"\d{2}\.\d{2}\.\d{2}\.\d{3}-\d{5,8}")
_OKPD2 = re.compile(r"\d{2}(?:\.\d{1,3}){1,4}")
_COLUMNS = {  # header keyword -> field
    "код позиции": "code",
    "наименование": "name",
    "количество": "quantity",
    "единица": "unit",
    "цена за": "unit_price",
    "стоимость": "sum",
}
_BOUND = re.compile(r"(≥|>=|>|≤|<=|<)\s*(\d+(?:[.,]\d+)?)")


def _column_map(table: HtmlElement) -> dict[int, str]:
    rows = css(table, "tr")
    headers = css(table, "thead th") or (css(rows[0], "th") if rows else [])
    mapping: dict[int, str] = {}
    for index, th in enumerate(headers):
        label = (text_of(th) or "").lower()
        for keyword, name in _COLUMNS.items():
            if label.startswith(keyword) and name not in mapping.values():
                mapping[index] = name
                break
    return mapping


def _characteristic(name: str, value: str | None, unit: str | None, instruction: str | None) -> Characteristic:
    bounds = _BOUND.findall(value or "")
    if bounds:
        low = next(((op, v) for op, v in bounds if op in (">", ">=", "≥")), None)
        high = next(((op, v) for op, v in bounds if op in ("<", "<=", "≤")), None)
        return Characteristic(
            name=name,
            unit=unit,
            kind="range",
            fill_instruction=instruction,
            min=to_decimal_str(low[1]) if low else None,
            min_inclusive=(low[0] != ">") if low else None,
            max=to_decimal_str(high[1]) if high else None,
            max_inclusive=(high[0] != "<") if high else None,
        )
    values = [v for v in (clean(p) for p in re.split(r"[;\n]", value or "")) if v]
    if len(values) >= 1 and all(len(v) <= 80 for v in values):
        return Characteristic(name=name, unit=unit, kind="values", values=values, fill_instruction=instruction)
    return Characteristic(name=name, unit=unit, kind="text", text=value, fill_instruction=instruction)


def _characteristics(table: HtmlElement) -> list[Characteristic]:
    result = []
    rows = css(table, "tbody tr") or css(table, "tr")[1:]
    for row in rows:
        cells = [text_of(td) for td in css(row, "td")]
        if len(cells) >= 2 and cells[0]:
            unit = cells[2] if len(cells) > 2 else None
            instruction = cells[3] if len(cells) > 3 else None
            result.append(_characteristic(cells[0], cells[1], unit, instruction))
    return result


def parse_lines(root: HtmlElement) -> list[Item]:
    """Purchase objects table(s) of a notice page; characteristics from the nested table under each line."""
    items: list[Item] = []
    for table in css(root, "table.blockInfo__table"):
        columns = _column_map(table)
        if "name" not in columns.values():
            continue
        body_rows = css(table, "tbody > tr") or css(table, "tr")[1:]
        for row in body_rows:
            if "tableBlock__row" not in row.get("class", ""):
                nested = css(row, "table")
                if nested and items and "характеристик" in (text_of(nested[0]) or "").lower():
                    items[-1].characteristics.extend(_characteristics(nested[0]))
                continue
            cells = css(row, ":scope > td")
            values = {columns[i]: text_of(td) for i, td in enumerate(cells) if i in columns}
            if not values.get("name"):
                continue
            code = values.get("code") or ""
            ktru = _KTRU.search(code)
            okpd2 = _OKPD2.match(code) if not ktru else _OKPD2.match(ktru.group(0))
            items.append(
                Item(
                    index=len(items) + 1,
                    name=values["name"],
                    ktru=ktru.group(0) if ktru else None,
                    okpd2=okpd2.group(0) if okpd2 else None,
                    quantity=ru_decimal(values.get("quantity")),
                    unit=values.get("unit"),
                    unit_price=ru_decimal(values.get("unit_price")),
                    sum=ru_decimal(values.get("sum")),
                )
            )
    return items


# ---------------------------------------------------------------- documents page


def parse_documents(page: str | bytes, url: str) -> list[Document]:
    """``documents.html``: one ``div.attachment`` row per file; the signature links are skipped."""
    root = html_root(page, url)
    documents: list[Document] = []
    seen: set[str] = set()
    for row in css(root, "div.attachment"):
        link = _first(row, ".section__value a[href]", "a[href*='filestore']", "a[href*='download']")
        if link is None:
            continue
        href = urljoin(url, link.get("href"))
        if href in seen:
            continue
        seen.add(href)
        name = clean(link.get("title")) or text_of(link)
        documents.append(Document(name=name, url=href, kind=_kind(name)))
    return documents


def _kind(name: str | None) -> str | None:
    lowered = (name or "").lower()
    for marker, kind in (
        ("проект контракта", "contract_draft"),
        ("проект договора", "contract_draft"),
        ("описание объекта", "specification"),
        ("техническое задание", "specification"),
        ("нмцк", "price_justification"),
        ("обоснование", "price_justification"),
        ("требования к содержанию", "application_requirements"),
    ):
        if marker in lowered:
            return kind
    return None


def merge(base: NoticeRecord, *others: NoticeRecord | None, documents: list[Document] | None = None) -> NoticeRecord:
    """Fill ``base``'s unknown fields from ``others`` in order (the notice page refines the search card)."""
    data = base.model_dump()
    for other in others:
        if other is None:
            continue
        for key, value in other.model_dump().items():
            if value not in (None, [], {}) and data.get(key) in (None, [], {}):
                data[key] = value
            elif isinstance(value, dict) and isinstance(data.get(key), dict):
                data[key] = {k: data[key].get(k) if data[key].get(k) is not None else v for k, v in value.items()}
    if documents:
        data["documents"] = [d.model_dump() for d in documents]
    return NoticeRecord.model_validate(data)
