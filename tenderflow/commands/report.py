"""``tenderflow report price NUMBER [--price P]``, ``report receivables``, ``report customer INN --out FILE.html``,
``report competitor INN --out FILE.html``, ``report weekly --out FILE.html`` (issue 22: market analytics).

Every report first brings the analytics facts up to date (only what changed since the last run), then reads
them. ``--xlsx FILE`` exports every table of an HTML report; the company's INN comes from the company profile
(``--company`` or ``[company] profile`` in the settings); the plan from ``[analytics] plan = {"2026-12" = ...}``.
"""

from __future__ import annotations

import argparse
from pathlib import Path


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("report", help="аналитика: совет по цене, дебиторка, карточки, недельный отчёт")
    kinds = parser.add_subparsers(dest="report", required=True, metavar="price|receivables|customer|competitor|weekly")
    price = kinds.add_parser("price", help="совет по цене для закупки")
    price.add_argument("number", help="реестровый номер закупки")
    price.add_argument("--price", help="наша цена, руб.: вероятность победы при ней")
    kinds.add_parser("receivables", help="просроченная задолженность заказчиков по нашим контрактам")
    customer = kinds.add_parser("customer", help="карточка заказчика")
    customer.add_argument("inn", help="ИНН заказчика")
    competitor = kinds.add_parser("competitor", help="карточка конкурента")
    competitor.add_argument("inn", help="ИНН конкурента")
    weekly = kinds.add_parser("weekly", help="еженедельный отчёт")
    weekly.add_argument("--mail", action="store_true", help="отправить отчёт получателям из настроек ([digest])")
    for sub in kinds.choices.values():
        sub.add_argument("--out", type=Path, metavar="ФАЙЛ.html", help="HTML-файл отчёта")
        sub.add_argument("--xlsx", type=Path, metavar="ФАЙЛ.xlsx", help="все таблицы отчёта в XLSX")
        sub.add_argument("--company", type=Path, metavar="ФАЙЛ.toml", help="профиль компании (ИНН)")
        sub.add_argument("--as-of", metavar="ГГГГ-ММ-ДД", help="дата отчёта (по умолчанию сегодня)")
        sub.add_argument("--config", metavar="ФАЙЛ.toml", help="файл настроек (по умолчанию tenderflow.toml)")
        sub.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from tenderflow.reporting import run_report  # pandas and matplotlib load only when a report is made

    return run_report(args)
