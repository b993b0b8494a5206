"""README's demo command: the whole pipeline offline, every platform, a digest and a bid package."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.support.readable import problems, visible_text

PROJECT_ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.browser  # the JavaScript platform is crawled through the system Chromium
def test_demo_runs_every_stage_offline(tmp_path: Path) -> None:
    out = tmp_path / "demo"
    result = subprocess.run(
        [sys.executable, "-m", "tenderflow.cli", "--log-file", str(tmp_path / "demo.log"), "demo", "--out", str(out)],
        cwd=tmp_path, capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    for source in ("eis-xml", "eis-docs", "eis-search", "ocds", "ted", "etp-js"):
        assert f"{source}: завершён полностью" in result.stdout  # results on stdout (issue 19 point 10)
    # the demo reports the digest's own counts and says where its database is (issue 19 points 8, 12)
    page = (out / "digest.html").read_text(encoding="utf-8")
    total = re.search(r"<b>(\d+)</b> всего", page)
    relevant = re.search(r"<b>(\d+)</b> подходящих", page)
    assert total and relevant
    assert f"закупок {total.group(1)}, из них подходящих {relevant.group(1)}" in result.stdout
    assert f"--db sqlite:///{out / 'tenderflow.db'}" in result.stdout
    for html_page in [out / "digest.html", *(out / "bids").glob("*/*.html")]:
        assert problems(visible_text(html_page.read_text(encoding="utf-8"))) == [], html_page.name
    notices = [json.loads(line) for line in (out / "notices.jsonl").read_text(encoding="utf-8").splitlines()]
    assert {notice["source"] for notice in notices} >= {"eis44", "ocds", "ted"}
    assert "<html" in (out / "digest.html").read_text(encoding="utf-8")[:200].lower()
    [bid_zip] = list((out / "bids").glob("*.zip"))
    names = zipfile.ZipFile(bid_zip).namelist()
    assert any(name.endswith("manifest.json") for name in names)
    matches = (out / "matches.csv").read_text(encoding="utf-8").splitlines()
    assert matches[0].startswith("notice_number,notice_score,notice_relevant,item_index")
    assert len(matches) > 10
