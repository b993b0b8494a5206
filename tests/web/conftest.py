"""A store for ``serve``: matched notices with open deadlines (one with a hostile title), a catalogue, users."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from store.db import init_db, session_scope
from store.users import UserRepository
from tests.digest.records import add_match, add_notice, add_product, notice_record
from web.app import ServeSettings, create_app
from web.auth import hash_password

HOSTILE_TITLE = '<script>alert("x")</script><img src=x onerror=alert(1)> Поставка коммутаторов'
NUMBERS = ("0373100000126000101", "0373100000126000102", "0373100000126000103")
PASSWORD = "верный-пароль-123"
USERS = {"anna": "specialist", "boris": "specialist", "head": "head"}
PASSWORD_HASH = hash_password(PASSWORD)  # Argon2 is slow on purpose: hash once per test session


@dataclass
class Site:
    db_url: str
    settings: ServeSettings


def build_store(db_url: str) -> None:
    engine = init_db(db_url)
    deadline = (datetime.now(UTC) + timedelta(days=10)).isoformat()
    with session_scope(engine) as session:
        add_product(session, "SW-24", "95000.00")
        for index, number in enumerate(NUMBERS):
            title = HOSTILE_TITLE if index == 2 else f"Поставка коммутаторов, лот {index + 1}"
            notice_id = add_notice(session, notice_record(number, title=title, deadline_at=deadline))
            add_match(session, notice_id, 1, "SW-24", score=90 - index)
        users = UserRepository(session)
        for name, role in USERS.items():
            users.save(name, role, PASSWORD_HASH)


@pytest.fixture
def site(tmp_path: Path) -> Iterator[Site]:
    db_url = f"sqlite:///{tmp_path / 'serve.db'}"
    build_store(db_url)
    yield Site(db_url, ServeSettings(db_url=db_url, bid_dir=tmp_path / "bids"))


@pytest.fixture
def client(site: Site) -> Iterator[TestClient]:
    with TestClient(create_app(site.settings), base_url="http://127.0.0.1") as test_client:
        yield test_client


def csrf_of(client: TestClient, path: str = "/login") -> str:
    """The CSRF token a page's forms carry (asgi-csrf sets the matching cookie)."""
    html = client.get(path).text
    marker = 'name="csrftoken" value="'
    start = html.index(marker) + len(marker)
    return html[start : html.index('"', start)]


def login(client: TestClient, name: str, password: str = PASSWORD) -> object:
    token = csrf_of(client)
    return client.post("/login", data={"username": name, "password": password, "csrftoken": token},
                       follow_redirects=False)
