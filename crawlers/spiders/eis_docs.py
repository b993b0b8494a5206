"""eis-docs: the EIS document service ``getDocsIP`` (SOAP, personal token) that replaced the FTP dumps in 2025.

For every day of the crawl window, region and document type, a ``getDocsByOrgRegionRequest`` is posted to
``https://int44.zakupki.gov.ru/eis-integration/services/getDocsIP`` (namespace
``http://zakupki.gov.ru/fz44/get-docs-ip/ws``; token in the SOAP header ``individualPerson_token``). The
answer names archives (``dataInfo/archiveUrl``), or says ``noData``, or carries ``errorInfo``; archives are
downloaded with the token in the ``individualPerson_token`` HTTP header and go through the eis-xml parsers
(zip safety, document-kind dispatch, per-document errors) exactly like the dumps.

The token comes from ``TENDERFLOW_EIS_TOKEN`` and is never logged (nor kept in request metadata).
Arguments: ``-a regions=77,50``, ``-a types=epNotificationEF2020,...``, ``-a subsystem=PRIZ``,
``-a since=YYYY-MM-DD``, ``-a base_url=`` (a local server speaking the same SOAP).
"""

from __future__ import annotations

import gzip
import io
import os
import uuid
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, date, datetime, timedelta
from typing import Any
from urllib.parse import urlsplit, urlunsplit
from xml.sax.saxutils import escape

import scrapy
from scrapy.http import Response

from crawlers.archives import is_zip
from crawlers.items import NoticeItem
from crawlers.parsers.xmlsafe import ParseError, children, localname, parse_xml
from crawlers.spiders.base import WindowedSpider
from crawlers.spiders.eis_xml import EisXmlSpider

SERVICE_PATH = "/eis-integration/services/getDocsIP"
WS_NS = "http://zakupki.gov.ru/fz44/get-docs-ip/ws"
TOKEN_ENV = "TENDERFLOW_EIS_TOKEN"
NOTICE_TYPES_44 = ["epNotificationEF2020", "epNotificationEOK2020", "epNotificationEZK2020", "epNotificationEZT2020"]
MAX_GUNZIP = 512 * 1024 * 1024


def soap_request(
    token: str,
    region: str,
    subsystem: str,
    document_type: str,
    day: date,
    request_id: str | None = None,
    now: datetime | None = None,
) -> str:
    """A ``getDocsByOrgRegionRequest`` envelope (element order matters to the service's schema)."""
    type_element = "documentType223" if subsystem.endswith("223") else "documentType44"
    created = (now or datetime.now(UTC)).strftime("%Y-%m-%dT%H:%M:%S")
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        f'<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:ws="{WS_NS}">'
        f"<soapenv:Header><individualPerson_token>{escape(token)}</individualPerson_token></soapenv:Header>"
        "<soapenv:Body><ws:getDocsByOrgRegionRequest>"
        f"<index><id>{request_id or uuid.uuid4()}</id><createDateTime>{created}</createDateTime>"
        "<mode>PROD</mode></index>"
        f"<selectionParams><orgRegion>{escape(region)}</orgRegion><subsystemType>{escape(subsystem)}</subsystemType>"
        f"<{type_element}>{escape(document_type)}</{type_element}>"
        f"<periodInfo><exactDate>{day.isoformat()}</exactDate></periodInfo></selectionParams>"
        "</ws:getDocsByOrgRegionRequest></soapenv:Body></soapenv:Envelope>"
    )


def archive_urls(data: bytes, source: str) -> list[str]:
    """``archiveUrl`` values of a response; ``[]`` for ``noData``; a SOAP fault or ``errorInfo`` raises."""
    root = parse_xml(data, source)
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        name = localname(element)
        if name == "Fault":
            text = " ".join(t.strip() for t in element.itertext() if t.strip())
            raise ParseError(source, f"SOAP Fault: {text[:300]}")
        if name == "errorInfo":
            code = next(children(element, "code"), None)
            message = next(children(element, "message"), None)
            raise ParseError(
                source,
                f"ошибка сервиса: {code.text if code is not None else '?'} "
                f"{message.text if message is not None else ''}".strip(),
            )
    return [el.text.strip() for el in root.iter("{*}archiveUrl") if el.text and el.text.strip()]


def days(start: datetime, end: datetime) -> list[date]:
    first, last = start.date(), end.date()
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]


class EisDocsSpider(EisXmlSpider, WindowedSpider):
    """Reuses eis-xml's archive and document handling; only the discovery (SOAP) differs."""

    name = "eis-docs"
    source = "eis44"
    default_base_url = "https://int44.zakupki.gov.ru"
    first_days = 1
    custom_settings = {"CONCURRENT_ITEMS": 8}
    """Scrapy processes a callback's output with CONCURRENT_ITEMS (default 100) asyncio tasks per response; these
    callbacks yield a handful of requests/items each, so 100 tasks per page cost a third of the crawl's CPU
    (measured with ``benchmarks/crawl.py``)."""

    def __init__(
        self,
        *args: Any,
        regions: str = "77",
        types: str | None = None,
        subsystem: str = "PRIZ",
        since: str | None = None,
        **kwargs: Any,
    ) -> None:
        WindowedSpider.__init__(self, *args, since=since, **kwargs)
        self.regions = [r.strip().zfill(2) for r in regions.split(",") if r.strip()]
        self.types = [t.strip() for t in (types or ",".join(NOTICE_TYPES_44)).split(",") if t.strip()]
        self.subsystem = subsystem
        self._token = os.environ.get(TOKEN_ENV, "").strip()
        if not self._token:
            raise ValueError(f"eis-docs: нужен токен сервиса getDocsIP в переменной окружения {TOKEN_ENV}")

    def local(self, url: str) -> str:
        parts, base = urlsplit(url), urlsplit(self.base_url)
        if self.base_url != self.default_base_url and parts.netloc.endswith("zakupki.gov.ru"):
            return urlunsplit((base.scheme, base.netloc, parts.path, parts.query, ""))
        return url

    async def start(self) -> AsyncIterator[scrapy.Request]:
        for region in self.regions:
            key = f"{self.subsystem}:{region}:" + ",".join(self.types)
            for window in self.open_windows(key):
                for day in days(window.start, window.end):
                    for document_type in self.types:
                        body = soap_request(self._token, region, self.subsystem, document_type, day)
                        yield scrapy.Request(
                            f"{self.base_url}{SERVICE_PATH}",
                            method="POST",
                            body=body.encode("utf-8"),
                            headers={"Content-Type": "text/xml; charset=utf-8", "SOAPAction": ""},
                            callback=self.parse_discovery,
                            errback=self.failed,
                            dont_filter=True,
                            meta={"window": window.id, "what": f"{region}/{document_type}/{day}"},
                        )

    def parse_discovery(self, response: Response) -> Iterator[scrapy.Request]:
        what = response.meta["what"]
        self.document_seen()
        try:
            urls = archive_urls(response.body, f"getDocsIP {what}")
        except ParseError as error:
            self.document_error(str(error))
            self.window_failed(response.meta["window"])
            return
        if not urls:
            self.logger.info("getDocsIP %s: документов нет", what)
        for url in urls:
            yield scrapy.Request(
                self.local(url),
                headers={"individualPerson_token": self._token},
                callback=self.parse_archive,
                errback=self.failed,
                meta={"window": response.meta["window"]},
            )

    async def parse_archive(self, response: Response) -> AsyncIterator[NoticeItem]:
        body = response.body
        if body[:2] == b"\x1f\x8b":  # some archives come gzip-wrapped
            try:
                body = gzip.GzipFile(fileobj=io.BytesIO(body)).read(MAX_GUNZIP + 1)
            except (OSError, EOFError) as error:
                self.document_seen()
                self.document_error(f"{response.url}: повреждённый gzip: {error}")
                return
            if len(body) > MAX_GUNZIP:
                self.document_seen()
                self.document_error(f"{response.url}: архив больше {MAX_GUNZIP} байт после распаковки")
                return
        documents = self.archive_documents(body, response.url) if is_zip(body) else [(response.url, body)]
        async for item in self.notices(documents):
            yield item

