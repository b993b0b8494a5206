"""A crawl run's health: its figures from Scrapy's stats, its verdict (complete / partial / failed) and its
record in ``crawl_runs``. Loads no Scrapy: ``tenderflow crawl`` records a re-crawl it recognised before starting
Scrapy (``crawlers.spiders.recrawl``) as the ``CrawlHealth`` extension records every other run."""

from __future__ import annotations

import logging
import statistics
from dataclasses import dataclass
from typing import Any

from store.crawl_runs import CrawlRunRepository
from store.db import Session

log = logging.getLogger(__name__)


@dataclass
class CrawlResult:
    source: str
    status: str
    """``complete`` | ``partial`` | ``failed`` (the health extension's verdict)."""
    reason: str
    figures: dict[str, Any]


ERROR_RATE_PARTIAL = 0.15
"""A run whose error rate reaches this is marked partial (issue 6)."""
FEW_ITEMS_RATIO = 0.3
"""A run with fewer items than this share of the recent median is marked partial."""


def run_stats(stats: dict[str, Any]) -> dict[str, Any]:
    """The health figures of a run from Scrapy's stats."""
    by_status = {
        key.rsplit("/", 1)[1]: value
        for key, value in stats.items()
        if key.startswith("downloader/response_status_count/")
    }
    responses = stats.get("downloader/response_count", 0)
    download_errors = stats.get("downloader/exception_count", 0)
    parse_errors = stats.get("tenderflow/parse_errors", 0) + stats.get("tenderflow/invalid_items", 0)
    # Pages that failed for good: retries exhausted, non-2xx responses filtered out, and failures a spider's
    # errback handled itself (it counts them in ``tenderflow/failed_requests``).
    failed_requests = (
        stats.get("retry/max_reached", 0)
        + stats.get("httperror/response_ignored_count", 0)
        + stats.get("tenderflow/failed_requests", 0)
    )
    broken_archives = stats.get("tenderflow/broken_archives", 0)
    attempts = responses + download_errors + stats.get("tenderflow/documents", 0)
    errors = failed_requests + parse_errors + broken_archives
    return {
        "requests": stats.get("downloader/request_count", 0),
        "responses": responses,
        "responses_by_status": by_status,
        "retries": stats.get("retry/count", 0),
        "download_errors": download_errors,
        "failed_requests": failed_requests,
        "documents": stats.get("tenderflow/documents", 0),
        "skipped_documents": stats.get("tenderflow/skipped_documents", 0),
        # Notices of documents recognised by hash (stored already, not parsed again) count as seen.
        "items": stats.get("item_scraped_count", 0) + stats.get("tenderflow/notices_recognised", 0),
        "unchanged_documents": stats.get("tenderflow/documents_unchanged", 0),
        "new": stats.get("tenderflow/notices_new", 0),
        "updated": stats.get("tenderflow/notices_version", 0),
        "unchanged": stats.get("tenderflow/notices_unchanged", 0),
        "parse_errors": parse_errors,
        "broken_archives": broken_archives,
        "broken_archive_names": list(stats.get("tenderflow/broken_archive_names") or []),
        "queued": stats.get("tenderflow/attachments_queued"),
        "by_family": {
            family: stats.get(f"tenderflow/family/{family}", 0)
            for family in ("notice", "protocol", "contract", "execution", "cancellation", "ignored", "unknown")
        },
        "outcome_documents_new": stats.get("tenderflow/outcome_documents_new", 0),
        "outcomes_changed": stats.get("tenderflow/outcomes_changed", 0),
        "error_rate": round(errors / attempts, 4) if attempts else (1.0 if errors else 0.0),
    }


def judge_run(reason: str, figures: dict[str, Any], recent_items: list[int]) -> tuple[str, str | None]:
    """``complete`` / ``partial`` / ``failed`` and why (None when complete)."""
    if reason not in ("finished",):
        return "failed", f"прервано: {reason}"
    if figures["responses"] == 0 and figures["documents"] == 0 and figures.get("queued") != 0:
        # (a spider that found nothing to fetch says so with queued == 0: that is a complete run)
        return "failed", "источник не ответил ни на один запрос"
    if figures.get("broken_archives"):  # every document of an unreadable archive is missing, however few errors
        names = figures.get("broken_archive_names") or []
        more = ", …" if figures["broken_archives"] > len(names[:3]) else ""
        return "partial", f"повреждённые архивы ({figures['broken_archives']}): {', '.join(names[:3])}{more}"
    if figures["error_rate"] >= ERROR_RATE_PARTIAL:
        return "partial", f"доля ошибок {figures['error_rate']:.0%}"
    if len(recent_items) >= 3:
        usual = statistics.median(recent_items)
        if usual >= 10 and figures["items"] < usual * FEW_ITEMS_RATIO:
            return "partial", f"извещений {figures['items']} при обычных ~{usual:.0f}"
    return "complete", None


def close_run(session: Session, run_id: int | None, source: str, reason: str, stats: dict[str, Any]) -> CrawlResult:
    """Judge run ``run_id`` of ``source`` (closed for Scrapy's ``reason``) from its stats against the recent
    complete runs, record it, log it; the result as ``tenderflow crawl`` reports it."""
    figures = run_stats(stats)
    runs = CrawlRunRepository(session)
    recent = runs.recent_complete_stats(source, exclude=run_id)
    status, why = judge_run(reason, figures, [recent_stats.get("items", 0) for recent_stats in recent])
    close_reason = reason if why is None else f"{reason}: {why}"
    runs.finish(run_id, status, close_reason, figures)
    log.info("%s closed: reason=%s status=%s figures=%s", source, reason, status, figures)
    return CrawlResult(source, status, close_reason, figures)
