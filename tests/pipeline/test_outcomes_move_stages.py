"""Outcomes move the pipeline by themselves through the real commands: a crawled cancellation makes a tender in
work ``cancelled``; a summing-up protocol won by a competitor makes another ``lost`` (reason price, the winning
price recorded); the specialist's assignee and comment stay."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from datetime import datetime
from pathlib import Path

from testing.outcome_documents import Bidder, fcs_protocol_ef3, notice_cancel

PROJECT_ROOT = Path(__file__).resolve().parents[2]
FIXTURES = PROJECT_ROOT / "tests" / "fixtures" / "eis"


def tf(cwd: Path, db: str, *args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "tenderflow.cli", "--db", db, "--log-file", str(cwd / "tf.log"), *args]
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=180)


def test_crawled_outcomes_move_the_tenders_in_work(tmp_path: Path) -> None:
    (tmp_path / "tenderflow.toml").write_text(
        f'[company]\nprofile = "{PROJECT_ROOT / "demo" / "company.toml"}"\n', encoding="utf-8"
    )
    db = f"sqlite:///{tmp_path / 'tf.db'}"
    notices = tmp_path / "notices"
    notices.mkdir()
    shutil.copy(FIXTURES / "ef2020_ict.xml", notices)
    shutil.copy(FIXTURES / "fcs_notification_ef.xml", notices)
    assert tf(tmp_path, db, "crawl", "eis-xml", "--path", str(notices)).returncode == 0
    exported = tmp_path / "notices.jsonl"
    assert tf(tmp_path, db, "export", "notices", "--out", str(exported)).returncode == 0
    cancelled, contested = sorted(json.loads(line)["number"] for line in exported.read_text("utf-8").splitlines())
    for number in (cancelled, contested):
        result = tf(tmp_path, db, "review", number, "--stage", "preparing", "--assignee", "olga", "--comment", "берём")
        assert result.returncode == 0, result.stderr

    outcomes = tmp_path / "outcomes"
    outcomes.mkdir()
    moment = datetime(2026, 12, 1, 10, 0)
    (outcomes / "cancel.xml").write_bytes(notice_cancel(cancelled, "Отмена по решению заказчика", moment))
    rival = Bidder("ООО «Соперник»", "7701234567", "950000.00", place=1)
    us = Bidder("ООО «Демо»", "7719402618", "990000.00", place=2)
    (outcomes / "protocol.xml").write_bytes(fcs_protocol_ef3(contested, [rival, us], moment))
    crawl = tf(tmp_path, db, "crawl", "eis-xml", "--path", str(outcomes))
    assert crawl.returncode == 0, crawl.stderr
    assert "сменили этап тендеров — 2" in crawl.stdout

    pipeline = tmp_path / "pipeline.jsonl"
    assert tf(tmp_path, db, "export", "pipeline", "--out", str(pipeline)).returncode == 0
    rows = {row["notice_number"]: row for row in map(json.loads, pipeline.read_text("utf-8").splitlines())}
    assert rows[cancelled]["stage"] == "cancelled"
    assert (rows[contested]["stage"], rows[contested]["loss_reason"]) == ("lost", "price")
    assert all((row["assignee"], row["comment"]) == ("olga", "берём") for row in rows.values())
    history = tf(tmp_path, db, "review", contested)
    assert "tenderflow (system): stage preparing → lost" in history.stderr

    again = tf(tmp_path, db, "crawl", "eis-xml", "--path", str(outcomes))  # nothing new: nothing moves
    assert again.returncode == 0 and "сменили этап" not in again.stdout
