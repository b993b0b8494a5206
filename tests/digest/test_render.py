"""The rendered page as text: self-contained, escaped, sections and numbers in place."""

from __future__ import annotations

import base64
import hashlib
import re
from html import unescape

from digest.render import render_digest, render_mail_body, safe_url
from tests.digest.factories import HOSTILE, hostile_card, make_card, make_digest, sample_digest


def _inline(html: str, tag: str) -> str:
    return re.search(rf"<{tag}>(.*?)</{tag}>", html, re.S).group(1)


def _hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def test_page_is_self_contained_and_pins_its_own_assets():
    html = render_digest(sample_digest())
    csp = unescape(re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html).group(1))
    assert "default-src 'none'" in csp
    assert _hash(_inline(html, "script")) in csp and _hash(_inline(html, "style")) in csp
    # Nothing is loaded from anywhere: no external scripts, stylesheets, images, fonts or frames.
    assert not re.search(r"<(script|img|iframe|link)[^>]+(src|href)=\"(?!data:)", html)
    assert "@import" not in html and "url(" not in _inline(html, "style")
    assert html.count("<script") == 1


def test_sections_and_numbers_a_specialist_needs():
    html = render_digest(sample_digest())
    for heading in ("Срок подачи истекает", "Новые с прошлого дайджеста", "Изменённые извещения", "Все подходящие"):
        assert heading in html
    assert "1\u00a0234\u00a0567,89\u00a0₽" in html  # NMCK
    assert "12\u00a0345,68\u00a0₽" in html and "1\u00a0%" in html  # application security
    assert "115\u00a0000,00\u00a0₽" in html  # margin 980 000 − 10 × 86 500
    assert "Бюджет PoE" in html and "у товара 185 Вт" in html  # failed requirement named with the reason
    assert "2\u00a0дня 4\u00a0ч" in html  # countdown at generation time
    assert "последний запуск завершился сбоем" in html and 'role="alert"' in html
    assert (
        'href="https://zakupki.gov.ru/epz/order/notice/ea20/view/common-info.html?regNumber=0373100000126000101"'
        in html
    )


def test_hostile_text_is_escaped_and_hostile_links_dropped():
    html = render_digest(make_digest([hostile_card(), make_card()]))
    assert "<script>window.__pwned" not in html
    assert "<img src=x" not in html
    assert '" onmouseover="' not in html
    assert "&lt;script&gt;window.__pwned=1;alert(1)&lt;/script&gt;" in html
    assert "javascript:" not in html and "data:text/html" not in html
    mail = render_mail_body(make_digest([hostile_card()]))
    assert "<script>" not in mail and "&lt;script&gt;" in mail and HOSTILE not in mail


def test_safe_url_accepts_only_http_links():
    assert safe_url("https://zakupki.gov.ru/x?a=1&b=2") == "https://zakupki.gov.ru/x?a=1&b=2"
    for bad in ("javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,x", "//evil.example/x", "ftp://x/y", ""):
        assert safe_url(bad) is None


def test_empty_digest_says_so():
    html = render_digest(make_digest([], health=[]))
    assert "Нет закупок, подходящих под каталог" in html
    assert "Нет сведений о запусках сбора" in html


def test_summary_tables_are_capped_but_every_tender_keeps_its_card():
    cards = [make_card(f"03731000001260{i:05d}", is_new=True) for i in range(35)]
    digest = make_digest(cards)
    digest.summary_limit = 10
    html = render_digest(digest)
    assert "Здесь первые 10 из 35." in html and 'data-view="new"' in html
    assert html.count('<tr class="f"') == 20  # closing soon and new: 10 rows each
    assert html.count("<article") == 35
