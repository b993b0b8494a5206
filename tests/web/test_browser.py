"""`serve` in the system Chromium: log in, take a tender, submit it, lose another with a reason, download its
bid package; a specialist cannot change a colleague's tender; an expired session goes back to the login page."""

from __future__ import annotations

import socket
import threading
import time
import zipfile
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
import uvicorn

from crawlers.browser import CHROMIUM, CHROMIUM_ARGS
from pipeline.export import pipeline_rows
from store.db import make_engine, session_scope
from tests.web.conftest import NUMBERS, PASSWORD, Site
from web.app import create_app

pytestmark = pytest.mark.browser


class LiveServer:
    def __init__(self, app) -> None:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> LiveServer:
        self.thread.start()
        deadline = time.monotonic() + 10
        while not self.server.started and time.monotonic() < deadline:
            time.sleep(0.05)
        return self

    def __exit__(self, *_: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not Path(CHROMIUM).exists():
        pytest.skip("system Chromium (/usr/bin/chromium) is not installed")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def live(site: Site) -> Iterator[LiveServer]:
    with LiveServer(create_app(site.settings)) as server:
        yield server


def _page(browser, errors: list[str]):
    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.on("pageerror", lambda error: errors.append(str(error)))
    return context, page


def _login(page, url: str, name: str) -> None:
    page.goto(url + "/")
    page.fill("input[name=username]", name)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_selector("table.tenders")


def _rows(site: Site) -> dict[str, dict]:
    with session_scope(make_engine(site.db_url)) as session:
        return {row["notice_number"]: row for row in pipeline_rows(session)}


def test_specialist_takes_submits_loses_and_downloads_the_bid(browser, live: LiveServer, site: Site,
                                                             tmp_path: Path) -> None:
    errors: list[str] = []
    context, page = _page(browser, errors)
    _login(page, live.url, "anna")
    assert page.evaluate("() => typeof window.htmx") == "object"  # the local htmx file loaded under the CSP
    page.click(f"a[href='/tender/{NUMBERS[0]}']")
    page.click("button[value=take]")
    page.wait_for_selector("#assignee:text('anna')")
    page.select_option("select[name=stage]", "submitted")
    page.click("button[value=save]")
    page.wait_for_selector("#stage[data-stage=submitted]")

    page.goto(f"{live.url}/tender/{NUMBERS[1]}")
    page.click("button[value=take]")
    page.wait_for_selector("#assignee:text('anna')")
    page.select_option("select[name=stage]", "lost")
    page.select_option("select[name=loss_reason]", "price")
    page.fill("textarea[name=comment]", "цена победителя ниже нашей себестоимости")
    page.click("button[value=save]")
    page.wait_for_selector("#stage[data-stage=lost]")
    assert page.inner_text("#loss-reason") == "цена"

    page.click("form.bid button")
    page.wait_for_selector("#bid-download")
    with page.expect_download() as download_info:
        page.click("#bid-download")
    saved = tmp_path / "bid.zip"
    download_info.value.save_as(saved)
    assert any(name.endswith("manifest.json") for name in zipfile.ZipFile(saved).namelist())

    rows = _rows(site)
    assert (rows[NUMBERS[0]]["stage"], rows[NUMBERS[0]]["assignee"]) == ("submitted", "anna")
    assert (rows[NUMBERS[1]]["stage"], rows[NUMBERS[1]]["loss_reason"]) == ("lost", "price")
    page.goto(f"{live.url}/board")
    assert NUMBERS[0] in page.inner_text("section[data-stage=submitted]")
    assert errors == []  # no CSP violation, no script error
    context.close()


def test_specialist_cannot_change_a_colleagues_tender(browser, live: LiveServer, site: Site) -> None:
    errors: list[str] = []
    anna_context, anna = _page(browser, errors)
    _login(anna, live.url, "anna")
    anna.goto(f"{live.url}/tender/{NUMBERS[0]}")
    anna.click("button[value=take]")
    anna.wait_for_selector("#assignee:text('anna')")

    boris_context, boris = _page(browser, errors)
    _login(boris, live.url, "boris")
    boris.goto(f"{live.url}/tender/{NUMBERS[0]}")
    assert "Закупку ведёт anna" in boris.inner_text("article.tender")
    assert boris.locator("form.review").count() == 0
    token = boris.locator("input[name=csrftoken]").first.get_attribute("value")
    forged = boris.request.post(f"{live.url}/tender/{NUMBERS[0]}/review",
                                form={"csrftoken": token, "stage": "declined", "action": "save"})
    assert forged.status == 403
    assert _rows(site)[NUMBERS[0]]["stage"] == "new"
    anna_context.close()
    boris_context.close()


def test_expired_session_goes_back_to_login(browser, site: Site) -> None:
    settings = replace(site.settings, session_minutes=2 / 60)  # two seconds
    with LiveServer(create_app(settings)) as server:
        errors: list[str] = []
        context, page = _page(browser, errors)
        _login(page, server.url, "head")
        time.sleep(3)
        page.goto(f"{server.url}/tender/{NUMBERS[0]}")
        assert page.url == f"{server.url}/login"
        assert page.locator("input[name=password]").count() == 1
        context.close()
