"""``tenderflow demo``: the whole pipeline offline on the bundled demo data."""

from __future__ import annotations

import argparse
from dataclasses import asdict
from decimal import Decimal
from pathlib import Path

from tenderflow.commands.crawl import report
from tenderflow.console import info
from tenderflow.console import result as emit

STAGES_RU = {"crawl": "сбор", "match": "подбор", "digest": "дайджест", "bid": "заявка"}


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("demo", help="весь конвейер без интернета на демонстрационных данных")
    parser.add_argument("--out", default="demo-output", help="папка для результатов (будет очищена)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    # Imported when run: the demo is the one entry point into ``demo``/``testing`` (not product code), and it
    # pulls in every stage; other commands should not pay for it at start-up.
    from demo.runner import run_demo
    from matching import ru_format
    from matching.ru_format import number as format_number

    result = run_demo(Path(args.out).resolve())
    for crawl in result.crawls:
        report(crawl)
    matched = ru_format.quantity(Decimal(result.matched), "извещение")
    emit(f"Сопоставлено с каталогом: {matched}", matched=result.matched)
    emit(f"База данных:   {result.db_url}  (другие команды: --db {result.db_url})", database=result.db_url)
    if result.counts is not None:
        emit(
            f"Дайджест:      {result.digest} — {result.counts.sentence(3)}",
            digest=str(result.digest),
            **asdict(result.counts),
        )
    if result.bid:
        emit(f"Заявка:        {result.bid} (извещение {result.top_notice}) и {result.bid}.zip", bid=str(result.bid))
    else:
        emit("Заявка: не подготовлена — нет подходящего извещения с открытым сроком подачи", bid=None)
    for path in result.exports:
        emit(f"Выгрузка:      {path}", export=str(path))
    timings = ", ".join(
        f"{STAGES_RU.get(stage, stage)} {format_number(Decimal(str(round(seconds, 1))))} с"
        for stage, seconds in result.seconds.items()
    )
    info(f"Время этапов:  {timings}")
    failed = [crawl.source for crawl in result.crawls if crawl.status == "failed"]
    return 1 if failed or result.digest is None else 0
