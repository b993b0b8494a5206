"""A whole archive that cannot be read (truncated, corrupt, not a zip at all) loses every document in it: it is
an error of its own kind, named with its path in one line, and the run is partial however few errors that
makes among the documents read."""

from __future__ import annotations

from pathlib import Path

from crawlers.extensions import judge_run, run_stats
from testing.eis_generator import generate_notices
from tests.crawlers.test_eis_xml_spider import crawl as run_crawl
from tests.crawlers.test_eis_xml_spider import stored, write_zip


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
