"""``python -m crawlers.documents --db URL [--source S] [--numbers N1,N2] [--all-kinds]``: run the attachments
spider with the project's settings (until the spider is registered for ``scrapy crawl`` / ``tenderflow crawl``)."""

from __future__ import annotations

import argparse
import sys

from scrapy.crawler import CrawlerProcess

from crawlers.documents.spider import AttachmentsSpider
from crawlers.runner import crawl_settings
from store.db import database_url


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m crawlers.documents", description="Загрузка документации")
    parser.add_argument("--db", default=None)
    parser.add_argument("--source", default=None)
    parser.add_argument("--numbers", default=None)
    parser.add_argument("--all-kinds", action="store_true")
    parser.add_argument("--set", action="append", default=[], metavar="NAME=VALUE", help="a Scrapy setting")
    args = parser.parse_args(argv)
    overrides = dict(item.split("=", 1) for item in args.set)
    process = CrawlerProcess(crawl_settings(database_url(args.db), overrides), install_root_handler=False)
    crawler = process.create_crawler(AttachmentsSpider)
    process.crawl(crawler, source=args.source, numbers=args.numbers, all_kinds=args.all_kinds)
    process.start()
    stats = crawler.stats.get_stats()
    print(
        "attachments:",
        {key.split("/", 1)[1]: value for key, value in stats.items() if key.startswith("tenderflow/attachment")},
    )
    return 0 if stats.get("finish_reason") == "finished" else 1


if __name__ == "__main__":
    sys.exit(main())
