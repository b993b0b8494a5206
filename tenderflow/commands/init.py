"""``tenderflow init``: create or upgrade the database."""

from __future__ import annotations

import argparse

from tenderflow.console import result


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("init", help="создать или обновить базу данных")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from store.db import database_url, init_db

    url = database_url(args.db)
    engine = init_db(url)
    shown = engine.url.render_as_string(hide_password=True)
    result(f"База данных готова: {shown}", database=shown)
    return 0
