"""Local servers speaking each platform's URL scheme over the fixtures (and generated pages), and a crawl runner.

Crawls run ``scrapy crawl`` in a subprocess: a Twisted reactor cannot be restarted inside the test process.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import select

from store.db import init_db, session_scope
from store.models import CrawlRun, CrawlWindow, Notice
from testing.httpserver import Handler, Request, Response
from testing.platform_sites import (  # noqa: F401  (re-exported for the tests)
    HTML,
    SITES,
    SOAP_FAULT,
    SOAP_RESPONSE,
    eis_docs_site,
    eis_search_site,
    etp_js_site,
    file_response,
    ocds_site,
    query,
    ted_site,
)

PROJECT_ROOT = Path(__file__).resolve().parents[2]
FIXTURES = PROJECT_ROOT / "tests" / "fixtures"


def flaky(every_third_500: bool = True, retry_after: str = "1") -> Handler:
    """First attempt at each path: 500 for every third distinct request, 429 + Retry-After for the next one."""
    seen: dict[str, int] = {}
    counter = {"n": 0}

    def handle(request: Request) -> Response | None:
        if request.path == "/robots.txt":
            return None
        key = request.path + "?" + request.query
        attempt = seen.get(key, 0)
        seen[key] = attempt + 1
        if attempt:
            return None  # retries succeed
        counter["n"] += 1
        if counter["n"] % 3 == 0 and every_third_500:
            return Response(500, b"internal error")
        if counter["n"] % 3 == 1:
            return Response(429, b"too many requests", {"Retry-After": retry_after})
        return None

    return handle


def crawl(
    spider: str,
    db_url: str,
    *arguments: str,
    settings: dict[str, str] | None = None,
    timeout: int = 240,
    log: Path | None = None,
    env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess[str]:
    """``scrapy crawl SPIDER -a ... -s TENDERFLOW_DB=...`` in its own process."""
    command = [
        sys.executable,
        "-m",
        "scrapy",
        "crawl",
        spider,
        "-s",
        f"TENDERFLOW_DB={db_url}",
        "-s",
        "LOG_LEVEL=INFO",
    ]
    for key, value in (settings or {}).items():
        command += ["-s", f"{key}={value}"]
    if log is not None:
        command += ["-s", f"LOG_FILE={log}"]
    for argument in arguments:
        command += ["-a", argument]
    environment = {**os.environ, "TENDERFLOW_RETRY_BACKOFF_BASE": "0.05", "PYTHONPATH": str(PROJECT_ROOT)}
    environment.pop("TENDERFLOW_EIS_TOKEN", None)  # only a test that means it passes a token
    environment.update(env or {})
    return subprocess.run(command, cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=timeout, env=environment)


def stored_notices(db_url: str, source: str | None = None) -> dict[str, dict]:
    engine = init_db(db_url)
    with session_scope(engine) as session:
        query_ = select(Notice)
        if source:
            query_ = query_.where(Notice.source == source)
        return {n.number: n.record for n in session.scalars(query_)}


def last_run(db_url: str) -> CrawlRun:
    engine = init_db(db_url)
    with session_scope(engine) as session:
        run = session.scalars(select(CrawlRun).order_by(CrawlRun.id.desc())).first()
        session.expunge(run)
        return run


def windows(db_url: str) -> list[tuple[str, str]]:
    engine = init_db(db_url)
    with session_scope(engine) as session:
        return [(w.query_key, w.status) for w in session.scalars(select(CrawlWindow).order_by(CrawlWindow.id))]


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


Crawl = Callable[..., subprocess.CompletedProcess[str]]




