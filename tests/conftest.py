"""Shared fixtures: the shared samples corpus (read in place), local HTTP servers, artifacts folder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

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
