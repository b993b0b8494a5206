"""Crawls over the real published files in ../shared/samples (read in place, skipped when absent)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.crawlers.sites import crawl, last_run, sqlite_url, stored_notices, windows
from tests.support.httpserver import LocalServer, Response

pytestmark = pytest.mark.samples


def serve(mapping: dict[str, tuple[bytes, str]]):
    def handle(request):
        if request.path in mapping:
            body, content_type = mapping[request.path]
            return Response(200, body, {"Content-Type": content_type})
        return Response(404, b"not found")

    return handle


def test_real_eis_rss_feed(tmp_path: Path, samples_dir: Path) -> None:
    feeds = sorted(samples_dir.glob("rss__*/real-eis-rss.xml"))
    if not feeds:
        pytest.skip("real EIS RSS absent")
    handler = serve(
        {
            "/epz/order/extendedsearch/rss.html": (feeds[0].read_bytes(), "application/rss+xml"),
            "/epz/order/extendedsearch/results.html": (b"<html><body></body></html>", "text/html; charset=utf-8"),
        }
    )
    db = sqlite_url(tmp_path / "t.db")
    with LocalServer(handler) as server:
        result = crawl(
            "eis-search",
            db,
            f"base_url={server.base_url}",
            "query=охрана",
            "since=2026-07-28",
            settings={"RETRY_TIMES": "0"},
            log=tmp_path / "c.log",
        )
    assert result.returncode == 0
    notices = stored_notices(db, "eis-search")
    assert len(notices) == 5  # notice pages 404 here: every feed item is kept from the feed itself
    assert notices["0373200215526000664"]["nmck"] == "441666.67"
    assert all(n["ikz"] and len(n["ikz"]) == 36 for n in notices.values())
    assert int(last_run(db).stats["responses_by_status"]["404"]) >= 5  # the health record shows the misses
    assert windows(db)[-1][1] == "failed"  # and the window is fetched again next run


def test_real_ocds_package(tmp_path: Path, samples_dir: Path) -> None:
    package = samples_dir / "ocds__open-contracting-sample-data" / "ocds-213czf-000-00001.json"
    if not package.is_file():
        pytest.skip("OCDS sample absent")
    db = sqlite_url(tmp_path / "t.db")
    with LocalServer(serve({"/api/releases": (package.read_bytes(), "application/json")})) as server:
        result = crawl(
            "ocds",
            db,
            f"base_url={server.base_url}",
            "path=/api/releases",
            "from_param=",
            "to_param=",
            "limit=",
            log=tmp_path / "c.log",
        )
    assert result.returncode == 0
    [(number, record)] = stored_notices(db, "ocds").items()
    assert number == "ocds-213czf-000-00001" and record["version"] == 6
    assert record["customer"]["name"] == "London Borough of Barnet" and record["nmck"] == "1100000"


def test_real_eforms_notice_behind_a_search_hit(tmp_path: Path, samples_dir: Path) -> None:
    notice = samples_dir / "ted_eforms__OP-TED-eForms-SDK" / "cn_24_open.xml"
    if not notice.is_file():
        pytest.skip("eForms sample absent")
    search = {
        "notices": [
            {
                "publication-number": "107628-2020",
                "publication-date": "2020-02-28+01:00",
                "notice-type": "cn-standard",
                "notice-title": {"eng": "United Kingdom – Inspection and testing services"},
                "buyer-name": {"eng": ["Renfrewshire Council"]},
                "classification-cpv": ["71630000"],
                "links": {
                    "xml": {"MUL": "https://ted.europa.eu/en/notice/107628-2020/xml"},
                    "html": {"ENG": "https://ted.europa.eu/en/notice/-/detail/107628-2020"},
                },
            }
        ],
        "totalNoticeCount": 1,
        "iterationNextToken": None,
        "timedOut": False,
    }
    handler = serve(
        {
            "/v3/notices/search": (json.dumps(search).encode(), "application/json"),
            "/en/notice/107628-2020/xml": (notice.read_bytes(), "application/xml"),
        }
    )
    db = sqlite_url(tmp_path / "t.db")
    with LocalServer(handler) as server:
        result = crawl("ted", db, f"base_url={server.base_url}", "since=2020-02-01", log=tmp_path / "c.log")
    assert result.returncode == 0
    record = stored_notices(db, "ted")["107628-2020"]
    assert record["deadline_at"] == "2020-04-03T12:00:00+01:00" and record["nmck"] == "500000"
    assert record["title"].startswith("Term Contract for a Planned Programme")  # from the eForms XML
