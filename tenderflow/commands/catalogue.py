"""``tenderflow catalogue import PATH [PATH]``: load the product catalogue (contract 4.2) into the store."""

from __future__ import annotations

import argparse
from pathlib import Path

from tenderflow.console import fail, info, result


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("catalogue", help="каталог товаров")
    actions = parser.add_subparsers(dest="action", required=True)
    imp = actions.add_parser("import", help="загрузить каталог: книга XLSX, папка или products.csv + specs.csv")
    imp.add_argument("paths", nargs="+", metavar="ПУТЬ")
    imp.add_argument(
        "--keep-missing", action="store_true", help="не удалять товары, которых нет в загружаемом каталоге"
    )
    imp.set_defaults(handler=run_import)


def run_import(args: argparse.Namespace) -> int:
    from matching.catalogue import CatalogueError, load_catalogue
    from store.catalogue import CatalogueRepository
    from store.db import database_url, init_db, session_scope

    paths = [Path(p) for p in args.paths]
    for path in paths:
        if not path.exists():
            fail(f"не найден файл или папка каталога: {path}")
    try:
        products = load_catalogue(paths)
    except CatalogueError as exc:
        fail(f"каталог не загружен: {exc}")
    engine = init_db(database_url(args.db))
    with session_scope(engine) as session:
        outcome = CatalogueRepository(session).import_products(products, remove_missing=not args.keep_missing)
    result(
        f"Каталог: товаров {len(products)}; новых {len(outcome.added)}, изменённых {len(outcome.changed)}, "
        f"удалённых {len(outcome.removed)}, без изменений {outcome.unchanged}.",
        products=len(products),
        added=len(outcome.added),
        changed=len(outcome.changed),
        removed=len(outcome.removed),
        unchanged=outcome.unchanged,
    )
    if outcome.affected:
        info("Подбор будет пересчитан при следующем запуске «tenderflow match».")
    return 0
