"""The nightly run: crawl every configured source → match → digest (and its mail), under a lock, with a run log.

The run is ``complete`` when every stage and every source was; ``partial`` when a source was partial or failed
but the rest went on; ``failed`` when a stage after crawling could not run. Each run appends one JSON line to
the run log (``[nightly] run_log``).
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from typing import Any

from crawlers.runner import run_crawls
from store.db import init_db
from tenderflow.config import Config
from tenderflow.lock import RunLock

log = logging.getLogger(__name__)

EXIT_BY_STATUS = {"complete": 0, "partial": 3, "failed": 1}


@dataclass
class StageResult:
    name: str
    status: str
    seconds: float
    figures: dict[str, Any] = field(default_factory=dict)
    error: str | None = None


@dataclass
class NightlyResult:
    started_at: str
    status: str = "complete"
    stages: list[StageResult] = field(default_factory=list)

    def add(self, stage: StageResult) -> None:
        self.stages.append(stage)
        if stage.status == "failed" and stage.name != "crawl":
            self.status = "failed"
        elif stage.status != "complete" and self.status == "complete":
            self.status = "partial"


def _stage(result: NightlyResult, name: str, work: Callable[[], tuple[str, dict[str, Any]]]) -> None:
    started = time.perf_counter()
    try:
        status, figures = work()
        stage = StageResult(name, status, round(time.perf_counter() - started, 2), figures)
    except Exception as error:  # a failed stage is recorded, the run log says why
        log.exception("nightly stage %s failed", name)
        seconds = round(time.perf_counter() - started, 2)
        stage = StageResult(name, "failed", seconds, error=f"{type(error).__name__}: {error}")
    result.add(stage)


def crawl_stage(config: Config, db_url: str) -> tuple[str, dict[str, Any]]:
    if not config.sources:
        return "complete", {"sources": {}}
    results = run_crawls([(source.spider, source.arguments) for source in config.sources], db_url)
    statuses = {result.source: result.status for result in results}
    worst = "failed" if all(s == "failed" for s in statuses.values()) else (
        "partial" if any(s != "complete" for s in statuses.values()) else "complete"
    )
    return worst, {"sources": {r.source: {"status": r.status, "reason": r.reason, **r.figures} for r in results}}


def run_nightly(
    config: Config,
    db_url: str,
    stages: dict[str, Callable[[], tuple[str, dict[str, Any]]]] | None = None,
) -> NightlyResult:
    """Run the night under the lock (raises ``AlreadyRunning`` at once if another run holds it)."""
    with RunLock(config.lock_file):
        init_db(db_url)
        result = NightlyResult(started_at=datetime.now(UTC).isoformat(timespec="seconds"))
        plan = stages if stages is not None else default_stages(config, db_url)
        for name, work in plan.items():
            _stage(result, name, work)
            if result.status == "failed":
                break
        append_run_log(config, result)
        return result


def default_stages(config: Config, db_url: str) -> dict[str, Callable[[], tuple[str, dict[str, Any]]]]:
    from tenderflow import stages

    return {
        "crawl": lambda: crawl_stage(config, db_url),
        "match": lambda: stages.match_stage(config, db_url),
        "digest": lambda: stages.digest_stage(config, db_url),
    }


def append_run_log(config: Config, result: NightlyResult) -> None:
    config.run_log.parent.mkdir(parents=True, exist_ok=True)
    entry = {"finished_at": datetime.now(UTC).isoformat(timespec="seconds"), **asdict(result)}
    with config.run_log.open("a", encoding="utf-8") as handle:
        handle.write(json.dumps(entry, ensure_ascii=False) + "\n")
