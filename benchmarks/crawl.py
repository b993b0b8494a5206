"""Crawl benchmark (issue 6): the eis-search spider against a bare Scrapy spider on the same local pages.

    .venv/bin/python -m benchmarks.crawl [--notices 2000] [--no-autothrottle]

Generates an EIS extended-search site from the project's fixture pages (results pages of 50 cards with the
portal's paginator, one common-info page with lines and characteristics and one documents page per notice),
serves it with the project's keep-alive server, then runs, each in its own process:
1. a bare Scrapy spider that only downloads every page the eis-search crawl fetches (no parsing, no store);
2. ``scrapy crawl eis-search`` with the project's settings: parsing, merging, validation, SQLite store,
   health record and crawl windows.
Both use the same concurrency (16 requests, 8 per domain). eis-search runs with the settings users get,
AutoThrottle included (on a local server it adds about its start delay); ``--no-autothrottle`` switches it off,
to compare the spider's own cost with the bare spider's, and the output says so.
Prints pages/s of each and the ratio eis-search / bare (target >= 0.7).
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import scrapy

PROJECT_ROOT = Path(__file__).resolve().parent.parent
FIXTURES = PROJECT_ROOT / "tests" / "fixtures" / "eis_search" / "site"
TEMPLATE_NUMBER = "0373200000126000101"
PER_PAGE = 50
SAME_CONCURRENCY = {"CONCURRENT_REQUESTS": "16", "CONCURRENT_REQUESTS_PER_DOMAIN": "8"}


def _card_template() -> tuple[str, str]:
    """Head and one card of the fixture results page (the card of the template notice)."""
    page = (FIXTURES / "results_1.html").read_text(encoding="utf-8")
    start = page.index('        <div class="search-registry-entry-block')
    second = page.index('        <div class="search-registry-entry-block', start + 10)
    return page[:start], page[start:second]


def generate_site(root: Path, notices: int) -> list[str]:
    """Write the site; return the paths (with query) the eis-search crawl will request, results first."""
    head, card = _card_template()
    notice = (FIXTURES / f"notice_{TEMPLATE_NUMBER}.html").read_text(encoding="utf-8")
    documents = (FIXTURES / f"documents_{TEMPLATE_NUMBER}.html").read_text(encoding="utf-8")
    numbers = [f"03732000001260{n:05d}" for n in range(notices)]
    pages = (notices + PER_PAGE - 1) // PER_PAGE
    paths: list[str] = []
    for page in range(1, pages + 1):
        chunk = numbers[(page - 1) * PER_PAGE : page * PER_PAGE]
        cards = "".join(card.replace(TEMPLATE_NUMBER, number) for number in chunk)
        following = (
            f'<a href="/epz/order/extendedsearch/results.html?pageNumber={page + 1}" '
            f'class="paginator-button paginator-button-next" data-pagenumber="{page + 1}"></a>'
            if page < pages
            else ""
        )
        pager = f'<div class="paginator-block"><div class="paginator">{following}</div></div></div></body></html>'
        (root / f"results_{page}.html").write_text(head + cards + pager, encoding="utf-8")
        paths.append(f"/epz/order/extendedsearch/results.html?pageNumber={page}")
    for index, number in enumerate(numbers):
        price = f"{1000 + index}&nbsp;500,00"
        (root / f"notice_{number}.html").write_text(
            notice.replace(TEMPLATE_NUMBER, number).replace("1&nbsp;845&nbsp;000,00", price), encoding="utf-8"
        )
        (root / f"documents_{number}.html").write_text(documents.replace(TEMPLATE_NUMBER, number), encoding="utf-8")
        paths.append(f"/epz/order/notice/ea20/view/common-info.html?regNumber={number}")
        paths.append(f"/epz/order/notice/ea20/view/documents.html?regNumber={number}")
    return paths


class BareSpider(scrapy.Spider):
    """Downloads the given URLs and does nothing else; writes pages and seconds to ``out``."""

    name = "bare"

    def __init__(self, urls: str = "", out: str = "", **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.urls_file, self.out = urls, out
        self.started = 0.0

    async def start(self):  # type: ignore[no-untyped-def]
        self.started = time.perf_counter()
        for url in Path(self.urls_file).read_text().split():
            yield scrapy.Request(url, callback=self.parse)

    def parse(self, response: scrapy.http.Response) -> None:
        return None

    def closed(self, reason: str) -> None:
        pages = self.crawler.stats.get_value("downloader/response_count", 0)
        Path(self.out).write_text(json.dumps({"pages": pages, "seconds": time.perf_counter() - self.started}))


def run_bare(base_url: str, paths: list[str], work: Path) -> dict[str, float]:
    urls, out = work / "urls.txt", work / "bare.json"
    urls.write_text("\n".join(base_url + p for p in paths))
    command = [
        sys.executable,
        "-m",
        "scrapy",
        "runspider",
        str(Path(__file__).resolve()),
        "-a",
        f"urls={urls}",
        "-a",
        f"out={out}",
        "-s",
        "LOG_LEVEL=WARNING",
        "-s",
        "TELNETCONSOLE_ENABLED=False",
    ]
    for key, value in SAME_CONCURRENCY.items():
        command += ["-s", f"{key}={value}"]
    subprocess.run(command, cwd=work, check=True, env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(PROJECT_ROOT)})
    return json.loads(out.read_text())


def run_eis_search(base_url: str, database: Path, autothrottle: bool) -> dict[str, float]:
    from sqlalchemy import select

    from store.db import init_db, session_scope
    from store.models import CrawlRun

    db = f"sqlite:///{database}"
    command = [
        sys.executable,
        "-m",
        "scrapy",
        "crawl",
        "eis-search",
        "-a",
        f"base_url={base_url}",
        "-a",
        "query=коммутатор",
        "-a",
        "rss=0",
        "-a",
        "max_pages=1000",
        "-a",
        "since=2026-11-01",
        "-s",
        f"TENDERFLOW_DB={db}",
        "-s",
        "LOG_LEVEL=WARNING",
        "-s",
        "TELNETCONSOLE_ENABLED=False",
        "-s",
        f"AUTOTHROTTLE_ENABLED={autothrottle}",
    ]
    for key, value in SAME_CONCURRENCY.items():
        command += ["-s", f"{key}={value}"]
    subprocess.run(command, cwd=PROJECT_ROOT, check=True)
    with session_scope(init_db(db)) as session:
        run = session.scalars(select(CrawlRun).order_by(CrawlRun.id.desc())).first()
        seconds = (run.finished_at - run.started_at).total_seconds()
        return {"pages": run.stats["responses"], "seconds": seconds, "items": run.stats["items"], "status": run.status}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notices", type=int, default=2000)
    parser.add_argument("--no-autothrottle", dest="autothrottle", action="store_false",
                        help="switch AutoThrottle off for eis-search (users never run it so)")
    parser.add_argument("--repeat", type=int, default=3, help="alternating runs of each; medians are reported")
    args = parser.parse_args()
    sys.path.insert(0, str(PROJECT_ROOT))
    from testing.httpserver import LocalServer
    from tests.crawlers.sites import eis_search_site

    with tempfile.TemporaryDirectory() as temp:
        work = Path(temp)
        site = work / "site"
        site.mkdir()
        paths = generate_site(site, args.notices)
        bare_runs, spider_runs = [], []
        with LocalServer(eis_search_site(site)) as server:
            for attempt in range(args.repeat):
                bare_runs.append(timed_child(lambda: run_bare(server.base_url, paths, work)))
                database = work / f"bench-{attempt}.db"  # a fresh store each run (a deleted file's WAL would linger)
                spider_runs.append(
                    timed_child(lambda: run_eis_search(server.base_url, database, args.autothrottle))  # noqa: B023
                )
                print(
                    f"run {attempt + 1}: bare {rate(bare_runs[-1]):6.1f} pages/s, "
                    f"eis-search {rate(spider_runs[-1]):6.1f} pages/s",
                    flush=True,
                )
    bare = median_run(bare_runs)
    spider = median_run(spider_runs)
    print(f"pages generated             {len(paths)} ({args.notices} notices); medians of {args.repeat} runs")
    print(
        f"bare Scrapy spider          {bare['pages']:6.0f} pages {bare['seconds']:7.2f} s {rate(bare):7.1f} pages/s"
        f"  CPU {bare['cpu']:6.2f} s"
    )
    print(
        f"eis-search (parse + store)  {spider['pages']:6.0f} pages {spider['seconds']:7.2f} s {rate(spider):7.1f} "
        f"pages/s  CPU {spider['cpu']:6.2f} s  notices stored {spider['items']}  run {spider['status']}"
        f"  AutoThrottle {'on (as users run it)' if args.autothrottle else 'OFF (--no-autothrottle)'}"
    )
    print(
        f"ratio eis-search / bare     {rate(spider) / rate(bare):.2f}  (target >= 0.70); "
        f"CPU per page ratio {(spider['cpu'] / spider['pages']) / (bare['cpu'] / bare['pages']):.2f}"
    )


def rate(run: dict[str, Any]) -> float:
    return run["pages"] / run["seconds"]


def median_run(runs: list[dict[str, Any]]) -> dict[str, Any]:
    return sorted(runs, key=rate)[len(runs) // 2]


def timed_child(work) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    """Run a crawl subprocess and add the CPU seconds it used (user + system)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    result = work()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {**result, "cpu": (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)}


if __name__ == "__main__":
    main()
