"""``tenderflow nightly [--config F]``: the unattended run. Exit 0 complete, 3 partial, 1 failed,
4 when another nightly run is still going (this one does nothing)."""

from __future__ import annotations

import argparse

from crm.portal import CrmError
from store.db import database_url
from tenderflow.commands.crm import configured, nightly_stage
from tenderflow.config import Config, load_config
from tenderflow.console import info
from tenderflow.lock import AlreadyRunning

EXIT_ALREADY_RUNNING = 4
STATUS_RU = {"complete": "завершён полностью", "partial": "завершён частично", "failed": "не удался"}


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("nightly", help="ночной запуск: сбор → подбор → дайджест → рассылка")
    parser.add_argument("--config", help="файл настроек (по умолчанию tenderflow.toml)")
    parser.set_defaults(handler=run)


def crm_stage(config: Config, url: str) -> tuple[str, dict[str, object]]:
    """Bitrix24 sync as the last step; a CRM that is down makes the night partial, never failed."""
    try:
        return nightly_stage(config, url)
    except CrmError as error:
        return "partial", {"error": str(error)}


def run(args: argparse.Namespace) -> int:
    from tenderflow.nightly import EXIT_BY_STATUS, default_stages, run_nightly

    config = load_config(args.config)
    url = database_url(args.db or config.database_url)
    plan = default_stages(config, url)
    if configured(config):
        plan["crm"] = lambda: crm_stage(config, url)
    try:
        result = run_nightly(config, url, plan)
    except AlreadyRunning as running:
        info(f"Ночной запуск уже идёт ({running.holder}); этот запуск ничего не делает.")
        return EXIT_ALREADY_RUNNING
    for stage in result.stages:
        line = f"  {stage.name}: {STATUS_RU.get(stage.status, stage.status)} за {stage.seconds:.1f} с"
        info(line + (f" — {stage.error}" if stage.error else ""))
    info(f"Ночной запуск {STATUS_RU[result.status]}; журнал запусков: {config.run_log}")
    return EXIT_BY_STATUS[result.status]
