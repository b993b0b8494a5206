"""Real Scrapy crawls of eis-search against a local server speaking the EIS search URLs over the fixtures."""

from __future__ import annotations

from pathlib import Path

import pytest

from testing.platform_sites import SITES
from tests.crawlers.sites import (
    crawl,
    eis_search_site,
    flaky,
    last_run,
    sqlite_url,
    stored_notices,
    windows,
)
from tests.support.httpserver import LocalServer

SITE = SITES / "eis-search"
ALL = {"0373200000126000101", "0373200000126000102", "0373200000126000103", "0373200000126000104"}


def run(server: LocalServer, db: str, tmp_path: Path, *extra: str, **kwargs):
    result = crawl(
        "eis-search",
        db,
        f"base_url={server.base_url}",
        "query=коммутатор",
        "since=2026-11-01",
        *extra,
        log=tmp_path / "crawl.log",
        **kwargs,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result


def test_crawl_stores_every_notice_with_lines_and_documents(tmp_path: Path) -> None:
    db = sqlite_url(tmp_path / "t.db")
    with LocalServer(eis_search_site(SITE)) as server:
        run(server, db, tmp_path)
        hits = dict(server.hits)
    notices = stored_notices(db, "eis-search")
    assert set(notices) == ALL  # 3 from the results pages (2 pages), 1 more from the RSS feed only
    switches = notices["0373200000126000101"]
    assert switches["url"].startswith("https://zakupki.gov.ru/epz/order/notice/ea20/view/common-info.html")
    assert switches["deadline_at"] == "2026-11-18T09:00:00+03:00"
    assert [i["name"] for i in switches["items"]] == ["Коммутатор", "Модуль SFP+ 10GBASE-LR"]
    assert len(switches["items"][0]["characteristics"]) == 3
    assert [d["kind"] for d in switches["documents"]] == ["specification", "contract_draft", "price_justification"]
    assert notices["0373200000126000104"]["status"] == "cancelled"
    assert any("pageNumber=2" in path for path in hits)  # the paginator was followed
    assert sum(1 for path in hits if "common-info" in path) == 4  # each notice page fetched once
    health = last_run(db)
    assert health.status == "complete" and health.stats["items"] == 4
    assert windows(db)[-1][1] == "complete"


def test_second_run_starts_from_the_last_window_and_changes_nothing(tmp_path: Path) -> None:
    db = sqlite_url(tmp_path / "t.db")
    with LocalServer(eis_search_site(SITE)) as server:
        run(server, db, tmp_path)
        first = stored_notices(db)
        result = crawl("eis-search", db, f"base_url={server.base_url}", "query=коммутатор", log=tmp_path / "second.log")
        assert result.returncode == 0
        results_requests = [p for p in server.hits if "results.html" in p]
    assert stored_notices(db) == first
    health = last_run(db)
    assert health.stats["unchanged"] == 4 and health.stats["new"] == 0
    # the second run's window began at the first one's end minus the overlap, not at --since
    assert any("publishDateFrom=" in p and "01.11.2026" not in p for p in results_requests)


def test_interrupted_crawl_then_rerun_equals_one_uninterrupted_crawl(tmp_path: Path) -> None:
    whole, pieces = sqlite_url(tmp_path / "whole.db"), sqlite_url(tmp_path / "pieces.db")
    with LocalServer(eis_search_site(SITE)) as server:
        run(server, whole, tmp_path)
        interrupted = crawl(
            "eis-search",
            pieces,
            f"base_url={server.base_url}",
            "query=коммутатор",
            "since=2026-11-01",
            settings={"CLOSESPIDER_ITEMCOUNT": "1", "CONCURRENT_REQUESTS": "1"},
            log=tmp_path / "interrupted.log",
        )
        assert interrupted.returncode == 0
        assert len(stored_notices(pieces)) < len(ALL)
        assert windows(pieces)[-1][1] == "failed"  # an interrupted window is never taken as done
        run(server, pieces, tmp_path)  # no --since: the failed window is retried
    assert stored_notices(pieces) == stored_notices(whole)
    assert [status for _, status in windows(pieces)] == ["complete", "complete"]


def test_errors_and_rate_limits_are_retried_and_reported(tmp_path: Path) -> None:
    db = sqlite_url(tmp_path / "t.db")
    with LocalServer(flaky(), eis_search_site(SITE)) as server:
        run(server, db, tmp_path)
    assert set(stored_notices(db)) == ALL
    health = last_run(db)
    statuses = health.stats["responses_by_status"]
    assert int(statuses.get("500", 0)) > 0 and int(statuses.get("429", 0)) > 0
    assert health.stats["retries"] >= int(statuses["500"]) + int(statuses["429"])


def test_a_notice_page_that_keeps_failing_keeps_the_card_and_the_window_open(tmp_path: Path) -> None:
    from tests.support.httpserver import Response

    def broken_notice(request):
        if "common-info" in request.path and "0373200000126000102" in request.query:
            return Response(503, b"maintenance")
        return None

    db = sqlite_url(tmp_path / "t.db")
    with LocalServer(broken_notice, eis_search_site(SITE)) as server:
        result = crawl(
            "eis-search",
            db,
            f"base_url={server.base_url}",
            "query=коммутатор",
            "since=2026-11-01",
            settings={"RETRY_TIMES": "1"},
            log=tmp_path / "crawl.log",
        )
    assert result.returncode == 0
    notices = stored_notices(db)
    assert set(notices) == ALL
    assert notices["0373200000126000102"]["items"] == []  # the card, without the page's lines
    assert notices["0373200000126000102"]["nmck"] == "7320114.20"
    assert windows(db)[-1][1] == "failed"


@pytest.mark.samples
def test_real_results_page_served_locally(tmp_path: Path, samples_dir: Path) -> None:
    """The real results fragment (read in place) drives a crawl; its notice pages are absent (404)."""
    real = samples_dir / "html__igorvolk1961-zakupki_parser" / "eis_list.html"
    if not real.is_file():
        pytest.skip("EIS results sample absent")
    from tests.support.httpserver import Response

    def results(request):
        if request.path.endswith("/results.html"):
            return Response(200, real.read_bytes(), {"Content-Type": "text/html; charset=utf-8"})
        return Response(404, b"")

    db = sqlite_url(tmp_path / "t.db")
    with LocalServer(results) as server:
        result = crawl(
            "eis-search",
            db,
            f"base_url={server.base_url}",
            "query=поставка",
            "rss=0",
            "since=2026-08-01",
            settings={"RETRY_TIMES": "0"},
            log=tmp_path / "crawl.log",
        )
    assert result.returncode == 0
    notices = stored_notices(db)
    assert len(notices) == 10 and all(n["nmck"] for n in notices.values())


def test_an_amended_notice_is_stored_as_a_new_version(tmp_path: Path) -> None:
    from store.db import init_db, session_scope
    from store.notices import NoticeRepository
    from tests.support.httpserver import Response

    amended = (
        (SITE / "notice_0373200000126000101.html")
        .read_text(encoding="utf-8")
        .replace("1&nbsp;845&nbsp;000,00", "1&nbsp;790&nbsp;000,00")
    )

    def republished(request):
        if "common-info" in request.path and "0373200000126000101" in request.query:
            return Response(200, amended.encode(), {"Content-Type": "text/html; charset=utf-8"})
        return None

    db = sqlite_url(tmp_path / "t.db")
    with LocalServer(eis_search_site(SITE)) as server:
        run(server, db, tmp_path)
    with LocalServer(republished, eis_search_site(SITE)) as server:
        run(server, db, tmp_path)
    assert stored_notices(db)["0373200000126000101"]["nmck"] == "1790000.00"
    assert last_run(db).stats["updated"] == 1 and last_run(db).stats["unchanged"] == 3
    with session_scope(init_db(db)) as session:
        versions = NoticeRepository(session).versions("eis-search", "0373200000126000101")
        assert [v.nmck for v in versions] == ["1845000.00", "1790000.00"]


@pytest.mark.postgres
def test_crawl_into_postgresql_equals_sqlite(tmp_path: Path) -> None:
    import uuid

    from sqlalchemy import create_engine, text

    admin_url = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
    name = f"tf_eis_search_{uuid.uuid4().hex[:8]}"
    try:
        admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            connection.execute(text(f"CREATE DATABASE {name}"))
    except Exception as error:
        pytest.skip(f"PostgreSQL unavailable: {error}")
    postgres = f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}"
    sqlite = sqlite_url(tmp_path / "t.db")
    try:
        with LocalServer(flaky(), eis_search_site(SITE)) as server:
            interrupted = crawl(
                "eis-search",
                postgres,
                f"base_url={server.base_url}",
                "query=коммутатор",
                "since=2026-11-01",
                settings={"CLOSESPIDER_ITEMCOUNT": "1", "CONCURRENT_REQUESTS": "1"},
                log=tmp_path / "pg1.log",
            )
            assert interrupted.returncode == 0
            run(server, postgres, tmp_path)
        with LocalServer(eis_search_site(SITE)) as server:
            run(server, sqlite, tmp_path)
        assert stored_notices(postgres) == stored_notices(sqlite)
        assert set(stored_notices(postgres)) == ALL
    finally:
        from store.db import make_engine

        make_engine(postgres).dispose()
        with admin.connect() as connection:
            connection.execute(text(f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}'"))
            connection.execute(text(f"DROP DATABASE IF EXISTS {name}"))
        admin.dispose()
