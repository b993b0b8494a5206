"""Start-up: every command loads only what it uses. The CLI loads every command module to build its help, so a
command module imports its domain in its handler; a crawl of local files loads neither the settings file's
machinery (pydantic models of the digest's mail, jinja2) nor the matcher's, reporting's or browser's
libraries, nor Alembic when the database is at the newest schema already."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from store.db import init_db

PROJECT_ROOT = Path(__file__).resolve().parents[2]
FIXTURES = PROJECT_ROOT / "tests" / "fixtures" / "eis"
NEVER_FOR_A_CRAWL = {
    "pandas", "openpyxl", "jinja2", "pymorphy3", "playwright", "matplotlib", "rapidfuzz", "starlette", "uvicorn",
    "alembic", "aiohttp", "rich", "digest", "analytics", "bids", "web", "crm",
}  # fmt: skip


def loaded_after(code: str, cwd: Path) -> set[str]:
    """The modules loaded once ``code`` has run in a fresh interpreter, and their top-level packages."""
    names = "{*sys.modules, *(m.split('.')[0] for m in sys.modules)}"
    script = f"import sys, json\n{code}\nprint(json.dumps(sorted({names})))"
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=cwd, capture_output=True, text=True, timeout=120,
        env={"PYTHONPATH": str(PROJECT_ROOT), "PATH": "/usr/bin:/bin"},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    return set(json.loads(result.stdout.splitlines()[-1]))


def test_help_loads_no_domain_library(tmp_path: Path) -> None:
    loaded = loaded_after("from tenderflow.cli import build_parser\nbuild_parser()", tmp_path)
    domains = {"scrapy", "twisted", "pydantic", "lxml", "crawlers", "matching", "sqlalchemy", "store"}
    assert not loaded & (NEVER_FOR_A_CRAWL | domains)


def test_local_crawl_loads_only_what_it_uses(tmp_path: Path) -> None:
    folder = tmp_path / "notices"
    folder.mkdir()
    for name in ("ef2020_ict.xml", "ezk2020_quotation.xml"):
        shutil.copy(FIXTURES / name, folder / name)
    db_url = f"sqlite:///{tmp_path / 'tenderflow.db'}"
    init_db(db_url).dispose()  # at the newest schema: the crawl only checks it
    code = (
        "from tenderflow.cli import main\n"
        f"assert main(['--db', {db_url!r}, '--log-file', 'crawl.log', 'crawl', 'eis-xml', '--path', 'notices']) == 0"
    )
    loaded = loaded_after(code, tmp_path)
    assert {"scrapy", "crawlers", "store"} <= loaded  # it did crawl
    assert not loaded & NEVER_FOR_A_CRAWL
    # no web request: neither Scrapy's HTTP stack nor its cookies middleware (tldextract), nor other spiders
    assert not loaded & {"scrapy.core.downloader.handlers.http11", "tldextract", "crawlers.spiders.eis_search"}


def test_an_unknown_source_is_refused_before_scrapy_loads(tmp_path: Path) -> None:
    (tmp_path / "notices").mkdir()
    code = (
        "from tenderflow.cli import main\n"
        f"assert main(['--db', 'sqlite:///{tmp_path / 'x.db'}', 'crawl', 'eis-xm', '--path', 'notices']) != 0"
    )
    loaded = loaded_after(code, tmp_path)
    assert not loaded & {"scrapy", "twisted", "sqlalchemy"}
