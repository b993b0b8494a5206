"""``tenderflow crawl SOURCE``: run one spider (``scrapy crawl SOURCE`` works too).

Exit status: 0 complete, 3 partial (errors or suspiciously few notices), 1 failed.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from store.db import database_url, init_db
from tenderflow.console import fail, info

if TYPE_CHECKING:
    from crawlers.runner import CrawlResult

EXIT_BY_STATUS = {"complete": 0, "partial": 3, "failed": 1}
STATUS_RU = {"complete": "завершён полностью", "partial": "завершён частично", "failed": "не удался"}


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("crawl", help="собрать извещения из источника")
    parser.add_argument("source", help="источник (паук): eis-xml, eis-search, ocds, ted, ...")
    parser.add_argument("--path", help="папка, архив, документ или URL (eis-xml)")
    parser.add_argument("--since", help="начало окна сбора, ГГГГ-ММ-ДД")
    parser.add_argument("--query", action="append", help="поисковый запрос (можно несколько)")
    parser.add_argument("--base-url", help="адрес площадки вместо настоящего (тесты, демо)")
    parser.add_argument("-a", dest="arguments", action="append", default=[], metavar="ИМЯ=ЗНАЧЕНИЕ",
                        help="аргумент паука")
    parser.set_defaults(handler=run)


def spider_arguments(args: argparse.Namespace) -> dict[str, str]:
    arguments: dict[str, str] = {}
    for pair in args.arguments:
        if "=" not in pair:
            fail(f"аргумент паука должен иметь вид ИМЯ=ЗНАЧЕНИЕ: {pair}")
        key, value = pair.split("=", 1)
        arguments[key] = value
    for key in ("path", "since", "base_url"):
        if getattr(args, key):
            arguments[key] = getattr(args, key)
    if args.query:
        arguments["query"] = "\n".join(args.query)
    return arguments


def report(result: CrawlResult) -> None:
    figures = result.figures
    info(
        f"{result.source}: {STATUS_RU.get(result.status, result.status)} — "
        f"извещений {figures['new'] + figures['updated'] + figures['unchanged']} "
        f"(новых {figures['new']}, новых версий {figures['updated']}, без изменений {figures['unchanged']}), "
        f"страниц {figures['responses']}, ошибок разбора {figures['parse_errors']}, "
        f"доля ошибок {figures['error_rate']:.0%}; причина завершения: {result.reason}"
    )
    families = figures.get("by_family") or {}
    if any(families.values()):
        info(
            f"документы: извещений {families['notice']}, протоколов {families['protocol']}, "
            f"контрактов {families['contract']}, исполнения контрактов {families['execution']}, "
            f"отмен {families['cancellation']}, неизвестного вида {families['unknown']}; "
            f"новых документов об итогах {figures['outcome_documents_new']}, "
            f"изменённых итогов {figures['outcomes_changed']}"
        )


def run(args: argparse.Namespace) -> int:
    from crawlers.runner import run_crawls, spider_names

    names = spider_names()
    if args.source not in names:
        fail(f"неизвестный источник «{args.source}»; доступны: {', '.join(names)}")
    if args.path and "://" not in args.path and not Path(args.path).exists():
        fail(f"нет такого файла или папки: {args.path}")
    url = database_url(args.db)
    init_db(url)
    [result] = run_crawls([(args.source, spider_arguments(args))], url)
    report(result)
    return EXIT_BY_STATUS.get(result.status, 1)
