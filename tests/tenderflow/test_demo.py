"""README's demo command: the whole pipeline offline, every platform, a digest and a bid package, run from the
installed wheel (not the checkout), so the demo's data and templates must ship as package data."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.support.readable import problems, visible_text

PROJECT_ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def installed_wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project built as a wheel and unpacked as pip would install it (dependencies come from the venv)."""
    build = tmp_path_factory.mktemp("wheel")
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation", "--no-index",
         "-w", str(build), str(PROJECT_ROOT)],
        capture_output=True, text=True, timeout=300,
    )
    assert built.returncode == 0, built.stderr[-3000:]
    [wheel] = build.glob("tenderflow-*.whl")
    site = build / "site-packages"
    zipfile.ZipFile(wheel).extractall(site)
    return site


@pytest.mark.browser  # the JavaScript platform is crawled through the system Chromium
def test_demo_runs_every_stage_offline(tmp_path: Path, installed_wheel: Path) -> None:
    out = tmp_path / "demo"
    environment = {**os.environ, "PYTHONPATH": str(installed_wheel)}
    where = subprocess.run(
        [sys.executable, "-c", "import demo.runner, digest; print(demo.runner.__file__, digest.__file__)"],
        cwd=tmp_path, env=environment, capture_output=True, text=True, check=True,
    ).stdout.split()
    assert all(Path(path).is_relative_to(installed_wheel) for path in where), where
    result = subprocess.run(
        [sys.executable, "-m", "tenderflow.cli", "--log-file", str(tmp_path / "demo.log"), "demo", "--out", str(out)],
        cwd=tmp_path, env=environment, capture_output=True, text=True, timeout=300,
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
    check_demo_outcomes(out)


def check_demo_outcomes(out: Path) -> None:
    """Issue 20: the demo has a cancelled, a failed, an awarded (with a discount) and a contracted tender (with
    stages), exported as contract 4.5 and shown by the digest in the system Chromium."""
    from playwright.sync_api import sync_playwright

    from crawlers.browser import CHROMIUM, CHROMIUM_ARGS

    outcomes = [json.loads(line) for line in (out / "outcomes.jsonl").read_text(encoding="utf-8").splitlines()]
    by_kind = {record["outcome"]: record for record in outcomes}
    assert set(by_kind) == {"cancelled", "failed", "awarded", "contracted"}
    assert by_kind["awarded"]["discount_percent"] not in (None, "0.00")
    assert len(by_kind["contracted"]["contract"]["execution"]) == 2
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.goto((out / "digest.html").as_uri())
        ended = page.locator("#ended tbody tr").all_inner_texts()
        assert any("Отменена" in row for row in ended) and any("Не состоялась" in row for row in ended)
        results = page.locator("#results tbody tr")
        assert results.count() == 2
        awarded = page.locator(f"#results tr[data-number='{by_kind['awarded']['notice_number']}'] .o-discount")
        assert awarded.inner_text().replace("\xa0", " ").endswith(" %")
        assert page.locator("#results .o-stages li").count() == 2
        cards = page.eval_on_selector_all("article.card", "cards => cards.map(c => c.textContent)")
        assert not any(record["notice_number"] in card for record in outcomes for card in cards)
        browser.close()
