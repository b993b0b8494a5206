"""The platforms the offline demo plays on its local HTTP server, one :class:`DemoSite` each."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from tenderflow.httpserver import Handler, static_files

DEMO_NOTICES = 60


@dataclass
class DemoSite:
    spider: str
    handler: Handler
    arguments: Callable[[str], dict[str, str]]
    """Spider arguments given the server's base URL."""


def eis_archives_site(root: Path, start: datetime) -> DemoSite:
    """EIS export archives as the document service hands them out, behind a listing page."""
    from tenderflow.eis_generator import write_archives

    folder = root / "eis-xml"
    write_archives(folder, DEMO_NOTICES, per_zip=20, seed=2026, start=start.replace(tzinfo=None))
    return DemoSite("eis-xml", static_files(root), lambda base: {"path": f"{base}/eis-xml/"})


def demo_sites(root: Path, start: datetime) -> list[DemoSite]:
    root.mkdir(parents=True, exist_ok=True)
    return [eis_archives_site(root, start)]
