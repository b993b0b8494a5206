"""Real Scrapy crawls of the eis-xml spider against a local HTTP server serving zipped EIS documents."""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import func, select

from store.db import init_db, session_scope
from store.models import CrawlRun, Notice, NoticeVersion
from store.notices import NoticeRepository
from testing.eis_generator import generate_notices

PROJECT_ROOT = Path(__file__).resolve().parents[2]


def crawl(db_url: str, path: str, *extra: str, workers: int = 0) -> subprocess.CompletedProcess[str]:
    """``tenderflow crawl eis-xml`` in its own process (a Twisted reactor cannot restart in one process)."""
    return subprocess.run(
        [sys.executable, "-m", "tenderflow.cli", "--db", db_url, "crawl", "eis-xml", "--path", path, *extra],
        cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=180,
        env={"PATH": "/usr/bin:/bin", "TENDERFLOW_PARSE_WORKERS": str(workers),
             "TENDERFLOW_LOG": str(Path(db_url.split("///")[-1]).parent / "crawl.log")
             if db_url.startswith("sqlite") else "/tmp/tenderflow-test-crawl.log"},
    )


def write_zip(path: Path, entries: dict[str, bytes]) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)


def zip_bomb() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("bomb.xml", b"<" + b"a" * (40 * 1024 * 1024) + b"/>")
    return buffer.getvalue()


@pytest.fixture
def site(tmp_path: Path) -> tuple[Path, list[tuple[str, bytes]]]:
    """A dump: a listing page linking good archives and every kind of bad input."""
    root = tmp_path / "site" / "fcs_regions"
    root.mkdir(parents=True)
    notices = list(generate_notices(30, seed=7, amendment_share=0))
    write_zip(root / "notifications_1.zip", dict(notices[:20]))
    good_and_traversal = dict(notices[20:])
    good_and_traversal["../../etc/evil.xml"] = notices[0][1]
    write_zip(root / "notifications_2.zip", good_and_traversal)
    (root / "truncated.zip").write_bytes((root / "notifications_1.zip").read_bytes()[:3000])
    (root / "bomb.zip").write_bytes(zip_bomb())
    write_zip(root / "bad_documents.zip", {
        "malformed.xml": b"<export><epNotificationEF2020><commonInfo>",
        "xxe.xml": b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><export>&e;</export>',
        "protocol.xml": b'<export xmlns="http://zakupki.gov.ru/oos/export/1"><tenderPlan2020/></export>',
    })
    return root, notices


def stored(db_url: str) -> tuple[int, int, dict]:
    engine = init_db(db_url)
    with session_scope(engine) as session:
        notices = session.scalar(select(func.count()).select_from(Notice))
        versions = session.scalar(select(func.count()).select_from(NoticeVersion))
        run = session.scalars(select(CrawlRun).order_by(CrawlRun.id.desc())).first()
        return notices, versions, {"status": run.status, "reason": run.close_reason, **run.stats}


def test_crawl_over_http_stores_each_notice_once_and_skips_bad_input(site, serve_dir, db_url: str) -> None:
    root, _ = site
    server = serve_dir(root.parent)
    result = crawl(db_url, server.url("/fcs_regions/"))
    assert "Traceback" not in result.stderr
    count, versions, health = stored(db_url)
    assert count == 30 and versions == 30
    # traversal entry, bomb, malformed XML and XXE are errors; the plan (a kind not read) is skipped; the
    # truncated zip is a broken archive, which makes the run partial
    assert health["parse_errors"] == 4, health
    assert health["broken_archives"] == 1 and health["broken_archive_names"][0].endswith("/truncated.zip")
    assert health["skipped_documents"] == 1
    assert health["items"] == 30 and health["new"] == 30
    assert health["status"] == "partial" and "truncated.zip" in health["reason"]
    assert result.returncode == 3, result.stderr

    again = crawl(db_url, server.url("/fcs_regions/"))
    assert again.returncode == 3
    count, versions, health = stored(db_url)
    assert (count, versions) == (30, 30)
    assert health["unchanged"] == 30 and health["new"] == 0


def test_amended_version_is_stored_as_a_new_version(tmp_path: Path, db_url: str) -> None:
    (v1_name, v1), (v2_name, v2) = list(generate_notices(2, seed=11, amendment_share=1.0))
    assert v1_name.split("_")[1] == v2_name.split("_")[1]  # one notice, versions 1 and 2
    extra = list(generate_notices(2, seed=12, amendment_share=0))
    write_zip(tmp_path / "day1.zip", {v1_name: v1, **dict(extra)})
    assert crawl(db_url, str(tmp_path / "day1.zip")).returncode == 0
    write_zip(tmp_path / "day2.zip", {v2_name: v2, **dict(extra)})
    assert crawl(db_url, (tmp_path / "day2.zip").as_uri()).returncode == 0
    count, versions, health = stored(db_url)
    assert (count, versions) == (3, 4)
    assert (health["updated"], health["unchanged"]) == (1, 2)
    engine = init_db(db_url)
    with session_scope(engine) as session:
        notice = session.scalars(select(Notice).where(Notice.seq == 2)).one()
        assert notice.version == 2 and notice.status == "amended"
        assert [v.version for v in NoticeRepository(session).versions(notice.source, notice.number)] == [1, 2]


def test_folder_path_and_missing_path(tmp_path: Path, db_url: str) -> None:
    folder = tmp_path / "dump"
    folder.mkdir()
    for name, document in generate_notices(4, seed=3, amendment_share=0):
        (folder / name).write_bytes(document)
    assert crawl(db_url, str(folder)).returncode == 0
    assert stored(db_url)[0] == 4
    missing = crawl(db_url, str(tmp_path / "nowhere"))
    assert missing.returncode != 0
    assert missing.stderr.strip().count("\n") == 0 and "Ошибка" in missing.stderr


def test_big_archives_are_parsed_by_worker_processes(tmp_path: Path, serve_dir, db_url: str) -> None:
    """An archive of 64+ documents goes to the parsing workers: every notice stored once, bad members reported
    by name, amendments kept as versions; a second crawl (in one process) finds nothing new."""
    root = tmp_path / "site"
    root.mkdir()
    notices = list(generate_notices(90, seed=21, amendment_share=0.1))
    members = dict(notices)
    members["broken/malformed.xml"] = b"<export><epNotificationEF2020><commonInfo>"
    members["protocol.xml"] = b'<export xmlns="http://zakupki.gov.ru/oos/export/1"><tenderPlan2020/></export>'
    write_zip(root / "big.zip", members)
    server = serve_dir(root)
    result = crawl(db_url, server.url("/big.zip"), workers=2)
    assert result.returncode in (0, 3), result.stderr
    numbers = {name.split("_")[1] for name, _ in notices}
    count, versions, health = stored(db_url)
    assert count == len(numbers) and versions == len(notices)
    assert health["parse_errors"] == 1 and health["skipped_documents"] == 1 and health["documents"] == 92
    log = (Path(db_url.split("///")[-1]).parent / "crawl.log").read_text() if db_url.startswith("sqlite") else ""
    assert not log or ("big.zip!broken/malformed.xml" in log and "разбор документов в 2 процессах" in log)

    again = crawl(db_url, server.url("/big.zip"), workers=0)
    assert again.returncode in (0, 3), again.stderr
    assert stored(db_url)[:2] == (count, versions) and stored(db_url)[2]["unchanged"] == len(notices)
