"""The house rules a newcomer relies on: only ``store/`` talks to the database, layers import downward, and the
product never imports the test and demo machinery."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PRODUCT = ("crawlers", "matching", "bids", "store", "digest", "tenderflow", "pipeline", "crm", "web", "analytics")
QUERY_TEXT = re.compile(r"(^|[^\w.])(select\(|session\.query\()|\.execute\(")
# Which product packages each package may import (ARCHITECTURE.md section 2-3; README "How the code is laid out").
MAY_IMPORT = {
    "store": set(),
    "crawlers": {"store"},
    "matching": {"store"},
    "pipeline": {"store"},
    "bids": {"store", "matching"},
    "digest": {"store", "matching", "pipeline"},
    "analytics": {"store", "pipeline", "bids", "digest", "matching"},
    "crm": {"store", "pipeline", "bids", "digest", "matching"},
    "web": {"store", "pipeline", "bids", "digest", "matching", "analytics"},
    "tenderflow": set(PRODUCT),  # and ``demo`` from tenderflow/commands/demo.py only (below)
}


def _modules() -> list[Path]:
    return [path for package in PRODUCT if (ROOT / package).is_dir() for path in (ROOT / package).rglob("*.py")
            if "migrations" not in path.parts]


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module)
    return names


def _database_access(path: Path) -> list[str]:
    """What in ``path`` talks to the database: SQLAlchemy or ``store.models`` imports, query calls."""
    imported = _imports(path)
    found = sorted(name for name in imported if name.split(".")[0] == "sqlalchemy" or name.startswith("store.models"))
    if QUERY_TEXT.search(path.read_text("utf-8")):
        found.append("a query call")
    return found


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(ROOT)))
def test_only_store_talks_to_the_database(path: Path) -> None:
    relative = path.relative_to(ROOT)
    if relative.parts[0] == "store":
        return
    found = _database_access(path)
    assert not found, f"{relative}: {', '.join(found)}; put the query in a store/ repository"


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(ROOT)))
def test_layers_import_downward_only(path: Path) -> None:
    package = path.relative_to(ROOT).parts[0]
    allowed = MAY_IMPORT[package] | {package}
    own = {name.split(".")[0] for name in _imports(path)} & (set(PRODUCT) | {"demo", "testing", "tests", "benchmarks"})
    if path.relative_to(ROOT).as_posix() == "tenderflow/commands/demo.py":
        own -= {"demo"}  # `tenderflow demo` is the one entry point into the demo
    assert own <= allowed, f"{path}: imports {sorted(own - allowed)}, which {package}/ may not import"
