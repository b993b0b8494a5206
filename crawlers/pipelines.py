"""Item pipelines: validate at the boundary, then store in batches. Spiders never write."""

from __future__ import annotations

import logging
import time
from collections import Counter
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass

from pydantic import ValidationError
from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem

from crawlers.items import NoticeBatch, NoticeItem, OutcomeBatch, OutcomeItem
from crawlers.parsers.eforms import SOURCE as TED
from crawlers.parsers.eforms_outcomes import procedure_id
from crawlers.parsers.xmlsafe import ParseError
from store.db import database_url, make_engine, session_scope
from store.notices import Incoming, NoticeRepository, UpsertOutcome
from store.outcome_prepared import PreparedOutcome
from store.outcomes import OutcomeRepository, StoreResult
from store.prepared import PreparedNotice
from store.schema import NoticeRecord

log = logging.getLogger(__name__)

Item = NoticeItem | NoticeBatch | OutcomeItem | OutcomeBatch


class ValidatePipeline:
    """Turns ``item.record`` into a validated :class:`NoticeRecord`; drops (and counts) invalid items.
    Prepared notices were validated by the parsing worker (``crawlers.parse_pool``) and pass as they are."""

    def __init__(self, crawler: Crawler) -> None:
        self.stats = crawler.stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ValidatePipeline:
        return cls(crawler)

    def process_item(self, item: Item) -> Item:
        if isinstance(item, OutcomeItem | OutcomeBatch | NoticeBatch) or isinstance(
            item.record, NoticeRecord | PreparedNotice
        ):
            return item
        try:
            item.record = NoticeRecord.model_validate(item.record)
        except ValidationError as error:
            self.stats.inc_value("tenderflow/invalid_items")
            where = item.raw_name or item.source_url or "?"
            first = error.errors()[0]
            raise DropItem(f"{where}: запись не прошла проверку: {first['loc']}: {first['msg']}") from error
        return item


@dataclass(frozen=True, slots=True)
class _Written:
    """What writing one batch did, counted by the crawl's thread (Scrapy's stats are not for other threads)."""

    notices: list[UpsertOutcome]
    documents: int
    stored: StoreResult | None
    linked: list[str]


class StorePipeline:
    """Upserts notices and outcome documents in batches (``TENDERFLOW_STORE_BATCH`` items or
    ``TENDERFLOW_STORE_FLUSH_SECONDS``), so a killed crawl loses at most the batch being written and the one
    being gathered, and everything before them is kept. Outcomes concerned by a batch's documents are derived
    again in the same transaction; inconsistent ones are logged (and kept, flagged).

    A batch is written by one writer thread while the crawl gathers the next one: the crawl's thread (Scrapy's
    event loop, which also hands documents to the parsing workers and collects their results) no longer waits
    for the database's statements and commits, where SQLite runs without the GIL and waits for the disk. At
    most one batch is being written: batches are stored in order, and the next waits for the previous."""

    def __init__(self, crawler: Crawler) -> None:
        settings = crawler.settings
        self.stats = crawler.stats
        self.url = database_url(settings.get("TENDERFLOW_DB"))
        self.batch_size = settings.getint("TENDERFLOW_STORE_BATCH", 200)
        self.flush_seconds = settings.getfloat("TENDERFLOW_STORE_FLUSH_SECONDS", 2.0)
        self.buffer: list[Incoming | PreparedNotice] = []
        self.outcomes: list[PreparedOutcome] = []
        self.procedures: dict[str, str] = {}
        """TED contract notices of the batch by eForms procedure identifier: their award notices' outcomes join them."""
        self.last_flush = time.monotonic()
        self.writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="tenderflow-store")
        self.writing: Future[_Written] | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> StorePipeline:
        return cls(crawler)

    def open_spider(self) -> None:
        self.engine = make_engine(self.url)

    def process_item(self, item: Item) -> Item:
        if isinstance(item, OutcomeItem):
            self.outcomes.append(item.document)
        elif isinstance(item, OutcomeBatch):
            self.outcomes.extend(item.documents)
            self.stats.inc_value("item_scraped_count", len(item.documents) - 1)  # Scrapy adds the item's 1
        elif isinstance(item, NoticeBatch):
            self.buffer.extend(item.notices)
            self.stats.inc_value("item_scraped_count", len(item.notices) - 1)
        else:
            record = item.record
            self.buffer.append(
                record if isinstance(record, PreparedNotice) else Incoming(record, item.raw, item.raw_name)
            )
            if isinstance(record, NoticeRecord) and record.source == TED and item.raw:
                self._procedure(record.number, item.raw, item.raw_name)
        pending = len(self.buffer) + len(self.outcomes)
        if pending >= self.batch_size or time.monotonic() - self.last_flush >= self.flush_seconds:
            self.flush()
        return item

    def _procedure(self, number: str, raw: bytes, name: str | None) -> None:
        try:
            procedure = procedure_id(raw, name or number)
        except ParseError:  # the notice was parsed from these bytes: only a non-eForms record gets here
            return
        if procedure:
            self.procedures[procedure] = number

    def close_spider(self) -> None:
        failed: Exception | None = None
        try:
            self.finish_writing()
        except Exception as error:  # the last batch is still written; then the failure is raised
            failed = error
        try:
            self.flush()
            self.finish_writing()
        finally:
            self.writer.shutdown()
        if failed is not None:
            raise failed

    def flush(self) -> None:
        """Hand the gathered batch to the writer, once the batch before it is written (and counted)."""
        self.last_flush = time.monotonic()
        if not self.buffer and not self.outcomes:
            return
        self.finish_writing()  # if the batch before failed, this one stays gathered for the next flush
        batch, self.buffer = self.buffer, []
        documents, self.outcomes = self.outcomes, []
        procedures, self.procedures = self.procedures, {}
        self.writing = self.writer.submit(self._write, batch, documents, procedures)

    def finish_writing(self) -> None:
        """Wait for the batch being written, count what it stored; its error, if any, is raised here."""
        writing, self.writing = self.writing, None
        if writing is not None:
            self._count(writing.result())

    def _write(
        self, batch: list[Incoming | PreparedNotice], documents: list[PreparedOutcome], procedures: dict[str, str]
    ) -> _Written:
        with session_scope(self.engine) as session:
            notices = NoticeRepository(session).upsert_many(batch)
            stored = OutcomeRepository(session).store(documents) if documents else None
            linked, _ = OutcomeRepository(session).link_notices(procedures)
        return _Written(notices, len(documents), stored, linked)

    def _count(self, written: _Written) -> None:
        self.stats.inc_value("tenderflow/outcomes_changed", len(written.linked))
        for outcome, count in Counter(written.notices).items():  # once per kind, not per notice
            self.stats.inc_value(f"tenderflow/notices_{outcome}", count)
        stored = written.stored
        if stored is not None:
            for status, count in Counter(stored.stored).items():
                self.stats.inc_value(f"tenderflow/outcome_documents_{status}", count)
            self.stats.inc_value("tenderflow/outcomes_changed", len(stored.changed))
            for number, flags in stored.flags.items():
                log.warning("закупка %s: итоги требуют внимания: %s", number, "; ".join(flags))
            if stored.unattached:
                self.stats.inc_value("tenderflow/contracts_without_purchase", len(stored.unattached))
                log.info("контрактов без номера закупки (закупка без извещения): %d — сохранены, итог закупки "
                         "не строится: %s", len(stored.unattached), ", ".join(stored.unattached[:10]))
        log.debug("stored %d notices, %d outcome documents", len(written.notices), written.documents)
