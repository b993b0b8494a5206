"""Ingest benchmark (issue 2): how close full ingestion gets to the lxml parse floor.

    .venv/bin/python -m benchmarks.ingest [--notices 20000] [--crawl]

Generates N notices in the real EIS export format (``tenderflow.eis_generator``), then times:
1. parse-only: ``lxml.etree.fromstring`` of every document (the floor);
2. parse-to-records: ``crawlers.parsers.parse_document`` (safe parse + extraction + validation);
3. full ingest into SQLite, as the ``eis-xml`` crawl does it: documents parsed, validated and encoded in
   ``crawlers.parse_pool`` worker processes (``--workers``, default one per core), stored by this process in
   batches of prepared notices (``NoticeRepository.upsert_many``); the pool's start-up is included;
4. the same with ``--workers 0`` (everything in one process), for comparison;
5. with ``--crawl``: the real ``eis-xml`` Scrapy crawl of the same notices as zip archives (file://).
Prints notices/s and MB/s per stage and the ratio full-ingest-time / floor-time (target ≤ 3). The floor is
single-process lxml; the machine's core count is printed with it.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from lxml import etree

from crawlers.parse_pool import ParsePool, default_workers
from crawlers.parsers import parse_document
from store.db import init_db, session_scope
from store.notices import NoticeRepository
from store.prepared import PreparedNotice
from tenderflow.eis_generator import generate_notices, write_archives

BATCH = 200


def timed(label: str, documents: list[tuple[str, bytes]], work) -> float:  # type: ignore[no-untyped-def]
    megabytes = sum(len(data) for _, data in documents) / 1e6
    started = time.perf_counter()
    work()
    seconds = time.perf_counter() - started
    print(f"{label:<28} {seconds:8.2f} s  {len(documents) / seconds:9.0f} notices/s  {megabytes / seconds:7.1f} MB/s")
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--notices", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--workers", type=int, default=default_workers(), help="parsing worker processes")
    parser.add_argument("--crawl", action="store_true", help="also time the real Scrapy crawl of zip archives")
    args = parser.parse_args()
    print(f"{os.cpu_count()} cores, {args.workers} parsing workers")

    documents = list(generate_notices(args.notices, seed=args.seed))
    size = sum(len(data) for _, data in documents)
    items = 0
    print(f"{len(documents)} notices, {size / 1e6:.1f} MB, {size / len(documents) / 1024:.1f} KiB average")

    def floor() -> None:
        for _, data in documents:
            etree.fromstring(data)

    def parse() -> None:
        nonlocal items
        for name, data in documents:
            items += sum(len(record.items) for record in parse_document(data, name))

    def ingest(url: str, workers: int) -> None:
        engine = init_db(url)
        batch: list[PreparedNotice] = []
        with ParsePool(workers) as pool:
            for parsed in pool.parse(documents):
                batch.extend(parsed.notices)
                if len(batch) >= BATCH:
                    with session_scope(engine) as session:
                        NoticeRepository(session).upsert_many(batch)
                    batch = []
        with session_scope(engine) as session:
            NoticeRepository(session).upsert_many(batch)

    with tempfile.TemporaryDirectory() as tmp:
        floor_s = timed("parse-only (lxml floor)", documents, floor)
        timed("parse-to-records", documents, parse)
        print(f"  ({items / len(documents):.1f} lines per notice)")
        ingest_s = timed("full ingest into SQLite", documents, lambda: ingest(f"sqlite:///{tmp}/a.db", args.workers))
        serial_s = timed("  the same in one process", documents, lambda: ingest(f"sqlite:///{tmp}/b.db", 0))
        print(f"ratio full-ingest / lxml-floor: {ingest_s / floor_s:.2f} (target ≤ 3)")
        print(f"  in one process: {serial_s / floor_s:.2f}")

        if args.crawl:
            archives = Path(tmp) / "archives"
            write_archives(archives, len(documents), per_zip=500, seed=args.seed)
            crawl_db = f"sqlite:///{tmp}/crawl.db"
            command = [sys.executable, "-m", "tenderflow.cli", "--db", crawl_db, "--log-file", f"{tmp}/crawl.log",
                       "crawl", "eis-xml", "--path", archives.as_uri()]
            crawl_s = timed("eis-xml Scrapy crawl (zips)", documents, lambda: subprocess.run(command, check=True))
            print(f"ratio crawl / lxml-floor: {crawl_s / floor_s:.2f}")


if __name__ == "__main__":
    main()
