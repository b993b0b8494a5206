"""Review actions over HTTP: the head assigns, a specialist may only take; bad input is a clear 400; the board
shows the stages with their expected amounts."""

from __future__ import annotations

from decimal import Decimal

from starlette.testclient import TestClient

from digest.format import format_money
from pipeline.export import pipeline_rows
from store.db import make_engine, session_scope
from tests.web.conftest import NUMBERS, csrf_of, login


def _post(client: TestClient, number: str, **form: str):
    token = csrf_of(client, f"/tender/{number}")
    return client.post(f"/tender/{number}/review", data={"csrftoken": token, "action": "save", **form},
                       follow_redirects=False)


def _row(site, number: str) -> dict:
    with session_scope(make_engine(site.db_url)) as session:
        return next(row for row in pipeline_rows(session) if row["notice_number"] == number)


def test_head_assigns_and_a_specialist_only_takes(client: TestClient, site) -> None:
    login(client, "head")
    assert _post(client, NUMBERS[0], assignee="boris", stage="qualified", our_price="900 000").status_code == 303
    row = _row(site, NUMBERS[0])
    assert (row["assignee"], row["stage"], row["our_price"], row["expected_amount"]) == (
        "boris", "qualified", "900000.00", "135000.00")
    board = client.get("/board").text
    assert format_money(Decimal("135000.00")) in board and NUMBERS[0] in board

    client.post("/logout", data={"csrftoken": csrf_of(client, "/")})
    login(client, "anna")
    refused = _post(client, NUMBERS[1], assignee="boris")
    assert refused.status_code == 403 and "только руководитель" in refused.text
    assert _post(client, NUMBERS[0], stage="declined").status_code == 403  # boris's tender
    assert _row(site, NUMBERS[0])["stage"] == "qualified"


def test_bad_input_is_a_clear_error(client: TestClient, site) -> None:
    login(client, "head")
    lost = _post(client, NUMBERS[2], stage="lost")
    assert lost.status_code == 400 and "укажите причину" in lost.text
    price = _post(client, NUMBERS[2], our_price="дорого")
    assert price.status_code == 400 and "ожидается число" in price.text
    assert client.get("/tender/0000").status_code == 404
    assert client.get(f"/tender/{NUMBERS[2]}/bid.zip").status_code == 404  # not built yet
