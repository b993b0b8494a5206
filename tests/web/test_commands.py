"""`tenderflow user add` stores an Argon2 hash; `tenderflow serve` binds 127.0.0.1 unless told otherwise and
refuses a short signing key; the overdue block is on the served pages."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from pipeline.review import Actor, Change, review
from store.db import init_db, session_scope
from store.notices import NoticeRepository
from store.users import UserRepository
from tenderflow.cli import build_parser
from tenderflow.commands.serve import build_settings
from tenderflow.console import UserError
from tests.digest.records import notice_record
from tests.web.conftest import login


def _tf(tmp_path: Path, db: str, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "tenderflow.cli", "--db", db, "--log-file", str(tmp_path / "tf.log"), *args]
    return subprocess.run(command, cwd=tmp_path, input=stdin, capture_output=True, text=True, timeout=60)


def test_user_add_stores_an_argon2_hash_and_refuses_short_passwords(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'u.db'}"
    short = _tf(tmp_path, db, "user", "add", "olga", "--role", "specialist", "--password-stdin", stdin="short\n")
    assert short.returncode == 2 and "короче 12" in short.stderr
    done = _tf(tmp_path, db, "user", "add", "olga", "--role", "head", "--crm-user", "12", "--password-stdin",
               stdin="достаточно-длинный-пароль\n")
    assert done.returncode == 0, done.stderr
    with session_scope(init_db(db)) as session:
        user = UserRepository(session).get("olga")
    assert user.role == "head" and user.crm_user_id == "12" and user.password_hash.startswith("$argon2id$")
    assert "достаточно" not in user.password_hash
    assert _tf(tmp_path, db, "user", "list").stdout.strip() == "olga\thead\t12"


def test_serve_binds_localhost_by_default_and_checks_the_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    args = build_parser().parse_args(["--db", f"sqlite:///{tmp_path / 's.db'}", "serve"])
    monkeypatch.setenv("TENDERFLOW_SECRET_KEY", "x" * 40)
    settings, host, port = build_settings(args)
    assert (host, port, settings.secret_key) == ("127.0.0.1", 8000, "x" * 40)
    monkeypatch.setenv("TENDERFLOW_SECRET_KEY", "short")
    with pytest.raises(UserError, match="ключ"):
        build_settings(args)


def test_overdue_block_is_served(client: TestClient, site) -> None:
    engine = init_db(site.db_url)
    deadline = (datetime.now(UTC) - timedelta(hours=1)).isoformat()
    with session_scope(engine) as session:
        NoticeRepository(session).upsert(notice_record("0373100000126000999", deadline_at=deadline))
        review(session, "0373100000126000999", Change(stage="preparing", assignee="anna"), Actor("head", "cli"))
    login(client, "head")
    for path in ("/", "/board"):
        html = client.get(path).text
        assert 'id="overdue"' in html and "0373100000126000999" in html and "срок подачи истёк" in html
