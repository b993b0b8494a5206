"""The real commands, timed as users run them, each figure next to its floor measured in the same run.

    .venv/bin/python -m benchmarks.commands [--notices 2000] [--products 5000] [--workers 2]
                                            [--shapes folder nested zips one-zip] [--skip-match] [--skip-nightly]
                                            [--only ingest match nightly] [--backend sqlite|postgresql]
                                            [--repeat 1]

Generates ``--notices`` EIS export documents shaped like the 2025 exports (``testing.eis_generator``: size,
signature blobs, lines and characteristics per notice, attachments listed), lays them out in every shape
users point the crawler at (``testing.eis_shapes``), and runs, each as a subprocess in a fresh SQLite database:

1. ``tenderflow crawl eis-xml --path SHAPE`` per shape (``--repeat N``: each N times, the fastest counts, as for
   the floor), against the floor: ``lxml.etree.fromstring`` of the same files read from disk, in one process (goal
   ≤ 3×); then "nothing lost": the stored notice count equals the
   input count and ``tenderflow export notices`` (sorted lines) is identical whichever the shape;
2. the same crawl again over the unchanged zips (documents recognised by hash; goal ≤ 1× the floor);
3. ``tenderflow match --workers N`` against ``--products`` generated products (``benchmarks.match``), against
   its floor: the matcher alone (``Matcher.match_many`` in this process, one core) on the same notices;
4. ``tenderflow nightly`` end to end (crawl of the zips → match → digest) in a fresh database.

``--only match`` (or ``nightly``) runs just those sections: the match section then stores the zips with one
crawl first (printed for information, not a benchmark line). ``--backend postgresql`` runs the match and nightly
sections in a fresh PostgreSQL database (created on ``TENDERFLOW_TEST_PG``, default the local server, and
dropped at the end); the ingest section always uses SQLite.

Every line gives seconds, the ratio to its floor and the peak RSS of the command's process tree (the command
and its worker processes, summed, sampled every 50 ms). The machine, the load average before and after, and
the commit are printed first: on a shared machine only figures of one run compare.
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from benchmarks.match import generate_catalogue
from benchmarks.nightly import fresh_database, write_catalogue
from matching.engine import Matcher
from store.db import init_db, session_scope
from store.notices import NoticeRepository
from testing.eis_generator import generate_notices
from testing.eis_shapes import SHAPES, write_shape

ROOT = Path(__file__).resolve().parent.parent
PAGE_KB = os.sysconf("SC_PAGE_SIZE") // 1024
TICKS = os.sysconf("SC_CLK_TCK")


class TreePeak:
    """Peak resident memory of a process and all its descendants, summed, and the CPU time they used
    (sampled in a thread; a process's last 50 ms may be missed)."""

    def __init__(self, pid: int, every: float = 0.05) -> None:
        self.pid, self.every, self.peak_kb = pid, every, 0
        self.cpu_ticks: dict[int, int] = {}
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()

    def _tree_kb(self) -> int:
        children: dict[int, list[int]] = {}
        for entry in os.scandir("/proc"):
            if not entry.name.isdigit():
                continue
            try:
                with open(f"/proc/{entry.name}/stat", "rb") as handle:
                    parent = int(handle.read().rsplit(b")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(parent, []).append(int(entry.name))
        total, todo = 0, [self.pid]
        while todo:
            pid = todo.pop()
            todo.extend(children.get(pid, []))
            try:
                with open(f"/proc/{pid}/statm", "rb") as handle:
                    total += int(handle.read().split()[1]) * PAGE_KB
                with open(f"/proc/{pid}/stat", "rb") as handle:
                    fields = handle.read().rsplit(b")", 1)[1].split()
                self.cpu_ticks[pid] = int(fields[11]) + int(fields[12])  # utime + stime
            except (OSError, IndexError, ValueError):
                continue
        return total

    def _sample(self) -> None:
        while not self._done.wait(self.every):
            self.peak_kb = max(self.peak_kb, self._tree_kb())

    def stop(self) -> tuple[float, float]:
        """(peak RSS in MB, CPU seconds)."""
        self._done.set()
        self._thread.join()
        return self.peak_kb / 1024, sum(self.cpu_ticks.values()) / TICKS


@dataclass
class Figure:
    seconds: float
    cpu: float
    """CPU seconds (user + system) of the process tree; on a shared machine the steadier figure."""
    peak: float | None = None
    """Peak RSS of the process tree, MB."""


def command(db_url: str, log: Path, *arguments: str) -> Figure:
    """Run ``tenderflow --db DB ARGUMENTS`` as a subprocess and measure it."""
    line = [sys.executable, "-m", "tenderflow.cli", "--db", db_url, "--log-file", str(log), *arguments]
    started = time.perf_counter()
    process = subprocess.Popen(line, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = TreePeak(process.pid)
    _, errors = process.communicate()
    seconds = time.perf_counter() - started
    megabytes, cpu = peak.stop()
    if process.returncode not in (0, 3):
        raise SystemExit(f"tenderflow {' '.join(arguments)} failed ({process.returncode}): {errors.decode()[-2000:]}")
    return Figure(seconds, cpu, megabytes)


def fastest(figures: list[Figure]) -> Figure:
    """The fastest of repeated runs (``--repeat``; on a shared machine the slower ones measure its neighbours)."""
    return min(figures, key=lambda figure: figure.seconds)


def timed(work: Callable[[], object]) -> Figure:
    """A floor, measured in this process."""
    started, cpu = time.perf_counter(), time.process_time()
    work()
    return Figure(time.perf_counter() - started, time.process_time() - cpu)


def report(
    label: str, figure: Figure, floor: Figure | None = None, goal: float | None = None, note: str = ""
) -> None:
    """One line: wall seconds and their ratio to the floor (the goal is on it), CPU seconds and their ratio,
    peak RSS."""
    line = f"  {label:<32} {figure.seconds:8.2f} s"
    if floor:
        ratio = figure.seconds / floor.seconds
        line += f" {ratio:6.2f}× floor"
    else:
        line += " " * 14
    line += f"   cpu {figure.cpu:7.2f} s"
    line += f" {figure.cpu / floor.cpu:6.2f}×" if floor else " " * 8
    if figure.peak is not None:
        line += f"   peak {figure.peak:6.0f} MB"
    if note:
        line += f"   {note}"
    elif floor is not None and goal is not None:
        line += f"   goal ≤ {goal:g}×: " + ("met" if figure.seconds <= goal * floor.seconds else "NOT MET")
    print(line, flush=True)


def machine() -> None:
    model = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                  if line.startswith("model name")), platform.processor())
    memory = next(line.split()[1] for line in Path("/proc/meminfo").read_text().splitlines()
                  if line.startswith("MemTotal"))
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    print(f"machine: {model}, {os.cpu_count()} cores, {int(memory) / 1024**2:.1f} GB RAM, "
          f"{platform.system()} {platform.release()}, Python {platform.python_version()}; "
          f"commit {commit.stdout.strip() or '?'}")
    loadavg()


def loadavg() -> None:
    print(f"load average: {' '.join(Path('/proc/loadavg').read_text().split()[:3])}", flush=True)


def files_of(folder: Path) -> Iterator[tuple[str, bytes]]:
    for path in sorted(folder.iterdir()):
        yield path.name, path.read_bytes()


def lxml_floor(folder: Path) -> Figure:
    """Reading and parsing every file with lxml's default parser, one process."""

    def parse() -> None:
        for path in sorted(folder.iterdir()):
            etree.fromstring(path.read_bytes())

    return timed(parse)


def exported(db_url: str, tmp: Path, name: str) -> list[bytes]:
    out = tmp / f"{name}.jsonl"
    command(db_url, tmp / "export.log", "export", "notices", "--out", str(out))
    lines = sorted(out.read_bytes().splitlines())
    out.unlink()
    return lines


def ingest(args: argparse.Namespace, tmp: Path) -> str:
    """Section 1 and 2; the database of the zips shape (for the match stage)."""
    print("ingest: tenderflow crawl eis-xml --path SHAPE (goal ≤ 3× floor; unchanged re-crawl ≤ 1×)")
    floor = fastest([lxml_floor(tmp / "folder") for _ in range(args.repeat)])
    report("lxml parse of the same files", floor, note="(the floor)")
    reference: list[bytes] | None = None
    databases: dict[str, str] = {}
    for shape in args.shapes:
        database = tmp / f"{shape}.db"
        db_url = databases[shape] = f"sqlite:///{database}"
        runs = []
        for _ in range(args.repeat):  # each into a new database: the last one stays for the export and re-crawl
            for leftover in tmp.glob(f"{shape}.db*"):
                leftover.unlink()
            runs.append(command(db_url, tmp / f"{shape}.log", "crawl", "eis-xml", "--path", str(tmp / shape)))
        report(f"crawl {shape}", fastest(runs), floor, goal=3)
        lines = exported(db_url, tmp, shape)
        same = "" if reference is None else (" identical export" if lines == reference else " EXPORT DIFFERS")
        reference = reference or lines
        lost = "" if len(lines) == args.notices else f" LOST {args.notices - len(lines)}"
        print(f"    stored {len(lines)} of {args.notices} notices{lost};{same or ' (the reference export)'}")
    again = "zips" if "zips" in databases else next(iter(databases))
    figure = command(databases[again], tmp / "again.log", "crawl", "eis-xml", "--path", str(tmp / again))
    report(f"re-crawl unchanged {again}", figure, floor, goal=1)
    return databases[again]


def matcher_alone(db_url: str, products: list) -> Figure:  # type: ignore[type-arg]
    """The matcher alone on the same notices: decoded beforehand, matched in batches of 500, one process
    (its index built beforehand too)."""
    engine = init_db(db_url)
    with session_scope(engine) as session:
        records = list(NoticeRepository(session).iter_current())
    engine.dispose()
    matcher = Matcher(products)

    def match() -> None:
        for start in range(0, len(records), 500):
            matcher.match_many(records[start : start + 500])

    return timed(match)


def match(args: argparse.Namespace, tmp: Path, db_url: str, backend: str) -> Figure:
    print(f"match ({backend}): tenderflow match --workers {args.workers}, {args.notices} notices × {args.products} "
          f"products (goal at 20,000 × 5,000: ≤ 60 s on SQLite, peak ≤ 2 GB)")
    products = generate_catalogue(args.products)
    write_catalogue(tmp / "catalogue", products)
    command(db_url, tmp / "catalogue.log", "catalogue", "import", str(tmp / "catalogue"))
    floor = matcher_alone(db_url, products)
    report("matcher alone (one process)", floor, note="(the floor)")
    figure = command(db_url, tmp / "match.log", "match", "--workers", str(args.workers))
    report(f"tenderflow match --workers {args.workers}", figure, floor)
    limit = " ≤ 60 s" if args.notices == 20_000 and args.products == 5_000 else ""
    print(f"    {args.notices / figure.seconds:.0f} notices/s{limit and ('; goal' + limit + ': ')}"
          f"{('met' if figure.seconds <= 60 else 'NOT MET') if limit else ''}; peak RSS goal ≤ 2 GB: "
          f"{'met' if (figure.peak or 0) <= 2048 else 'NOT MET'}")
    return figure


def stored_zips(tmp: Path, db_url: str) -> str:
    """The zips stored by one crawl (for ``--only match``): printed for information."""
    figure = command(db_url, tmp / "store.log", "crawl", "eis-xml", "--path", str(tmp / "zips"))
    report("crawl zips (setup)", figure, note="(for information)")
    return db_url


def nightly(args: argparse.Namespace, tmp: Path) -> None:
    print("nightly: tenderflow nightly (crawl of the zips → match → digest; goal at 20,000: ≤ 180 s)")
    if not (tmp / "catalogue").exists():
        write_catalogue(tmp / "catalogue", generate_catalogue(args.products))
    config = tmp / "tenderflow.toml"
    config.write_text(
        f'[catalogue]\npath = "{tmp / "catalogue"}"\n\n[[sources]]\nspider = "eis-xml"\npath = "{tmp / "zips"}"\n\n'
        f'[attachments]\nenabled = false\n\n[matching]\nworkers = {args.workers}\n\n'
        f'[digest]\nout = "{tmp / "digest.html"}"\n\n'
        f'[nightly]\nlock_file = "{tmp / "nightly.lock"}"\nrun_log = "{tmp / "runs.jsonl"}"\n',
        encoding="utf-8",
    )
    for backend in backends(args):
        db_url, drop = fresh_database(backend, tmp)
        try:
            figure = command(db_url, tmp / "nightly.log", "nightly", "--config", str(config))
        finally:
            drop()
        report(f"tenderflow nightly ({backend})", figure)
        print(f"    goal ≤ 180 s at 20,000 notices: {'met' if figure.seconds <= 180 else 'NOT MET'}"
              f"{'' if args.notices == 20_000 else ' (at this size: for information)'}")


def backends(args: argparse.Namespace) -> list[str]:
    """The databases to run on: one, or both in the same minutes (``--backend both``) for their ratio."""
    return ["sqlite", "postgresql"] if args.backend == "both" else [args.backend]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--notices", type=int, default=2000)
    parser.add_argument("--products", type=int, default=5000)
    parser.add_argument("--workers", type=int, default=2, help="tenderflow match --workers")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=1,
                        help="ingest: run the floor and each crawl this many times, the fastest counts")
    parser.add_argument("--shapes", nargs="+", default=[s for s in SHAPES if s != "zips-in-folders"],
                        choices=SHAPES)
    parser.add_argument("--skip-match", action="store_true")
    parser.add_argument("--skip-nightly", action="store_true")
    parser.add_argument("--only", nargs="+", choices=["ingest", "match", "nightly"],
                        help="run only these sections (default: all but the skipped ones)")
    parser.add_argument("--backend", choices=["sqlite", "postgresql", "both"], default="sqlite",
                        help="database of the match and nightly sections (both: one after the other on one corpus, "
                        "with the PostgreSQL/SQLite ratio; goal ≤ 1.5×)")
    parser.add_argument("--tmp", help="work folder (default: a temporary one, deleted at the end)")
    args = parser.parse_args()
    sections = set(args.only or ["ingest", "match", "nightly"])
    sections -= {"match"} if args.skip_match and not args.only else set()
    sections -= {"nightly"} if args.skip_nightly and not args.only else set()
    if "ingest" not in sections:
        args.shapes = ["folder", "zips"]  # the zips feed the match and the nightly run; no other shape is read
    if "folder" not in args.shapes:
        args.shapes.insert(0, "folder")
    if "zips" not in args.shapes:
        args.shapes.append("zips")
    machine()
    with tempfile.TemporaryDirectory(dir=args.tmp) as tmp_name:
        tmp = Path(tmp_name)
        started = time.perf_counter()
        write_shape(generate_notices(args.notices, seed=args.seed, amendment_share=0), tmp, "folder")
        for shape in args.shapes:
            if shape != "folder":
                write_shape(files_of(tmp / "folder"), tmp, shape)
        size = sum(path.stat().st_size for path in (tmp / "folder").iterdir()) / 1e6
        print(f"corpus: {args.notices} notices, {size:.0f} MB of XML, shapes {', '.join(args.shapes)} "
              f"(written in {time.perf_counter() - started:.0f} s)", flush=True)
        db_url = ingest(args, tmp) if "ingest" in sections else None
        if "match" in sections:
            figures = {}
            for backend in backends(args):
                drop = lambda: None  # noqa: E731
                url = db_url if backend == "sqlite" else None
                if url is None:
                    url, drop = fresh_database(backend, tmp, "match")
                    stored_zips(tmp, url)
                try:
                    figures[backend] = match(args, tmp, url, backend)
                finally:
                    drop()
            if len(figures) == 2:
                ratio = figures["postgresql"].seconds / figures["sqlite"].seconds
                verdict = "met" if ratio <= 1.5 else "NOT MET"
                print(f"    PostgreSQL / SQLite, wall: {ratio:.2f}× (goal ≤ 1.5×: {verdict})")
        if "nightly" in sections:
            nightly(args, tmp)
    loadavg()


if __name__ == "__main__":
    main()
