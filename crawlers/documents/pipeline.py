"""Stores downloaded attachments: reads each (in a worker thread, off the reactor), keeps the bytes once per
sha256, and writes one ``Attachment`` row per notice listing the URL, with status, reason, text and the
specification blocks. Bytes already read under another URL are not read again."""

from __future__ import annotations

import hashlib
import logging
import threading
from typing import Any

from scrapy.crawler import Crawler
from twisted.internet.threads import deferToThread

from crawlers.documents.reading import read_attachment
from crawlers.documents.spider import AttachmentItem
from store.attachments import AttachmentRepository, Outcome
from store.db import database_url, make_engine, session_scope

log = logging.getLogger(__name__)


def _file_name(item: AttachmentItem) -> str:
    listed = next((download.name for download in item.downloads if download.name), None)
    return listed or item.url.rstrip("/").rsplit("/", 1)[-1] or "document"


class AttachmentPipeline:
    def __init__(self, crawler: Crawler) -> None:
        self.stats = crawler.stats
        self.url = database_url(crawler.settings.get("TENDERFLOW_DB"))
        self.lock = threading.Lock()
        self.reading = threading.Lock()
        """One extraction at a time: python-docx parses every document with one module-level lxml parser shared by
        all threads (lxml's FAQ asks for a parser per thread), and extraction holds the GIL most of its time anyway."""

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> AttachmentPipeline:
        return cls(crawler)

    def open_spider(self) -> None:
        self.engine = make_engine(self.url)

    def process_item(self, item: Any) -> Any:
        if not isinstance(item, AttachmentItem):
            return item
        return deferToThread(self._store, item)

    def _store(self, item: AttachmentItem) -> AttachmentItem:
        if item.data is None:
            outcome = Outcome(item.error_status, item.error)
            with self.lock, session_scope(self.engine) as session:
                repository = AttachmentRepository(session)
                for download in item.downloads:
                    repository.save(download, outcome)
            self.stats.inc_value(f"tenderflow/attachments_{item.error_status}")
            return item
        sha256 = hashlib.sha256(item.data).hexdigest()
        with self.lock, session_scope(self.engine) as session:
            known = AttachmentRepository(session).final_by_sha256(sha256)
            if known is not None:
                for download in item.downloads:
                    AttachmentRepository(session).copy(download, known)
                self.stats.inc_value("tenderflow/attachments_same_bytes")
                return item
        name = _file_name(item)
        with self.reading:  # outside the database lock: extraction is the slow part
            read = read_attachment(name, item.data)
        outcome = Outcome(read.status, read.reason, read.media_type, read.text, read.requirements)
        with self.lock, session_scope(self.engine) as session:
            repository = AttachmentRepository(session)
            for download in item.downloads:
                repository.save(download, outcome, data=item.data)
        self.stats.inc_value(f"tenderflow/attachments_{read.status}")
        self.stats.inc_value("tenderflow/attachment_requirements", len(read.requirements))
        if read.status != "ok":
            log.warning("attachment %s (%s): %s", name, item.url, read.reason)
        return item
