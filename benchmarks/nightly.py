"""End-to-end nightly benchmark (issue 7): generated notices served locally through the real pipeline.

    .venv/bin/python benchmarks/nightly.py [--notices 20000] [--products 5000] [--backends sqlite postgresql]

For each back-end, in a fresh database, every stage runs as the real command line in its own process (so
its peak memory is its own): ``crawl eis-xml`` over HTTP (zip archives of 500 EIS export documents behind a
listing page, from ``testing.eis_generator``), ``catalogue import`` (a generated catalogue of N products,
``benchmarks.match.generate_catalogue``), ``match --workers 2`` and ``digest``. Prints seconds, notices/s and
peak RSS per stage, and the total.
"""

from __future__ import annotations

import argparse
import csv
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.match import generate_catalogue  # noqa: E402
from testing.eis_generator import write_archives  # noqa: E402
from testing.httpserver import LocalServer, static_files  # noqa: E402

PG_SERVER = os.environ.get("TENDERFLOW_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432")


def write_catalogue(folder: Path, products: list) -> None:  # type: ignore[type-arg]
    folder.mkdir(parents=True, exist_ok=True)
    columns = ["sku", "name", "vendor", "model", "category", "okpd2", "ktru", "price", "vat_rate", "country",
               "registry_number", "warranty_months", "description"]
    with (folder / "products.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(columns)
        for product in products:
            data = product.model_dump()
            writer.writerow(["" if data[c] is None else data[c] for c in columns])
    with (folder / "specs.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["sku", "name", "value", "unit"])
        for product in products:
            for spec in product.specs:
                writer.writerow([product.sku, spec.name, spec.value, spec.unit or ""])


def stage(label: str, db_url: str, log: Path, *arguments: str, items: int | None = None) -> tuple[float, float]:
    command = [sys.executable, "-m", "tenderflow.cli", "--db", db_url, "--log-file", str(log), *arguments]
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) not in (0, 3):
        raise SystemExit(f"{label} failed: {process.stderr.read().decode()[-2000:]}")
    peak_mb = usage.ru_maxrss / 1024
    rate = f"{items / seconds:8.0f}/s" if items else " " * 10
    print(f"  {label:<18} {seconds:8.1f} s {rate}  peak {peak_mb:7.0f} MB", flush=True)
    return seconds, peak_mb


def fresh_database(backend: str, tmp: Path, label: str = "nightly") -> tuple[str, callable]:  # type: ignore[valid-type]
    """(URL, drop) of a new database: a SQLite file ``LABEL.db`` in ``tmp`` or a PostgreSQL database."""
    if backend == "sqlite":
        return f"sqlite:///{tmp / f'{label}.db'}", lambda: None
    import psycopg

    name = f"tf_bench_{label}_{os.getpid()}"
    admin = PG_SERVER.replace("postgresql+psycopg://", "postgresql://") + "/test"

    def sql(statement: str) -> None:
        with psycopg.connect(admin, autocommit=True) as connection:
            connection.execute(statement)

    sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
    sql(f"CREATE DATABASE {name}")
    return f"{PG_SERVER}/{name}", lambda: sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--notices", type=int, default=20_000)
    parser.add_argument("--products", type=int, default=5_000)
    parser.add_argument("--backends", nargs="+", default=["sqlite", "postgresql"])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        started = time.perf_counter()
        write_archives(tmp / "site" / "archives", args.notices, per_zip=500, seed=20)
        write_catalogue(tmp / "catalogue", generate_catalogue(args.products))
        size = sum(p.stat().st_size for p in (tmp / "site" / "archives").iterdir()) / 1e6
        print(f"{args.notices} notices in {size:.0f} MB of archives, {args.products} products "
              f"(generated in {time.perf_counter() - started:.0f} s)")
        with LocalServer(static_files(tmp / "site")) as server:
            for backend in args.backends:
                db_url, drop = fresh_database(backend, tmp)
                print(f"{backend}:")
                total = 0.0
                try:
                    log = tmp / f"{backend}.log"
                    total += stage("crawl + store", db_url, log, "crawl", "eis-xml", "--path",
                                   server.url("/archives/"), items=args.notices)[0]
                    total += stage("catalogue import", db_url, log, "catalogue", "import", str(tmp / "catalogue"),
                                   items=args.products)[0]
                    total += stage("match (2 workers)", db_url, log, "match", "--workers", "2",
                                   items=args.notices)[0]
                    total += stage("digest", db_url, log, "digest", "--out", str(tmp / f"{backend}.html"))[0]
                    html_mb = (tmp / f"{backend}.html").stat().st_size / 1e6
                    print(f"  total {total:.1f} s; digest {html_mb:.1f} MB")
                finally:
                    drop()


if __name__ == "__main__":
    main()
