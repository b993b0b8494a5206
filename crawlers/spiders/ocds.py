"""ocds: any OCDS publisher's release or record packages, by date window, following ``links.next``.

Defaults to UK Find a Tender (``/api/1.0/ocdsReleasePackages`` with ``updatedFrom``/``updatedTo`` and
cursor paging through ``links.next``); another publisher is a matter of arguments: ``-a base_url=``,
``-a path=/api/releases``, ``-a from_param=``/``-a to_param=`` (empty to send no date window),
``-a publisher=`` (the canonical ``source``, default ``ocds``), ``-a law=EU|commercial`` when known.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any
from urllib.parse import urlencode, urlsplit, urlunsplit

import scrapy
from scrapy.http import Response

from crawlers.incremental import Windows
from crawlers.items import NoticeItem, OutcomeItem
from crawlers.parsers.ocds import load_package, parse_package
from crawlers.parsers.ocds_outcomes import extract as extract_outcomes
from crawlers.spiders.base import BaseSpider
from store.outcomes import prepare_outcome


def _timestamp(moment: Any) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%S")


class OcdsSpider(BaseSpider):
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
        since: str | None = None,
        limit: str = "100",
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.path = path if path.startswith("/") else "/" + path
        self.from_param, self.to_param = from_param, to_param
        self.publisher, self.law, self.since, self.limit = publisher, law or None, since, limit

    def local(self, url: str) -> str:
        """``links.next`` of a publisher behind the configured base URL (a proxy, the test server) stays there."""
        parts, base = urlsplit(url), urlsplit(self.base_url)
        if parts.netloc != base.netloc and self.base_url.rstrip("/") != self.default_base_url:
            return urlunsplit((base.scheme, base.netloc, parts.path, parts.query, ""))
        return url

    async def start(self) -> AsyncIterator[scrapy.Request]:
        self.windows = Windows(self, since=self.since)
        for window in self.windows.open(f"{self.publisher}{self.path}"):
            params = {"limit": self.limit} if self.limit else {}
            if self.from_param:
                params[self.from_param] = _timestamp(window.start)
            if self.to_param:
                params[self.to_param] = _timestamp(window.end)
            url = f"{self.base_url}{self.path}" + (f"?{urlencode(params)}" if params else "")
            yield scrapy.Request(url, callback=self.parse, errback=self.failed, meta={"window": window.id})

    def parse(self, response: Response) -> Iterator[NoticeItem | OutcomeItem | scrapy.Request]:
        self.document_seen()
        try:
            package = load_package(response.body, response.url)
            page = parse_package(package, source=self.publisher, law=self.law, source_name=response.url)
            outcomes = extract_outcomes(package, response.url)  # awards, contracts, payments (contract 4.5)
        except ValueError as error:
            self.document_error(str(error))
            self.windows.fail(response.meta["window"])
            return
        for message in page.errors:
            self.document_error(message)
        for record in page.records:
            yield self.notice_item(record, raw=response.body, raw_name=response.url, url=response.url)
        for document in outcomes:
            yield OutcomeItem(prepare_outcome(document, response.body, response.url), raw_name=response.url)
        if page.next_url:
            yield scrapy.Request(
                self.local(page.next_url),
                callback=self.parse,
                errback=self.failed,
                meta={"window": response.meta["window"]},
            )

