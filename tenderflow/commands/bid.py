"""``tenderflow bid NUMBER --out DIR [--price P] [--line N=SKU ...] [--company company.toml] [--rules DIR]``."""

from __future__ import annotations

import argparse
import json
from decimal import Decimal, InvalidOperation
from pathlib import Path

from tenderflow.console import fail, info, result

DEFAULT_COMPANY = Path("company.toml")


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("bid", help="подготовить пакет заявки и чек-лист банковской гарантии")
    parser.add_argument("number", help="номер закупки (реестровый номер извещения)")
    parser.add_argument("--out", type=Path, required=True, help="папка, в которую записать пакет и zip-архив")
    parser.add_argument("--price", help="предлагаемая цена контракта, руб. (для антидемпинга и КП)")
    parser.add_argument(
        "--line",
        action="append",
        default=[],
        metavar="N=АРТИКУЛ",
        help="товар для позиции N вместо лучшего подобранного (можно повторять)",
    )
    parser.add_argument("--company", type=Path, help="профиль компании (по умолчанию company.toml, если есть)")
    parser.add_argument("--rules", type=Path, help="папка с файлами правил (по умолчанию встроенные bids/rules)")
    parser.add_argument(
        "--treasury",
        action="store_true",
        help="расчёты по контракту подлежат казначейскому сопровождению (ст. 96 ч. 6.1 44-ФЗ)",
    )
    parser.set_defaults(handler=run)


def _price(text: str | None) -> Decimal | None:
    if text is None:
        return None
    try:
        value = Decimal(text.replace(" ", "").replace("\u00a0", "").replace(",", "."))
    except InvalidOperation:
        fail(f"--price: ожидается число, получено «{text}»")
    if not value.is_finite() or value <= 0:
        fail(f"--price: цена должна быть положительной, получено «{text}»")
    return value


def _lines(values: list[str]) -> dict[int, str]:
    overrides: dict[int, str] = {}
    for value in values:
        index, sep, sku = value.partition("=")
        if not sep or not index.strip().isdigit() or not sku.strip():
            fail(f"--line: ожидается N=АРТИКУЛ, получено «{value}»")
        overrides[int(index)] = sku.strip()
    return overrides


def run(args: argparse.Namespace) -> int:
    from bids.assembler import safe_name
    from bids.company import CompanyError, load_company
    from bids.inputs import BidInputError, assemble_from_store
    from bids.ruleset import RuleError
    from store.db import database_url, init_db, session_scope

    price = _price(args.price)
    overrides = _lines(args.line)
    company_path = args.company or (DEFAULT_COMPANY if DEFAULT_COMPANY.is_file() else None)
    if args.company and not args.company.is_file():
        fail(f"--company: файл {args.company} не найден")
    try:
        company = load_company(company_path) if company_path else None
    except CompanyError as error:
        fail(str(error))
    engine = init_db(database_url(getattr(args, "db", None)))
    try:
        with session_scope(engine) as session:
            folder, inputs = assemble_from_store(
                session, args.number, args.out, price=price, overrides=overrides, company=company,
                rules_dir=args.rules, treasury=args.treasury,
            )  # fmt: skip
    except (BidInputError, RuleError) as error:
        fail(str(error))
    finally:
        engine.dispose()
    for warning in inputs.warnings:
        info(f"Внимание: {warning}")
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    if manifest["blocking"]:
        print("ПАКЕТ НЕ ГОТОВ К ПОДАЧЕ:")
        for problem in manifest["blocking"]:
            print(f"  - {problem}")
    for check in manifest["notice_checks"]:
        print(f"Проверка извещения: {check['text']} ({check['article']})")
    if price is None and inputs.notice.smp_only:
        info("Подсказка: закупка у СМП - обеспечение считается от цены контракта, укажите цену (--price)")
    if company is None:
        info("Внимание: профиль компании не указан (--company): коммерческое предложение не сформировано")
    archive = folder.parent / (safe_name(inputs.notice.number) + ".zip")
    result(f"Пакет заявки: {folder}", package=str(folder))
    result(f"Архив: {archive}", archive=str(archive))
    return 0
