"""``tenderflow review NUMBER [--stage S --assignee A --loss-reason R --comment C --price P]`` (contract 4.6).

Without options it shows the tender's pipeline entry and its history. Changes are made as the user running the
command (``--as`` to name someone else), source ``cli``; each becomes an event.
"""

from __future__ import annotations

import argparse
import getpass

from pipeline.settings import STAGE_LABELS, STAGES
from tenderflow.console import fail, info


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("review", help="решение по закупке: стадия, исполнитель, причина, цена")
    parser.add_argument("number", help="реестровый номер закупки")
    parser.add_argument("--stage", choices=STAGES, help="стадия")
    parser.add_argument("--assignee", help="исполнитель (пустая строка снимает назначение)")
    parser.add_argument("--loss-reason", help="причина проигрыша (для стадии lost)")
    parser.add_argument("--comment", help="комментарий")
    parser.add_argument("--price", help="наша цена, руб.")
    parser.add_argument("--as", dest="who", help="от чьего имени (по умолчанию пользователь системы)")
    parser.add_argument("--config", help="файл настроек (по умолчанию tenderflow.toml)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    import orjson

    from pipeline.export import pipeline_rows
    from pipeline.review import Actor, Change, PipelineError, review
    from store.db import database_url, init_db, session_scope
    from store.pipeline import PipelineRepository
    from tenderflow.config import load_config

    config = load_config(args.config)
    change = Change(args.stage, args.assignee, args.loss_reason, args.comment, args.price)
    engine = init_db(database_url(args.db or config.database_url))
    actor = Actor(args.who or getpass.getuser(), "cli")
    try:
        with session_scope(engine) as session:
            if change.given():
                result = review(session, args.number, change, actor, config.pipeline)
                for event in result.events:
                    info(f"{event.field}: {event.from_value or '—'} → {event.to_value or '—'}")
                if not result.events:
                    info("Ничего не изменилось.")
            row = next((r for r in pipeline_rows(session, config.pipeline) if r["notice_number"] == args.number),
                       None)
            if row is None:
                fail(f"закупка {args.number} ещё не в работе; задайте --stage, --assignee или --comment")
            repository = PipelineRepository(session)
            tender = repository.tender(args.number)
            entry = repository.entry(tender.notice_id) if tender else None
            history = repository.events(entry) if entry else []
    except PipelineError as error:
        fail(str(error))
    print(orjson.dumps(row).decode())
    info(f"Стадия: {STAGE_LABELS[row['stage']]}; событий в истории: {len(history)}")
    for event in history:
        info(f"  {event.at:%d.%m.%Y %H:%M} {event.who} ({event.source}): {event.field} "
             f"{event.from_value or '—'} → {event.to_value or '—'}")
    return 0
