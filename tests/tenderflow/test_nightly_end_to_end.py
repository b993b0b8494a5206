"""A real nightly run from a configuration file: crawl a local dump, attachments, match, digest."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from testing.eis_generator import write_archives
from tests.support.httpserver import LocalServer, static_files

PROJECT_ROOT = Path(__file__).resolve().parents[2]


def test_nightly_from_config(tmp_path: Path, db_url: str) -> None:
    write_archives(tmp_path / "site" / "dump", 12, per_zip=6, seed=4)
    with LocalServer(static_files(tmp_path / "site")) as server:
        config = tmp_path / "tenderflow.toml"
        config.write_text(
            f'[database]\nurl = "{db_url}"\n'
            f'[[sources]]\nspider = "eis-xml"\npath = "{server.url("/dump/")}"\n'
            f'[catalogue]\npath = "{PROJECT_ROOT / "demo" / "catalogue"}"\n'
            '[digest]\nout = "out/digest.html"\n[nightly]\nrun_log = "runs.jsonl"\nlock_file = "nightly.lock"\n'
            # the generated notices list attachments on zakupki.gov.ru, unreachable here (the attachments
            # spider has its own real-crawl tests against a local server)
            "[attachments]\nenabled = false\n",
            encoding="utf-8",
        )
        result = subprocess.run(
            [sys.executable, "-m", "tenderflow.cli", "--log-file", str(tmp_path / "log"), "nightly", "--config",
             str(config)],
            cwd=tmp_path, capture_output=True, text=True, timeout=300,
        )
    assert result.returncode == 0, result.stderr[-3000:]
    [entry] = [json.loads(line) for line in (tmp_path / "runs.jsonl").read_text(encoding="utf-8").splitlines()]
    stages = {stage["name"]: stage for stage in entry["stages"]}
    assert list(stages) == ["crawl", "outcomes", "match", "digest"]
    assert stages["crawl"]["status"] == "complete"
    assert stages["crawl"]["figures"]["sources"]["eis-xml"]["items"] == 12
    assert stages["match"]["status"] == "complete" and stages["match"]["figures"]["matched"] > 0
    assert stages["digest"]["status"] == "complete"
    assert (tmp_path / "out" / "digest.html").stat().st_size > 10_000


def test_the_nightly_plan_reads_attachments_unless_disabled(tmp_path: Path) -> None:
    from tenderflow.config import load_config
    from tenderflow.nightly import default_stages

    config = tmp_path / "t.toml"
    config.write_text("", encoding="utf-8")
    plan = list(default_stages(load_config(config), "sqlite://"))
    assert plan == ["crawl", "attachments", "outcomes", "match", "digest"]
    config.write_text("[attachments]\nenabled = false\n", encoding="utf-8")
    assert list(default_stages(load_config(config), "sqlite://")) == ["crawl", "outcomes", "match", "digest"]
