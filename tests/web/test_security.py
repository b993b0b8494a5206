"""`serve` security (ASVS L1 yardstick): nothing without a login, no state change without a CSRF token, a lockout
after failed logins, escaped hostile text, security headers, signed session cookies with their attributes."""

from __future__ import annotations

import pytest
from starlette.testclient import TestClient

from pipeline.export import pipeline_rows
from store.db import make_engine, session_scope
from store.users import UserRepository
from tests.web.conftest import HOSTILE_TITLE, NUMBERS, csrf_of, login
from web.app import create_app

PAGES = ["/", "/board", f"/tender/{NUMBERS[0]}", f"/tender/{NUMBERS[0]}/bid.zip", "/tender/nonexistent"]
ACTIONS = [f"/tender/{NUMBERS[0]}/review", f"/tender/{NUMBERS[0]}/bid", "/logout"]


def _pipeline(site) -> list[dict]:
    with session_scope(make_engine(site.db_url)) as session:
        return list(pipeline_rows(session))


@pytest.mark.parametrize("path", PAGES)
def test_anonymous_visitor_gets_the_login_page_for_every_page(client: TestClient, path: str) -> None:
    response = client.get(path, follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/login"
    assert "Вход в Tenderflow" in client.get(path).text
    assert HOSTILE_TITLE not in client.get(path).text


def test_anonymous_posts_change_nothing(client: TestClient, site) -> None:
    token = csrf_of(client)  # even with a valid CSRF token
    for path in ACTIONS:
        response = client.post(path, data={"action": "take", "stage": "won", "csrftoken": token},
                               follow_redirects=False)
        assert response.status_code in (401, 403), path
    fresh = TestClient(create_app(site.settings), base_url="http://127.0.0.1")  # and with no cookie at all
    for path in ACTIONS[:2]:
        assert fresh.post(path, data={"action": "take"}, follow_redirects=False).status_code in (401, 403)
    assert _pipeline(site) == []
    assert not (site.settings.bid_dir).exists()


def test_logged_in_post_without_csrf_token_changes_nothing(client: TestClient, site) -> None:
    assert login(client, "head").status_code == 303
    response = client.post(f"/tender/{NUMBERS[0]}/review", data={"action": "take"}, follow_redirects=False)
    assert response.status_code == 403
    response = client.post(f"/tender/{NUMBERS[0]}/review", data={"action": "take", "csrftoken": "forged"},
                           follow_redirects=False)
    assert response.status_code == 403
    assert _pipeline(site) == []
    token = csrf_of(client, f"/tender/{NUMBERS[0]}")
    ok = client.post(f"/tender/{NUMBERS[0]}/review", data={"action": "take", "csrftoken": token},
                     follow_redirects=False)
    assert ok.status_code == 303 and [row["assignee"] for row in _pipeline(site)] == ["head"]


def test_login_without_csrf_token_is_refused(client: TestClient) -> None:
    client.get("/login")
    response = client.post("/login", data={"username": "head", "password": "x"}, follow_redirects=False)
    assert response.status_code == 403 and "tenderflow_session" not in response.cookies


def test_failed_logins_lock_the_account(client: TestClient, site) -> None:
    for _ in range(5):
        response = login(client, "anna", "wrong-password-000")
        assert response.status_code == 401 and "Неверное имя пользователя или пароль" in response.text
    response = login(client, "anna")  # the right password no longer helps
    assert response.status_code == 401 and "Слишком много неудачных попыток" in response.text
    with session_scope(make_engine(site.db_url)) as session:
        assert UserRepository(session).get("anna").locked_until is not None
    unknown = login(client, "nobody", "whatever-password")
    assert unknown.status_code == 401


def test_session_cookie_and_security_headers(client: TestClient) -> None:
    response = login(client, "head")
    cookie = response.headers["set-cookie"]
    assert "tenderflow_session=" in cookie and "httponly" in cookie.lower() and "samesite=lax" in cookie.lower()
    assert "max-age=28800" in cookie.lower()
    page = client.get("/")
    assert page.status_code == 200
    headers = page.headers
    assert "default-src 'none'" in headers["content-security-policy"]
    assert "script-src 'self'" in headers["content-security-policy"]
    assert headers["x-content-type-options"] == "nosniff" and headers["x-frame-options"] == "DENY"
    assert headers["cache-control"] == "no-store"


def test_hostile_notice_text_is_escaped(client: TestClient) -> None:
    login(client, "head")
    for path in ("/", f"/tender/{NUMBERS[2]}"):
        html = client.get(path).text
        assert "<script>alert" not in html and "<img src=x" not in html
        assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in html


def test_tampered_session_cookie_is_not_a_login(client: TestClient, site) -> None:
    login(client, "head")
    value = client.cookies.get("tenderflow_session")
    fresh = TestClient(create_app(site.settings), base_url="http://127.0.0.1")
    assert fresh.get("/", headers={"cookie": f"tenderflow_session={value}"}, follow_redirects=False).status_code == 200
    tampered = value[:-3] + ("abc" if not value.endswith("abc") else "xyz")
    response = fresh.get("/", headers={"cookie": f"tenderflow_session={tampered}"}, follow_redirects=False)
    assert response.status_code == 303


def test_htmx_is_served_locally(client: TestClient) -> None:
    login(client, "head")
    html = client.get("/").text
    assert '<script src="/static/htmx.min.js"' in html and "https://" not in html.split("<body")[0]
    assert client.get("/static/htmx.min.js").status_code == 200
