"""etp-js through scrapy-playwright and the system Chromium: the cards exist only after the scripts run."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from testing.platform_sites import SITES
from tests.crawlers.sites import crawl, etp_js_site, last_run, sqlite_url, stored_notices
from tests.support.httpserver import LocalServer

SITE = SITES / "etp-js"
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        shutil.which("chromium") is None and not Path("/usr/bin/chromium").exists(), reason="system Chromium absent"
    ),
]


def test_rendered_lists_and_details_are_stored(tmp_path: Path) -> None:
    db = sqlite_url(tmp_path / "t.db")
    with LocalServer(etp_js_site(SITE)) as server:
        result = crawl("etp-js", db, f"base_url={server.base_url}", log=tmp_path / "c.log", timeout=180)
        hits = dict(server.hits)
    assert result.returncode == 0, result.stderr[-3000:]
    notices = stored_notices(db, "zakupki-mos")
    assert set(notices) == {"6200001", "6200002", "6200003"}  # two list pages, rendered by the script
    laptops = notices["6200001"]
    assert laptops["url"] == "https://zakupki.mos.ru/need/6200001"
    assert laptops["items"][0]["okpd2"] == "26.20.11.110" and laptops["items"][0]["sum"] == "1480000.00"
    assert laptops["customer"]["region"] == "г Москва"  # from the list card
    assert notices["6200003"]["status"] == "closed" and notices["6200003"]["law"] == "223-FZ"
    assert hits.get("/api/needs-2.json") == 1  # the browser ran the page script (it alone fetches JSON)
    assert last_run(db).status == "complete"


def test_without_javascript_nothing_is_found(tmp_path: Path) -> None:
    """The negative control: plain HTTP (no browser) sees only the shell, so no notice can be stored."""
    db = sqlite_url(tmp_path / "t.db")
    with LocalServer(etp_js_site(SITE)) as server:
        result = crawl(
            "etp-js",
            db,
            f"base_url={server.base_url}",
            log=tmp_path / "c.log",
            settings={"DOWNLOAD_HANDLERS": json.dumps({"http": None, "https": None})},
        )
    assert result.returncode == 0
    assert stored_notices(db) == {}
    assert last_run(db).status != "complete"
