"""Scrapy settings of every Tenderflow spider (``scrapy crawl`` and ``tenderflow crawl`` alike).

Tenderflow's own settings:
- ``TENDERFLOW_DB``: database URL (else the ``TENDERFLOW_DB`` environment variable, else ``tenderflow.db``).
- ``TENDERFLOW_STORE_BATCH`` / ``TENDERFLOW_STORE_FLUSH_SECONDS``: how often the store pipeline writes.
- ``TENDERFLOW_PARSE_WORKERS``: processes that parse EIS archives (of 64 documents or more) in parallel;
  default one per core, 0 parses in the crawler process (``crawlers.parse_pool``).
- ``RETRY_BACKOFF_BASE`` / ``RETRY_BACKOFF_MAX``: seconds of exponential backoff between retries (a server's
  ``Retry-After`` wins when present).
- ``TENDERFLOW_REDIS_URL``: when set, crawls share a scrapy-redis scheduler and dupefilter (scale-out).
"""

from __future__ import annotations

import os

from scrapy.settings import default_settings

BOT_NAME = "tenderflow"
SPIDER_MODULES = ["crawlers.spiders", "crawlers.documents.spider"]
SPIDER_LOADER_CLASS = "crawlers.spiders.SpiderRegistry"  # the spiders of SPIDER_MODULES by name, imported on use
NEWSPIDER_MODULE = "crawlers.spiders"
USER_AGENT = "Tenderflow/0.1 (tender monitoring of public procurement notices)"

# Etiquette: obey robots.txt, adapt to the server's latency, and keep per-site concurrency modest.
ROBOTSTXT_OBEY = True
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 8
# Items per response processed in parallel: Scrapy's default of 100 spawns 100 asyncio tasks per response and
# cost a third of the CPU in the eis-search benchmark; 8 keeps the pipeline busy without that overhead.
CONCURRENT_ITEMS = 8
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 0.25
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 4.0
DOWNLOAD_TIMEOUT = 90
DOWNLOAD_MAXSIZE = 1024 * 1024 * 1024  # EIS document-service archives can be large
# Scrapy's HTTP(S) handler is built on the first web request, not at every crawl's start (a local crawl makes
# none); downloads go through Scrapy's own handler all the same (crawlers/download_handlers.py).
DOWNLOAD_HANDLERS = {
    "http": "crawlers.download_handlers.LazyHTTPDownloadHandler",
    "https": "crawlers.download_handlers.LazyHTTPDownloadHandler",
}
DOWNLOAD_WARNSIZE = 256 * 1024 * 1024

RETRY_ENABLED = True
RETRY_TIMES = 6
RETRY_HTTP_CODES = [429, 500, 502, 503, 504, 522, 524, 408]
RETRY_BACKOFF_BASE = float(os.environ.get("TENDERFLOW_RETRY_BACKOFF_BASE", "1.0"))
RETRY_BACKOFF_MAX = 120.0

DOWNLOADER_MIDDLEWARES = {
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "crawlers.middlewares.BackoffRetryMiddleware": 550,
}
# Scrapy's cookies middleware is built on the first request, at its place (its module loads tldextract and
# requests). It is replaced in the base list, not set to None above: Scrapy imports every class named there.
_COOKIES = "scrapy.downloadermiddlewares.cookies.CookiesMiddleware"
DOWNLOADER_MIDDLEWARES_BASE = {
    ("crawlers.middlewares.LazyCookiesMiddleware" if path == _COOKIES else path): order
    for path, order in default_settings.DOWNLOADER_MIDDLEWARES_BASE.items()
}
ITEM_PIPELINES = {
    "crawlers.pipelines.ValidatePipeline": 100,
    "crawlers.pipelines.StorePipeline": 800,
}
EXTENSIONS = {
    "crawlers.extensions.StoreSchema": 100,
    "crawlers.extensions.CrawlHealth": 500,
    "crawlers.extensions.ProgressLine": 510,
}
# Scrapy's consoles into a running crawler (a telnet port, and an HTTP server that runs Python code sent to it)
# are debugging aids no Tenderflow user needs, each a listening port: off. They are left out of the base list,
# not set to None in EXTENSIONS, because Scrapy imports every class named there (aiohttp, twisted.conch: ~0.2 s
# of every crawl's start).
_CONSOLES = ("scrapy.extensions.telnet.TelnetConsole", "scrapy.extensions.remote_control.RemoteControl")
EXTENSIONS_BASE = {path: order for path, order in default_settings.EXTENSIONS_BASE.items() if path not in _CONSOLES}
TELNETCONSOLE_ENABLED = False
REMOTE_CONTROL_ENABLED = False

# Development: `TENDERFLOW_HTTPCACHE=1` replays responses from .scrapy/httpcache instead of re-fetching.
HTTPCACHE_ENABLED = os.environ.get("TENDERFLOW_HTTPCACHE") == "1"
HTTPCACHE_EXPIRATION_SECS = 24 * 3600
HTTPCACHE_IGNORE_HTTP_CODES = [429, 500, 502, 503, 504]

TWISTED_REACTOR = "twisted.internet.asyncioreactor.AsyncioSelectorReactor"
FEED_EXPORT_ENCODING = "utf-8"
LOG_LEVEL = "INFO"

TENDERFLOW_DB = os.environ.get("TENDERFLOW_DB")
TENDERFLOW_SCHEMA_READY = False
"""True when the caller already migrated the store (``tenderflow`` commands do at start); else the
``StoreSchema`` extension migrates once when the crawler is built."""
TENDERFLOW_STORE_BATCH = 200
TENDERFLOW_STORE_FLUSH_SECONDS = 2.0
TENDERFLOW_PARSE_WORKERS = os.environ.get("TENDERFLOW_PARSE_WORKERS")

# Scale-out: `TENDERFLOW_REDIS_URL=redis://host:6379/0` puts every crawler process on one shared scheduler
# queue and dupefilter in Redis (scrapy-redis), so N processes on N machines share one crawl; see
# crawlers/scaleout.py. `TENDERFLOW_CRAWL_ID` names the shared crawl (default: today's UTC date).
TENDERFLOW_REDIS_URL = os.environ.get("TENDERFLOW_REDIS_URL")
if TENDERFLOW_REDIS_URL:
    from crawlers.scaleout import crawl_id, redis_settings

    globals().update(redis_settings(TENDERFLOW_REDIS_URL, crawl_id(os.environ.get("TENDERFLOW_CRAWL_ID"))))
    EXTENSIONS["crawlers.scaleout.SharedCrawl"] = 520
    TENDERFLOW_IDLE_GRACE = float(os.environ.get("TENDERFLOW_IDLE_GRACE", "10"))
