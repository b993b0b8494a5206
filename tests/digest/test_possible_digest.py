"""The digest's block «Возможно подходят — соответствие не доказано» (issue 15 point 5), built from results the
real matcher stored: a notice that would fit were its undecided requirements proven is listed apart from the
relevant ones, with what to check on each line, escaped like every notice text, and counted."""

from __future__ import annotations

from datetime import timedelta
from html import unescape

import pytest

from digest.mail import build_message
from digest.query import build_digest
from digest.render import render_digest, render_mail_body
from matching.pipeline import run_matching
from store.catalogue import CatalogueRepository
from store.db import init_db, session_scope
from store.notices import NoticeRepository
from store.schema import NoticeRecord
from tests.digest.factories import HOSTILE, NOW
from tests.matching.test_possible import CATALOGUE, SWITCH, UPS

POSSIBLE, RELEVANT = "0100000000126000001", "0100000000126000002"
HOSTILE_NAME = f"Количество портов SFP+ {HOSTILE}"


def record(number: str, title: str, *items: dict) -> NoticeRecord:
    lines = [{"index": i, "quantity": "1", **item} for i, item in enumerate(items, start=1)]
    deadline = (NOW + timedelta(days=5)).isoformat()
    return NoticeRecord.model_validate(
        {"source": "eis44", "number": number, "title": title, "deadline_at": deadline, "items": lines}
    )


def stored_digest(tmp_path, switch: dict = SWITCH):
    engine = init_db(f"sqlite:///{tmp_path / 't.db'}")
    with session_scope(engine) as session:
        CatalogueRepository(session).import_products(CATALOGUE)
        notices = NoticeRepository(session)
        notices.upsert(record(POSSIBLE, "Поставка коммутаторов", switch))
        notices.upsert(record(RELEVANT, "Поставка ИБП и коммутаторов", {**UPS, "sum": "90000"}, switch))
    run_matching(engine)
    with session_scope(engine) as session:
        return build_digest(session, now=NOW)


@pytest.fixture
def digest(tmp_path):
    return stored_digest(tmp_path)


def test_the_card_knows_it_is_possible_and_what_to_check(digest):
    cards = {card.number: card for card in digest.cards}
    possible, relevant = cards[POSSIBLE], cards[RELEVANT]
    assert possible.possible and not possible.relevant and possible.score > 0
    assert relevant.relevant and not relevant.possible
    (check,) = possible.to_check
    assert (check.index, check.name, check.sku) == (1, "Коммутатор управляемый", "SW-24")
    assert check.reasons == ["Количество портов SFP+: характеристика не найдена в карточке товара"]
    assert "возможно подходит: соответствие не доказано" in possible.reasons
    assert [card.number for card in digest.possible_cards()] == [POSSIBLE]
    counts = digest.counts()
    assert (counts.total, counts.relevant, counts.possible) == (2, 1, 1)
    assert "из них подходящих 1, возможно подходящих 1," in counts.sentence(3)


def test_the_page_lists_possible_notices_after_the_relevant_ones_with_what_to_check(digest):
    html = render_digest(digest)
    block = html[html.index('<section id="possible">') :]
    block = block[: block.index("</section>")]
    assert "Возможно подходят — соответствие не доказано" in block
    assert "Поставка коммутаторов" in block and "Поставка ИБП и коммутаторов" not in block
    assert "поз. 1" in block and "SW-24" in block
    assert "Количество портов SFP+: характеристика не найдена в карточке товара" in unescape(block)
    assert html.index('<section id="all">') < html.index('<section id="possible">')
    assert "<b>1</b> возможно подходят" in html and "возможно подходит: соответствие не доказано" in html
    mail = render_mail_body(digest)
    assert "Возможно подходят — соответствие не доказано (1)" in mail and "SW-24" in mail
    message = build_message(digest, html, sender="t@example.ru", recipients=["s@example.ru"])
    assert message["Subject"].endswith("всего 2, подходящих 1, возможно подходящих 1")


def test_what_to_check_is_escaped(tmp_path):
    hostile = {**SWITCH, "characteristics": [*SWITCH["characteristics"][:2], {**SWITCH["characteristics"][2],
               "name": HOSTILE_NAME}]}  # fmt: skip
    digest = stored_digest(tmp_path, hostile)
    (card,) = digest.possible_cards()
    assert any("<script>window.__pwned=1" in reason for reason in card.to_check[0].reasons)  # ";" → ","
    for html in (render_digest(digest), render_mail_body(digest)):
        assert "<script>window.__pwned" not in html and "<img src=x" not in html
        assert "&lt;script&gt;window.__pwned=1,alert(1)&lt;/script&gt;" in html


def test_an_empty_block_says_so(digest):
    for card in digest.cards:
        card.possible = False
    html = render_digest(digest)
    assert "<b>0</b> возможно подходят" in html and "Таких закупок нет." in html
