"""``tenderflow nightly [--config F]``: the unattended run. Exit 0 complete, 3 partial, 1 failed,
4 when another nightly run is still going (this one does nothing)."""

from __future__ import annotations

import argparse
from decimal import Decimal
from typing import TYPE_CHECKING

from tenderflow.commands.crm import configured, nightly_stage
from tenderflow.console import result as emit
from tenderflow.console import warn
from tenderflow.lock import AlreadyRunning

if TYPE_CHECKING:
    from tenderflow.config import Config

EXIT_ALREADY_RUNNING = 4
STATUS_RU = {"complete": "завершён полностью", "partial": "завершён частично", "failed": "не удался"}


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("nightly", help="ночной запуск: сбор → подбор → дайджест → рассылка")
    parser.add_argument("--config", help="файл настроек (по умолчанию tenderflow.toml)")
    parser.set_defaults(handler=run)


STAGES_RU = {"crawl": "сбор", "attachments": "вложения", "match": "подбор", "digest": "дайджест",
             "outcomes": "итоги закупок", "crm": "CRM"}


def crm_stage(config: Config, url: str) -> tuple[str, dict[str, object]]:
    """Bitrix24 sync as the last step; a CRM that is down makes the night partial, never failed."""
    from crm.portal import CrmError  # the Bitrix24 SDK only when the CRM step runs

    try:
        return nightly_stage(config, url)
    except CrmError as error:
        return "partial", {"error": str(error)}


def run(args: argparse.Namespace) -> int:
    from matching.ru_format import number as format_number
    from store.db import database_url
    from tenderflow.config import load_config
    from tenderflow.nightly import EXIT_BY_STATUS, default_stages, run_nightly

    config = load_config(args.config)
    url = database_url(args.db or config.database_url)
    plan = default_stages(config, url)
    if configured(config):
        plan["crm"] = lambda: crm_stage(config, url)
    try:
        result = run_nightly(config, url, plan)
    except AlreadyRunning as running:
        warn(f"Ночной запуск уже идёт ({running.holder}); этот запуск ничего не делает.")
        return EXIT_ALREADY_RUNNING
    for stage in result.stages:
        seconds = format_number(Decimal(str(round(stage.seconds, 1))))
        line = f"  {STAGES_RU.get(stage.name, stage.name)}: {STATUS_RU.get(stage.status, stage.status)} за {seconds} с"
        emit(line + (f" — {stage.error}" if stage.error else ""), stage=stage.name, status=stage.status)
    emit(f"Ночной запуск {STATUS_RU[result.status]}; журнал запусков: {config.run_log}", status=result.status)
    return EXIT_BY_STATUS[result.status]
