"""The commands end to end: review decisions appear in `export pipeline` and survive `match --all` and a
second crawl of the same (and an amended) notice."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]
FIXTURES = PROJECT_ROOT / "tests" / "fixtures" / "eis"



def tf(tmp_path: Path, db: str, *args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "tenderflow.cli", "--db", db, "--log-file", str(tmp_path / "tf.log"), *args]
    return subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, timeout=180)


def _export(tmp_path: Path, db: str) -> dict[str, dict]:
    out = tmp_path / "pipeline.jsonl"
    result = tf(tmp_path, db, "export", "pipeline", "--format", "jsonl", "--out", str(out))
    assert result.returncode == 0, result.stderr
    return {row["notice_number"]: row for row in map(json.loads, out.read_text(encoding="utf-8").splitlines())}


def test_review_decisions_survive_match_and_recrawl(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'tf.db'}"
    crawl_dir = tmp_path / "crawl"
    crawl_dir.mkdir()
    shutil.copy(FIXTURES / "ef2020_ict.xml", crawl_dir)
    assert tf(tmp_path, db, "crawl", "eis-xml", "--path", str(crawl_dir)).returncode == 0
    assert tf(tmp_path, db, "catalogue", "import", str(PROJECT_ROOT / "demo" / "catalogue")).returncode == 0
    assert tf(tmp_path, db, "match").returncode == 0
    number = "0151300000125000101"

    result = tf(tmp_path, db, "review", number, "--stage", "preparing", "--assignee", "olga",
                "--comment", "берём", "--price", "1 234 567,89", "--as", "olga")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["stage"] == "preparing"
    bad = tf(tmp_path, db, "review", number, "--stage", "lost", "--loss-reason", "луна")
    assert bad.returncode == 2 and "неизвестная причина" in bad.stderr

    assert tf(tmp_path, db, "match", "--all").returncode == 0
    shutil.copy(FIXTURES / "ef2020_ict_v2.xml", crawl_dir)  # an amendment of the same notice arrives
    assert tf(tmp_path, db, "crawl", "eis-xml", "--path", str(crawl_dir)).returncode == 0
    assert tf(tmp_path, db, "match").returncode == 0

    row = _export(tmp_path, db)[number]
    assert (row["stage"], row["assignee"], row["comment"], row["our_price"]) == ("preparing", "olga", "берём",
                                                                                 "1234567.89")
    assert row["expected_amount"] == "370370.37"
    history = tf(tmp_path, db, "review", number)
    assert "событий в истории: 4" in history.stderr and "olga (cli): stage new → preparing" in history.stderr
