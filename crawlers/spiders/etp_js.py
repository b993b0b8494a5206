"""etp-js: a platform whose pages render in JavaScript (modelled on the Moscow supplier portal, zakupki.mos.ru).

The list and detail pages are single-page-app shells; they go through scrapy-playwright driving the system
Chromium (``/usr/bin/chromium``, no browser download) and are parsed after rendering. Only those pages use the
browser: any other request of this spider goes through Scrapy's plain HTTP downloader.

Arguments: ``-a list_path=/purchase/list`` (the first page; ``?page=N`` is followed through the pager),
``-a max_pages=N``, ``-a base_url=`` (a local server in tests and the demo).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import scrapy
from scrapy.http import Response
from scrapy_playwright.page import PageMethod

from crawlers.browser import launch_options
from crawlers.items import NoticeItem
from crawlers.parsers import etp_js
from crawlers.parsers.eis_html import merge
from crawlers.spiders.base import BaseSpider
from store.schema import NoticeRecord

HANDLER = "scrapy_playwright.handler.ScrapyPlaywrightDownloadHandler"


def rendered() -> dict[str, Any]:
    """Request meta for a page that needs the browser: wait until its scripts have fetched and drawn."""
    return {
        "playwright": True,
        "playwright_page_methods": [PageMethod("wait_for_load_state", "networkidle")],
    }


class EtpJsSpider(BaseSpider):
    name = "etp-js"
    source = etp_js.SOURCE
    default_base_url = etp_js.BASE_URL
    custom_settings = {
        "DOWNLOAD_HANDLERS": {"http": HANDLER, "https": HANDLER},
        "PLAYWRIGHT_BROWSER_TYPE": "chromium",
        "PLAYWRIGHT_LAUNCH_OPTIONS": launch_options(),
        "PLAYWRIGHT_MAX_PAGES_PER_CONTEXT": 4,
        "PLAYWRIGHT_DEFAULT_NAVIGATION_TIMEOUT": 30_000,
        "CONCURRENT_REQUESTS": 4,
        "CONCURRENT_ITEMS": 8,  # one item per page: Scrapy's 100 output tasks per response are pure overhead
    }

    def __init__(self, *args: Any, list_path: str = "/purchase/list", max_pages: str = "20", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.list_path = list_path if list_path.startswith("/") else "/" + list_path
        self.max_pages = int(max_pages)

    def local(self, url: str) -> str:
        """A link of a rendered page, on the configured base URL (the pages link relatively)."""
        parts, base = urlsplit(url), urlsplit(self.base_url)
        return urlunsplit((base.scheme, base.netloc, parts.path, parts.query, ""))

    def public(self, url: str, keep_query: bool = True) -> str:
        """The same link on the platform's public address: what users open from the digest."""
        parts, base = urlsplit(url), urlsplit(self.default_base_url)
        return urlunsplit((base.scheme, base.netloc, parts.path, parts.query if keep_query else "", ""))

    async def start(self) -> AsyncIterator[scrapy.Request]:
        yield scrapy.Request(
            f"{self.base_url}{self.list_path}?page=1",
            callback=self.parse_list,
            errback=self.failed,
            meta={**rendered(), "page": 1},
        )

    def parse_list(self, response: Response) -> Iterator[scrapy.Request]:
        self.document_seen()
        page = etp_js.parse_list(response.text, response.url)
        if not page.records:
            self.document_error(f"{response.url}: в списке нет ни одной карточки (страница не отрисована?)")
            return
        for card in page.records:
            detail = page.detail_urls[card.number]
            card = card.model_copy(update={"url": self.public(detail, keep_query=False)})
            yield scrapy.Request(
                self.local(detail),
                callback=self.parse_detail,
                errback=self.detail_failed,
                meta={**rendered(), "card": card},
            )
        number = response.meta["page"]
        if page.next_url and number < self.max_pages:
            yield scrapy.Request(
                self.local(page.next_url),
                callback=self.parse_list,
                errback=self.failed,
                meta={**rendered(), "page": number + 1},
            )

    def parse_detail(self, response: Response) -> Iterator[NoticeItem]:
        card: NoticeRecord = response.meta["card"]
        self.document_seen()
        try:
            detail = etp_js.parse_detail(response.text, response.url)
        except ValueError as error:
            self.document_error(str(error))
            yield self.notice_item(card, url=card.url)
            return
        documents = [d.model_copy(update={"url": self.public(d.url)}) for d in detail.documents]
        record = merge(detail.model_copy(update={"url": card.url, "documents": documents}), card)
        yield self.notice_item(record, raw=response.body, raw_name=card.url, url=card.url)

    def detail_failed(self, failure: Any) -> Iterator[NoticeItem]:
        self.failed(failure)
        card: NoticeRecord = failure.request.meta["card"]
        yield self.notice_item(card, url=card.url)
