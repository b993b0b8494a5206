"""One `tenderflow demo` per test run, shared by the acceptance tests that start from the demo's state.

The demo takes half a minute; tests that continue from it (review decisions, reports) get their own copy of its
folder, database included, so they can change it freely. Under xdist the workers share one run: the first
worker to ask runs the demo under a file lock in the run's common temporary folder, the others wait for it and
reuse it (pytest-xdist's ``loadgroup`` would do it more simply, but does not group under pytest 9.2:
pytest-dev/pytest-xdist#1386).
"""

from __future__ import annotations

import fcntl
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parents[2]


def _run_demo(out: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "tenderflow.cli", "--log-file", str(out.parent / "demo.log"), "demo", "--out", str(out)],
        cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    (out.parent / "done").touch()


@pytest.fixture(scope="session")
def demo_output(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The folder of one demo run from the checkout (the packaged demo is tested in tests/tenderflow)."""
    base = tmp_path_factory.getbasetemp()
    shared = (base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base) / "demo-run"
    shared.mkdir(exist_ok=True)
    out = shared / "demo"
    with (shared / "lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            if not (shared / "done").exists():
                shutil.rmtree(out, ignore_errors=True)
                _run_demo(out)
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
    return out


@pytest.fixture
def demo_copy(demo_output: Path, tmp_path: Path) -> tuple[Path, str]:
    """A private copy of the demo folder and the URL of its database."""
    out = tmp_path / "demo"
    shutil.copytree(demo_output, out)
    return out, f"sqlite:///{out / 'tenderflow.db'}"
