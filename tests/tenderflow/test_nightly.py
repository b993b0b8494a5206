"""Nightly runs: the lock, the run log, and how stage outcomes make the run's status."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tenderflow.config import load_config
from tenderflow.lock import AlreadyRunning, RunLock
from tenderflow.nightly import run_nightly

PROJECT_ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def config_file(tmp_path: Path, db_url: str) -> Path:
    path = tmp_path / "tenderflow.toml"
    path.write_text(
        f'[database]\nurl = "{db_url}"\n[digest]\nout = "out/digest.html"\n'
        '[nightly]\nlock_file = "run/tenderflow.lock"\nrun_log = "run/runs.jsonl"\n',
        encoding="utf-8",
    )
    return path


def test_a_second_nightly_exits_at_once_and_does_nothing(config_file: Path, tmp_path: Path) -> None:
    config = load_config(config_file)
    with RunLock(config.lock_file):
        started = time.monotonic()
        second = subprocess.run(
            [sys.executable, "-m", "tenderflow.cli", "--log-file", str(tmp_path / "log"), "nightly", "--config",
             str(config_file)],
            cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=60,
        )
        elapsed = time.monotonic() - started
    assert second.returncode == 4
    assert "уже идёт" in second.stderr and "PID" in second.stderr
    assert elapsed < 15
    assert not config.run_log.exists()
    assert not (tmp_path / "out" / "digest.html").exists()


def test_lock_is_exclusive_and_released(tmp_path: Path) -> None:
    lock = tmp_path / "l"
    with RunLock(lock), pytest.raises(AlreadyRunning):
        RunLock(lock).__enter__()
    with RunLock(lock):
        pass


def test_run_status_from_stages_and_run_log(config_file: Path, db_url: str) -> None:
    config = load_config(config_file)
    ok = run_nightly(config, db_url, {"crawl": lambda: ("complete", {}), "match": lambda: ("complete", {"n": 1})})
    assert ok.status == "complete"
    partial = run_nightly(config, db_url, {"crawl": lambda: ("partial", {}), "match": lambda: ("complete", {})})
    assert partial.status == "partial"

    def broken() -> tuple[str, dict]:
        raise RuntimeError("диск переполнен")

    ran_after = []
    failed = run_nightly(
        config, db_url,
        {"crawl": lambda: ("complete", {}), "match": broken, "digest": lambda: ran_after.append(1) or ("complete", {})},
    )
    assert failed.status == "failed" and not ran_after
    assert failed.stages[1].error == "RuntimeError: диск переполнен"
    log = [json.loads(line) for line in config.run_log.read_text(encoding="utf-8").splitlines()]
    assert [entry["status"] for entry in log] == ["complete", "partial", "failed"]
