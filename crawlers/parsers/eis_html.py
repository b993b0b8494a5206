"""EIS (zakupki.gov.ru) notice pages: common info (with purchase lines) and documents.

Pure functions from page text to canonical records (or parts of them). The markup is the portal's own
(``section.blockInfo__section`` label/value pairs, ``table.blockInfo__table`` lines, ``div.attachment`` rows);
values go through :mod:`crawlers.parsers.html_values`. Results pages are :mod:`crawlers.parsers.eis_results`.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin

from lxml.html import HtmlElement

from crawlers.parsers.eis_results import BASE_URL, SOURCE, parse_results_page
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
    ru_moment,
    status_of,
    text_of,
)
from store.schema import Characteristic, Document, Item, NoticeRecord, Party, Platform, Security, to_decimal_str

__all__ = ["BASE_URL", "SOURCE", "merge", "parse_common_info", "parse_documents", "parse_lines", "parse_results_page"]

# ---------------------------------------------------------------- notice common-info page


def sections(root: HtmlElement) -> dict[str, str]:
    """All ``section__title`` -> ``section__info`` pairs of a notice page (first occurrence wins)."""
    pairs: dict[str, str] = {}
    for section in css(root, "section.blockInfo__section"):
        title = text_of(first(section, ".section__title"))
        info = text_of(first(section, ".section__info"))
        if title and info and title not in pairs:
            pairs[title] = info
    for section in css(root, ".cardMainInfo__section"):
        title = text_of(first(section, ".cardMainInfo__title"))
        info = text_of(first(section, ".cardMainInfo__content"))
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
    number = reg_number(url) or re.sub(r"\D", "", text_of(first(root, ".cardMainInfo__purchaseLink")) or "")
    if not number:
        raise ValueError(f"{url}: на странице извещения нет реестрового номера")
    header = " ".join(filter(None, (text_of(e) for e in css(root, ".cardMainInfo__title"))))
    stage = _pick(pairs, "Этап закупки") or text_of(first(root, ".cardMainInfo__state"))
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
        auction_at=ru_moment(_pick(pairs, "Дата проведения процедуры подачи предложений", "Дата проведения аукциона")),
        review_at=ru_moment(_pick(pairs, "Дата рассмотрения", "Дата окончания срока рассмотрения")),
        summary_at=ru_moment(_pick(pairs, "Дата подведения итогов")),
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
        link = first(row, ".section__value a[href]", "a[href*='filestore']", "a[href*='download']")
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
