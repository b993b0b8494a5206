"""The store pipeline writes batches in a writer thread, in order, and counts them in the crawl's thread."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from scrapy.utils.test import get_crawler
from sqlalchemy import text

from crawlers.items import NoticeBatch, NoticeItem
from crawlers.pipelines import StorePipeline, ValidatePipeline
from store.db import init_db, read_scope, session_scope
from store.notices import NoticeRepository
from store.prepared import prepare
from tests.store.test_notices import make_record


def pipeline_for(db_url: str, batch: int) -> StorePipeline:
    crawler = get_crawler(settings_dict={"TENDERFLOW_DB": db_url, "TENDERFLOW_STORE_BATCH": batch})
    pipeline = StorePipeline.from_crawler(crawler)
    pipeline.open_spider()
    return pipeline


def test_batches_are_written_in_order_and_counted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db_url = f"sqlite:///{tmp_path / 'store.db'}"
    engine = init_db(db_url)
    pipeline = pipeline_for(db_url, batch=2)
    writers: set[str] = set()
    write = pipeline._write

    def recording_writer(*batch: Any) -> Any:
        writers.add(threading.current_thread().name)
        return write(*batch)

    monkeypatch.setattr(pipeline, "_write", recording_writer)
    numbers = [f"01732000026250000{n:02d}" for n in range(5)]
    for number in numbers:
        pipeline.process_item(NoticeItem(prepare(make_record(number), b"<v1/>" + number.encode(), "v1.xml")))
    # the second version of the first notice comes in a later batch than its first version: stored after it
    pipeline.process_item(NoticeItem(make_record(numbers[0], version=2, nmck="900.00"), b"<v2/>", "v2.xml"))
    pipeline.close_spider()

    stats = pipeline.stats.get_stats()
    assert (stats["tenderflow/notices_new"], stats["tenderflow/notices_version"]) == (5, 1)
    assert writers and threading.current_thread().name not in writers
    with session_scope(engine) as session:
        repo = NoticeRepository(session)
        assert repo.count() == 5
        assert [record.version for record in repo.versions("eis44", numbers[0])] == [1, 2]
        current = repo.current("eis44", numbers[0])
        assert current is not None and current.nmck == "900.00"


def test_a_failed_batch_is_raised_in_the_crawl_and_the_next_is_still_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db_url = f"sqlite:///{tmp_path / 'store.db'}"
    engine = init_db(db_url)
    pipeline = pipeline_for(db_url, batch=1)
    write = pipeline._write
    calls: list[int] = []

    def failing_once(*batch: Any) -> Any:
        calls.append(1)
        if len(calls) == 1:
            raise RuntimeError("диск заполнен")
        return write(*batch)

    monkeypatch.setattr(pipeline, "_write", failing_once)
    pipeline.process_item(NoticeItem(make_record("0173200002625000001")))  # handed over: fails in the writer
    with pytest.raises(RuntimeError, match="диск заполнен"):  # raised when the next batch is handed over
        pipeline.process_item(NoticeItem(make_record("0173200002625000002")))
    pipeline.close_spider()  # the second batch stayed gathered: written now
    with session_scope(engine) as session:
        repo = NoticeRepository(session)
        assert (repo.count(), repo.current("eis44", "0173200002625000002") is not None) == (1, True)


def test_a_failure_of_the_last_batch_is_raised_when_the_crawl_closes(tmp_path: Path) -> None:
    db_url = f"sqlite:///{tmp_path / 'store.db'}"
    engine = init_db(db_url)
    with engine.begin() as connection:
        connection.execute(text("DROP TABLE notice_versions"))
    pipeline = pipeline_for(db_url, batch=1)
    pipeline.process_item(NoticeItem(make_record("0173200002625000001")))
    with pytest.raises(Exception, match="notice_versions"):
        pipeline.close_spider()


def test_a_read_scope_does_not_wait_for_a_writer(tmp_path: Path) -> None:
    """The spider looks documents up while the pipeline's writer holds SQLite's write lock."""
    engine = init_db(f"sqlite:///{tmp_path / 'store.db'}")
    with session_scope(engine) as writer:
        NoticeRepository(writer).upsert(make_record("0173200002625000001"), b"<v1/>", "v1.xml")
        done = threading.Event()

        def look_up() -> None:
            with read_scope(engine) as session:
                assert NoticeRepository(session).known_documents(["0" * 64]) == {}
            done.set()

        reader = threading.Thread(target=look_up)
        reader.start()
        assert done.wait(10), "the lookup waited for the writer's transaction"
        reader.join()


def test_a_batch_of_prepared_notices_is_stored_and_counted_as_its_notices(tmp_path: Path) -> None:
    db_url = f"sqlite:///{tmp_path / 'store.db'}"
    engine = init_db(db_url)
    pipeline = pipeline_for(db_url, batch=200)
    numbers = [f"01732000026250001{n:02d}" for n in range(5)]
    batch = NoticeBatch([prepare(make_record(number), b"<v1/>" + number.encode(), "v1.xml") for number in numbers])
    assert ValidatePipeline.from_crawler(get_crawler()).process_item(batch) is batch  # the workers validated it
    pipeline.process_item(batch)
    pipeline.stats.inc_value("item_scraped_count")  # what Scrapy counts for the item itself
    pipeline.close_spider()
    stats = pipeline.stats.get_stats()
    assert (stats["item_scraped_count"], stats["tenderflow/notices_new"]) == (5, 5)
    with session_scope(engine) as session:
        assert NoticeRepository(session).count() == 5
