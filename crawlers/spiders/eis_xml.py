"""eis-xml: EIS export documents (44-FZ ``epNotification*``/``fcsNotification*``, 223-FZ ``purchaseNotice*``).

``-a path=`` takes a folder (every ``.xml`` and ``.zip`` below it, nested folders too), a zip archive or an XML
document, as a local path, a ``file://`` URL or an ``http(s)://`` URL; an HTML page (a dump's listing) is
followed to the archives and documents it links to.

Local sources never go through the downloader: ``start()`` reads the files at disk speed, in name order, and
yields the items of their notices directly (Scrapy >= 2.13), every document of the run in one stream to the
parsing workers, so loose files are parsed in batches as archive members are. The downloader's etiquette
(AutoThrottle, ``Retry-After``, per-domain limits) is for web sites, and network sources keep it.

A document whose exact bytes (sha256) are stored already, with the notices parsed from it, is recognised
before parsing: counted as seen, its notices as unchanged, and neither parsed nor written again. A nightly
re-crawl of an unchanged archive costs reading and hashing it; ``tenderflow crawl`` and ``tenderflow nightly``
recognise one whose every document is stored before this spider is even loaded (``crawlers.spiders.recrawl``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import AsyncIterator, Iterable, Iterator, Sequence
from functools import cached_property
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import scrapy
from scrapy.http import Response

from crawlers.archives import ArchiveError, is_zip, iter_zip
from crawlers.items import NoticeBatch, NoticeItem, OutcomeBatch
from crawlers.parse_pool import Document, FileRef, ParsePool
from crawlers.spiders import local_input
from crawlers.spiders.base import BaseSpider
from crawlers.spiders.local_input import DOCUMENT_SUFFIXES, EXPORT_LIMITS, local_files
from store.db import database_url, make_engine, read_scope
from store.notices import NoticeRepository
from store.outcome_prepared import PreparedOutcome
from store.prepared import PreparedNotice, sha256_hex

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

MAX_NESTING = 2
KNOWN_LOOKUP = 256
"""Documents whose hashes are looked up in the store in one query (when hashed in this process)."""
OUTCOME_BATCH = 25
"""Outcome documents per item (``crawlers.items.OutcomeBatch``); the store pipeline's batch of 200 is 8 of them."""
NOTICE_BATCH = 25
"""Notices parsed by the workers per item (``crawlers.items.NoticeBatch``), likewise."""


class EisXmlSpider(BaseSpider):
    name = "eis-xml"
    source = "eis44"
    path: str | None = None
    """What ``-a path=`` names; None in subclasses that find their documents themselves (eis-docs)."""
    files: list[Path] | None = None
    """The local files of ``path``, listed when the crawler is built (None: a network source)."""
    lazy: bool = False
    """A local input new to the store: the parsing workers unpack its archives' XML members and hash them, and
    this process only looks the hashes up. A re-crawl (its first document stored already) unpacks and hashes
    here, and hands the workers (started only then) just what changed."""

    def __init__(self, *args: Any, path: str | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not path:
            raise ValueError("eis-xml needs -a path=FOLDER|ARCHIVE|DOCUMENT|URL")
        self.path = path

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> EisXmlSpider:
        """The spider; for a new local input big enough for the parsing workers, their server starts loading
        now, while Scrapy builds the engine, rather than when the first documents are read (``tenderflow crawl``
        started it earlier still, ``crawlers.spiders.local_input``)."""
        spider = super().from_crawler(crawler, *args, **kwargs)
        if spider.path is None:
            return spider
        try:
            spider.files = local_files(spider.path)
        except FileNotFoundError:
            return spider  # start() reports it
        files = spider.files or []
        spider.lazy = not local_input.stored_already(spider.store, local_input.first_document(files))
        if spider.lazy and local_input.big_enough(files, spider.parse_pool):
            spider.parse_pool.warm_up()
        return spider

    async def start(self) -> AsyncIterator[scrapy.Request | NoticeItem]:
        path = str(self.path)
        files = self.files if self.files is not None else local_files(path)
        if files is None:
            yield scrapy.Request(path, callback=self.parse, errback=self.failed)
            return
        async for item in self.notices(self.file_documents(files)):
            yield item

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

    def file_documents(self, files: Iterable[Path]) -> Iterator[Document]:
        """The documents of local files, read lazily: XML files as they are, zips member by member (never
        whole in memory). For an input new to the store (:attr:`lazy`), the parsing workers read the XML files and
        unpack the archives' XML members themselves: they are given where each lies."""
        for file in files:
            name = file.as_uri()
            try:
                data = _read_document(file, whole=not self.lazy)
            except OSError as error:
                self.document_seen()
                self.document_error(f"{name}: не удалось прочитать файл ({error})")
                continue
            if data is None:
                yield from self.archive_documents(file, name)
            else:
                yield name, data

    def archive_documents(self, data: bytes | Path, name: str, depth: int = 0) -> Iterator[Document]:
        """The XML documents of an archive (its bytes or its local path; and of archives inside it), read
        lazily; refused entries and unreadable archives are reported and skipped. The XML members of a local
        archive come as where they lie (``crawlers.archives.MemberRef``): the parsing workers unpack them."""
        try:
            for entry in iter_zip(data, name, EXPORT_LIMITS, lazy=(".xml",) if self.lazy else ()):
                inner = f"{name}!{entry.name}"
                if entry.ref is not None:
                    yield inner, entry.ref
                elif entry.error:
                    self.document_seen()
                    self.document_error(entry.error)
                elif entry.data is not None and is_zip(entry.data) and depth < MAX_NESTING:
                    yield from self.archive_documents(entry.data, inner, depth + 1)
                elif entry.data is not None and entry.name.lower().endswith(".xml"):
                    yield inner, entry.data
        except ArchiveError as error:  # the whole archive (or what was left of it) is lost
            self.document_seen()
            self.archive_broken(str(error), name)

    def known_documents(self, digests: Sequence[str]) -> dict[str, int]:
        """Of these documents (sha256), those stored already with their notices (sha256 -> notice versions):
        they are not parsed again (a re-crawl of an unchanged input costs reading and hashing it)."""
        with read_scope(self.store) as session:
            return NoticeRepository(session).known_documents(digests)

    def unseen(self, documents: Iterable[Document]) -> Iterator[Document]:
        """The documents (as bytes) not stored already, with their sha256, hashed and looked up here: a stored
        one is counted as seen, its notices as unchanged, and goes no further."""
        iterator = iter(documents)
        while chunk := list(islice(iterator, KNOWN_LOOKUP)):
            digests = [sha256_hex(data) for _, data, *_ in chunk]  # type: ignore[arg-type]  (bytes: not lazy)
            known = self.known_documents(digests)
            for (name, data, *_), digest in zip(chunk, digests, strict=True):
                if digest not in known:
                    yield name, data, digest  # type: ignore[misc]
                    continue
                self.document_seen()
                self.unchanged(known[digest])

    def _count(self, counts: Counter[str]) -> None:
        stats = self.crawler.stats
        for key, count in counts.items():
            stats.inc_value(key, count)
        counts.clear()

    def unchanged(self, notices: int) -> None:
        """Count a document stored already, with the ``notices`` notice versions parsed from it."""
        stats = self.crawler.stats
        stats.inc_value("tenderflow/documents_unchanged")
        stats.inc_value("tenderflow/notices_unchanged", notices)
        stats.inc_value("tenderflow/notices_recognised", notices)

    async def notices(self, documents: Iterable[Document]) -> AsyncIterator[NoticeItem | NoticeBatch | OutcomeBatch]:
        """Items for the documents' notices and outcome documents, parsed (validated, encoded) by the parsing
        workers; documents are counted by family (notices, protocols, contracts, cancellations...). Notices go
        in batches of ``NOTICE_BATCH``, outcome documents of ``OUTCOME_BATCH`` (the last ones when the documents
        end).

        A notice that fails validation comes as its extracted dict, for the validation pipeline to report.
        """
        outcomes: list[PreparedOutcome] = []
        prepared: list[PreparedNotice] = []
        nested: list[tuple[str, bytes]] = []
        counts: Counter[str] = Counter()  # documents and families, counted in Scrapy's stats per batch
        pool = self.parse_pool
        found = pool.parse_async(documents, self.known_documents) if self.lazy else pool.parse_async(
            self.unseen(documents)
        )
        try:
            async for parsed in found:
                if parsed.archive is not None:  # a member named like a document that is an archive itself
                    nested.append((parsed.name, parsed.archive))
                    continue
                counts["tenderflow/documents"] += 1
                if parsed.unchanged is not None:
                    self.unchanged(parsed.unchanged)
                    continue
                if parsed.family:
                    counts[f"tenderflow/family/{parsed.family}"] += 1
                outcomes.extend(parsed.outcomes)
                if len(outcomes) >= OUTCOME_BATCH:
                    self._count(counts)
                    yield OutcomeBatch(outcomes)
                    outcomes = []
                if parsed.skipped:
                    self.document_skipped(parsed.skipped)
                elif parsed.error:
                    self.document_error(parsed.error)
                prepared.extend(parsed.notices)
                if len(prepared) >= NOTICE_BATCH:
                    self._count(counts)
                    yield NoticeBatch(prepared)
                    prepared = []
                for record in parsed.invalid:
                    yield self.notice_item(record, raw_name=parsed.name, url=parsed.name)
        finally:
            self._count(counts)
        if prepared:
            yield NoticeBatch(prepared)
        if outcomes:
            yield OutcomeBatch(outcomes)
        for name, data in nested:
            async for item in self.notices(self.archive_documents(data, name, 1)):
                yield item

    @cached_property
    def parse_pool(self) -> ParsePool:
        """Worker processes for big inputs (``TENDERFLOW_PARSE_WORKERS``; 0 parses in this process)."""
        return local_input.parse_pool(self.settings.get(local_input.WORKERS_SETTING))

    @cached_property
    def store(self) -> Any:
        """The crawl's database (migrated at command start or by the StoreSchema extension), read to recognise
        documents stored already."""
        return make_engine(database_url(self.settings.get("TENDERFLOW_DB")))

    def closed(self, reason: str) -> None:
        if "parse_pool" in self.__dict__:
            self.parse_pool.close()


def _read_document(file: Path, whole: bool = True) -> bytes | FileRef | None:
    """A loose file's bytes, read in one piece (no buffer, no concatenation), or (``whole`` false) where it lies,
    for a parsing worker to read; None for an archive (read entry by entry), which is any ``.zip`` (one that is
    no zip is a broken archive) or any file that starts as a zip."""
    with open(file, "rb", buffering=0) as handle:
        if is_zip(handle.read(4)) or file.suffix.lower() == ".zip":
            return None
        if not whole:
            return FileRef(str(file))
        handle.seek(0)
        return handle.readall()


def _is_html(response: Response) -> bool:
    content_type = response.headers.get(b"Content-Type", b"").decode("latin-1").lower()
    if "html" in content_type:
        return True
    head = response.body[:512].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html"))
