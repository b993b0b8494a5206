"""``tenderflow report``: what the command does once its arguments are parsed (the command module only
registers it, so the CLI does not load pandas and matplotlib to start)."""


from __future__ import annotations

import argparse
import tomllib
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path

from analytics.cards import competitor_card, customer_card
from analytics.mail import MailError, send_weekly
from analytics.price import PriceAdviceError, advice_lines, advise
from analytics.price_report import price_report
from analytics.receivables import company_receivables
from analytics.render import render_html, write_html
from analytics.report import Report, write_xlsx
from analytics.weekly import WeeklyOptions, weekly_report
from bids.company import CompanyError, load_company
from digest.format import format_money, plural
from pipeline.review import PipelineError, parse_price
from store.analytics import Session, refresh_facts
from store.db import database_url, init_db, session_scope
from tenderflow.config import Config, load_config
from tenderflow.console import fail, info


def _as_of(value: str | None) -> date:
    if not value:
        return date.today()
    try:
        return date.fromisoformat(value)
    except ValueError:
        fail(f"--as-of: ожидается дата ГГГГ-ММ-ДД, получено «{value}»")


def _company_inn(args: argparse.Namespace, config: Config) -> str | None:
    path = args.company or config.company
    if path is None:
        return None
    try:
        return load_company(path).inn
    except CompanyError as error:
        fail(str(error))


def _plan(config: Config) -> dict[str, Decimal] | None:
    if config.path is None:
        return None
    data = tomllib.loads(Path(config.path).read_text(encoding="utf-8")).get("analytics", {})
    plan = {}
    for month, value in (data.get("plan") or {}).items():
        try:
            plan[str(month)] = Decimal(str(value))
        except InvalidOperation:
            fail(f"{config.path}: [analytics] plan.{month}: ожидается сумма, указано «{value}»")
    return plan or None


def _write(report: Report, args: argparse.Namespace) -> None:
    if args.out is None and args.xlsx is None:
        fail("укажите --out FILE.html и/или --xlsx FILE.xlsx")
    if args.out is not None:
        info(f"Отчёт: {write_html(report, args.out)}")
    if args.xlsx is not None:
        sheets = write_xlsx(report, args.xlsx)
        info(f"Таблицы: {args.xlsx} ({plural(sheets, 'лист', 'листа', 'листов')})")


def run_report(args: argparse.Namespace) -> int:
    config = load_config(args.config)
    if args.report in ("customer", "competitor", "weekly") and not (args.out or args.xlsx or getattr(args, "mail", 0)):
        fail("укажите --out FILE.html и/или --xlsx FILE.xlsx" + (" (или --mail)" if args.report == "weekly" else ""))
    engine = init_db(database_url(args.db or config.database_url))
    as_of = _as_of(args.as_of)
    company_inn = _company_inn(args, config)
    with session_scope(engine) as session:
        changed = refresh_facts(session)
        if changed:
            info(f"Аналитика обновлена: {changed} закупок")
        if args.report == "price":
            try:
                price = parse_price(args.price) if args.price else None
                advice = advise(session, args.number, price, on=as_of)
            except (PriceAdviceError, PipelineError) as error:
                fail(str(error))
            print("\n".join(advice_lines(advice)))
            report = price_report(advice)
            if args.out is None and args.xlsx is None:
                return 0
        elif args.report == "receivables":
            if company_inn is None:
                fail("нужен ИНН нашей компании: --company профиль.toml или [company] profile в настройках")
            result = company_receivables(session, company_inn, as_of)
            print(f"Просрочено на {as_of.strftime('%d.%m.%Y')}: {format_money(result.total_overdue)}")
            for label, amount in result.buckets.items():
                print(f"  {label}: {format_money(amount)}")
            for row in result.customer_rows():
                print(f"  {row['customer_name'] or row['customer_inn']} (ИНН {row['customer_inn']}): "
                      f"{format_money(row['total'])}, до {row['oldest_days']} дн.")
            return 0
        else:
            report = _card(session, args, as_of, company_inn, config)
    if getattr(args, "mail", False):
        _mail(report, config)
        if args.out is None and args.xlsx is None:
            return 0
    _write(report, args)
    return 0


def _card(session: Session, args: argparse.Namespace, as_of: date, company_inn: str | None,
          config: Config) -> Report:
    try:
        if args.report == "customer":
            return customer_card(session, args.inn, as_of)
        if args.report == "competitor":
            return competitor_card(session, args.inn, company_inn)
        options = WeeklyOptions(company_inn, as_of, config.pipeline, _plan(config), png=args.mail)
        return weekly_report(session, options)
    except LookupError as error:
        fail(str(error.args[0]))


def _mail(report: Report, config: Config) -> None:
    try:
        send_weekly(report, render_html(report), settings=config.smtp, recipients=config.recipients)
    except MailError as error:
        fail(str(error))
    info(f"Отчёт отправлен: {', '.join(config.recipients)}")
