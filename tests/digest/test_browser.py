"""The digest in the system Chromium: loads clean and offline, filters, keeps state, never runs notice text."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from playwright.sync_api import expect

from crawlers.browser import CHROMIUM as CHROMIUM_PATH
from crawlers.browser import CHROMIUM_ARGS
from digest.model import Digest
from digest.render import render_digest
from tests.digest.factories import HOSTILE, MSK, hostile_card, make_card, make_digest

pytestmark = pytest.mark.browser

CHROMIUM = Path(CHROMIUM_PATH)
LAUNCH_ARGS = CHROMIUM_ARGS


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not CHROMIUM.exists():
        pytest.skip("system Chromium (/usr/bin/chromium) is not installed")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=LAUNCH_ARGS)
        yield launched
        launched.close()


class Watched:
    """A page with everything it reports recorded: console errors, page errors, requests, dialogs."""

    def __init__(self, browser, width: int = 1280, height: int = 900) -> None:
        self.context = browser.new_context(viewport={"width": width, "height": height})
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.page.on("console", lambda message: message.type == "error" and self.errors.append(message.text))
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on("dialog", lambda dialog: (self.dialogs.append(dialog.message), dialog.dismiss()))

    def visible_cards(self) -> list[str]:
        return self.page.eval_on_selector_all(
            "article.card:not([hidden])", "cards => cards.map(card => card.querySelector('h3').textContent)"
        )

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def watched(browser) -> Iterator[Watched]:
    page = Watched(browser)
    yield page
    page.close()


def _live(digest: Digest) -> Digest:
    """Shift every moment so the page's own clock (the real one) sees the intended countdowns."""
    shift = datetime.now(MSK) - digest.generated_at
    digest.generated_at += shift
    for card in digest.cards:
        card.deadline_at = card.deadline_at + shift if card.deadline_at else None
        card.auction_at = card.auction_at + shift if card.auction_at else None
    return digest


def _varied() -> Digest:
    cards = [
        make_card("0373100000126000001", title="Поставка коммутаторов", score=88, is_new=True),
        make_card(
            "0373100000126000002",
            title="Поставка серверов",
            score=64,
            region="Новосибирская область",
            deadline_in=timedelta(days=9),
            compliant="no",
        ),
        make_card(
            "32615000003",
            title="Источники бесперебойного питания",
            score=42,
            law="223-FZ",
            region="Санкт-Петербург",
            deadline_in=timedelta(hours=20),
        ),
        make_card("32615000004", title="Серверные шкафы 42U", score=75, law="223-FZ", deadline_in=timedelta(days=5)),
    ]
    return _live(make_digest(cards))


def _screenshot(page, path: Path) -> None:
    """Full-page picture with every card rendered (off-screen cards are skipped by content-visibility)."""
    page.evaluate("document.querySelectorAll('.card').forEach(card => card.style.contentVisibility = 'visible')")
    page.screenshot(path=str(path), full_page=True)


def _write(tmp_path: Path, digest: Digest, name: str = "digest.html") -> str:
    path = tmp_path / name
    path.write_text(render_digest(digest), encoding="utf-8")
    return path.as_uri()


def test_page_loads_clean_offline_and_is_screenshotted(watched, browser, tmp_path, artifacts_dir):
    url = _write(tmp_path, _varied())
    watched.page.goto(url)
    watched.page.wait_for_load_state("load")
    assert watched.page.locator("#shown").text_content() == "Найдено 4 из 4"
    assert watched.errors == []
    assert watched.requests and all(u.startswith(("file://", "data:")) for u in watched.requests), watched.requests
    _screenshot(watched.page, artifacts_dir / "digest-laptop.png")
    # Printable: the controls disappear on paper, the cards stay.
    watched.page.emulate_media(media="print")
    assert not watched.page.locator("#controls").is_visible()
    assert watched.page.locator("article.card").first.is_visible()
    watched.page.pdf(path=str(artifacts_dir / "digest-print.pdf"), format="A4")
    watched.page.emulate_media(media="screen")
    assert (artifacts_dir / "digest-print.pdf").read_bytes().startswith(b"%PDF")

    phone = Watched(browser, width=390, height=844)
    try:
        phone.page.goto(url)
        width = phone.page.evaluate("document.documentElement.scrollWidth")
        assert width <= 390, "the page must not scroll sideways on a phone"
        _screenshot(phone.page, artifacts_dir / "digest-phone.png")
        assert phone.errors == []
    finally:
        phone.close()
    assert (artifacts_dir / "digest-laptop.png").stat().st_size > 10_000


def test_filters_change_cards_and_survive_reload(watched, tmp_path):
    watched.page.goto(_write(tmp_path, _varied()))
    page = watched.page
    assert watched.visible_cards() == [
        "Поставка коммутаторов",
        "Серверные шкафы 42U",
        "Поставка серверов",
        "Источники бесперебойного питания",
    ]
    page.fill("#q", "сервер")
    assert watched.visible_cards() == ["Серверные шкафы 42U", "Поставка серверов"]
    page.click("button.minb[data-min='70']")
    assert watched.visible_cards() == ["Серверные шкафы 42U"]
    assert page.locator("#shown").text_content() == "Найдено 1 из 4"
    expect(page).to_have_url(re.compile(r"min=70"))  # the hash is written just after the update
    assert "q=%D1%81%D0%B5%D1%80%D0%B2%D0%B5%D1%80" in page.url and "min=70" in page.url

    page.reload()
    assert page.input_value("#q") == "сервер"
    assert "on" in (page.get_attribute("button.minb[data-min='70']", "class") or "")
    assert watched.visible_cards() == ["Серверные шкафы 42U"]

    page.click("#reset")
    page.select_option("#law", "223-FZ")
    assert watched.visible_cards() == ["Серверные шкафы 42U", "Источники бесперебойного питания"]
    page.select_option("#days", "1")
    assert watched.visible_cards() == ["Источники бесперебойного питания"]
    page.click("#reset")
    page.select_option("#region", "Новосибирская область")
    assert watched.visible_cards() == ["Поставка серверов"]
    page.click("#reset")
    page.check("#ok")
    assert "Поставка серверов" not in watched.visible_cards() and len(watched.visible_cards()) == 3
    page.select_option("#sort", "deadline")
    assert watched.visible_cards()[0] == "Источники бесперебойного питания"
    # Summary rows follow the same filters as the cards.
    assert page.locator("#new tr.f:not([hidden])").count() == 1
    page.fill("#min", "90")
    assert watched.visible_cards() == [] and page.locator("#nothing").is_visible()
    assert watched.errors == []


def test_hostile_notice_text_renders_as_plain_text(watched, tmp_path):
    digest = _live(make_digest([hostile_card(), make_card()]))
    watched.page.goto(_write(tmp_path, digest))
    page = watched.page
    page.wait_for_load_state("load")
    title = page.locator("article.card h3", has_text="Закупка")
    assert title.text_content() == f"Закупка {HOSTILE}"
    assert title.is_visible()
    for element in (title, page.locator(".fail li").first, page.locator(".why").first, page.locator(".chg li").first):
        element.hover()
        element.click()
    page.fill("#q", "onmouseover")
    assert watched.visible_cards() == [f"Закупка {HOSTILE}"]
    assert page.locator(".fail li").first.text_content().startswith(f"Характеристика {HOSTILE}")
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.locator("img").count() == 0 and page.locator("script").count() == 1
    assert page.locator("[onmouseover], [onerror]").count() == 0
    assert watched.dialogs == []
    assert watched.errors == []  # not even a blocked attempt: nothing was parsed as markup
    assert all(u.startswith(("file://", "data:")) for u in watched.requests)


def test_long_lists_are_paged_and_filters_search_all_pages(watched, tmp_path):
    names = ["альфа", "бета", "гамма", "дельта", "эпсилон"]
    cards = [
        make_card(f"03731000001260{i:05d}", title=f"Тендер {name}", score=90 - i, deadline_in=timedelta(days=9 - i))
        for i, name in enumerate(names)
    ]
    digest = _live(make_digest(cards))
    digest.page_size = 2
    watched.page.goto(_write(tmp_path, digest))
    page = watched.page
    assert watched.visible_cards() == ["Тендер альфа", "Тендер бета"]
    page.click("#more")
    assert watched.visible_cards() == ["Тендер альфа", "Тендер бета", "Тендер гамма", "Тендер дельта"]
    page.click("#more")
    assert len(watched.visible_cards()) == 5 and not page.locator("#more").is_visible()
    page.click("#reset")  # back to the first page
    assert len(watched.visible_cards()) == 2
    page.fill("#q", "ЭПСИЛОН")  # beyond the first page: still found
    assert watched.visible_cards() == ["Тендер эпсилон"]
    assert page.locator("#shown").text_content() == "Найдено 1 из 5"
    page.click("#reset")
    page.select_option("#sort", "deadline")  # pages follow the chosen order
    assert watched.visible_cards() == ["Тендер эпсилон", "Тендер дельта"]
    page.click("#more")
    assert watched.visible_cards() == ["Тендер эпсилон", "Тендер дельта", "Тендер гамма", "Тендер бета"]
    page.select_option("#sort", "score")
    assert watched.visible_cards() == ["Тендер альфа", "Тендер бета"]
    assert watched.errors == []
