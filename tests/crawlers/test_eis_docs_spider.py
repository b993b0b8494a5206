"""Real Scrapy crawls of eis-docs against a local server that speaks the getDocsIP SOAP shape."""

from __future__ import annotations

import io
import zipfile
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from crawlers.parsers.xmlsafe import ParseError
from crawlers.spiders.eis_docs import archive_urls, soap_request
from testing.eis_generator import generate_notices
from tests.crawlers.sites import (
    SOAP_FAULT,
    crawl,
    eis_docs_site,
    last_run,
    sqlite_url,
    stored_notices,
    windows,
)
from tests.support.httpserver import LocalServer

TOKEN = "c3f1b2e4-token-under-test-9a7d"


def zipped(documents: list[tuple[str, bytes]]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in documents:
            archive.writestr(name, data)
    return buffer.getvalue()


def run(server: LocalServer, db: str, tmp_path: Path, token: str | None, *extra: str):
    env = {"TENDERFLOW_EIS_TOKEN": token} if token else {}
    return crawl("eis-docs", db, f"base_url={server.base_url}", *extra, log=tmp_path / "c.log", env=env)


def test_soap_request_shape() -> None:
    body = soap_request(
        "t<k>",
        "77",
        "PRIZ",
        "epNotificationEF2020",
        date(2026, 11, 12),
        request_id="r1",
        now=datetime(2026, 11, 12, 3, 0, tzinfo=UTC),
    )
    assert "<individualPerson_token>t&lt;k&gt;</individualPerson_token>" in body
    assert "<ws:getDocsByOrgRegionRequest>" in body and 'xmlns:ws="http://zakupki.gov.ru/fz44/get-docs-ip/ws"' in body
    order = [
        body.index(tag) for tag in ("<orgRegion>77", "<subsystemType>PRIZ", "<documentType44>", "<exactDate>2026-11-12")
    ]
    assert order == sorted(order)
    assert "<documentType223>purchaseNotice" in soap_request("x", "77", "RI223", "purchaseNotice", date(2026, 1, 1))


def test_response_shapes() -> None:
    from tests.crawlers.sites import SOAP_RESPONSE

    two = SOAP_RESPONSE.format(
        "a",
        "b",
        "<dataInfo><archiveUrl>https://x/1.zip</archiveUrl><archiveUrl>https://x/2.zip</archiveUrl></dataInfo>",
    )
    assert archive_urls(two.encode(), "t") == ["https://x/1.zip", "https://x/2.zip"]
    assert (
        archive_urls(SOAP_RESPONSE.format("a", "b", "<dataInfo><noData>true</noData></dataInfo>").encode(), "t") == []
    )
    with pytest.raises(ParseError, match="SOAP Fault"):
        archive_urls(SOAP_FAULT.format("denied").encode(), "t")
    with pytest.raises(ParseError, match="28"):
        archive_urls(
            SOAP_RESPONSE.format("a", "b", "<errorInfo><code>28</code><message>bad</message></errorInfo>").encode(), "t"
        )


def test_crawl_downloads_archives_and_parses_them(tmp_path: Path) -> None:
    notices = list(generate_notices(12, seed=11))
    archives = {
        ("77", "epNotificationEF2020"): zipped(notices[:8]),
        ("50", "epNotificationEF2020"): zipped(notices[8:]),
    }
    requests: list[dict] = []
    db = sqlite_url(tmp_path / "t.db")
    today = datetime.now(UTC).date().isoformat()
    with LocalServer(eis_docs_site(archives, TOKEN, requests)) as server:
        result = run(
            server,
            db,
            tmp_path,
            TOKEN,
            "regions=77,50",
            f"since={today}",
            "types=epNotificationEF2020,epNotificationEZK2020",
        )
    assert result.returncode == 0, result.stderr[-3000:]
    stored = stored_notices(db)
    numbers = {name.split("_")[1] for name, _ in notices}  # amendments share their notice's number
    assert set(stored) == numbers and {n["source"] for n in stored.values()} == {"eis44"}
    assert {(r["region"], r["type"]) for r in requests} == {
        ("77", "epNotificationEF2020"),
        ("77", "epNotificationEZK2020"),
        ("50", "epNotificationEF2020"),
        ("50", "epNotificationEZK2020"),
    }
    assert {r["date"] for r in requests} == {today}
    assert last_run(db).status == "complete"
    assert all(status == "complete" for _, status in windows(db))
    log = (tmp_path / "c.log").read_text(encoding="utf-8")
    assert TOKEN not in log and TOKEN not in result.stderr and TOKEN not in result.stdout


def test_wrong_token_and_service_errors_are_reported(tmp_path: Path) -> None:
    archives = {("77", "epNotificationEF2020"): zipped(list(generate_notices(2, seed=3)))}
    db = sqlite_url(tmp_path / "t.db")
    with LocalServer(eis_docs_site(archives, TOKEN)) as server:
        result = run(
            server,
            db,
            tmp_path,
            "wrong-token",
            "regions=77",
            "types=epNotificationEF2020",
            f"since={datetime.now(UTC).date()}",
        )
    assert result.returncode == 0
    assert stored_notices(db) == {}
    assert windows(db)[-1][1] == "failed"  # retried next run
    db2 = sqlite_url(tmp_path / "t2.db")
    with LocalServer(eis_docs_site(archives, TOKEN)) as server:
        result = run(
            server,
            db2,
            tmp_path,
            TOKEN,
            "regions=77",
            "types=epNotificationEF2020,epNotificationBAD",
            f"since={datetime.now(UTC).date()}",
        )
    assert len(stored_notices(db2)) == 2
    health = last_run(db2)
    assert health.stats["parse_errors"] == 1 and windows(db2)[-1][1] == "failed"


def test_missing_token_is_a_clear_failure(tmp_path: Path) -> None:
    db = sqlite_url(tmp_path / "t.db")
    with LocalServer(eis_docs_site({}, TOKEN)) as server:
        result = crawl("eis-docs", db, f"base_url={server.base_url}", log=tmp_path / "c.log")
    assert "TENDERFLOW_EIS_TOKEN" in (tmp_path / "c.log").read_text(encoding="utf-8") + result.stderr
