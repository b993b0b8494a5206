"""Source health for the digest: per source, the last crawl run and the warnings a reader must see.

A quiet digest must never hide a broken crawl: a failed or partial run, an error rate above the yardstick,
far fewer notices than usual, or no successful run for too long each put a visible warning on the page.
"""

from __future__ import annotations

import statistics
from datetime import UTC, datetime, timedelta
from typing import Any

from digest.format import MOSCOW, format_datetime
from digest.model import SourceHealth
from digest.settings import DigestSettings
from store.crawl_runs import CrawlRunRepository, RunRecord
from store.db import Session

_STATUS_WARNINGS = {
    "failed": "последний запуск завершился сбоем",
    "partial": "последний запуск собрал данные не полностью",
}


def _aware(moment: datetime | None) -> datetime | None:
    """Run times are stored in UTC (SQLite hands them back naive); the reader sees Moscow time."""
    if moment is None:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(MOSCOW)


def _int(stats: dict[str, Any], *keys: str) -> int | None:
    values = [stats[key] for key in keys if isinstance(stats.get(key), int | float)]
    return int(sum(values)) if values else None


def health_of(
    runs: list[RunRecord], last_success_at: datetime | None, now: datetime, settings: DigestSettings
) -> SourceHealth:
    """Health of one source from its recent runs (newest first) and the end of its last successful run."""
    last = runs[0]
    stats = last.stats
    health = SourceHealth(
        source=last.source,
        status=last.status,
        started_at=_aware(last.started_at),
        finished_at=_aware(last.finished_at),
        pages=_int(stats, "responses") or _int(stats, "requests"),
        notices=_int(stats, "items"),
        new=_int(stats, "new"),
        updated=_int(stats, "updated"),
        errors=_int(stats, "failed_requests", "parse_errors", "download_errors"),
        error_rate=float(stats["error_rate"]) if isinstance(stats.get("error_rate"), int | float) else None,
        close_reason=last.close_reason,
        last_success_at=_aware(last_success_at),
    )
    successes = [run for run in runs if run.status == "complete"]
    previous = [run.stats.get("items") for run in successes if run is not last][: settings.history_runs]
    previous = [count for count in previous if isinstance(count, int)]
    if previous:
        health.usual_notices = int(statistics.median(previous))

    warnings = health.warnings
    if last.status in _STATUS_WARNINGS:
        reason = f" ({last.close_reason})" if last.close_reason else ""
        warnings.append(_STATUS_WARNINGS[last.status] + reason)
    elif last.status == "running" and health.started_at and now - health.started_at > timedelta(hours=6):
        warnings.append(f"запуск идёт с {format_datetime(health.started_at)} — возможно, завис")
    if health.error_rate is not None and health.error_rate > settings.max_error_rate and last.status != "failed":
        warnings.append(f"доля ошибок {health.error_rate:.0%}".replace(".", ","))
    usual = health.usual_notices
    if (
        last.status != "running"
        and health.notices is not None
        and usual is not None
        and usual >= settings.few_notices_floor
        and health.notices < usual * settings.few_notices_ratio
    ):
        warnings.append(f"подозрительно мало извещений: {health.notices} при обычных ~{usual}")
    elif last.status == "complete" and health.notices == 0:
        warnings.append("запуск не вернул ни одного извещения")
    if health.last_success_at is None:
        warnings.append("ни одного успешного запуска")
    elif now - health.last_success_at > timedelta(hours=settings.stale_hours):
        warnings.append(f"нет успешного запуска с {format_datetime(health.last_success_at)}")
    return health


def source_health(session: Session, now: datetime, settings: DigestSettings) -> list[SourceHealth]:
    """One entry per source that has ever run, problems first, then by name."""
    limit = settings.history_runs + 5
    runs = CrawlRunRepository(session)
    result = [
        health_of(runs.recent(source, limit), runs.last_success_at(source), now, settings) for source in runs.sources()
    ]
    return sorted(result, key=lambda health: (health.ok, health.source))
