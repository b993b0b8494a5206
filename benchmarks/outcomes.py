"""Outcome ingest benchmark (issue 20): the real command over protocol and contract documents against the lxml
parse floor of the same files.

    .venv/bin/python -m benchmarks.outcomes [--documents 10000] [--repeat 2] [--per-zip 500]

Generates N documents in the EIS export formats (``testing.outcome_documents.corpus``: half ``fcsProtocolEF3``
summing-up protocols with 2-5 participants, half 2025-shaped ``contract`` documents with 2-8 product lines
and signature blobs), packs them into zip archives as the EIS dumps hold them, then times:

1. the floor: ``lxml.etree.fromstring`` of every document (lxml's default parser, one process, documents
   already in memory);
2. the real command: ``tenderflow crawl eis-xml --path ARCHIVES`` into a new SQLite database, in its own
   process (start-up, Scrapy, parsing workers, outcome derivation and storage included); for information, the
   same command over a single document (the fixed start-up cost), and the ratio without it.

Each stage runs ``--repeat`` times; the ratio crawl / floor is taken between the fastest runs (noise on a shared
machine only ever adds time). Goal: ≤ 3. The crawl's own figures (documents per family, outcomes) are checked
so a crawl that stored nothing cannot pass for a fast one.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from lxml import etree

from testing.eis_generator import pack_archives
from testing.outcome_documents import corpus

PROJECT_ROOT = Path(__file__).resolve().parents[1]


def read_back(archives: list[Path]) -> list[bytes]:
    documents = []
    for path in archives:
        with zipfile.ZipFile(path) as archive:
            documents.extend(archive.read(name) for name in archive.namelist())
    return documents


def floor(documents: list[bytes]) -> float:
    start = time.perf_counter()
    for data in documents:
        etree.fromstring(data)
    return time.perf_counter() - start


def crawl(archives: Path, db: Path) -> tuple[float, str]:
    db.unlink(missing_ok=True)
    command = [sys.executable, "-m", "tenderflow.cli", "--db", f"sqlite:///{db}", "--log-file", str(db) + ".log",
               "crawl", "eis-xml", "--path", str(archives)]
    start = time.perf_counter()
    result = subprocess.run(command, cwd=PROJECT_ROOT, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"crawl failed ({result.returncode}): {result.stderr[-2000:]}")
    return elapsed, result.stderr.strip().splitlines()[-1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--per-zip", type=int, default=500)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="tf-outcomes-") as tmp:
        archives = Path(tmp) / "archives"
        paths = pack_archives(archives, corpus(args.documents, seed=20), args.per_zip, prefix="PRIZ_outcomes")
        documents = read_back(paths)
        size = sum(len(data) for data in documents)
        print(f"{len(documents)} documents (protocols and contracts), {size / 1e6:.1f} MB in {len(paths)} zips; "
              f"{os.cpu_count()} cores (shared machine: figures are noisy, the fastest run counts)")
        floors = [floor(documents) for _ in range(args.repeat)]
        for seconds in floors:
            print(f"  lxml floor: {seconds:.2f} s ({len(documents) / seconds:,.0f} doc/s)")
        crawls = []
        for _ in range(args.repeat):
            seconds, figures = crawl(archives, Path(tmp) / "crawl.db")
            crawls.append(seconds)
            print(f"  tenderflow crawl eis-xml: {seconds:.2f} s ({len(documents) / seconds:,.0f} doc/s)")
        print(f"  crawl report: {figures}")
        connection = sqlite3.connect(Path(tmp) / "crawl.db")
        stored = connection.execute("select count(*) from outcome_documents").fetchone()[0]
        outcomes = connection.execute("select count(*) from outcomes").fetchone()[0]
        connection.close()
        print(f"  stored: {stored} outcome documents, {outcomes} outcomes")
        if stored != len(documents):
            raise SystemExit(f"expected {len(documents)} stored documents, found {stored}")
        one = Path(tmp) / "one"
        pack_archives(one, corpus(1, seed=21), 1, prefix="PRIZ_outcomes")
        fixed, _ = crawl(one, Path(tmp) / "one.db")
        print(f"  the same command over one document (start-up, Scrapy, pool): {fixed:.2f} s")
        print(f"ratio crawl / lxml floor: {min(crawls) / min(floors):.2f} (fastest runs; goal ≤ 3); "
              f"without the fixed start-up: {(min(crawls) - fixed) / min(floors):.2f}")


if __name__ == "__main__":
    main()
