"""``tenderflow crawl SOURCE``: run one spider (``scrapy crawl SOURCE`` works too).

Exit status: 0 complete, 3 partial (errors or suspiciously few notices), 1 failed.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from crawlers.local_files import is_local, local_path
from store.db import database_url, init_db
from tenderflow.console import fail, info

if TYPE_CHECKING:
    from crawlers.runner import CrawlResult

LOCAL_ARGUMENT = {"ocds": "files", "ted": "files"}
"""The spider argument ``--path`` becomes (ocds keeps ``-a path=`` for the publisher's API path)."""
EXIT_BY_STATUS = {"complete": 0, "partial": 3, "failed": 1}
STATUS_RU = {"complete": "завершён полностью", "partial": "завершён частично", "failed": "не удался"}


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("crawl", help="собрать извещения из источника")
    parser.add_argument("source", help="источник (паук): eis-xml, eis-search, ocds, ted, ...")
    parser.add_argument(
        "--path", help="скачанные файлы: папка, архив или документ (eis-xml, ocds, ted; для eis-xml и URL)"
    )
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
    for key in ("since", "base_url"):
        if getattr(args, key):
            arguments[key] = getattr(args, key)
    if args.path:
        arguments[LOCAL_ARGUMENT.get(args.source, "path")] = args.path
    if args.query:
        arguments["query"] = "\n".join(args.query)
    return arguments


def report(result: CrawlResult) -> None:
    figures = result.figures
    info(
        f"{result.source}: {STATUS_RU.get(result.status, result.status)} — извещений {figures['items']} "
        f"(новых {figures['new']}, новых версий {figures['updated']}, без изменений {figures['unchanged']}), "
        f"страниц {figures['responses']}, ошибок разбора {figures['parse_errors']}, "
        f"доля ошибок {figures['error_rate']:.0%}; причина завершения: {result.reason}"
    )


def run(args: argparse.Namespace) -> int:
    from crawlers.runner import run_crawls, spider_names

    names = spider_names()
    if args.source not in names:
        fail(f"неизвестный источник «{args.source}»; доступны: {', '.join(names)}")
    if args.path and is_local(args.path):
        try:
            local_path(args.path)
        except FileNotFoundError as error:
            fail(str(error))
    url = database_url(args.db)
    init_db(url)
    [result] = run_crawls([(args.source, spider_arguments(args))], url)
    report(result)
    return EXIT_BY_STATUS.get(result.status, 1)
