"""An unchanged re-crawl recognised before Scrapy loads (``crawlers.spiders.recrawl``), through the real
``tenderflow crawl eis-xml --path``: the same summary, exit status and ``crawl_runs`` figures as the spider's run
over the same input, on SQLite and PostgreSQL; anything but stored documents (a changed member, a broken one, a
new file) goes to the spider, which parses, stores and reports it."""

from __future__ import annotations

import contextlib
import hashlib
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import func, select

from crawlers.spiders import recrawl
from store.db import init_db, session_scope
from store.models import CrawlRun, NoticeVersion, RawDocument
from testing.eis_generator import generate_notices
from testing.eis_shapes import write_shape

PROJECT_ROOT = Path(__file__).resolve().parents[2]
DOCUMENTS = 40
RECOGNISED = "recognised before starting Scrapy"


@pytest.fixture(scope="module")
def documents() -> list[tuple[str, bytes]]:
    return list(generate_notices(DOCUMENTS, seed=11))


def crawl(db_url: str, path: Path, log: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tenderflow.cli", "--db", db_url, "--log-file", str(log),
         "crawl", "eis-xml", "--path", str(path), *extra],
        cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=180,
        env={"PATH": "/usr/bin:/bin", "TENDERFLOW_PARSE_WORKERS": "0"},
    )


def last_run(db_url: str) -> tuple[int, int, dict]:
    engine = init_db(db_url)
    with session_scope(engine) as session:
        versions = session.scalar(select(func.count()).select_from(NoticeVersion))
        raws = session.scalar(select(func.count()).select_from(RawDocument))
        run = session.scalars(select(CrawlRun).order_by(CrawlRun.id.desc())).first()
        return versions, raws, {"status": run.status, "close_reason": run.close_reason, **run.stats}


@pytest.mark.parametrize("shape", ["zips", "one-zip", "nested"])
def test_an_unchanged_recrawl_reports_what_the_spider_reports(any_db_url: str, documents, tmp_path: Path,
                                                              shape: str) -> None:
    root = write_shape(documents, tmp_path / "input", shape)
    if shape == "zips":  # a member that is no document is skipped, by the spider too
        with zipfile.ZipFile(next(root.glob("*.zip")), "a") as archive:
            archive.writestr("readme.txt", "не документ")
    first = crawl(any_db_url, root, tmp_path / "first.log")
    assert first.returncode == 0, first.stderr
    stored = last_run(any_db_url)[:2]

    quick = crawl(any_db_url, root, tmp_path / "quick.log")
    assert quick.returncode == 0, quick.stderr
    quick_versions, quick_raws, quick_run = last_run(any_db_url)
    assert RECOGNISED in (tmp_path / "quick.log").read_text()
    assert "scrapy.core.engine" not in (tmp_path / "quick.log").read_text()

    # The spider over the same input (any -s setting but the workers' sends the crawl to Scrapy).
    spider = crawl(any_db_url, root, tmp_path / "spider.log", "-s", "LOG_LEVEL=INFO")
    assert spider.returncode == 0, spider.stderr
    spider_run = last_run(any_db_url)[2]
    assert RECOGNISED not in (tmp_path / "spider.log").read_text()
    assert "scrapy.core.engine" in (tmp_path / "spider.log").read_text()

    assert (quick_versions, quick_raws) == stored, "nothing written"
    assert quick_run == spider_run
    assert quick_run["unchanged_documents"] == quick_run["documents"] == quick_run["unchanged"] == DOCUMENTS
    assert quick_run["status"] == "complete" and quick_run["items"] == DOCUMENTS
    assert quick.stdout == spider.stdout
    assert "без изменений 40)" in quick.stdout and "документов 40," in quick.stdout


def rewrite_member(archive: Path, change: dict[str, bytes]) -> None:
    with zipfile.ZipFile(archive) as old:
        members = [(info.filename, old.read(info)) for info in old.infolist()]
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as new:
        for name, data in members:
            new.writestr(name, change.get(name, data))


@pytest.mark.parametrize("which", [0, DOCUMENTS // 2, DOCUMENTS - 1])
def test_a_changed_member_of_an_otherwise_unchanged_zip_is_parsed_and_stored(
    db_url: str, documents, tmp_path: Path, which: int
) -> None:
    root = write_shape(documents, tmp_path / "input", "one-zip")
    assert crawl(db_url, root, tmp_path / "first.log").returncode == 0
    versions, raws, _ = last_run(db_url)
    name, data = documents[which]
    changed = data.replace(b"purchaseObjectInfo>", "purchaseObjectInfo>Изменено: ".encode(), 1)
    assert changed != data
    rewrite_member(next(root.glob("*.zip")), {name: changed})

    again = crawl(db_url, root, tmp_path / "again.log")
    assert again.returncode == 0, again.stderr
    assert RECOGNISED not in (tmp_path / "again.log").read_text()
    new_versions, new_raws, run = last_run(db_url)
    assert new_raws == raws + 1 and new_versions == versions + 1
    assert run["unchanged_documents"] == DOCUMENTS - 1 and run["documents"] == DOCUMENTS
    assert run["updated"] == 1 and run["status"] == "complete"


def test_a_broken_member_of_an_otherwise_unchanged_zip_is_reported(db_url: str, documents, tmp_path: Path) -> None:
    root = write_shape(documents, tmp_path / "input", "one-zip")
    assert crawl(db_url, root, tmp_path / "first.log").returncode == 0
    archive = next(root.glob("*.zip"))
    with zipfile.ZipFile(archive) as listing:
        info = listing.infolist()[DOCUMENTS // 2]
    raw = bytearray(archive.read_bytes())
    header = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    raw[header + info.compress_size // 2] ^= 0xFF  # a flipped byte inside the deflated stream
    archive.write_bytes(bytes(raw))

    again = crawl(db_url, root, tmp_path / "again.log")
    assert RECOGNISED not in (tmp_path / "again.log").read_text()
    run = last_run(db_url)[2]
    assert run["parse_errors"] == 1 and run["unchanged_documents"] == DOCUMENTS - 1, run
    assert "ошибок разбора 1" in again.stdout
    assert info.filename in (tmp_path / "again.log").read_text()


def test_a_new_file_beside_stored_ones_goes_to_the_spider(db_url: str, documents, tmp_path: Path) -> None:
    root = write_shape(documents[:-5], tmp_path / "input", "zips")
    assert crawl(db_url, root, tmp_path / "first.log").returncode == 0
    write_shape(documents[-5:], tmp_path / "more", "folder")
    for file in (tmp_path / "more" / "folder").iterdir():
        file.rename(root / f"zz_{file.name}")  # after the archives in name order: the last file is new

    again = crawl(db_url, root, tmp_path / "again.log")
    assert again.returncode == 0
    assert RECOGNISED not in (tmp_path / "again.log").read_text()
    run = last_run(db_url)[2]
    assert (run["new"] + run["updated"], run["unchanged"], run["documents"]) == (5, DOCUMENTS - 5, DOCUMENTS)


def test_hashes_are_those_of_every_document_in_every_shape(documents, tmp_path: Path) -> None:
    expected = sorted(hashlib.sha256(data).hexdigest() for _, data in documents)
    for shape in ("folder", "nested", "zips", "zips-in-folders", "one-zip"):
        hashes = recrawl.start("eis-xml", {"path": str(write_shape(documents, tmp_path, shape))}, {})
        assert hashes is not None
        hashes.widen()
        assert sorted(digest for chunk in hashes.chunks() for digest in chunk) == expected, shape
        hashes.stop()


def test_a_new_input_stops_at_its_first_document(documents, tmp_path: Path) -> None:
    root = write_shape(documents, tmp_path, "one-zip")
    hashes = recrawl.start("eis-xml", {"path": str(root)}, {})
    asked: list[list[str]] = []
    assert recrawl.recognise(hashes, lambda digests: asked.append(list(digests)) or {}) is None
    assert asked == [[hashlib.sha256(documents[0][1]).hexdigest()]]

    # A new file at the end of the input (a new day's archive): the second look-up, its first document, stops it.
    folder = write_shape(documents, tmp_path, "folder")
    files = sorted(folder.iterdir())
    first, last = (hashlib.sha256(file.read_bytes()).hexdigest() for file in (files[0], files[-1]))
    asked.clear()
    hashes = recrawl.start("eis-xml", {"path": str(folder)}, {})
    assert recrawl.recognise(hashes, lambda digests: asked.append(list(digests)) or {first: 1}) is None
    assert asked == [[first], [last]]

    everything = {hashlib.sha256(data).hexdigest(): 1 for _, data in documents}
    hashes = recrawl.start("eis-xml", {"path": str(root)}, {})
    stats = recrawl.recognise(hashes, lambda digests: {d: everything[d] for d in digests if d in everything})
    assert stats == {"tenderflow/documents": DOCUMENTS, "tenderflow/documents_unchanged": DOCUMENTS,
                     "tenderflow/notices_unchanged": DOCUMENTS, "tenderflow/notices_recognised": DOCUMENTS}


def test_only_a_plain_local_eis_xml_crawl_is_recognised_early(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "a.xml").write_bytes(b"<a/>")
    path = str(tmp_path)
    assert recrawl.start("ted", {"files": path}, {}) is None
    assert recrawl.start("eis-xml", {"path": "https://example.org/dump/"}, {}) is None
    assert recrawl.start("eis-xml", {"path": path, "since": "2025-01-01"}, {}) is None
    assert recrawl.start("eis-xml", {"path": path}, {"CLOSESPIDER_TIMEOUT": "5"}) is None
    assert recrawl.start("eis-xml", {"path": str(tmp_path / "nowhere")}, {}) is None
    hashes = recrawl.start("eis-xml", {"path": path}, {"TENDERFLOW_PARSE_WORKERS": "0"})
    assert hashes is not None
    hashes.stop()
    monkeypatch.setenv("TENDERFLOW_REDIS_URL", "redis://127.0.0.1:6379/0")
    assert recrawl.start("eis-xml", {"path": path}, {}) is None


def test_the_nightly_crawl_stage_recognises_an_unchanged_export(db_url: str, documents, tmp_path: Path,
                                                                monkeypatch) -> None:
    from tenderflow import nightly
    from tenderflow.config import load_config

    root = write_shape(documents, tmp_path / "input", "zips")
    assert crawl(db_url, root, tmp_path / "first.log").returncode == 0
    config_file = tmp_path / "tenderflow.toml"
    config_file.write_text(f'[database]\nurl = "{db_url}"\n[[sources]]\nspider = "eis-xml"\npath = "{root}"\n',
                           encoding="utf-8")

    def no_spider(*args: object) -> None:
        raise AssertionError("an unchanged export needs no spider")

    monkeypatch.setattr(nightly, "run_crawls", no_spider)
    status, figures = nightly.crawl_stage(load_config(config_file), db_url)
    assert status == "complete"
    recorded = last_run(db_url)[2]
    stats = {key: value for key, value in recorded.items() if key not in ("status", "close_reason")}
    assert figures["sources"]["eis-xml"] == {"status": "complete", "reason": "finished", **stats}
    assert (recorded["unchanged"], recorded["unchanged_documents"], recorded["new"]) == (DOCUMENTS, DOCUMENTS, 0)


def test_an_unreadable_file_or_a_stop_leaves_it_to_the_spider_without_a_thread_error(
    documents, tmp_path: Path, monkeypatch
) -> None:
    failures: list[BaseException] = []
    monkeypatch.setattr("threading.excepthook", lambda hook: failures.append(hook.exc_value))
    folder = write_shape(documents, tmp_path, "folder")
    files = sorted(folder.iterdir())
    everything = {hashlib.sha256(file.read_bytes()).hexdigest(): 1 for file in files}
    vanished = files[len(files) // 2]
    vanished.unlink()  # listed, then gone before it is read
    hashes = recrawl.InputHashes(files)
    assert recrawl.recognise(hashes, lambda digests: {d: everything[d] for d in digests if d in everything}) is None

    archive = write_shape(documents, tmp_path / "zip", "one-zip")
    for _ in range(10):  # stopped at once, while the archive is still being listed
        hashes = recrawl.start("eis-xml", {"path": str(archive)}, {})
        hashes.stop()
        with contextlib.suppress(recrawl.Unrecognised):  # (a small input may be hashed before the stop)
            list(hashes.chunks())
    assert failures == []
