"""Tenderflow's spiders by name, and the spider loader Scrapy uses to find them (``SPIDER_LOADER_CLASS``).

Scrapy's own loader imports every module of ``SPIDER_MODULES`` to learn the spiders' names: every crawl loaded
every spider with its parsers (and Playwright's page module). :class:`SpiderRegistry` reads the names from
:data:`SPIDERS` and imports only the spider a crawl runs. A new spider is added here too
(``tests/crawlers/test_spider_registry.py`` compares this table with what Scrapy's loader finds).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from scrapy import Request, Spider

SPIDERS: dict[str, str] = {
    "attachments": "crawlers.documents.spider.AttachmentsSpider",
    "eis-docs": "crawlers.spiders.eis_docs.EisDocsSpider",
    "eis-search": "crawlers.spiders.eis_search.EisSearchSpider",
    "eis-xml": "crawlers.spiders.eis_xml.EisXmlSpider",
    "etp-js": "crawlers.spiders.etp_js.EtpJsSpider",
    "ocds": "crawlers.spiders.ocds.OcdsSpider",
    "ted": "crawlers.spiders.ted.TedSpider",
}


class SpiderRegistry:
    """Scrapy's ``SpiderLoaderProtocol`` over :data:`SPIDERS`."""

    @classmethod
    def from_settings(cls, settings: Any) -> SpiderRegistry:
        return cls()

    def load(self, spider_name: str) -> type[Spider]:
        if spider_name not in SPIDERS:
            raise KeyError(f"Spider not found: {spider_name}")
        from scrapy.utils.misc import load_object

        return load_object(SPIDERS[spider_name])

    def list(self) -> list[str]:
        return list(SPIDERS)

    def find_by_request(self, request: Request) -> list[str]:
        return [name for name in SPIDERS if self.load(name).handles_request(request)]
