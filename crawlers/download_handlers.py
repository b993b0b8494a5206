"""Scrapy's HTTP(S) download handler, loaded on a crawl's first web request instead of when the engine starts.

Scrapy builds its HTTP/1.1 handler eagerly (``lazy = False``), and importing it costs ~0.1 s of every crawl's
start: its TLS modules, and Scrapy's deprecation shims there, which walk the call stack with ``inspect``. A crawl
of local files (``tenderflow crawl eis-xml --path``) never makes a web request, so it should not pay for it.
:class:`LazyHTTPDownloadHandler` stands in the ``http``/``https`` slots of ``DOWNLOAD_HANDLERS``: Scrapy loads a
lazy handler on the first request of its scheme, and this one then builds Scrapy's own handler, which does every
download exactly as before.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

HTTP_HANDLER = "scrapy.core.downloader.handlers.http11.HTTP11DownloadHandler"
"""Scrapy's default for ``http`` and ``https`` (``DOWNLOAD_HANDLERS_BASE``)."""


class LazyHTTPDownloadHandler:
    lazy = True

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Any:
        """Scrapy's HTTP handler itself (this class is never instantiated)."""
        from scrapy.utils.misc import build_from_crawler, load_object

        return build_from_crawler(load_object(HTTP_HANDLER), crawler)
