"""Local imitations of the tender platforms, speaking each one's URL scheme and protocol.

The offline demo serves them (``demo.servers``) and the spider tests crawl them: EIS extended search
(RSS, results pages, notice and documents pages), an OCDS publisher, the TED Search API v3 with eForms
notices, the EIS document service ``getDocsIP`` (SOAP, token-checked) and a JavaScript platform's shell.
Their data is the project's own, in the platforms' real formats, under ``demo/sites/``.
"""

from __future__ import annotations

import json
import re
import uuid
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

from testing.httpserver import Handler, Request, Response, static_files

SITES = Path(__file__).resolve().parent.parent / "demo" / "sites"
HTML = {"Content-Type": "text/html; charset=utf-8"}


def query(request: Request) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(request.query).items()}


def file_response(path: Path, content_type: str) -> Response:
    if not path.is_file():
        return Response(404, b"not found")
    return Response(200, path.read_bytes(), {"Content-Type": content_type})


def eis_search_site(root: Path) -> Handler:
    """``/epz/order/extendedsearch/{rss,results}.html`` and ``/epz/order/notice/<type>/view/*.html``."""

    def handle(request: Request) -> Response | None:
        params = query(request)
        if request.path == "/epz/order/extendedsearch/rss.html":
            return file_response(root / "rss.xml", "application/rss+xml; charset=utf-8")
        if request.path == "/epz/order/extendedsearch/results.html":
            page = root / f"results_{params.get('pageNumber', '1')}.html"
            return file_response(page, HTML["Content-Type"])
        match = re.fullmatch(r"/epz/order/notice/\w+/view/(common-info|documents)\.html", request.path)
        if match:
            kind = "notice" if match.group(1) == "common-info" else "documents"
            return file_response(root / f"{kind}_{params.get('regNumber', '')}.html", HTML["Content-Type"])
        return None

    return handle


def ocds_site(root: Path) -> Handler:
    """``/api/releases?page=N``: page 1 a release package (``links.next`` to page 2), page 2 a record package."""

    def handle(request: Request) -> Response | None:
        if request.path != "/api/releases":
            return None
        page = query(request).get("page", "1")
        name = {"1": "releases-1.json", "2": "records-2.json"}.get(page)
        return file_response(root / name, "application/json") if name else Response(404, b"")

    return handle


def ted_site(root: Path) -> Handler:
    """TED Search API v3 (``POST /v3/notices/search``, iteration tokens) and notice XML (``/en/notice/N/xml``)."""
    pages = {None: "search-1.json", "eyJwYWdlIjoyfQ": "search-2.json"}

    def handle(request: Request) -> Response | None:
        if request.path == "/v3/notices/search":
            if request.method != "POST":
                return Response(405, b"")
            try:
                body = json.loads(request.body)
            except ValueError:
                return Response(400, b'{"message": "body is not JSON"}')
            if (
                "classification-cpv IN" not in body.get("query", "")
                or "publication-number" not in body.get("fields", [])
                or body.get("paginationMode") != "ITERATION"
            ):
                return Response(400, b'{"message": "bad query"}')
            name = pages.get(body.get("iterationNextToken"))
            return file_response(root / name, "application/json") if name else Response(400, b"")
        match = re.fullmatch(r"/en/notice/([\d-]+)/xml", request.path)
        if match:
            return file_response(root / "notices" / f"{match.group(1)}.xml", "application/xml")
        return None

    return handle


SOAP_FAULT = (
    '<?xml version="1.0" encoding="UTF-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/">'
    "<soap:Body><soap:Fault><faultcode>soap:Client</faultcode><faultstring>{}</faultstring></soap:Fault>"
    "</soap:Body></soap:Envelope>"
)


SOAP_RESPONSE = (
    '<?xml version="1.0" encoding="UTF-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/">'
    '<soap:Body><ns2:getDocsByOrgRegionResponse xmlns:ns2="http://zakupki.gov.ru/fz44/get-docs-ip/ws">'
    "<index><id>{}</id><refId>{}</refId><createDateTime>2026-11-12T03:00:00</createDateTime><mode>PROD</mode>"
    "</index>{}</ns2:getDocsByOrgRegionResponse></soap:Body></soap:Envelope>"
)


def eis_docs_site(archives: dict[tuple[str, str], bytes], token: str, requests: list[dict] | None = None) -> Handler:
    """The getDocsIP SOAP service: token checked in the SOAP header, archives named per (region, type),
    ``noData`` when there are none, ``errorInfo`` for an unknown document type; archives need the token header."""
    from lxml import etree

    def text(root: Any, name: str) -> str | None:
        found = root.find(f".//{{*}}{name}")
        if found is None:
            found = root.find(f".//{name}")
        return found.text if found is not None else None

    def handle(request: Request) -> Response | None:
        if request.path == "/eis-integration/services/getDocsIP" and request.method == "POST":
            root = etree.fromstring(request.body, etree.XMLParser(resolve_entities=False, no_network=True))
            if text(root, "individualPerson_token") != token:
                return Response(
                    500,
                    SOAP_FAULT.format("Доступ запрещён: неверный токен").encode(),
                    {"Content-Type": "text/xml; charset=utf-8"},
                )
            region, kind, day = text(root, "orgRegion"), text(root, "documentType44"), text(root, "exactDate")
            if requests is not None:
                requests.append({"region": region, "type": kind, "date": day})
            request_id = text(root, "id")
            if kind and kind.endswith("BAD"):
                data = "<errorInfo><code>28</code><message>Ошибка валидации запроса</message></errorInfo>"
            elif (region, kind) in archives:
                data = (
                    f"<dataInfo><archiveUrl>https://int44.zakupki.gov.ru/eis-integration/services/getDocsIP/"
                    f"archive/{region}_{kind}.zip</archiveUrl></dataInfo>"
                )
            else:
                data = "<dataInfo><noData>true</noData></dataInfo>"
            body = SOAP_RESPONSE.format(uuid.uuid4(), request_id, data)
            return Response(200, body.encode(), {"Content-Type": "text/xml; charset=utf-8"})
        match = re.fullmatch(r"/eis-integration/services/getDocsIP/archive/(\d+)_(\w+)\.zip", request.path)
        if match:
            headers = {k.lower(): v for k, v in request.headers.items()}
            if headers.get("individualperson_token") != token:
                return Response(403, b"forbidden")
            data = archives.get((match.group(1), match.group(2)))
            return Response(200, data, {"Content-Type": "application/zip"}) if data else Response(404, b"")
        return None

    return handle


def etp_js_site(root: Path) -> Handler:
    """The SPA: ``/purchase/list`` and ``/need/<id>`` answer the empty shell; scripts and JSON are static."""
    files = static_files(root)

    def handle(request: Request) -> Response | None:
        if request.path == "/purchase/list" or re.fullmatch(r"/need/\d+", request.path):
            return file_response(root / "shell.html", HTML["Content-Type"])
        return files(request)

    return handle
