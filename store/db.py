"""Engine and sessions from a database URL: SQLite by default (WAL), PostgreSQL at scale.

The URL comes from ``--db``, else the ``TENDERFLOW_DB`` environment variable, else a SQLite file
``tenderflow.db`` in the working directory.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from store.codec import json_dumps, json_loads

__all__ = ["DEFAULT_URL", "Engine", "Session", "database_url", "init_db", "make_engine", "read_scope",
           "session_scope"]
"""``Engine`` and ``Session`` are re-exported so callers outside ``store/`` can type them without SQLAlchemy."""

DEFAULT_URL = "sqlite:///tenderflow.db"
SQLITE_PAGE_SIZE = 16_384
"""Page size of new SQLite databases. Each notice stores a 25-50 KiB compressed raw document, which spans 7-13
pages of 4 KiB but 2-4 of 16 KiB: on 8,000 upserts the WAL writes, checkpoint reads and checkpoint writes fell
from ~80 to ~25 system calls per notice (strace), and the writer took ~30 % less time. Existing files keep their
page size."""
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
_READ_ONLY = "tenderflow_read_only"
"""Execution option of :func:`read_scope`'s connections."""
_MIGRATION_LOCK = 0x7465_6E64_6572  # an advisory-lock id of Tenderflow's own ("tender")
_REVISION_LINE = re.compile(r"^(revision|down_revision)\b[^=\n]*=\s*['\"]([^'\"\n]+)['\"]\s*$", re.MULTILINE)


def database_url(explicit: str | None = None) -> str:
    """``--db`` value, else ``TENDERFLOW_DB``, else the default SQLite file."""
    url = explicit or os.environ.get("TENDERFLOW_DB") or DEFAULT_URL
    if "://" not in url:  # a bare path means a SQLite file
        url = f"sqlite:///{url}"
    return url


def _sqlite_pragmas(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
    # Let SQLAlchemy, not the driver, begin transactions (see ``_sqlite_begin``).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA page_size={SQLITE_PAGE_SIZE}")  # no-op unless the file is new (before WAL)
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def _sqlite_begin(connection) -> None:  # type: ignore[no-untyped-def]
    # IMMEDIATE takes the write lock up front: two writers queue on busy_timeout instead of one failing
    # with SQLITE_BUSY when it upgrades a read transaction. A read-only session (``read_scope``) takes no lock:
    # a deferred transaction that only reads sees the last commit (WAL) and neither waits for a writer nor
    # makes one wait.
    read_only = connection.get_execution_options().get(_READ_ONLY, False)
    connection.exec_driver_sql("BEGIN" if read_only else "BEGIN IMMEDIATE")


@lru_cache(maxsize=16)
def make_engine(url: str | None = None) -> Engine:
    """One engine per URL per process (engines pool connections; create them once)."""
    url = database_url(url)
    if url.startswith("sqlite"):
        engine = create_engine(
            url, connect_args={"timeout": 30}, json_serializer=json_dumps, json_deserializer=json_loads
        )
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
    else:
        engine = create_engine(url, pool_pre_ping=True, json_serializer=json_dumps, json_deserializer=json_loads)
    return engine


@lru_cache(maxsize=1)
def head_revision() -> str | None:
    """The newest migration's revision id, read from the version files' ``revision = '...'`` and
    ``down_revision = '...'`` lines without loading Alembic; None unless they form one line of revisions."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in (MIGRATIONS_DIR / "versions").glob("*.py"):
        found = dict(_REVISION_LINE.findall(path.read_text(encoding="utf-8")))
        if "revision" not in found:
            return None
        revisions.add(found["revision"])
        parents.update([found["down_revision"]] if "down_revision" in found else [])
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 and parents <= revisions else None


def at_head(engine: Engine) -> bool:
    """Whether the database's schema is the newest (its Alembic version is :func:`head_revision`)."""
    head = head_revision()
    if head is None:
        return False
    try:
        with engine.connect() as connection:
            versions = connection.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
    except SQLAlchemyError:  # a new database: no version table yet
        return False
    return versions == [head]


def init_db(url: str | None = None, revision: str = "head") -> Engine:
    """Create or upgrade the database to the newest schema (Alembic ``upgrade head``), or to ``revision``.

    A database at the newest schema already (every command's start, most of the time) is recognised with one
    query, without loading Alembic, its environment and every migration script (~0.5 s of each command)."""
    engine = make_engine(url)
    if revision == "head" and at_head(engine):
        return engine
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.set_main_option("sqlalchemy.url", engine.url.render_as_string(hide_password=False))
    with engine.begin() as connection:
        if engine.dialect.name == "postgresql":
            # Two processes starting on a fresh database must not both create the tables: the second waits here,
            # then finds the schema at head. (On SQLite, BEGIN IMMEDIATE already serialises them.)
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _MIGRATION_LOCK})
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
    return engine


@contextmanager
def session_scope(engine: Engine) -> Iterator[Session]:
    """A session that commits on success and rolls back on error."""
    session = _sessionmaker(engine)()
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


@contextmanager
def read_scope(engine: Engine) -> Iterator[Session]:
    """A session that only reads: on SQLite its transaction takes no write lock, so a lookup made while another
    thread or process writes a batch does not wait for that batch's commit. Nothing is committed."""
    session = _sessionmaker(_read_only(engine))()
    try:
        yield session
    finally:
        session.rollback()
        session.close()


@lru_cache(maxsize=16)
def _read_only(engine: Engine) -> Engine:
    return engine.execution_options(**{_READ_ONLY: True})


@lru_cache(maxsize=16)
def _sessionmaker(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(bind=engine, expire_on_commit=False)
