"""The base every Tenderflow spider configures with class attributes (kingfisher-collect style).

A spider only yields requests and :class:`crawlers.items.NoticeItem` objects; pipelines validate and store,
extensions report. A document that cannot be read is reported with :meth:`BaseSpider.document_error` (logged
with its source and counted in the run's health) and skipped: the crawl goes on. An archive that cannot be read
at all is reported with :meth:`BaseSpider.archive_broken`: it makes the run partial.
"""

from __future__ import annotations

from typing import Any, ClassVar

import scrapy

from crawlers.incremental import DEFAULT_FIRST_DAYS, Window, Windows
from crawlers.items import NoticeItem
from crawlers.local_files import LocalDocument
from store.schema import NoticeRecord

NAMED_ARCHIVES = 20
"""Broken archives named in a run's figures (all are logged)."""


class BaseSpider(scrapy.Spider):
    source: ClassVar[str] = ""
    """The canonical ``source`` of the notices this spider yields (contract 4.1)."""
    default_base_url: ClassVar[str | None] = None
    """The real endpoint; ``-a base_url=...`` points the spider at a local server (tests, demo)."""

    def __init__(self, *args: Any, base_url: str | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        chosen = base_url or self.default_base_url
        self.base_url = chosen.rstrip("/") if chosen else None

    def notice_item(
        self,
        record: NoticeRecord | dict[str, Any],
        raw: bytes | None = None,
        raw_name: str | None = None,
        url: str | None = None,
    ) -> NoticeItem:
        """An item for the pipelines; a record given as a dict is validated there (once)."""
        return NoticeItem(record=record, raw=raw, raw_name=raw_name, source_url=url)

    def document_seen(self) -> None:
        """Count a source document handed to a parser (the denominator of the error rate)."""
        self.crawler.stats.inc_value("tenderflow/documents")

    def document_error(self, message: str) -> None:
        """A document that could not be parsed: logged with its source, counted, skipped."""
        self.logger.error(message)
        self.crawler.stats.inc_value("tenderflow/parse_errors")

    def archive_broken(self, message: str, name: str) -> None:
        """A whole archive that could not be read (truncated, corrupt, refused): every document in it is lost,
        however many, so the run is incomplete for this source whatever its error rate. Logged (``message``
        names it), counted on its own (not as one parse error) and named in the run's figures."""
        self.logger.error(message)
        stats = self.crawler.stats
        stats.inc_value("tenderflow/broken_archives")
        names = stats.get_value("tenderflow/broken_archive_names") or []
        if len(names) < NAMED_ARCHIVES:
            stats.set_value("tenderflow/broken_archive_names", [*names, name])

    def local_document_unreadable(self, document: LocalDocument) -> None:
        """A document of ``--path`` that could not be read: a lost archive or one document, as above."""
        if document.archive_lost:
            self.archive_broken(document.error or document.name, document.name)
        else:
            self.document_error(document.error or document.name)

    def failed(self, failure: Any) -> None:
        """Errback: a request that failed for good is logged and counted in the run's health."""
        request = failure.request
        self.logger.error("%s: не удалось загрузить: %s", request.url, failure.value)
        self.crawler.stats.inc_value("tenderflow/failed_requests")

    def document_skipped(self, message: str) -> None:
        """A document that is not a notice (protocol, contract, unknown kind): logged and skipped."""
        self.logger.warning(message)
        self.crawler.stats.inc_value("tenderflow/skipped_documents")


class WindowedSpider(BaseSpider):
    """A spider that queries its source by date window (:mod:`crawlers.incremental`): ``-a since=YYYY-MM-DD``
    sets where a query's first run starts, :attr:`first_days` how far back it reaches without one.

    ``start()`` asks :meth:`open_windows` for each saved query's windows and puts the window id in each
    request's ``meta["window"]``; a response whose loss would leave a gap calls :meth:`window_failed`."""

    first_days: ClassVar[int] = DEFAULT_FIRST_DAYS
    """Days the first run of a query reaches back (without ``since``)."""

    def __init__(self, *args: Any, since: str | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.since = since
        self.windows: Windows | None = None

    def open_windows(self, key: str) -> list[Window]:
        """The windows to crawl for the saved query ``key``: earlier failed ones first, then the new one."""
        if self.windows is None:
            self.windows = Windows(self, since=self.since, first_days=self.first_days)
        return self.windows.open(key[:200])

    def window_failed(self, window: int | None) -> None:
        """Data of window ``window`` was lost: it stays failed and the next run retries it."""
        if self.windows is not None:
            self.windows.fail(window)

    def failed(self, failure: Any) -> None:
        """Errback: as :meth:`BaseSpider.failed`, and the request's window fails (no silent gaps)."""
        super().failed(failure)
        self.window_failed(failure.request.meta.get("window"))
