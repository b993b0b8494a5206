"""ted: EU TED — anonymous Search API v3 (expert query, iteration paging), then each notice's eForms XML.

``POST https://api.ted.europa.eu/v3/notices/search`` with the CPV codes of the catalogue's categories and the
publication-date window; every hit's XML (``links.xml.MUL`` on ted.europa.eu) is parsed with the eForms
parser. A notice whose XML cannot be fetched or read is still stored from the search fields.

Arguments: ``-a cpv=32420000,48820000`` (default: ICT equipment, software and services),
``-a query=...`` (an extra expert-query clause), ``-a since=YYYY-MM-DD``, ``-a base_url=`` (search API and
notice XML served from one local server in tests).

``-a files=FILE|FOLDER|ARCHIVE`` (``tenderflow crawl ted --path``) reads downloaded eForms notices instead:
every ``.xml`` below a folder or inside a zip, at disk speed (:mod:`crawlers.local_files`), no search.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Iterator
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import scrapy
from scrapy.http import Response

from crawlers.items import NoticeItem, OutcomeItem
from crawlers.local_files import read_documents
from crawlers.parsers.eforms import parse_eforms
from crawlers.parsers.eforms_outcomes import extract as extract_outcomes
from crawlers.parsers.eis_html import merge
from crawlers.parsers.ted_api import TedHit, expert_query, parse_search, search_body
from crawlers.spiders.base import WindowedSpider
from store.outcome_prepared import prepare_outcome

ICT_CPV = ["30200000", "30230000", "32400000", "32420000", "32500000", "48000000", "72000000", "31682210"]
ICT_CPV_TEXT = ",".join(ICT_CPV)
JSON_HEADERS = {"Content-Type": "application/json", "Accept": "application/json"}


class TedSpider(WindowedSpider):
    name = "ted"
    source = "ted"
    default_base_url = "https://api.ted.europa.eu"
    custom_settings = {"CONCURRENT_ITEMS": 8}
    """Scrapy processes a callback's output with CONCURRENT_ITEMS (default 100) asyncio tasks per response; these
    callbacks yield a handful of requests/items each, so 100 tasks per page cost a third of the crawl's CPU
    (measured with ``benchmarks/crawl.py``)."""

    def __init__(
        self,
        *args: Any,
        cpv: str | None = None,
        query: str | None = None,
        limit: str = "100",
        files: str | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.files = files or None
        if cpv is None and query and "classification-cpv" in query:
            cpv = ""  # the expert query chooses its own CPV codes
        self.cpv = [c.strip() for c in (ICT_CPV_TEXT if cpv is None else cpv).split(",") if c.strip()]
        self.extra = query
        self.limit = int(limit)

    def local(self, url: str) -> str:
        """Notice XML lives on ted.europa.eu; with a local base URL it is fetched from there too."""
        parts, base = urlsplit(url), urlsplit(self.base_url)
        if self.base_url != self.default_base_url and parts.netloc.endswith("ted.europa.eu"):
            return urlunsplit((base.scheme, base.netloc, parts.path, parts.query, ""))
        return url

    def search(self, query: str, window: int, token: str | None = None) -> scrapy.Request:
        body = json.dumps(search_body(query, token=token, limit=self.limit))
        return scrapy.Request(
            f"{self.base_url}/v3/notices/search",
            method="POST",
            body=body,
            headers=JSON_HEADERS,
            callback=self.parse_search,
            errback=self.failed,
            dont_filter=True,
            meta={"window": window, "query": query},
        )

    async def start(self) -> AsyncIterator[scrapy.Request | NoticeItem | OutcomeItem]:
        if self.files:
            for item in self.local_notices(self.files):
                yield item
            return
        key = "cpv:" + ",".join(self.cpv) + (f"|{self.extra}" if self.extra else "")
        for window in self.open_windows(key):
            query = expert_query(self.cpv, window.start.strftime("%Y%m%d"), window.end.strftime("%Y%m%d"), self.extra)
            yield self.search(query, window.id)

    def local_notices(self, files: str) -> Iterator[NoticeItem | OutcomeItem]:
        """Downloaded eForms notices: each parsed alone (a contract award notice gives its outcome); one that
        cannot be read is reported and skipped."""
        for document in read_documents(files, (".xml",)):
            name, data = document.name, document.data
            self.document_seen()
            if data is None:
                self.local_document_unreadable(document)
                continue
            try:
                outcomes = extract_outcomes(data, source_name=name)
                if outcomes:
                    for document in outcomes:
                        yield OutcomeItem(prepare_outcome(document, data, name), raw_name=name)
                    continue
                notice = parse_eforms(data, source_name=name, languages=self.languages)
            except ValueError as problem:
                self.document_error(str(problem))
                continue
            yield self.notice_item(notice, raw=data, raw_name=name)

    @property
    def languages(self) -> list[str] | None:
        """Text languages by preference (setting ``TED_LANGUAGES``, e.g. ``rus,eng,deu``); default Russian,
        English, then the notice's own."""
        return self.settings.getlist("TED_LANGUAGES") or None

    def parse_search(self, response: Response) -> Iterator[scrapy.Request | NoticeItem]:
        self.document_seen()
        window = response.meta["window"]
        try:
            page = parse_search(response.body, response.url, self.languages)
        except ValueError as error:
            self.document_error(str(error))
            self.window_failed(window)
            return
        for message in page.errors:
            self.document_error(message)
        if page.timed_out:
            self.logger.warning("TED: поиск прерван по времени на стороне сервера; окно будет повторено")
            self.window_failed(window)
        for hit in page.hits:
            if hit.xml_url:
                yield scrapy.Request(
                    self.local(hit.xml_url),
                    callback=self.parse_notice,
                    errback=self.notice_failed,
                    meta={"hit": hit, "window": window},
                )
            else:
                yield self.notice_item(hit.record, url=hit.html_url)
        if page.next_token and page.hits:
            yield self.search(response.meta["query"], window, page.next_token)

    def parse_notice(self, response: Response) -> Iterator[NoticeItem | OutcomeItem]:
        hit: TedHit = response.meta["hit"]
        self.document_seen()
        try:
            notice = parse_eforms(
                response.body, number=hit.number, url=hit.html_url, source_name=response.url, languages=self.languages
            )
        except ValueError as error:
            self.document_error(str(error))
            yield self.notice_item(hit.record, url=hit.html_url)
            return
        yield self.notice_item(
            merge(notice, hit.record), raw=response.body, raw_name=f"{hit.number}.xml", url=hit.html_url
        )
        for document in extract_outcomes(response.body, hit.number, response.url):  # contract award notices
            yield OutcomeItem(prepare_outcome(document, response.body, f"{hit.number}.xml"), raw_name=response.url)

    def notice_failed(self, failure: Any) -> Iterator[NoticeItem]:
        self.failed(failure)
        hit: TedHit = failure.request.meta["hit"]
        yield self.notice_item(hit.record, url=hit.html_url)
