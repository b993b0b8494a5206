"""The block «Возможно подходят — соответствие не доказано» in the system Chromium: shown after the tenders,
reached from its tile, follows the filters like the other tables, and its notice text never runs."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.digest.test_browser import Watched, browser  # noqa: F401 (the module's Chromium fixture)
from tests.digest.test_possible_digest import HOSTILE_NAME, stored_digest
from tests.matching.test_possible import SWITCH

pytestmark = pytest.mark.browser


def test_the_possible_block_shows_what_to_check(browser, tmp_path, artifacts_dir):  # noqa: F811
    from digest.render import render_digest

    hostile = {**SWITCH, "characteristics": [*SWITCH["characteristics"][:2], {**SWITCH["characteristics"][2],
               "name": HOSTILE_NAME}]}  # fmt: skip
    page_path = tmp_path / "digest.html"
    page_path.write_text(render_digest(stored_digest(tmp_path, hostile)), encoding="utf-8")
    watched = Watched(browser)
    try:
        page = watched.page
        page.goto(page_path.as_uri())
        block = page.locator("#possible")
        expect(block.locator("h2")).to_contain_text("Возможно подходят — соответствие не доказано")
        expect(block.locator("tbody tr")).to_have_count(1)
        expect(block.locator("tbody tr")).to_contain_text("Поставка коммутаторов")
        expect(block.locator(".tochk")).to_contain_text("поз. 1 Коммутатор управляемый — товар SW-24")
        expect(block.locator(".unkl li")).to_contain_text("<script>window.__pwned=1,alert(1)</script>")
        expect(block.locator(".unkl li")).to_contain_text("характеристика не найдена в карточке товара")
        assert page.evaluate("typeof window.__pwned") == "undefined" and watched.dialogs == []
        tag = page.locator("article.card .t-maybe")
        expect(tag).to_have_count(1)
        expect(tag).to_have_text("возможно подходит: соответствие не доказано")

        page.locator('a[href="#possible"]').first.click()
        expect(block).to_be_in_viewport()
        page.evaluate("document.querySelectorAll('.card').forEach(card => card.style.contentVisibility = 'visible')")
        block.screenshot(path=str(artifacts_dir / "digest-possible.png"))

        page.fill("#q", "ИБП")  # only the relevant notice matches: the possible one hides, its count says so
        expect(block.locator("tbody tr")).to_be_hidden()
        expect(block.locator(".cnt")).to_have_text("0 из 1")
        page.fill("#q", "")
        expect(block.locator("tbody tr")).to_be_visible()
        expect(block.locator(".cnt")).to_have_text("1")
        page.select_option("#view", "possible")  # the full list shows only the possible tenders
        expect(page.locator("#shown")).to_have_text("Найдено 1 из 2")
        assert watched.visible_cards() == ["Поставка коммутаторов"]
        assert watched.errors == []
    finally:
        watched.close()
