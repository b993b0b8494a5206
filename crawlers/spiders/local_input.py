"""The local input of an EIS export crawl (``eis-xml -a path=``): its files, and whether the parsing workers will
be needed, so their server can start loading before the crawler is ready.

The workers' server imports the parsers (~0.5 s of CPU). The ``eis-xml`` spider starts it when it is made, for a
new input the workers will parse; ``tenderflow crawl`` asks the same question (:func:`warm_up_parse_workers`) as
soon as the store is migrated, before loading Scrapy, so on a machine with a spare core the server is ready when
the first documents are read. This module loads neither Scrapy nor the parsers.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from crawlers.archives import ArchiveError, ArchiveLimits, is_zip, iter_zip

if TYPE_CHECKING:
    from crawlers.parse_pool import ParsePool

SPIDER = "eis-xml"
"""The spider whose local input this is (``crawlers.spiders.eis_xml``)."""
WORKERS_SETTING = "TENDERFLOW_PARSE_WORKERS"
DOCUMENT_SUFFIXES = (".xml", ".zip")
EXPORT_LIMITS = ArchiveLimits(max_entries=500_000, max_total_ratio=50.0)
"""Export archives are read one entry at a time: a big one (the whole 20,000-notice export) is no bomb. Each
entry keeps the per-entry size and compression-ratio checks; the total is bounded by 50× the archive."""


def local_files(path: str) -> list[Path] | None:
    """The local files a ``path`` argument stands for (a folder's documents in name order, nested folders
    included); None for a network URL."""
    if path.startswith("file://"):
        from urllib.request import url2pathname  # (imports http.client and email: only for a file:// URL)

        path = url2pathname(urlsplit(path).path)
    elif "://" in path:
        return None
    local = Path(path).expanduser().resolve()
    if local.is_dir():
        return sorted(
            file for file in local.rglob("*") if file.is_file() and file.suffix.lower() in DOCUMENT_SUFFIXES
        )
    if local.is_file():
        return [local]
    raise FileNotFoundError(f"нет такого файла или папки: {path}")


def parse_pool(workers: Any) -> ParsePool:
    """The parsing workers for a ``TENDERFLOW_PARSE_WORKERS`` value (None or empty: one per core; 0: none)."""
    from crawlers.parse_pool import ParsePool

    return ParsePool(None if workers in (None, "") else int(workers))


def big_enough(files: list[Path], pool: ParsePool) -> bool:
    """Whether these files are enough documents for the parsing workers (``min_documents`` files, or archives)."""
    if not pool.workers:
        return False
    return len(files) >= pool.min_documents or any(file.suffix.lower() == ".zip" for file in files)


def needs_parse_workers(files: list[Path], pool: ParsePool, engine: Any) -> bool:
    """Whether the workers will parse these files: enough documents for them and not a re-crawl of documents
    stored already (the first one tells)."""
    return big_enough(files, pool) and not stored_already(engine, first_document(files))


def warm_up_parse_workers(spider: str, arguments: dict[str, str], db_url: str, settings: dict[str, str]) -> None:
    """Start loading the workers' server now if ``spider`` (with these arguments, ``-s`` settings and the
    environment) will need it; the spider's own check, when it is made, then finds it running."""
    path = arguments.get("path")
    if spider != SPIDER or not path:
        return
    try:
        files = local_files(path)
    except FileNotFoundError:
        return
    if not files:
        return
    from store.db import make_engine

    pool = parse_pool(settings.get(WORKERS_SETTING, os.environ.get(WORKERS_SETTING)))
    if needs_parse_workers(files, pool, make_engine(db_url)):
        pool.warm_up()


def stored_already(engine: Any, document: bytes | None) -> bool:
    """Whether this document is stored, with its notices (a re-crawl of an unchanged input: it will not be
    parsed). False when the store cannot tell yet (a database ``scrapy crawl`` has still to migrate)."""
    if document is None:
        return False
    from store.db import read_scope
    from store.notices import NoticeRepository
    from store.prepared import sha256_hex

    digest = sha256_hex(document)
    try:
        with read_scope(engine) as session:
            return digest in NoticeRepository(session).known_documents([digest])
    except Exception:  # no schema yet: the StoreSchema extension migrates after the spider is made
        return False


def first_document(files: list[Path]) -> bytes | None:
    """The first XML document of local files (a zip's first member), without reporting anything: None when it
    cannot be read here (the crawl reports it in its turn)."""
    if not files:
        return None
    first = files[0]
    try:
        data = first.read_bytes() if first.suffix.lower() != ".zip" else b""
        if data and not is_zip(data):
            return data
        for entry in iter_zip(first, first.as_uri(), EXPORT_LIMITS):
            if entry.data is not None and entry.name.lower().endswith(".xml"):
                return entry.data
    except (OSError, ArchiveError):
        pass
    return None
