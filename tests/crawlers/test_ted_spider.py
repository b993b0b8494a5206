"""Real Scrapy crawls of the ted spider: POST search with iteration tokens, then eForms XML per notice."""

from __future__ import annotations

from pathlib import Path

from testing.platform_sites import SITES
from tests.crawlers.sites import crawl, last_run, sqlite_url, stored_notices, ted_site
from tests.support.httpserver import LocalServer, Response

SITE = SITES / "ted"


def test_search_pages_and_notices(tmp_path: Path) -> None:
    db = sqlite_url(tmp_path / "t.db")
    with LocalServer(ted_site(SITE)) as server:
        result = crawl("ted", db, f"base_url={server.base_url}", "since=2026-11-01", log=tmp_path / "c.log")
        hits = dict(server.hits)
    assert result.returncode == 0, result.stderr[-2000:]
    notices = stored_notices(db, "ted")
    assert set(notices) == {"702145-2026", "703377-2026", "704010-2026"}
    switches = notices["702145-2026"]
    assert [i["name"] for i in switches["items"]] == [
        "Access switches, 48 ports PoE+",
        "Core switches with 25G uplinks",
    ]
    assert switches["url"] == "https://ted.europa.eu/en/notice/-/detail/702145-2026"
    assert switches["nmck"] == "1250000.00" and switches["law"] == "EU"
    assert notices["704010-2026"]["status"] == "closed"
    assert hits["/v3/notices/search"] == 2  # two pages by iteration token
    assert last_run(db).status == "complete"


def test_unreadable_notice_xml_keeps_the_search_record(tmp_path: Path) -> None:
    def broken(request):
        if request.path == "/en/notice/703377-2026/xml":
            return Response(200, b"<ContractNotice><unclosed>", {"Content-Type": "application/xml"})
        return None

    db = sqlite_url(tmp_path / "t.db")
    with LocalServer(broken, ted_site(SITE)) as server:
        result = crawl("ted", db, f"base_url={server.base_url}", "since=2026-11-01", log=tmp_path / "c.log")
    assert result.returncode == 0
    notices = stored_notices(db)
    assert len(notices) == 3
    assert notices["703377-2026"]["title"].startswith("Poland – Servers")  # from the search fields
    assert last_run(db).stats["parse_errors"] == 1
