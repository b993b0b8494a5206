"""The served tender page of a notice that would fit were its undecided requirements proven says so and lists
what to check (issue 15 point 5), escaped like every notice text."""

from __future__ import annotations

from sqlalchemy import select, update
from starlette.testclient import TestClient

from store.db import make_engine, session_scope
from store.models import Notice, NoticeMatch
from tests.web.conftest import NUMBERS, login

REASON = 'Количество портов SFP+ <script>alert("x")</script>: характеристика не найдена в карточке товара'


def test_a_possible_tender_page_lists_what_to_check(client: TestClient, site) -> None:
    with session_scope(make_engine(site.db_url)) as session:
        notice_id = session.scalar(select(Notice.id).where(Notice.number == NUMBERS[0]))
        line = {"index": 1, "sku": "SW-24", "fit": 0.0, "unproven_sku": "SW-24", "unproven": [REASON],
                "reason": "соответствие не доказано, проверьте: Количество портов SFP+"}
        explanation = {"coverage": 0.0, "possible_coverage": 1.0, "lines": [line],
                       "possible": "возможно подходит: соответствие не доказано"}  # fmt: skip
        session.execute(update(NoticeMatch).where(NoticeMatch.notice_id == notice_id)
                        .values(relevant=False, possible=True, explanation=explanation))  # fmt: skip
    login(client, "anna")
    page = client.get(f"/tender/{NUMBERS[0]}").text
    assert "Возможно подходит — соответствие не доказано" in page and "товар SW-24" in page
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;: характеристика не найдена в карточке товара" in page
    assert '<script>alert("x")' not in page
    assert "to-check" not in client.get(f"/tender/{NUMBERS[1]}").text  # a tender not "possible": no such list
