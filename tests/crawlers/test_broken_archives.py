"""A whole archive that cannot be read (truncated, corrupt, not a zip at all) loses every document in it: it is
an error of its own kind, named with its path in one line, and the run is partial however few errors that
makes among the documents read."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from crawlers.extensions import judge_run, run_stats
from testing.eis_generator import generate_notices
from tests.crawlers.test_eis_xml_spider import PROJECT_ROOT, stored, write_zip
from tests.crawlers.test_eis_xml_spider import crawl as run_crawl


def test_a_broken_archive_makes_the_run_partial_and_is_named(tmp_path: Path, db_url: str) -> None:
    documents = list(generate_notices(40, seed=21, amendment_share=0))
    folder = tmp_path / "export"
    folder.mkdir()
    write_zip(folder / "a_good.zip", dict(documents[:30]))
    write_zip(tmp_path / "whole.zip", dict(documents[30:]))
    (folder / "b_truncated.zip").write_bytes((tmp_path / "whole.zip").read_bytes()[:4000])
    (folder / "c_not_a_zip.zip").write_bytes(b"<html>404 Not Found</html>")

    result = run_crawl(db_url, str(folder))

    assert result.returncode == 3, result.stderr  # partial
    notices, _, health = stored(db_url)
    assert notices == 30  # what the good archive holds
    assert health["status"] == "partial"
    assert health["broken_archives"] == 2 and health["parse_errors"] == 0
    truncated, not_a_zip = (folder / "b_truncated.zip").as_uri(), (folder / "c_not_a_zip.zip").as_uri()
    assert health["broken_archive_names"] == [truncated, not_a_zip]
    assert truncated in health["reason"] and not_a_zip in health["reason"]
    lines = [line for line in result.stderr.splitlines() if truncated in line]
    assert len(lines) == 1 and "повреждённый или усечённый zip-архив" in lines[0]
    assert "повреждённых архивов 2" in result.stdout
    assert "причина завершения: все документы обработаны — повреждённые архивы (2): file://" in result.stdout


def test_one_broken_archive_among_many_documents_is_still_partial() -> None:
    stats = {"tenderflow/documents": 20_001, "item_scraped_count": 20_000, "tenderflow/notices_new": 20_000,
             "tenderflow/broken_archives": 1, "tenderflow/broken_archive_names": ["file:///data/day.zip"]}
    figures = run_stats(stats)
    assert figures["error_rate"] < 0.001 and figures["parse_errors"] == 0
    status, why = judge_run("finished", figures, [20_000] * 5)
    assert status == "partial" and why is not None and "file:///data/day.zip" in why
    assert judge_run("finished", run_stats({**stats, "tenderflow/broken_archives": 0}), [20_000] * 5)[0] == "complete"


@pytest.mark.parametrize(("source", "good"), [
    ("ocds", PROJECT_ROOT / "demo" / "sites" / "ocds" / "releases-1.json"),
    ("ted", PROJECT_ROOT / "tests" / "fixtures" / "ted" / "cn_bulgarian_english.xml"),
])
def test_ocds_and_ted_paths_count_a_broken_archive_on_its_own(source: str, good: Path, tmp_path: Path) -> None:
    folder = tmp_path / "export"
    folder.mkdir()
    with zipfile.ZipFile(folder / "a_good.zip", "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(good.name, good.read_bytes())
        archive.writestr("padding" + good.suffix, good.read_bytes().replace(b"e", b"E"))  # bulk for truncation
    (folder / "b_truncated.zip").write_bytes((folder / "a_good.zip").read_bytes()[:200])
    (folder / "c_not_a_zip.zip").write_bytes(b"<html>404 Not Found</html>")
    db = f"sqlite:///{tmp_path / 't.db'}"

    result = subprocess.run(
        [sys.executable, "-m", "tenderflow.cli", "--db", db, "--log-file", str(tmp_path / "l.log"),
         "crawl", source, "--path", str(folder)],
        cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=180,
    )

    assert result.returncode == 3, result.stderr[-2000:]  # partial
    notices, _, health = stored(db)
    assert health["broken_archives"] == 2
    assert health["broken_archive_names"] == [str(folder / "b_truncated.zip"), str(folder / "c_not_a_zip.zip")]
    assert notices >= 1  # what the good archive holds is kept
