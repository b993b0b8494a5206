"""ocds: any OCDS publisher's release or record packages, by date window, following ``links.next``.

Defaults to UK Find a Tender (``/api/1.0/ocdsReleasePackages`` with ``updatedFrom``/``updatedTo`` and
cursor paging through ``links.next``); another publisher is a matter of arguments: ``-a base_url=``,
``-a path=/api/releases``, ``-a from_param=``/``-a to_param=`` (empty to send no date window),
``-a publisher=`` (the canonical ``source``, default ``ocds``), ``-a law=EU|commercial`` when known.

``-a files=FILE|FOLDER|ARCHIVE`` (``tenderflow crawl ocds --path``) reads downloaded packages instead: every
``.json`` release or record package below a folder or inside a zip, at disk speed (:mod:`crawlers.local_files`);
no date window, and ``links.next`` of a downloaded package is not followed.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any
from urllib.parse import urlencode, urlsplit, urlunsplit

import scrapy
from scrapy.http import Response

from crawlers.items import NoticeItem, OutcomeItem
from crawlers.local_files import read_documents
from crawlers.parsers.ocds import OcdsPage, load_package, parse_package
from crawlers.parsers.ocds_outcomes import extract as extract_outcomes
from crawlers.spiders.base import WindowedSpider
from store.outcome_prepared import prepare_outcome


def _timestamp(moment: Any) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%S")


class OcdsSpider(WindowedSpider):
    name = "ocds"
    source = "ocds"
    default_base_url = "https://www.find-tender.service.gov.uk"
    custom_settings = {"CONCURRENT_ITEMS": 8}
    """Scrapy processes a callback's output with CONCURRENT_ITEMS (default 100) asyncio tasks per response; these
    callbacks yield a handful of requests/items each, so 100 tasks per page cost a third of the crawl's CPU
    (measured with ``benchmarks/crawl.py``)."""

    def __init__(
        self,
        *args: Any,
        path: str = "/api/1.0/ocdsReleasePackages",
        from_param: str = "updatedFrom",
        to_param: str = "updatedTo",
        publisher: str = "ocds",
        law: str | None = None,
        limit: str = "100",
        files: str | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.files = files or None
        self.path = path if path.startswith("/") else "/" + path
        self.from_param, self.to_param = from_param, to_param
        self.publisher, self.law, self.limit = publisher, law or None, limit

    def local(self, url: str) -> str:
        """``links.next`` of a publisher behind the configured base URL (a proxy, the test server) stays there."""
        parts, base = urlsplit(url), urlsplit(self.base_url)
        if parts.netloc != base.netloc and self.base_url.rstrip("/") != self.default_base_url:
            return urlunsplit((base.scheme, base.netloc, parts.path, parts.query, ""))
        return url

    async def start(self) -> AsyncIterator[scrapy.Request | NoticeItem | OutcomeItem]:
        if self.files:
            for document in read_documents(self.files, (".json",)):
                name, data = document.name, document.data
                self.document_seen()
                if data is None:
                    self.local_document_unreadable(document)
                    continue
                parsed = self.package(data, name)
                if parsed is None:
                    continue
                page, outcomes = parsed
                for record in page.records:
                    yield self.notice_item(record, raw=data, raw_name=name)
                for outcome in outcomes:
                    yield outcome
            return
        for window in self.open_windows(f"{self.publisher}{self.path}"):
            params = {"limit": self.limit} if self.limit else {}
            if self.from_param:
                params[self.from_param] = _timestamp(window.start)
            if self.to_param:
                params[self.to_param] = _timestamp(window.end)
            url = f"{self.base_url}{self.path}" + (f"?{urlencode(params)}" if params else "")
            yield scrapy.Request(url, callback=self.parse, errback=self.failed, meta={"window": window.id})

    def package(self, data: bytes, name: str) -> tuple[OcdsPage, list[OutcomeItem]] | None:
        """One package parsed into notices and outcome documents (awards, contracts, payments: contract 4.5); a
        broken package (None) or release is reported, never raised."""
        try:
            package = load_package(data, name)
            page = parse_package(package, source=self.publisher, law=self.law, source_name=name)
            outcomes = [OutcomeItem(prepare_outcome(document, data, name), raw_name=name)
                        for document in extract_outcomes(package, name)]
        except ValueError as error:
            self.document_error(str(error))
            return None
        for message in page.errors:
            self.document_error(message)
        return page, outcomes

    def parse(self, response: Response) -> Iterator[NoticeItem | OutcomeItem | scrapy.Request]:
        self.document_seen()
        parsed = self.package(response.body, response.url)
        if parsed is None:
            self.window_failed(response.meta["window"])
            return
        page, outcomes = parsed
        for record in page.records:
            yield self.notice_item(record, raw=response.body, raw_name=response.url, url=response.url)
        yield from outcomes
        if page.next_url:
            yield scrapy.Request(
                self.local(page.next_url),
                callback=self.parse,
                errback=self.failed,
                meta={"window": response.meta["window"]},
            )
