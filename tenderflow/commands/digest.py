"""``tenderflow digest --out FILE.html [--since last|DATE] [--min-score N] [--ics FILE] [--mail]``."""

from __future__ import annotations

import argparse
from dataclasses import asdict
from pathlib import Path

from tenderflow.console import fail, result, warn


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("digest", help="сформировать утренний HTML-дайджест закупок")
    parser.add_argument(
        "--out", type=Path, metavar="ФАЙЛ.html", help="HTML-файл дайджеста (по умолчанию из настроек или digest.html)"
    )
    parser.add_argument(
        "--since", default="last", metavar="last|ДАТА", help="новые с: last (с прошлого дайджеста) или дата ГГГГ-ММ-ДД"
    )
    parser.add_argument("--min-score", type=int, metavar="N", help="не показывать закупки с оценкой ниже N (0–100)")
    parser.add_argument(
        "--closing-days", type=int, metavar="N", help="«срок истекает» — в ближайшие N дней (по умолчанию 3)"
    )
    parser.add_argument(
        "--ics", type=Path, metavar="ФАЙЛ.ics", help="записать сроки подачи и даты торгов в iCalendar-файл"
    )
    parser.add_argument("--mail", action="store_true", help="отправить дайджест получателям из настроек")
    parser.add_argument("--config", metavar="ФАЙЛ.toml", help="файл настроек (по умолчанию tenderflow.toml, если есть)")
    parser.add_argument(
        "--no-record", action="store_true", help="не запоминать показанное (следующий дайджест покажет их как новые)"
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from bids.sanity import check_texts
    from digest.mail import MailError, send_digest
    from digest.publish import Published, publish_digest
    from digest.query import Since
    from digest.settings import DigestSettings
    from store.db import database_url, init_db
    from tenderflow.config import load_config

    config = load_config(args.config)
    try:
        since = Since.parse(args.since)
    except ValueError:
        fail(f"--since: ожидается last или дата ГГГГ-ММ-ДД, получено «{args.since}»")
    min_score = args.min_score if args.min_score is not None else config.digest_min_score
    if not 0 <= min_score <= 100:
        fail("--min-score: ожидается число от 0 до 100")
    closing_days = args.closing_days if args.closing_days is not None else config.digest_closing_days
    if closing_days < 1:
        fail("--closing-days: ожидается положительное число дней")
    if args.mail and not config.recipients:
        fail("--mail: в настройках не заданы получатели ([digest] recipients)")
    settings = DigestSettings(closing_days=closing_days, min_score=min_score, notice_checks=check_texts)
    out = args.out or config.digest_out
    ics_path = args.ics or (config.digest_ics if args.mail else None)

    def deliver(published: Published) -> None:
        try:
            send_digest(
                published.digest,
                published.html,
                settings=config.smtp,
                recipients=config.recipients,
                ics=published.ics,
            )
        except MailError as error:
            fail(str(error))

    engine = init_db(database_url(args.db or config.database_url))
    published = publish_digest(
        engine,
        out,
        settings=settings,
        since=since,
        min_score=min_score,
        ics_path=ics_path,
        record=not args.no_record,
        deliver=deliver if args.mail else None,
    )
    digest = published.digest
    counts = digest.counts()
    result(f"Дайджест: {out} — {counts.sentence(closing_days)}", digest=str(out), **asdict(counts))
    if ics_path is not None:
        result(f"Календарь сроков: {ics_path}", calendar=str(ics_path))
    if args.mail:
        result(f"Отправлено: {', '.join(config.recipients)}", sent_to=config.recipients)
    for health in digest.health_warnings():
        warn(f"Внимание, источник {health.source}: {'; '.join(health.warnings)}")
    return 0
