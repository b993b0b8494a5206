"""The nightly run: crawl every configured source → attachments → match → digest (and its mail), under a lock.

The run is ``complete`` when every stage and every source was; ``partial`` when a source was partial or failed
but the rest went on (attachments too: a notice without its ТЗ is still matched on its structured data);
``failed`` when matching or the digest could not run. Each run appends one JSON line to
the run log (``[nightly] run_log``).
"""

from __future__ import annotations

import json
import logging
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from typing import Any

from crawlers.runner import CrawlResult, run_crawls
from crawlers.spiders import recrawl
from store.db import init_db
from tenderflow.config import Config
from tenderflow.lock import RunLock

log = logging.getLogger(__name__)

EXIT_BY_STATUS = {"complete": 0, "partial": 3, "failed": 1}
ATTACHMENTS_TIMEOUT = 3 * 3600


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
        if stage.status == "failed" and stage.name not in ("crawl", "attachments"):
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
    results = _crawl_sources(config, db_url)
    statuses = {result.source: result.status for result in results}
    worst = "failed" if all(s == "failed" for s in statuses.values()) else (
        "partial" if any(s != "complete" for s in statuses.values()) else "complete"
    )
    return worst, {"sources": {r.source: {"status": r.status, "reason": r.reason, **r.figures} for r in results}}


def _crawl_sources(config: Config, db_url: str) -> list[CrawlResult]:
    """Each source's run, in the configured order: an unchanged local EIS export recognised as
    ``tenderflow crawl`` recognises it (``crawlers.spiders.recrawl``, hashed in threads, no spider), the others
    crawled together in one reactor."""
    recognised: dict[int, CrawlResult] = {}
    for position, source in enumerate(config.sources):
        hashes = recrawl.start(source.spider, source.arguments, {})
        if hashes is not None and (result := recrawl.crawl(hashes, db_url)) is not None:
            recognised[position] = result
    rest = [position for position in range(len(config.sources)) if position not in recognised]
    if rest:
        crawled = run_crawls([(config.sources[p].spider, config.sources[p].arguments) for p in rest], db_url)
        recognised.update(zip(rest, crawled, strict=True))
    return [recognised[position] for position in range(len(config.sources))]


def attachments_stage(config: Config, db_url: str) -> tuple[str, dict[str, Any]]:
    """Download and read the documents the new notices list (ТЗ, specifications), in its own process: a
    Twisted reactor cannot be started twice in one."""
    command = [sys.executable, "-m", "tenderflow.cli", "--db", db_url, "crawl", "attachments"]
    finished = subprocess.run(command, capture_output=True, text=True, timeout=ATTACHMENTS_TIMEOUT)
    status = {0: "complete", 3: "partial"}.get(finished.returncode, "failed")
    return status, {"summary": (finished.stderr.strip().splitlines() or [""])[-1]}


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

    plan: dict[str, Callable[[], tuple[str, dict[str, Any]]]] = {"crawl": lambda: crawl_stage(config, db_url)}
    if config.attachments:
        plan["attachments"] = lambda: attachments_stage(config, db_url)
    plan["outcomes"] = lambda: stages.outcomes_stage(config, db_url)
    plan["match"] = lambda: stages.match_stage(config, db_url)
    plan["digest"] = lambda: stages.digest_stage(config, db_url)
    return plan


def append_run_log(config: Config, result: NightlyResult) -> None:
    config.run_log.parent.mkdir(parents=True, exist_ok=True)
    entry = {"finished_at": datetime.now(UTC).isoformat(timespec="seconds"), **asdict(result)}
    with config.run_log.open("a", encoding="utf-8") as handle:
        handle.write(json.dumps(entry, ensure_ascii=False) + "\n")
