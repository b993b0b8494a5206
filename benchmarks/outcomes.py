"""Outcome ingest benchmark (issue 20): the real command over protocol and contract documents against the lxml
parse floor of the same files.

    .venv/bin/python -m benchmarks.outcomes [--documents 10000] [--repeat 2] [--per-zip 500]

Generates N documents in the EIS export formats (``testing.outcome_documents.corpus``: half ``fcsProtocolEF3``
summing-up protocols with 2-5 participants, half 2025-shaped ``contract`` documents with 2-8 product lines
and signature blobs), packs them into zip archives as the EIS dumps hold them, then times:

1. the floor: ``lxml.etree.fromstring`` of every document (lxml's default parser, one process, documents
   already in memory); for information, the notice benchmark's floor on the same documents (``lxml_floor`` of
   ``benchmarks.commands``: reading them as loose files from a folder, then parsing; ~15 % more CPU here) and
   unpacking the zips, which neither floor does and the command must;
2. the real command: ``tenderflow crawl eis-xml --path ARCHIVES`` into a new SQLite database, in its own
   process (start-up, Scrapy, parsing workers, outcome derivation and storage included), with the CPU of the
   crawler process alone (the serial part: unpacking, hashing, Scrapy, the single writer) beside that of the
   whole tree; for information, the same command over a single document (the fixed start-up cost), and the
   ratio without it.

Each stage runs ``--repeat`` times; the ratio crawl / floor is taken between the fastest runs (noise on a shared
machine only ever adds time), for wall time and for the CPU time of the command's whole process tree (parsing
workers included: on a shared machine the steadier figure). Goal: ≤ 3. The crawl's own figures (documents per
family, outcomes) are checked so a crawl that stored nothing cannot pass for a fast one.

Every generated document concerns its own notice, so each outcome is derived from one document (the writer
then uses what the parsing worker derived, see ``store.outcome_prepared.PreparedOutcome.alone``); ``--shared`` gives
each notice a protocol and a contract instead, so every second document's outcome is derived again from the
stored documents, as when a contract arrives after its protocol.
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

from benchmarks.commands import TICKS, Figure, TreePeak, lxml_floor, timed
from testing.eis_generator import pack_archives
from testing.outcome_documents import corpus

PROJECT_ROOT = Path(__file__).resolve().parents[1]


def read_back(archives: list[Path]) -> list[bytes]:
    documents = []
    for path in archives:
        with zipfile.ZipFile(path) as archive:
            documents.extend(archive.read(name) for name in archive.namelist())
    return documents


def write_loose(folder: Path, documents: list[bytes]) -> Path:
    """The documents as loose files of one folder (the notice benchmark's floor reads such a folder)."""
    folder.mkdir()
    for number, data in enumerate(documents):
        (folder / f"{number:06d}.xml").write_bytes(data)
    return folder


def floor(documents: list[bytes]) -> Figure:
    def parse() -> None:
        for data in documents:
            etree.fromstring(data)

    return timed(parse)


def crawl(archives: Path, db: Path) -> tuple[Figure, float, str]:
    """The real command in its own process: wall time and CPU of its process tree, the CPU of the crawler
    process alone, its last report line."""
    db.unlink(missing_ok=True)
    command = [sys.executable, "-m", "tenderflow.cli", "--db", f"sqlite:///{db}", "--log-file", str(db) + ".log",
               "crawl", "eis-xml", "--path", str(archives)]
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=PROJECT_ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    tree = TreePeak(process.pid)
    output, errors = process.communicate()
    elapsed = time.perf_counter() - start
    megabytes, cpu = tree.stop()
    if process.returncode != 0:
        raise SystemExit(f"crawl failed ({process.returncode}): {errors.decode()[-2000:]}")
    crawler_cpu = tree.cpu_ticks.get(process.pid, 0) / TICKS
    return Figure(elapsed, cpu, megabytes), crawler_cpu, (output + errors).decode().strip().splitlines()[-1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--per-zip", type=int, default=500)
    parser.add_argument("--shared", action="store_true", help="a protocol and a contract per notice")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="tf-outcomes-") as tmp:
        archives = Path(tmp) / "archives"
        generated = corpus(args.documents, seed=20, shared=args.shared)
        paths = pack_archives(archives, generated, args.per_zip, prefix="PRIZ_outcomes")
        documents = read_back(paths)
        size = sum(len(data) for data in documents)
        print(f"{len(documents)} documents (protocols and contracts), {size / 1e6:.1f} MB in {len(paths)} zips; "
              f"{os.cpu_count()} cores (shared machine: figures are noisy, the fastest run counts)")
        unzip = timed(lambda: read_back(paths))
        print(f"  unpacking the zips (which the floor leaves out, the command not): {unzip.seconds:.2f} s, "
              f"cpu {unzip.cpu:.2f} s")
        floors = [floor(documents) for _ in range(args.repeat)]
        for figure in floors:
            print(f"  lxml floor: {figure.seconds:.2f} s, cpu {figure.cpu:.2f} s "
                  f"({len(documents) / figure.seconds:,.0f} doc/s)")
        loose = write_loose(Path(tmp) / "loose", documents)
        files = min((lxml_floor(loose) for _ in range(args.repeat)), key=lambda f: f.seconds)
        print(f"  the notice benchmark's floor (loose files read and parsed; for information): {files.seconds:.2f} s, "
              f"cpu {files.cpu:.2f} s")
        crawls = []
        for _ in range(args.repeat):
            figure, crawler_cpu, figures = crawl(archives, Path(tmp) / "crawl.db")
            crawls.append(figure)
            print(f"  tenderflow crawl eis-xml: {figure.seconds:.2f} s, cpu {figure.cpu:.2f} s "
                  f"(crawler process {crawler_cpu:.2f} s, parsing workers {figure.cpu - crawler_cpu:.2f} s; "
                  f"{len(documents) / figure.seconds:,.0f} doc/s), peak RSS {figure.peak:.0f} MB")
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
        fixed = min((crawl(one, Path(tmp) / "one.db")[0] for _ in range(args.repeat)), key=lambda f: f.seconds)
        print(f"  the same command over one document (start-up, Scrapy, pool): {fixed.seconds:.2f} s, "
              f"cpu {fixed.cpu:.2f} s")
        wall, cpu = min(c.seconds for c in crawls), min(c.cpu for c in crawls)
        low, low_cpu = min(f.seconds for f in floors), min(f.cpu for f in floors)
        print(f"ratio crawl / lxml floor (fastest runs; goal ≤ 3): wall {wall / low:.2f}, cpu {cpu / low_cpu:.2f}; "
              f"without the fixed start-up: wall {(wall - fixed.seconds) / low:.2f}, "
              f"cpu {(cpu - fixed.cpu) / low_cpu:.2f}; against the loose-file floor: wall {wall / files.seconds:.2f}, "
              f"cpu {cpu / files.cpu:.2f}")


if __name__ == "__main__":
    main()
