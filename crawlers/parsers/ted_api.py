"""TED Search API v3 (``POST https://api.ted.europa.eu/v3/notices/search``): request bodies and responses.

Anonymous search with an expert query, the selected fields, and iteration paging (``paginationMode":
"ITERATION"``, the response's ``iterationNextToken`` fed back). A response is
``{"notices": [...], "totalNoticeCount": n, "iterationNextToken": "...", "timedOut": false}``; each notice
holds only the requested fields, as plain values, lists, or language maps (``{"eng": "..."}`` /
``{"eng": ["..."]}``). A hit gives a partial record and the links to its eForms XML.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from crawlers.parsers.eforms import SOURCE, moment
from crawlers.parsers.ted_terms import DEFAULT_LANGUAGES, choose_from_map, country_name, language_order
from store.schema import NoticeRecord, Party, to_decimal_str

SEARCH_URL = "https://api.ted.europa.eu/v3/notices/search"
FIELDS = [
    "publication-number",
    "publication-date",
    "notice-type",
    "notice-title",
    "buyer-name",
    "buyer-country",
    "classification-cpv",
    "deadline-receipt-tender-date-lot",
    "total-value",
    "total-value-cur",
    "links",
]


@dataclass
class TedHit:
    number: str
    record: NoticeRecord
    xml_url: str | None
    html_url: str | None
    cpv: list[str] = field(default_factory=list)


@dataclass
class TedPage:
    hits: list[TedHit] = field(default_factory=list)
    next_token: str | None = None
    total: int | None = None
    timed_out: bool = False
    errors: list[str] = field(default_factory=list)


def expert_query(
    cpv: list[str] | None = None, since: str | None = None, until: str | None = None, extra: str | None = None
) -> str:
    """Expert query: CPV codes, publication-date window (``YYYYMMDD``), plus any extra clause."""
    clauses = []
    if cpv:
        clauses.append(f"classification-cpv IN ({' '.join(cpv)})")
    if since:
        clauses.append(f"publication-date>={since.replace('-', '')}")
    if until:
        clauses.append(f"publication-date<={until.replace('-', '')}")
    if extra:
        clauses.append(f"({extra})")
    return " AND ".join(clauses) or "notice-type IN (cn-standard cn-social)"


def search_body(query: str, token: str | None = None, limit: int = 100, fields: list[str] | None = None) -> dict:
    return {
        "query": query,
        "fields": fields or FIELDS,
        "limit": limit,
        "scope": "ALL",
        "paginationMode": "ITERATION",
        "iterationNextToken": token,
        "checkQuerySyntax": False,
        "onlyLatestVersions": True,
    }


def first(value: Any, order: Sequence[str] = DEFAULT_LANGUAGES) -> Any:
    """A field's single value: lists give their first element, language maps the text in the first language
    of ``order`` they have (then multilingual, then any: :func:`crawlers.parsers.ted_terms.choose_from_map`)."""
    if isinstance(value, dict):
        return first(choose_from_map(value, order), order) if value else None
    if isinstance(value, list):
        return first(value[0], order) if value else None
    return value


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    if isinstance(value, dict):
        value = first(value)
    return value if isinstance(value, list) else [value]


def _date(value: Any) -> str | None:
    text = first(value)
    return moment(str(text), None) if text else None


def _hit(notice: dict[str, Any], order: Sequence[str]) -> TedHit:
    number = first(notice.get("publication-number"))
    if not number:
        raise ValueError("извещение без publication-number")
    links = notice.get("links") or {}
    xml_url = first(links.get("xml") or {})
    html_url = first(links.get("html") or {}) or first(links.get("htmlDirect") or {})
    value = first(notice.get("total-value"))
    try:
        nmck = to_decimal_str(str(value)) if value is not None else None
    except ValueError:
        nmck = None
    deadlines = sorted(d for d in (_date(v) for v in _as_list(notice.get("deadline-receipt-tender-date-lot"))) if d)
    buyer = first(notice.get("buyer-name"), order)
    notice_type = first(notice.get("notice-type"))
    record = NoticeRecord(
        source=SOURCE,
        number=str(number),
        law="EU",
        title=first(notice.get("notice-title"), order) or first(notice.get("TI"), order),
        url=html_url,
        procedure_code=notice_type,
        status="closed" if str(notice_type or "").startswith("can") else "active",
        customer=Party(name=buyer, region=country_name(first(notice.get("buyer-country")))) if buyer else None,
        nmck=nmck,
        currency=first(notice.get("total-value-cur")) if nmck else None,
        published_at=_date(notice.get("publication-date")),
        deadline_at=deadlines[0] if deadlines else None,
    )
    cpv = [str(c) for c in _as_list(notice.get("classification-cpv"))]
    return TedHit(str(number), record, xml_url, html_url, list(dict.fromkeys(cpv)))


def parse_search(
    data: bytes | str, source_name: str = "ted-search", languages: Sequence[str] | None = None
) -> TedPage:
    try:
        payload = json.loads(data, parse_float=Decimal)
    except (ValueError, UnicodeDecodeError) as exc:
        raise ValueError(f"{source_name}: не JSON: {exc}") from exc
    if not isinstance(payload, dict) or not isinstance(payload.get("notices"), list):
        raise ValueError(f"{source_name}: не ответ поиска TED")
    page = TedPage(
        next_token=payload.get("iterationNextToken") or None,
        total=payload.get("totalNoticeCount"),
        timed_out=bool(payload.get("timedOut")),
    )
    for notice in payload["notices"]:
        try:
            page.hits.append(_hit(notice, language_order(None, languages)))
        except (ValueError, TypeError) as exc:
            page.errors.append(f"{source_name}: {exc}")
    return page
