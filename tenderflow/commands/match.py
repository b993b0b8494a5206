"""``tenderflow match``: score new and changed notices against the catalogue (incremental)."""

from __future__ import annotations

import argparse
from decimal import Decimal

from matching.ru_format import number as format_number
from store.db import database_url, init_db, session_scope
from tenderflow.console import fail, progress, result


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("match", help="подобрать товары каталога к позициям извещений")
    parser.add_argument("--workers", type=int, default=1, help="число процессов (результат тот же)")
    parser.add_argument("--all", action="store_true", help="пересчитать все извещения, а не только изменённые")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from matching.pipeline import run_matching
    from store.catalogue import CatalogueRepository

    if args.workers < 1:
        fail("--workers должно быть не меньше 1")
    engine = init_db(database_url(args.db))
    with session_scope(engine) as session:
        if CatalogueRepository(session).count() == 0:
            fail("каталог пуст: сначала выполните «tenderflow catalogue import PATH»")
    summary = run_matching(
        engine,
        workers=args.workers,
        force=args.all,
        wrap=lambda batches, total: progress(batches, total, "Подбор товаров (партии по 500 извещений)"),
    )
    if summary.pending == 0:
        result("Подбор актуален: новых или изменённых извещений нет.", pending=0, matched=0, relevant=0, failed=0)
        return 0
    seconds = format_number(Decimal(str(round(summary.seconds, 1))))
    result(
        f"Сопоставлено с каталогом извещений: {summary.matched} из {summary.pending} (признаны подходящими: "
        f"{summary.relevant}, пропущено с ошибкой: {summary.failed}) за {seconds} с.",
        pending=summary.pending,
        matched=summary.matched,
        relevant=summary.relevant,
        failed=summary.failed,
    )
    return 0
