"""Ingest benchmark (issue 2): how close full ingestion gets to the lxml parse floor.

    .venv/bin/python -m benchmarks.ingest [--notices 20000] [--repeat 3] [--workers N] [--crawl]
    .venv/bin/python -m benchmarks.ingest --real-samples ../shared/samples [--notices 10000]

Generates N notices in the real EIS export format (``testing.eis_generator``: the size, signatures,
indentation and blocks of the 2025 exports) into a temporary corpus file that every stage streams, as a crawl
streams archives (holding the 2.7 GB corpus on the heap instead slows lxml itself down by up to 1.7x, which
would flatter the ratio). Then it times:
1. parse-only: ``lxml.etree.fromstring`` of every document with lxml's default parser (the floor);
   for information, the same with the project's safe parser (``crawlers.parsers.xmlsafe.parse_xml``);
2. parse-to-records: ``crawlers.parsers.parse_document`` (safe parse + extraction + validation), one process;
3. full ingest into SQLite, as the ``eis-xml`` crawl does it: documents parsed, validated and encoded in
   ``crawlers.parse_pool`` worker processes (``--workers``, default one per core), stored by this process in
   batches of prepared notices (``NoticeRepository.upsert_many``) into a new database; the pool's start-up
   is included;
4. the same with ``--workers 0`` (everything in one process), for comparison;
5. with ``--crawl``: the real ``eis-xml`` Scrapy crawl of the same notices as zip archives (file://).

Stages 1 and 3 run ``--repeat`` times: every run is printed, and the ratio full-ingest / floor is taken
between the fastest runs (as ``timeit`` does: on a shared machine noise only ever adds time), with the ratio
of the medians next to it. Target: ratio ≤ 3. The floor is single-process; the core count is printed. The
safe parser drops indentation, which lxml's default keeps, so it parses faster than the floor: the ratio to
its time is printed too.

``--real-samples DIR`` replaces the generated notices with the real 2025 ``epNotification*`` exports found
under DIR, read in place and cycled to N documents (each copy renumbered, so each is a new notice).
"""

from __future__ import annotations

import argparse
import mmap
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from itertools import count, islice
from pathlib import Path
from typing import IO

from lxml import etree

from crawlers.parse_pool import ParsePool, default_workers
from crawlers.parsers import parse_document
from crawlers.parsers.xmlsafe import parse_xml
from store.db import init_db, session_scope
from store.notices import NoticeRepository
from store.prepared import PreparedNotice
from testing.eis_generator import generate_notices, pack_archives

BATCH = 200


class Corpus:
    """Documents in a file, read back one by one (a memory map: no heap, no disk reads)."""

    def __init__(self, file: IO[bytes], documents: Iterable[tuple[str, bytes]]) -> None:
        self.index: list[tuple[str, int, int]] = []
        for name, data in documents:
            self.index.append((name, file.tell(), len(data)))
            file.write(data)
        file.flush()
        self.map = mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ)
        self.size = sum(length for _, _, length in self.index)

    def __len__(self) -> int:
        return len(self.index)

    def __iter__(self) -> Iterator[tuple[str, bytes]]:
        for name, start, length in self.index:
            yield name, self.map[start : start + length]


_NUMBER = re.compile(rb"<(?:\w+:)?purchaseNumber>(\d+)<")


def real_notices(folder: Path, count: int) -> Iterator[tuple[str, bytes]]:
    """The real ``epNotification*`` exports under ``folder`` (read in place, never copied into the project),
    cycled to ``count`` documents; copy k gets its own purchase number, so every copy is a new notice."""
    originals = [(path.name, path.read_bytes()) for path in sorted(folder.glob("*/*epNotification*.xml"))]
    if not originals:
        raise SystemExit(f"no epNotification*.xml under {folder}")
    for k in range(count):
        name, data = originals[k % len(originals)]
        match = _NUMBER.search(data)
        assert match, name
        number = match.group(1)
        fresh = b"%s%06d" % (number[:-6], k)
        yield f"{k:06d}_{name}", data.replace(number, fresh)


def timed(label: str, documents: Corpus, work: Callable[[], object], repeat: int = 1) -> list[float]:
    """Run ``work`` ``repeat`` times, printing each run's time and throughput; return the times."""
    megabytes = documents.size / 1e6
    runs = []
    for run in range(repeat):
        started = time.perf_counter()
        work()
        seconds = time.perf_counter() - started
        runs.append(seconds)
        name = label if run == 0 else ""
        print(
            f"{name:<30} {seconds:8.2f} s  {len(documents) / seconds:8.0f} notices/s  {megabytes / seconds:7.1f} MB/s",
            flush=True,
        )
    return runs


def ingest(documents: Corpus, path: Path, workers: int) -> None:
    """Ingest into a new SQLite file at ``path``, then close it and delete it (and its WAL)."""
    engine = init_db(f"sqlite:///{path}")
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
    engine.dispose()
    for file in path.parent.glob(f"{path.name}*"):  # the database, -wal, -shm: the disk must not fill over repeats
        file.unlink()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--notices", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=3, help="runs of the floor and of the full ingest")
    parser.add_argument("--workers", type=int, default=default_workers(), help="parsing worker processes")
    parser.add_argument("--crawl", action="store_true", help="also time the real Scrapy crawl of zip archives")
    parser.add_argument("--real-samples", type=Path, metavar="DIR",
                        help="instead of generated notices, the real exports under DIR (e.g. ../shared/samples)")
    args = parser.parse_args()
    print(f"{os.cpu_count()} cores, {args.workers} parsing workers", flush=True)

    with tempfile.TemporaryDirectory() as tmp, open(Path(tmp) / "corpus", "w+b") as corpus_file:
        if args.real_samples:
            documents = Corpus(corpus_file, real_notices(args.real_samples, args.notices))
            print(f"the real exports under {args.real_samples}, cycled", flush=True)
        else:
            documents = Corpus(corpus_file, generate_notices(args.notices, seed=args.seed))
        print(f"{len(documents)} notices, {documents.size / 1e6:.1f} MB, "
              f"{documents.size / len(documents) / 1024:.1f} KiB average", flush=True)
        run_stages(documents, args, tmp)


def run_stages(documents: Corpus, args: argparse.Namespace, tmp: str) -> None:
    sample = [record for name, data in islice(documents, 1000) for record in parse_document(data, name)]
    print(f"  ({sum(len(record.items) for record in sample) / len(sample):.1f} lines per notice)")

    def floor() -> None:
        for _, data in documents:
            etree.fromstring(data)

    def safe_parse() -> None:
        for name, data in documents:
            parse_xml(data, name)

    def records() -> None:
        for name, data in documents:
            parse_document(data, name)

    databases = count(1)

    def full(workers: int) -> Callable[[], None]:
        return lambda: ingest(documents, Path(tmp) / f"ingest-{next(databases)}.db", workers)

    floors = timed("parse-only (lxml floor)", documents, floor, args.repeat)
    safe = timed("  with the safe parser", documents, safe_parse)
    timed("parse-to-records", documents, records)
    ingests = timed("full ingest into SQLite", documents, full(args.workers), args.repeat)
    serial = timed("  the same in one process", documents, full(0))
    best = min(ingests) / min(floors)
    print(f"ratio full-ingest / lxml-floor: {best:.2f} fastest runs (target ≤ 3), "
          f"{statistics.median(ingests) / statistics.median(floors):.2f} medians")
    print(f"  in one process: {serial[0] / min(floors):.2f}; to the safe parser's parse: {min(ingests) / safe[0]:.2f}")

    if args.crawl and not args.real_samples:
        archives = Path(tmp) / "archives"
        pack_archives(archives, documents, per_zip=500)
        crawl_db = f"sqlite:///{tmp}/crawl.db"
        command = [sys.executable, "-m", "tenderflow.cli", "--db", crawl_db, "--log-file", f"{tmp}/crawl.log",
                   "crawl", "eis-xml", "--path", archives.as_uri()]
        crawl = timed("eis-xml Scrapy crawl (zips)", documents, lambda: subprocess.run(command, check=True))
        print(f"ratio crawl / lxml-floor: {crawl[0] / min(floors):.2f}")


if __name__ == "__main__":
    main()
