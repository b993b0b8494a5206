"""``tenderflow demo``: the whole pipeline offline on the bundled demo data."""

from __future__ import annotations

import argparse
from pathlib import Path

from tenderflow.commands.crawl import report
from tenderflow.console import info


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("demo", help="весь конвейер без интернета на демонстрационных данных")
    parser.add_argument("--out", default="demo-output", help="папка для результатов (будет очищена)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    # Imported when run: the demo is the one entry point into ``demo``/``testing`` (not product code), and it
    # pulls in every stage; other commands should not pay for it at start-up.
    from demo.runner import run_demo

    result = run_demo(Path(args.out).resolve())
    for crawl in result.crawls:
        report(crawl)
    info(f"Подобрано извещений: {result.matched}, подходящих: {result.relevant}")
    info(f"База данных:   {result.db_url}")
    info(f"Дайджест:      {result.digest}")
    if result.bid:
        info(f"Заявка:        {result.bid} (извещение {result.top_notice}) и {result.bid}.zip")
    else:
        info("Заявка: не подготовлена — нет подходящего извещения с открытым сроком подачи")
    for path in result.exports:
        info(f"Выгрузка:      {path}")
    timings = ", ".join(f"{stage} {seconds:.1f} с" for stage, seconds in result.seconds.items())
    info(f"Время этапов:  {timings}")
    failed = [crawl.source for crawl in result.crawls if crawl.status == "failed"]
    return 1 if failed or result.digest is None else 0
