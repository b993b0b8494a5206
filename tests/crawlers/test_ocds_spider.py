"""Real Scrapy crawls of the ocds spider: release package, links.next to a record package, date windows."""

from __future__ import annotations

from pathlib import Path

from testing.platform_sites import SITES
from tests.crawlers.sites import crawl, flaky, last_run, ocds_site, sqlite_url, stored_notices, windows
from tests.support.httpserver import LocalServer

SITE = SITES / "ocds"
ARGS = ("path=/api/releases", "from_param=updatedFrom", "to_param=updatedTo", "since=2026-11-01")


def test_packages_are_paged_and_stored(tmp_path: Path) -> None:
    db = sqlite_url(tmp_path / "t.db")
    with LocalServer(ocds_site(SITE)) as server:
        result = crawl("ocds", db, f"base_url={server.base_url}", *ARGS, log=tmp_path / "c.log")
        hits = dict(server.hits)
    assert result.returncode == 0, result.stderr[-2000:]
    notices = stored_notices(db, "ocds")
    assert set(notices) == {"ocds-rx4p2z-2026-000101", "ocds-rx4p2z-2026-000102", "ocds-rx4p2z-2026-000103"}
    assert notices["ocds-rx4p2z-2026-000101"]["deadline_at"] == "2026-11-24T10:00:00+03:00"
    assert notices["ocds-rx4p2z-2026-000103"]["nmck"] == "12500000.00"
    assert any("updatedFrom=2026-11-01T00%3A00%3A00" in p for p in hits)  # the date window is sent
    assert "/api/releases?page=2" in hits  # links.next followed on the configured server
    assert last_run(db).status == "complete" and windows(db)[-1][1] == "complete"


def test_retries_through_errors(tmp_path: Path) -> None:
    db = sqlite_url(tmp_path / "t.db")
    with LocalServer(flaky(), ocds_site(SITE)) as server:
        result = crawl("ocds", db, f"base_url={server.base_url}", *ARGS, log=tmp_path / "c.log")
    assert result.returncode == 0
    assert len(stored_notices(db)) == 3
    assert last_run(db).stats["retries"] >= 1
