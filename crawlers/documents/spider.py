"""The ``attachments`` spider: downloads the documents that stored notices list (by default only the kinds worth
reading, see :mod:`crawlers.documents.selection`) and hands them to :class:`AttachmentPipeline`.

Polite (the project's AutoThrottle, per-domain concurrency, backoff on 429/5xx honouring ``Retry-After``),
size-capped (``download_maxsize`` = the extraction cap: a bigger file is recorded as refused without being read
to the end), resumable and incremental (the queue is every listed document without a final ``Attachment`` row:
a killed run continues where it stopped and a re-crawl downloads nothing again; failed downloads are retried).

Run after the notice spiders: ``scrapy crawl attachments [-a source=eis44] [-a numbers=N1,N2] [-a all_kinds=1]``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any, ClassVar

import scrapy
from scrapy.exceptions import DownloadCancelledError
from scrapy.http import Response
from twisted.python.failure import Failure

from crawlers.documents.model import DEFAULT_LIMITS
from crawlers.documents.selection import any_document, worth_reading
from crawlers.spiders.base import BaseSpider
from store.attachments import AttachmentRepository, PendingDownload
from store.db import database_url, make_engine, session_scope


@dataclass
class AttachmentItem:
    """A downloaded document (``data``) or a failed download (``error``) for the notices that list its URL."""

    url: str
    downloads: list[PendingDownload]
    data: bytes | None = None
    error: str | None = None
    error_status: str = "failed"
    """``failed`` (retried by the next crawl) or ``refused`` (over the size cap: final)."""
    headers: dict[str, str] = field(default_factory=dict)


class AttachmentsSpider(BaseSpider):
    name = "attachments"
    source = "attachments"
    custom_settings: ClassVar[dict[str, Any]] = {
        "ITEM_PIPELINES": {"crawlers.documents.pipeline.AttachmentPipeline": 800},
        # Files are larger than pages: fewer at a time per site, on top of the project's AutoThrottle.
        "CONCURRENT_REQUESTS_PER_DOMAIN": 2,
        "DOWNLOAD_WARNSIZE": 20 * 1024 * 1024,
    }

    def __init__(
        self,
        *args: Any,
        source: str | None = None,
        numbers: str | None = None,
        all_kinds: str | bool = False,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.notice_source = source
        self.numbers = [n.strip() for n in numbers.split(",") if n.strip()] if numbers else None
        self.all_kinds = str(all_kinds).lower() in ("1", "true", "yes", "да")

    def _pending(self) -> list[PendingDownload]:
        engine = make_engine(database_url(self.settings.get("TENDERFLOW_DB")))
        wanted = any_document if self.all_kinds else worth_reading
        with session_scope(engine) as session:
            return list(AttachmentRepository(session).pending(wanted, self.notice_source, self.numbers))

    async def start(self) -> AsyncIterator[scrapy.Request]:
        by_url: dict[str, list[PendingDownload]] = defaultdict(list)
        for download in self._pending():
            by_url[download.url].append(download)
        self.logger.info("attachments to fetch: %d files for %d notices", len(by_url), sum(map(len, by_url.values())))
        # 0 means nothing to do (everything already stored), not a source that did not answer.
        self.crawler.stats.set_value("tenderflow/attachments_queued", len(by_url))
        for url, downloads in by_url.items():
            yield scrapy.Request(
                url,
                callback=self.parse,
                errback=self.download_failed,
                meta={"downloads": downloads, "download_maxsize": self.max_bytes},
            )

    @property
    def max_bytes(self) -> int:
        """``TENDERFLOW_ATTACHMENT_MAXSIZE`` (bytes), by default the extraction cap."""
        return self.settings.getint("TENDERFLOW_ATTACHMENT_MAXSIZE", DEFAULT_LIMITS.max_file_bytes)

    def parse(self, response: Response, **kwargs: Any) -> Any:
        self.document_seen()
        headers = {
            key.decode("latin-1").lower(): b", ".join(values).decode("latin-1")
            for key, values in response.headers.items()
        }
        yield AttachmentItem(response.url, response.meta["downloads"], data=response.body, headers=headers)

    def download_failed(self, failure: Failure) -> Any:
        request = failure.request  # type: ignore[attr-defined]
        downloads = request.meta["downloads"]
        if failure.check(DownloadCancelledError) and "max size" in str(failure.value):
            message = f"файл больше предела {self.max_bytes // 1024} КБ, не загружен"
            yield AttachmentItem(request.url, downloads, error=message, error_status="refused")
            return
        response = getattr(failure.value, "response", None)
        detail = f"HTTP {response.status}" if response is not None else f"{type(failure.value).__name__}"
        self.logger.warning("attachment %s not downloaded: %s", request.url, detail)
        yield AttachmentItem(request.url, downloads, error=f"не удалось загрузить: {detail}")
