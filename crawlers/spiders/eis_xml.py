"""eis-xml: EIS export documents (44-FZ ``epNotification*``/``fcsNotification*``, 223-FZ ``purchaseNotice*``).

``-a path=`` takes a folder (every ``.xml`` and ``.zip`` below it), a zip archive or an XML document, as a
local path, a ``file://`` URL or an ``http(s)://`` URL; an HTML page (a dump's listing) is followed to the
archives and documents it links to.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable, Iterator
from functools import cached_property
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from urllib.request import url2pathname

import scrapy
from scrapy.http import Response

from crawlers.archives import ArchiveError, is_zip, iter_zip
from crawlers.items import NoticeItem, OutcomeItem
from crawlers.parse_pool import Document, ParsePool
from crawlers.spiders.base import BaseSpider

DOCUMENT_SUFFIXES = (".xml", ".zip")
MAX_NESTING = 2


class EisXmlSpider(BaseSpider):
    name = "eis-xml"
    source = "eis44"

    def __init__(self, *args: Any, path: str | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not path:
            raise ValueError("eis-xml needs -a path=FOLDER|ARCHIVE|DOCUMENT|URL")
        self.path = path

    async def start(self) -> AsyncIterator[scrapy.Request]:
        for url in start_urls(self.path):
            yield scrapy.Request(url, callback=self.parse, errback=self.failed)

    async def parse(self, response: Response) -> AsyncIterator[NoticeItem | scrapy.Request]:
        body = response.body
        if is_zip(body):
            async for item in self.notices(self.archive_documents(body, response.url)):
                yield item
        elif _is_html(response):
            for href in response.css("a::attr(href)").getall():
                if urlsplit(href).path.lower().endswith(DOCUMENT_SUFFIXES):
                    yield response.follow(href, callback=self.parse, errback=self.failed)
        else:
            async for item in self.notices([(response.url, body)]):
                yield item

    def archive_documents(self, data: bytes, name: str, depth: int = 0) -> Iterator[Document]:
        """The XML documents of an archive (and of archives inside it), read lazily; refused entries and
        unreadable archives are reported and skipped."""
        try:
            for entry in iter_zip(data, name):
                inner = f"{name}!{entry.name}"
                if entry.error:
                    self.document_seen()
                    self.document_error(entry.error)
                elif entry.data is not None and is_zip(entry.data) and depth < MAX_NESTING:
                    yield from self.archive_documents(entry.data, inner, depth + 1)
                elif entry.data is not None and entry.name.lower().endswith(".xml"):
                    yield inner, entry.data
        except ArchiveError as error:
            self.document_seen()
            self.document_error(str(error))

    async def notices(self, documents: Iterable[Document]) -> AsyncIterator[NoticeItem | OutcomeItem]:
        """Items for the documents' notices and outcome documents, parsed (validated, encoded) by the parsing
        workers; documents are counted by family (notices, protocols, contracts, cancellations...).

        A notice that fails validation comes as its extracted dict, for the validation pipeline to report.
        """
        async for parsed in self.parse_pool.parse_async(documents):
            self.document_seen()
            if parsed.family:
                self.crawler.stats.inc_value(f"tenderflow/family/{parsed.family}")
            for outcome in parsed.outcomes:
                yield OutcomeItem(outcome, raw_name=parsed.name)
            if parsed.skipped:
                self.document_skipped(parsed.skipped)
            elif parsed.error:
                self.document_error(parsed.error)
            for notice in parsed.notices:
                yield self.notice_item(notice, raw_name=parsed.name, url=parsed.name)
            for record in parsed.invalid:
                yield self.notice_item(record, raw_name=parsed.name, url=parsed.name)

    @cached_property
    def parse_pool(self) -> ParsePool:
        """Worker processes for big archives (``TENDERFLOW_PARSE_WORKERS``; 0 parses in this process)."""
        workers = self.settings.get("TENDERFLOW_PARSE_WORKERS")
        return ParsePool(None if workers in (None, "") else int(workers))

    def closed(self, reason: str) -> None:
        if "parse_pool" in self.__dict__:
            self.parse_pool.close()


def start_urls(path: str) -> list[str]:
    """The URLs a ``path`` argument stands for: URLs as given, a folder's documents in name order."""
    if path.startswith("file://"):
        path = url2pathname(urlsplit(path).path)
    elif "://" in path:
        return [path]
    local = Path(path).expanduser().resolve()
    if local.is_dir():
        return [
            file.as_uri()
            for file in sorted(local.rglob("*"))
            if file.is_file() and file.suffix.lower() in DOCUMENT_SUFFIXES
        ]
    if local.is_file():
        return [local.as_uri()]
    raise FileNotFoundError(f"нет такого файла или папки: {path}")


def _is_html(response: Response) -> bool:
    content_type = response.headers.get(b"Content-Type", b"").decode("latin-1").lower()
    if "html" in content_type:
        return True
    head = response.body[:512].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html"))
