"""The platforms the offline demo plays on its local HTTP server, one :class:`DemoSite` each.

EIS export archives (served as a dump behind a listing page, and through the ``getDocsIP`` document service)
are generated at run time with publication dates a few days back, so deadlines fall around today; the other
platforms serve the project's own pages in their real formats from ``demo/sites/``.
"""

from __future__ import annotations

import io
import os
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal
from pathlib import Path

from crawlers.parsers import extract_document
from testing.eis_generator import generate_notices, pack_archives, write_archives
from testing.httpserver import Handler, static_files
from testing.outcome_documents import demo_outcomes
from testing.platform_sites import SITES, eis_docs_site, eis_search_site, etp_js_site, ocds_site, ted_site

DEMO_ARCHIVE_NOTICES = 60
DEMO_SERVICE_NOTICES = 20
DEMO_TOKEN = "demo-token-not-a-secret"
DEMO_OUTCOME_NOTICES = (0, 1, 2, 3)
"""Which generated notices get an outcome: cancelled, failed, awarded, contracted."""


@dataclass
class DemoSite:
    spider: str
    handler: Handler
    arguments: Callable[[str], dict[str, str]]
    """Spider arguments given the server's base URL."""
    environment: dict[str, str] = field(default_factory=dict)


def _zipped(documents: list[tuple[str, bytes]]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in documents:
            archive.writestr(name, data)
    return buffer.getvalue()


def demo_sites(root: Path, start: datetime) -> list[DemoSite]:
    root.mkdir(parents=True, exist_ok=True)
    naive_start = start.replace(tzinfo=None)
    write_archives(root / "eis-xml", DEMO_ARCHIVE_NOTICES, per_zip=20, seed=2026, start=naive_start)
    pack_archives(root / "eis-xml", _outcomes(naive_start, start), per_zip=20, prefix="PRIZ_outcomes")
    service = list(generate_notices(DEMO_SERVICE_NOTICES, seed=2027, start=naive_start, amendment_share=0))
    archives = {
        ("77", "epNotificationEF2020"): _zipped(service[:12]),
        ("78", "epNotificationEF2020"): _zipped(service[12:]),
    }
    day = start.date().isoformat()
    return [
        DemoSite("eis-xml", static_files(root), lambda base: {"path": f"{base}/eis-xml/"}),
        DemoSite(
            "eis-docs", eis_docs_site(archives, DEMO_TOKEN),
            lambda base: {"base_url": base, "regions": "77,78", "types": "epNotificationEF2020", "since": day},
            {"TENDERFLOW_EIS_TOKEN": DEMO_TOKEN},
        ),
        DemoSite("eis-search", eis_search_site(SITES / "eis-search"),
                 lambda base: {"base_url": base, "query": "коммутатор"}),
        DemoSite("ocds", ocds_site(SITES / "ocds"), lambda base: {
            "base_url": base, "path": "/api/releases", "from_param": "updatedFrom", "to_param": "updatedTo",
            "since": "2026-11-01"}),
        DemoSite("ted", ted_site(SITES / "ted"), lambda base: {"base_url": base, "since": "2026-11-01"}),
        DemoSite("etp-js", etp_js_site(SITES / "etp-js"), lambda base: {"base_url": base}),
    ]  # fmt: skip


def _outcomes(naive_start: datetime, start: datetime) -> list[tuple[str, bytes]]:
    """Outcome documents for demo notices: one cancelled, one failed, one awarded, one contracted (issue 20)."""
    chosen: list[tuple[str, Decimal]] = []
    for name, data in generate_notices(DEMO_ARCHIVE_NOTICES, seed=2026, start=naive_start):
        record = extract_document(data, name)[0]
        if record.get("nmck") and record["number"] not in {number for number, _ in chosen}:
            chosen.append((record["number"], Decimal(record["nmck"])))
    picked = [chosen[index] for index in DEMO_OUTCOME_NOTICES]
    return demo_outcomes(picked, start + timedelta(days=3))


@contextmanager
def demo_environment(sites: list[DemoSite]) -> Iterator[None]:
    """The environment the demo spiders need (the document-service token), restored afterwards."""
    saved = {key: os.environ.get(key) for site in sites for key in site.environment}
    for site in sites:
        os.environ.update(site.environment)
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
