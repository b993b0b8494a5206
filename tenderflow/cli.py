"""``tenderflow``: the command line. It wires the stages; domain logic lives in the packages.

Every module in ``tenderflow/commands/`` defines ``register(subparsers)``, adding a sub-command whose handler
(``args.handler``) returns the exit status.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import pkgutil
import sys

from tenderflow import cli_messages, commands
from tenderflow.console import UserError, configure_output, setup_logging, stderr

log = logging.getLogger("tenderflow")


def build_parser() -> argparse.ArgumentParser:
    cli_messages.install()
    parser = argparse.ArgumentParser(
        prog="tenderflow", description="Мониторинг закупок и подготовка заявок для поставщиков ИКТ."
    )
    parser.add_argument("--db", help="URL базы данных (по умолчанию TENDERFLOW_DB или sqlite:///tenderflow.db)")
    parser.add_argument("--log-file", help="файл журнала (по умолчанию TENDERFLOW_LOG или tenderflow.log)")
    parser.add_argument("-v", "--verbose", action="store_true", help="подробный вывод")
    parser.add_argument("-q", "--quiet", action="store_true", help="без хода работы: только результат и ошибки")
    parser.add_argument("--json", action="store_true", help="результат — строки JSON на stdout (для скриптов)")
    subparsers = parser.add_subparsers(dest="command", metavar="КОМАНДА")
    for module_info in sorted(pkgutil.iter_modules(commands.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{commands.__name__}.{module_info.name}")
        module.register(subparsers)
    cli_messages.name_placeholders(parser)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help()
        return 2
    log_path = setup_logging(args.verbose, args.log_file)
    configure_output(args.quiet, args.json)
    try:
        return int(args.handler(args) or 0)
    except UserError as error:
        stderr().print(f"Ошибка: {error}", markup=False)
        return 2
    except KeyboardInterrupt:
        stderr().print("Прервано пользователем.", markup=False)
        return 130
    except Exception as error:  # one clear line for the user, the traceback in the log
        log.exception("command %s failed", args.command)
        stderr().print(f"Ошибка: {type(error).__name__}: {error} (подробности в {log_path})", markup=False)
        return 1


if __name__ == "__main__":
    sys.exit(main())
