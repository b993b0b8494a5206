"""``tenderflow crawl SOURCE``: run one spider (``scrapy crawl SOURCE`` works too).

Exit status: 0 complete, 3 partial (errors or suspiciously few notices), 1 failed.
"""

from __future__ import annotations

import argparse
from decimal import Decimal
from typing import TYPE_CHECKING

from tenderflow.console import fail
from tenderflow.console import result as emit

if TYPE_CHECKING:
    from crawlers.runner import CrawlResult

LOCAL_ARGUMENT = {"ocds": "files", "ted": "files"}
"""The spider argument ``--path`` becomes (ocds keeps ``-a path=`` for the publisher's API path)."""
EXIT_BY_STATUS = {"complete": 0, "partial": 3, "failed": 1}
REASON_RU = {
    "finished": "все документы обработаны",
    "shutdown": "остановлен",
    "cancelled": "отменён",
    "closespider_timeout": "истёк отведённый срок",
    "closespider_itemcount": "достигнут предел извещений",
    "closespider_pagecount": "достигнут предел страниц",
    "closespider_errorcount": "слишком много ошибок",
}
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
    parser.add_argument("-s", dest="settings", action="append", default=[], metavar="ИМЯ=ЗНАЧЕНИЕ",
                        help="настройка Scrapy (например TED_LANGUAGES=rus,eng,deu)")
    parser.set_defaults(handler=run)


def _pairs(pairs: list[str], what: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for pair in pairs:
        if "=" not in pair:
            fail(f"{what} должен иметь вид ИМЯ=ЗНАЧЕНИЕ: {pair}")
        key, value = pair.split("=", 1)
        found[key] = value
    return found


def spider_arguments(args: argparse.Namespace) -> dict[str, str]:
    arguments = _pairs(args.arguments, "аргумент паука")
    for key in ("since", "base_url"):
        if getattr(args, key):
            arguments[key] = getattr(args, key)
    if args.path:
        arguments[LOCAL_ARGUMENT.get(args.source, "path")] = args.path
    if args.query:
        arguments["query"] = "\n".join(args.query)
    return arguments


def report(result: CrawlResult) -> None:
    from matching.ru_format import NBSP
    from matching.ru_format import number as format_number

    figures = result.figures
    head, _, why = result.reason.partition(": ")  # a partial run's reason: "finished: <why it is partial>"
    reason = REASON_RU.get(head, head) + (f" — {why}" if why else "")
    notices = figures["new"] + figures["updated"] + figures["unchanged"]  # items also count outcome documents
    share = f"{format_number(Decimal(str(round(figures['error_rate'] * 100, 1))))}{NBSP}%"
    broken = figures.get("broken_archives", 0)
    emit(
        f"{result.source}: {STATUS_RU.get(result.status, result.status)} — извещений {notices} "
        f"(новых {figures['new']}, новых версий {figures['updated']}, без изменений {figures['unchanged']}), "
        f"страниц {figures['responses']}, документов {figures['documents']}, ошибок разбора {figures['parse_errors']}, "
        + (f"повреждённых архивов {broken}, " if broken else "")
        + f"доля ошибок {share}; причина завершения: {reason}",
        source=result.source,
        status=result.status,
        reason=result.reason,
        broken_archives=broken,
        **{key: figures[key] for key in ("items", "new", "updated", "unchanged", "responses", "documents",
                                         "parse_errors", "error_rate")},
    )
    families = figures.get("by_family") or {}
    if any(families.values()):
        emit(
            f"{result.source}: документы — извещений {families['notice']}, протоколов {families['protocol']}, "
            f"контрактов {families['contract']}, исполнения контрактов {families['execution']}, "
            f"отмен {families['cancellation']}, сводок без итогов закупок (пропущены намеренно) "
            f"{families.get('ignored', 0)}, неизвестного вида {families['unknown']}; "
            f"новых документов об итогах {figures['outcome_documents_new']}, "
            f"изменённых итогов {figures['outcomes_changed']}",
            source=result.source,
            documents_by_family=families,
            outcome_documents_new=figures["outcome_documents_new"],
            outcomes_changed=figures["outcomes_changed"],
        )


def run(args: argparse.Namespace) -> int:
    from crawlers.local_files import is_local, local_path
    from crawlers.spiders import SPIDERS, recrawl

    if args.source not in SPIDERS:  # the names alone: Scrapy is not loaded yet
        fail(f"неизвестный источник «{args.source}»; доступны: {', '.join(sorted(SPIDERS))}")
    if args.path and is_local(args.path):
        try:
            local_path(args.path)
        except FileNotFoundError as error:
            fail(str(error))
    arguments, settings = spider_arguments(args), _pairs(args.settings, "параметр -s")
    # An unchanged re-crawl of a local export is recognised before Scrapy loads: its hashing starts now, in
    # threads, while the store's modules load (crawlers.spiders.recrawl).
    hashes = recrawl.start(args.source, arguments, settings)
    from crawlers.spiders.local_input import warm_up_parse_workers
    from store.db import database_url, init_db

    url = database_url(args.db)
    if hashes is not None and (recognised := recrawl.crawl(hashes, url)) is not None:
        report(recognised)
        return EXIT_BY_STATUS.get(recognised.status, 1)
    # The parsing workers' server (eis-xml over a new local input) loads the parsers while Scrapy and the
    # migrations load, on a spare core, rather than after them.
    warm_up_parse_workers(args.source, arguments, url, settings)
    from crawlers.runner import run_crawls

    init_db(url)
    [result] = run_crawls([(args.source, arguments)], url, settings)
    report(result)
    if result.figures.get("outcomes_changed"):
        from tenderflow.config import load_config  # the settings (pydantic, the digest's mail) only when needed
        from tenderflow.stages import outcomes_stage

        _, moved = outcomes_stage(load_config(None), url)
        if moved["moved"]:
            emit(f"воронка: по итогам закупок сменили этап тендеров — {moved['moved']}", pipeline_moved=moved["moved"])
    return EXIT_BY_STATUS.get(result.status, 1)
