"""eis-search: EIS extended search (zakupki.gov.ru) for saved queries: RSS feed, results pages, notice pages.

Each saved query (keywords searched with morphology, OKPD2 codes, laws, price range, customer regions) is run
for the publication-date windows :mod:`crawlers.incremental` hands out. The RSS feed and the results pages
(followed through the paginator) name the notices; every notice's common-info page (general data, lines with
characteristics) and documents page complete the record. A failing notice page never costs the notice: the
search card is stored, and the window is left incomplete so the next run fetches it again.

Queries: ``-a query="коммутатор"`` (several separated by new lines; ``tenderflow crawl eis-search --query``),
``-a okpd2=26.20,26.30.11``, ``-a laws=44,223``, ``-a price_from=100000 -a price_to=5000000``,
``-a regions=77,50`` or a TOML file of named queries ``-a queries=FILE`` (``[[query]]`` tables with ``name``,
``keywords``, ``okpd2``, ``laws``, ``price_from``, ``price_to``, ``regions``). ``-a max_pages=N`` caps paging.
"""

from __future__ import annotations

import tomllib
from collections.abc import AsyncIterator, Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit, urlunsplit

import scrapy
from scrapy.http import Response

from crawlers.incremental import query_key
from crawlers.items import NoticeItem
from crawlers.parsers import eis_html, eis_results
from crawlers.parsers.eis_rss import parse_rss
from crawlers.spiders.base import WindowedSpider
from store.schema import NoticeRecord

MSK = timezone(timedelta(hours=3))
LAW_FLAGS = {"44": "fz44", "223": "fz223", "615": "ppRf615"}
SEARCH_PATH = "/epz/order/extendedsearch/"


def _split(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, list | tuple):
        return [str(v).strip() for v in value if str(v).strip()]
    return [part.strip() for part in str(value).replace(";", ",").split(",") if part.strip()]


def search_params(query: dict[str, Any], start: datetime, end: datetime, page: int = 1) -> dict[str, str]:
    """The extended-search query string, as the portal's own search form sends it."""
    params = {
        "searchString": query.get("keywords") or "",
        "morphology": "on",
        "search-filter": "Дате размещения",
        "pageNumber": str(page),
        "sortDirection": "false",
        "recordsPerPage": "_50",
        "showLotsInfoHidden": "false",
        "sortBy": "PUBLISH_DATE",
        "currencyIdGeneral": "-1",
        "publishDateFrom": start.astimezone(MSK).strftime("%d.%m.%Y"),
        "publishDateTo": end.astimezone(MSK).strftime("%d.%m.%Y"),
    }
    for law in _split(query.get("laws")) or ["44", "223"]:
        params[LAW_FLAGS.get(law, law)] = "on"
    if query.get("price_from"):
        params["priceFromGeneral"] = str(query["price_from"])
    if query.get("price_to"):
        params["priceToGeneral"] = str(query["price_to"])
    if _split(query.get("okpd2")):
        params["okpd2IdsCodes"] = ",".join(_split(query["okpd2"]))
        params["okpd2IdsWithNested"] = "on"
    if _split(query.get("regions")):
        params["customerPlace"] = ",".join(_split(query["regions"]))
    return params


def load_queries(arguments: dict[str, Any]) -> list[dict[str, Any]]:
    """Saved queries from ``-a queries=FILE.toml`` and/or the single-query arguments."""
    queries: list[dict[str, Any]] = []
    if arguments.get("queries"):
        with Path(arguments["queries"]).expanduser().open("rb") as handle:
            queries.extend(tomllib.load(handle).get("query", []))
    shared = {k: arguments.get(k) for k in ("okpd2", "laws", "price_from", "price_to", "regions")}
    keywords = [k.strip() for k in str(arguments.get("query") or "").splitlines() if k.strip()]
    for words in keywords:
        queries.append({"keywords": words, **shared})
    if not queries and any(shared.values()):
        queries.append(shared)
    if not queries:
        raise ValueError("eis-search needs a query: -a query=..., -a okpd2=... or -a queries=FILE.toml")
    return queries


class EisSearchSpider(WindowedSpider):
    name = "eis-search"
    source = eis_html.SOURCE
    default_base_url = eis_html.BASE_URL
    custom_settings = {"CONCURRENT_ITEMS": 8}
    """Scrapy processes a callback's output with CONCURRENT_ITEMS (default 100) asyncio tasks per response; these
    callbacks yield a handful of requests/items each, so 100 tasks per page cost a third of the crawl's CPU
    (measured with ``benchmarks/crawl.py``)."""

    def __init__(
        self, *args: Any, max_pages: str = "20", rss: str = "1", **kwargs: Any
    ) -> None:
        arguments = {
            k: kwargs.pop(k, None) for k in ("query", "queries", "okpd2", "laws", "price_from", "price_to", "regions")
        }
        super().__init__(*args, **kwargs)
        self.queries = load_queries(arguments)
        self.max_pages = int(max_pages)
        self.use_rss = rss not in ("0", "false", "no")

    # ------------------------------------------------------------------ requests

    def local(self, url: str) -> str:
        """Portal links are absolute (``https://zakupki.gov.ru/...``): keep them on the configured base URL."""
        parts, base = urlsplit(url), urlsplit(self.base_url)
        if parts.netloc.endswith("zakupki.gov.ru") and base.netloc != parts.netloc:
            return urlunsplit((base.scheme, base.netloc, parts.path, parts.query, ""))
        return url

    async def start(self) -> AsyncIterator[scrapy.Request]:
        for query in self.queries:
            for window in self.open_windows(query_key(query)):
                meta = {"window": window.id, "query": query, "window_start": window.start.isoformat()}
                params = search_params(query, window.start, window.end)
                if self.use_rss:
                    yield scrapy.Request(
                        f"{self.base_url}{SEARCH_PATH}rss.html?{urlencode(params)}",
                        callback=self.parse_rss,
                        errback=self.failed,
                        meta=meta,
                    )
                yield scrapy.Request(
                    f"{self.base_url}{SEARCH_PATH}results.html?{urlencode(params)}",
                    callback=self.parse_results,
                    errback=self.failed,
                    meta={**meta, "page": 1},
                )

    def notice_request(self, card: NoticeRecord, window: int | None, docs_url: str | None = None) -> scrapy.Request:
        return scrapy.Request(
            self.local(card.url),
            callback=self.parse_notice,
            errback=self.notice_failed,
            meta={"card": card, "window": window, "docs_url": docs_url},
        )

    # ------------------------------------------------------------------ callbacks

    def parse_rss(self, response: Response) -> Iterator[scrapy.Request]:
        self.document_seen()
        try:
            cards = parse_rss(response.body, response.url)
        except ValueError as error:
            self.document_error(str(error))
            self.window_failed(response.meta["window"])
            return
        for card in cards:
            if card.url:
                yield self.notice_request(card, response.meta["window"])

    def parse_results(self, response: Response) -> Iterator[scrapy.Request]:
        self.document_seen()
        try:
            page = eis_results.parse_results_page(response.body, response.url)
        except ValueError as error:
            self.document_error(str(error))
            self.window_failed(response.meta["window"])
            return
        if page.cards > len(page.records):
            # Cards the parser could not read (a layout it does not know): never a quiet zero.
            self.document_error(
                f"{response.url}: карточек результатов {page.cards}, прочитано {len(page.records)}:"
                " разметка страницы не распознана"
            )
            self.window_failed(response.meta["window"])
        for card in page.records:
            if card.url:
                yield self.notice_request(card, response.meta["window"], page.documents_urls.get(card.number))
        number = response.meta["page"]
        if page.next_url and page.records and number < self.max_pages:
            meta = {key: response.meta[key] for key in ("window", "query", "window_start")}
            yield scrapy.Request(
                self.local(page.next_url),
                callback=self.parse_results,
                errback=self.failed,
                meta={**meta, "page": number + 1},
            )
        elif page.next_url and number >= self.max_pages:
            self.logger.warning("%s: достигнут предел страниц (%d), окно не завершено", response.url, number)
            self.window_failed(response.meta["window"])

    def parse_notice(self, response: Response) -> Iterator[scrapy.Request | NoticeItem]:
        card: NoticeRecord = response.meta["card"]
        self.document_seen()
        try:
            page = eis_html.parse_common_info(response.body, response.url)
        except ValueError as error:
            self.document_error(str(error))
            self.window_failed(response.meta["window"])
            yield self.notice_item(card, url=response.url)
            return
        record = eis_html.merge(page.model_copy(update={"url": card.url}), card)
        docs_url = response.meta.get("docs_url") or card.url.replace("/common-info.html", "/documents.html")
        yield scrapy.Request(
            self.local(docs_url),
            callback=self.parse_documents,
            errback=self.documents_failed,
            meta={"record": record, "raw": response.body, "raw_name": response.url, "window": response.meta["window"]},
        )

    def parse_documents(self, response: Response) -> Iterator[NoticeItem]:
        record: NoticeRecord = response.meta["record"]
        try:
            documents = eis_html.parse_documents(response.body, response.url)
        except ValueError as error:
            self.document_error(str(error))
            documents = []
        if documents:
            record = record.model_copy(update={"documents": documents})
        yield self.notice_item(record, raw=response.meta["raw"], raw_name=response.meta["raw_name"], url=record.url)

    # ------------------------------------------------------------------ failures

    def notice_failed(self, failure: Any) -> Iterator[NoticeItem]:
        self.failed(failure)
        yield self.notice_item(failure.request.meta["card"], url=failure.request.url)

    def documents_failed(self, failure: Any) -> Iterator[NoticeItem]:
        self.failed(failure)
        meta = failure.request.meta
        yield self.notice_item(meta["record"], raw=meta["raw"], raw_name=meta["raw_name"], url=meta["record"].url)
