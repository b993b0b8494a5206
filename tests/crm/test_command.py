"""`tenderflow crm sync` end to end against the fake portal: one clear line on a refused webhook, the summary on
success; the nightly step turns a CRM outage into a partial night, never a failed one."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tenderflow.commands.nightly import crm_stage
from tenderflow.config import load_config
from testing.fake_bitrix24 import FakeBitrix24
from tests.crm.conftest import number

CONFIG = """
[crm]
webhook_env = "TEST_B24_WEBHOOK"
time_limit_wait = 0.2
retries = 2
retry_delay = 0.05
[crm.users]
olga = 7
ivan = 8
"""


def _tf(tmp_path: Path, db: str, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "tenderflow.cli", "--db", db, "--log-file", str(tmp_path / "tf.log"), *args]
    return subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, timeout=120, env=env)


def test_crm_sync_command(tmp_path: Path, work_db, db_url: str, fake_portal: FakeBitrix24,
                          monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "tenderflow.toml").write_text(CONFIG, encoding="utf-8")
    env = {"PATH": "/usr/bin:/bin", "REQUESTS_CA_BUNDLE": str(fake_portal.ca_bundle),
           "TEST_B24_WEBHOOK": fake_portal.webhook("not-the-token")}
    refused = _tf(tmp_path, db_url, env, "crm", "sync")
    assert refused.returncode == 2 and fake_portal.deals() == []
    assert refused.stderr.strip().count("\n") == 0 and "отклонил вебхук" in refused.stderr

    missing = _tf(tmp_path, db_url, {"PATH": "/usr/bin:/bin"}, "crm", "sync")
    assert missing.returncode == 2 and "TEST_B24_WEBHOOK" in missing.stderr

    env["TEST_B24_WEBHOOK"] = fake_portal.webhook()
    done = _tf(tmp_path, db_url, env, "crm", "sync")
    assert done.returncode == 0, done.stderr
    assert "сделок создано 120" in done.stderr and len(fake_portal.deals()) == 120
    rows = _tf(tmp_path, db_url, env, "review", number(0))
    assert '"crm_id":"' in rows.stdout

    fake_portal.storm = 1000
    monkeypatch.setenv("TEST_B24_WEBHOOK", fake_portal.webhook())
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", str(fake_portal.ca_bundle))
    status, figures = crm_stage(load_config(tmp_path / "tenderflow.toml"), db_url)
    assert status == "partial" and "перегружен" in str(figures["error"])
