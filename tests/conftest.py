"""Shared fixtures: the shared samples corpus (read in place), local HTTP servers, artifacts folder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.demo_run import demo_copy, demo_output  # noqa: F401  (fixtures shared by the demo tests)
from tests.support.httpserver import LocalServer, static_files

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SAMPLES = PROJECT_ROOT.parent / "shared" / "samples"
REFERENCE = PROJECT_ROOT.parent / "shared" / "reference"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
ARTIFACTS = PROJECT_ROOT / "test-artifacts"


@pytest.fixture(scope="session")
def samples_dir() -> Path:
    """``../shared/samples``, read in place; tests using it skip when it is absent."""
    if not SAMPLES.is_dir():
        pytest.skip("../shared/samples is absent")
    return SAMPLES


@pytest.fixture(scope="session")
def reference_dir() -> Path:
    if not REFERENCE.is_dir():
        pytest.skip("../shared/reference is absent")
    return REFERENCE


@pytest.fixture(scope="session")
def fixtures_dir() -> Path:
    return FIXTURES


@pytest.fixture(scope="session")
def artifacts_dir() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


@pytest.fixture
def serve_dir() -> Iterator[callable]:
    """``server = serve_dir(path)`` starts a local server over a folder; stopped after the test."""
    servers: list[LocalServer] = []

    def start(root: Path, *extra_handlers) -> LocalServer:
        server = LocalServer(*extra_handlers, static_files(root)).start()
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.stop()


# -- databases ----------------------------------------------------------------------------------------------
# Tests that need "a database" take ``db_url``: SQLite by default, PostgreSQL when TENDERFLOW_TEST_BACKEND is
# ``postgresql`` (CI runs the suite on both). ``pg_url`` is always the real PostgreSQL on this machine.

import os  # noqa: E402
import uuid  # noqa: E402

PG_SERVER = os.environ.get("TENDERFLOW_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432")


def _pg_admin(sql: str) -> None:
    import psycopg

    dsn = PG_SERVER.replace("postgresql+psycopg://", "postgresql://") + "/test"
    with psycopg.connect(dsn, autocommit=True) as connection:
        connection.execute(sql)


def fresh_pg_database() -> str:
    name = f"tf_test_{uuid.uuid4().hex[:12]}"
    _pg_admin(f"CREATE DATABASE {name}")
    return f"{PG_SERVER}/{name}"


def drop_pg_database(url: str) -> None:
    from store.db import make_engine

    make_engine(url).dispose()
    _pg_admin(f"DROP DATABASE IF EXISTS {url.rsplit('/', 1)[1]} WITH (FORCE)")


def _database(backend: str, tmp_path: Path) -> Iterator[str]:
    if backend == "postgresql":
        url = fresh_pg_database()
        try:
            yield url
        finally:
            drop_pg_database(url)
    else:
        yield f"sqlite:///{tmp_path / 'tenderflow.db'}"


@pytest.fixture
def db_url(tmp_path: Path) -> Iterator[str]:
    """A fresh, empty database URL on the suite's back-end (TENDERFLOW_TEST_BACKEND, default sqlite)."""
    yield from _database(os.environ.get("TENDERFLOW_TEST_BACKEND", "sqlite"), tmp_path)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def any_db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh database on each back-end in turn: for store tests that must hold on both."""
    yield from _database(request.param, tmp_path)


@pytest.fixture
def pg_url(tmp_path: Path) -> Iterator[str]:
    yield from _database("postgresql", tmp_path)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """The PostgreSQL pass (TENDERFLOW_TEST_BACKEND=postgresql) re-runs only the tests whose database follows the
    back-end (``db_url``): the others gave their answer in the SQLite pass, and tests on ``pg_url`` or
    ``any_db_url`` already ran on the real PostgreSQL there."""
    if os.environ.get("TENDERFLOW_TEST_BACKEND", "sqlite") != "postgresql":
        return
    keep, drop = [], []
    for item in items:
        (keep if "db_url" in getattr(item, "fixturenames", ()) else drop).append(item)
    if drop:
        config.hook.pytest_deselected(items=drop)
        items[:] = keep
