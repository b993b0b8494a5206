"""``tenderflow match``: score new and changed notices against the catalogue (incremental);
``tenderflow match correct|corrections|undo``: a specialist's corrections of compliance verdicts, learned by
every later match."""

from __future__ import annotations

import argparse
from decimal import Decimal

from tenderflow.console import fail, info, progress, result

VERDICTS = {"yes": "соответствует", "no": "не соответствует"}


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("match", help="подобрать товары каталога к позициям извещений")
    parser.add_argument("--workers", type=int, default=1, help="число процессов (результат тот же)")
    parser.add_argument("--all", action="store_true", help="пересчитать все извещения, а не только изменённые")
    parser.set_defaults(handler=run)
    actions = parser.add_subparsers(dest="action")
    correct = actions.add_parser("correct", help="исправить вердикт по характеристике (учитывается в подборе)")
    correct.add_argument("number", metavar="НОМЕР", help="номер извещения")
    correct.add_argument("item", metavar="ПОЗИЦИЯ", type=int, help="номер позиции (с 1)")
    correct.add_argument("sku", metavar="АРТИКУЛ", help="артикул товара")
    correct.add_argument(
        "--characteristic", required=True, metavar="ХАРАКТЕРИСТИКА", help="характеристика, как в извещении"
    )
    correct.add_argument("--verdict", required=True, choices=sorted(VERDICTS), help="yes — соответствует, no — нет")
    correct.add_argument("--author", help="кто исправил")
    correct.set_defaults(handler=run_correct)
    listing = actions.add_parser("corrections", help="список исправлений")
    listing.add_argument("--all", action="store_true", help="включая отменённые")
    listing.set_defaults(handler=run_list)
    undo = actions.add_parser("undo", help="отменить исправление")
    undo.add_argument("id", type=int, metavar="ID", help="номер исправления из «tenderflow match corrections»")
    undo.set_defaults(handler=run_undo)


def run(args: argparse.Namespace) -> int:
    if args.workers < 1:
        fail("--workers должно быть не меньше 1")
    from matching.ru_format import number as format_number
    from store.catalogue import CatalogueRepository
    from store.db import database_url, init_db, session_scope

    engine = init_db(database_url(args.db))
    with session_scope(engine) as session:
        if CatalogueRepository(session).count() == 0:
            fail("каталог пуст: сначала выполните «tenderflow catalogue import PATH»")
    from matching.pipeline import run_matching  # the matcher's data and rapidfuzz: only when matching

    summary = run_matching(
        engine,
        workers=args.workers,
        force=args.all,
        wrap=lambda batches, total: progress(batches, total, "Подбор товаров (партии по 500 извещений)"),
    )
    if summary.pending == 0:
        nothing = {"pending": 0, "matched": 0, "relevant": 0, "possible": 0, "failed": 0}
        result("Подбор актуален: новых или изменённых извещений нет.", **nothing)
        return 0
    seconds = format_number(Decimal(str(round(summary.seconds, 1))))
    result(
        f"Сопоставлено с каталогом извещений: {summary.matched} из {summary.pending} (признаны подходящими: "
        f"{summary.relevant}, возможно подходящими (соответствие не доказано): {summary.possible}, "
        f"пропущено с ошибкой: {summary.failed}) за {seconds} с.",
        pending=summary.pending,
        matched=summary.matched,
        relevant=summary.relevant,
        possible=summary.possible,
        failed=summary.failed,
    )
    return 0


def _requirement(explanation: dict, name: str) -> dict:
    entries = [e for e in explanation.get("requirements") or [] if isinstance(e, dict)]
    wanted = " ".join(name.lower().split())
    for entry in entries:
        if " ".join(str(entry.get("name", "")).lower().split()) == wanted:
            return entry
    names = "; ".join(str(e.get("name")) for e in entries) or "нет"
    fail(f"характеристика «{name}» не найдена среди требований позиции (есть: {names})")


def run_correct(args: argparse.Namespace) -> int:
    from store.corrections import CorrectionData, CorrectionRepository
    from store.db import database_url, init_db, session_scope
    from store.matches import MatchRepository

    engine = init_db(database_url(args.db))
    with session_scope(engine) as session:
        explanation = MatchRepository(session).candidate_explanation(args.number, args.item, args.sku)
        if explanation is None:
            fail(f"товар {args.sku} не подбирался к позиции {args.item} извещения {args.number}: "
                 "выполните «tenderflow match»")  # fmt: skip
        entry = _requirement(explanation, args.characteristic)
        correction_id = CorrectionRepository(session).add(
            CorrectionData(
                id=0, notice_number=args.number, item_index=args.item, sku=args.sku, characteristic=entry["name"],
                required=entry.get("required"), spec_name=entry.get("spec"), offered=entry.get("offered"),
                verdict=args.verdict, author=args.author,
            )
        )  # fmt: skip
    print(
        f"Исправление № {correction_id}: «{entry['name']}» ({entry.get('required') or ''}) — {VERDICTS[args.verdict]}."
    )
    info("Учтётся при следующем «tenderflow match» во всех извещениях с такой характеристикой.")
    return 0


def run_list(args: argparse.Namespace) -> int:
    from store.corrections import CorrectionRepository
    from store.db import database_url, init_db, session_scope

    engine = init_db(database_url(args.db))
    with session_scope(engine) as session:
        corrections = CorrectionRepository(session).listing(include_undone=args.all)
    if not corrections:
        info("Исправлений нет.")
    for c in corrections:
        when = c.created_at.strftime("%d.%m.%Y %H:%M") if c.created_at else ""
        undone = f" (отменено {c.undone_at.strftime('%d.%m.%Y %H:%M')})" if c.undone_at else ""
        spec = f"; в карточке: {c.spec_name} — {c.offered}" if c.spec_name else ""
        print(f"{c.id}\t{when}\t{c.notice_number} поз. {c.item_index}\t{c.sku}\t«{c.characteristic}» "
              f"({c.required or ''}){spec}\t{VERDICTS.get(c.verdict, c.verdict)}{undone}")  # fmt: skip
    return 0


def run_undo(args: argparse.Namespace) -> int:
    from store.corrections import CorrectionRepository
    from store.db import database_url, init_db, session_scope

    engine = init_db(database_url(args.db))
    with session_scope(engine) as session:
        undone = CorrectionRepository(session).undo(args.id)
    if undone is None:
        fail(f"действующего исправления № {args.id} нет (см. «tenderflow match corrections»)")
    print(f"Исправление № {args.id} отменено; следующий «tenderflow match» пересчитает подбор.")
    return 0
