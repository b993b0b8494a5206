"""``tenderflow crm sync``: two-way sync with Bitrix24 through the incoming webhook named in ``[crm]``.

Exit 0 when done; 2 with one clear line when the CRM is not configured, down, overloaded or refusing the
webhook (the local pipeline is untouched then; the next sync catches up).
"""

from __future__ import annotations

import argparse
import os
from typing import TYPE_CHECKING, Any

from tenderflow.console import fail, info

if TYPE_CHECKING:
    from tenderflow.config import Config

DEFAULT_WEBHOOK_ENV = "TENDERFLOW_B24_WEBHOOK"


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("crm", help="синхронизация с Битрикс24")
    actions = parser.add_subparsers(dest="action", metavar="ДЕЙСТВИЕ", required=True)
    actions.add_parser("sync", help="отправить воронку в Битрикс24 и забрать изменения оттуда")
    parser.add_argument("--config", help="файл настроек (по умолчанию tenderflow.toml)")
    parser.set_defaults(handler=run)


def configured(config: Config) -> bool:
    """The nightly run syncs when ``[crm]`` exists, its webhook variable is set and ``nightly`` is not false."""
    crm = config.crm
    return bool(crm) and bool(crm.get("nightly", True)) and bool(os.environ.get(crm.get("webhook_env",
                                                                                        DEFAULT_WEBHOOK_ENV)))


def run_sync(config: Config, db_url: str) -> Any:
    # Imported when used: the Bitrix24 SDK is large and only this command and the nightly CRM step need it.
    from crm.portal import CrmError, Portal
    from crm.settings import CrmSettings
    from crm.sync import sync
    from store.db import init_db, session_scope

    settings = CrmSettings.from_mapping(config.crm)
    webhook = settings.webhook()
    if webhook is None:
        raise CrmError(f"Битрикс24 не настроен: задайте адрес вебхука в переменной {settings.webhook_env}")
    portal = Portal(webhook, settings.limits)
    with session_scope(init_db(db_url)) as session:
        return sync(session, portal, settings)


def nightly_stage(config: Config, db_url: str) -> tuple[str, dict[str, object]]:
    """The nightly run's CRM step: (status, figures)."""
    summary = run_sync(config, db_url)
    return "complete", dict(vars(summary))


def run(args: argparse.Namespace) -> int:
    from crm.portal import CrmError  # see run_sync
    from store.db import database_url
    from tenderflow.config import load_config

    config = load_config(args.config)
    try:
        summary = run_sync(config, database_url(args.db or config.database_url))
    except CrmError as error:
        fail(str(error))
    info(f"Битрикс24: сделок создано {summary.deals}, обновлено {summary.updated}, компаний {summary.companies}, "
         f"задач {summary.tasks}, комментариев {summary.comments}; изменений с портала {summary.pulled}, "
         f"конфликтов {summary.conflicts}; запросов {summary.requests}")
    return 0
