"""The acceptance run on the demo: after `tenderflow demo`, review decisions appear in `export pipeline` and
survive `tenderflow match --all` and another crawl."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from tests.pipeline.test_cli import tf


@pytest.mark.browser  # the demo crawls its JavaScript platform through the system Chromium
def test_review_after_demo_survives_match_and_recrawl(tmp_path: Path, demo_copy: tuple[Path, str]) -> None:
    out, db = demo_copy
    numbers = [json.loads(line)["number"] for line in (out / "notices.jsonl").read_text(encoding="utf-8").splitlines()]
    taken, lost = numbers[0], numbers[1]
    assert tf(tmp_path, db, "review", taken, "--stage", "preparing", "--assignee", "olga", "--comment", "берём",
              "--price", "1200000").returncode == 0
    assert tf(tmp_path, db, "review", lost, "--stage", "lost", "--loss-reason", "price",
              "--comment", "демпинг").returncode == 0

    assert tf(tmp_path, db, "match", "--all").returncode == 0
    crawl = tf(tmp_path, db, "crawl", "eis-xml", "--path", str(out / "sites" / "eis-xml"))
    assert crawl.returncode == 0, crawl.stderr[-2000:]
    assert tf(tmp_path, db, "export", "pipeline", "--format", "csv", "--out", str(tmp_path / "p.csv")).returncode == 0

    with (tmp_path / "p.csv").open(encoding="utf-8") as handle:
        rows = {row["notice_number"]: row for row in csv.DictReader(handle)}
    assert set(rows) == {taken, lost}
    assert (rows[taken]["stage"], rows[taken]["assignee"], rows[taken]["comment"], rows[taken]["our_price"]) == (
        "preparing", "olga", "берём", "1200000.00")
    assert (rows[lost]["stage"], rows[lost]["loss_reason"], rows[lost]["comment"]) == ("lost", "price", "демпинг")
