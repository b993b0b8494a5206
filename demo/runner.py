"""``tenderflow demo``: the whole pipeline offline, on bundled and generated demo data.

A local HTTP server (started and stopped here) plays every platform (``demo.servers``): EIS export
archives and the EIS document service (generated with deadlines around today, so "closing soon" is alive), EIS
extended search, an OCDS publisher, TED and a JavaScript platform. Then the
demo catalogue is imported, every notice matched, the digest written and a bid package drafted for the top
tender. Everything lands in one output folder, printed at the end.
"""

from __future__ import annotations

import shutil
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bids.inputs import assemble_from_store
from bids.sanity import check_texts
from crawlers.runner import CrawlResult, run_crawls
from demo.servers import DemoSite, demo_environment, demo_sites
from digest.model import DigestCounts
from digest.publish import publish_digest
from digest.settings import DigestSettings
from matching.catalogue import load_catalogue
from matching.export import export_matches
from matching.pipeline import run_matching
from store.catalogue import CatalogueRepository
from store.db import init_db, session_scope
from store.digest_reads import DigestReads
from store.outcome_export import export_outcomes
from tenderflow.commands.export import export_notices
from testing.httpserver import LocalServer

DEMO_ROOT = Path(__file__).resolve().parent


@dataclass
class DemoResult:
    out: Path
    db_url: str
    crawls: list[CrawlResult] = field(default_factory=list)
    matched: int = 0
    relevant: int = 0
    digest: Path | None = None
    counts: DigestCounts | None = None
    """The digest's own counts (:meth:`digest.model.Digest.counts`): what the demo reports is what the page says."""
    bid: Path | None = None
    top_notice: str | None = None
    exports: list[Path] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)


def run_demo(out: Path, now: datetime | None = None) -> DemoResult:
    now = now or datetime.now(UTC)
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    result = DemoResult(out=out, db_url=f"sqlite:///{out / 'tenderflow.db'}")
    engine = init_db(result.db_url)
    clock = time.perf_counter()

    sites: list[DemoSite] = demo_sites(out / "sites", now - timedelta(days=4))
    with LocalServer(*(site.handler for site in sites)) as server, demo_environment(sites):
        jobs = [(site.spider, site.arguments(server.base_url)) for site in sites]
        result.crawls = run_crawls(jobs, result.db_url)
    result.seconds["crawl"] = time.perf_counter() - clock

    clock = time.perf_counter()
    with session_scope(engine) as session:
        CatalogueRepository(session).import_products(load_catalogue(DEMO_ROOT / "catalogue"))
    summary = run_matching(engine, workers=1)
    result.matched, result.relevant = summary.matched, summary.relevant
    result.seconds["match"] = time.perf_counter() - clock

    clock = time.perf_counter()
    settings = DigestSettings(notice_checks=check_texts)
    published = publish_digest(engine, out / "digest.html", ics_path=out / "deadlines.ics", now=now, settings=settings)
    result.digest, result.counts = published.out, published.digest.counts()
    result.seconds["digest"] = time.perf_counter() - clock

    clock = time.perf_counter()
    with session_scope(engine) as session:
        top = DigestReads(session).top_relevant_number(now)
        if top is not None:
            result.top_notice = top
            result.bid, _ = assemble_from_store(session, top, out / "bids", company=DEMO_ROOT / "company.toml")
    result.seconds["bid"] = time.perf_counter() - clock

    with session_scope(engine) as session:
        export_notices(session, "jsonl", out / "notices.jsonl")
        export_matches(session, "csv", out / "matches.csv")
        export_outcomes(session, "jsonl", out / "outcomes.jsonl")
    result.exports = [out / "notices.jsonl", out / "matches.csv", out / "outcomes.jsonl"]
    return result
