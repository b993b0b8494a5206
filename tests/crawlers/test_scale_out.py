"""Scale-out: two crawler processes share one crawl through the Redis on this machine, writing PostgreSQL."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from sqlalchemy import func, select

from store.db import init_db, session_scope
from store.models import CrawlRun, Notice, NoticeVersion
from testing.eis_generator import generate_notices
from tests.support.httpserver import LocalServer, static_files

pytestmark = [pytest.mark.redis, pytest.mark.postgres]

PROJECT_ROOT = Path(__file__).resolve().parents[2]
REDIS_URL = os.environ.get("TENDERFLOW_TEST_REDIS", "redis://127.0.0.1:6379/0")
PAGES = 1000


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("shared-site")
    folder = root / "notices"
    folder.mkdir()
    for name, document in generate_notices(PAGES, seed=5, amendment_share=0):
        (folder / name).write_bytes(document)
    return root


def worker(db_url: str, url: str, crawl: str, log: Path) -> subprocess.Popen[str]:
    env = {
        "PATH": "/usr/bin:/bin", "TENDERFLOW_REDIS_URL": REDIS_URL, "TENDERFLOW_CRAWL_ID": crawl,
        "TENDERFLOW_IDLE_GRACE": "6",
    }
    return subprocess.Popen(
        [sys.executable, "-m", "tenderflow.cli", "--db", db_url, "--log-file", str(log), "crawl", "eis-xml",
         "--path", url],
        cwd=PROJECT_ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


def notice_counts(db_url: str) -> tuple[int, int]:
    with session_scope(init_db(db_url)) as session:
        return (session.scalar(select(func.count()).select_from(Notice)),
                session.scalar(select(func.count()).select_from(NoticeVersion)))


def forget_crawl(crawl: str) -> None:
    import redis

    client = redis.Redis.from_url(REDIS_URL)
    keys = list(client.scan_iter(f"tenderflow:{crawl}:*"))
    if keys:
        client.delete(*keys)


def test_two_processes_fetch_every_page_once_and_store_every_notice_once(site: Path, pg_url: str, tmp_path) -> None:
    crawl = uuid.uuid4().hex
    with LocalServer(static_files(site)) as server:
        listing = server.url("/notices/")
        workers = [worker(pg_url, listing, crawl, tmp_path / f"w{i}.log") for i in range(2)]
        for process in workers:
            process.communicate(timeout=240)
        forget_crawl(crawl)
        pages = {path: hits for path, hits in server.hits.items() if re.match(r"/notices/.+\.xml$", path)}
    assert len(pages) == PAGES
    assert set(pages.values()) == {1}, "a page was fetched more than once across the workers"
    assert notice_counts(pg_url) == (PAGES, PAGES)
    with session_scope(init_db(pg_url)) as session:
        items = [run.stats["items"] for run in session.scalars(select(CrawlRun))]
    assert len(items) == 2 and sum(items) == PAGES
    assert min(items) > 0, f"one worker did all the work: {items}"


def test_killing_a_worker_midway_loses_no_notice_after_a_rerun(site: Path, pg_url: str, tmp_path) -> None:
    crawl = uuid.uuid4().hex
    with LocalServer(static_files(site)) as server:
        listing = server.url("/notices/")
        first, second = (worker(pg_url, listing, crawl, tmp_path / f"w{i}.log") for i in range(2))
        deadline = time.monotonic() + 120
        while notice_counts(pg_url)[0] < PAGES // 5 and time.monotonic() < deadline:
            time.sleep(0.2)
        first.send_signal(signal.SIGKILL)
        first.communicate(timeout=30)
        second.communicate(timeout=240)
        forget_crawl(crawl)
        # Whatever the killed worker had taken but not stored, a rerun under a new crawl id completes.
        rerun = uuid.uuid4().hex
        again = worker(pg_url, listing, rerun, tmp_path / "rerun.log")
        again.communicate(timeout=240)
        forget_crawl(rerun)
    assert notice_counts(pg_url) == (PAGES, PAGES)
