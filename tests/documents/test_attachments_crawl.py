"""A real Scrapy crawl of the attachments spider against a local server serving a notice's documents: the
documents worth reading are stored once with their requirements, bad ones are recorded with a reason, and a
re-crawl downloads nothing again."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from matching.attachments import merge_attachment_requirements
from store.attachments import AttachmentRepository
from store.db import init_db, session_scope
from store.models import RawDocument
from store.notices import NoticeRepository
from store.schema import Document, Item, NoticeRecord
from testing.httpserver import LocalServer, Request, Response
from tests.documents.builders import SWITCH_SPEC, docx_bytes, pdf_bytes, xlsx_bytes, zip_bytes

PROJECT_ROOT = Path(__file__).resolve().parents[2]
FILESTORE = "/44fz/filestore/public/1.0/download/priz/file.html"
MAX_BYTES = 512 * 1024


def crawl(db_url: str, log: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    """The spider in its own process (a Twisted reactor cannot be restarted in one process)."""
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "crawlers.documents",
            "--db",
            db_url,
            "--set",
            f"TENDERFLOW_ATTACHMENT_MAXSIZE={MAX_BYTES}",
            "--set",
            "AUTOTHROTTLE_ENABLED=False",
            "--set",
            "RETRY_TIMES=1",
            "--set",
            f"LOG_FILE={log}",
            *extra,
        ],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=240,
        env={"PATH": "/usr/bin:/bin", "TENDERFLOW_RETRY_BACKOFF_BASE": "0.01"},
    )


@pytest.fixture
def site():
    spec = docx_bytes(SWITCH_SPEC)
    files = {
        "tz": spec,
        "contract": spec,  # the same bytes under another URL: read once
        "spec": xlsx_bytes(SWITCH_SPEC),
        "package": zip_bytes({"ТЗ/Описание объекта закупки.docx": spec, "скан.jpg": b"\xff\xd8\xff\xe0" + b"\0" * 64}),
        "nmck": xlsx_bytes(SWITCH_SPEC),  # not worth reading by default
        "huge": b"%PDF-1.4\n" + b"0" * (MAX_BYTES + 1024),
        "locked": b"",
    }

    def handler(request: Request) -> Response | None:
        if request.path != FILESTORE:
            return None
        uid = request.query.removeprefix("uid=")
        if uid == "locked":
            return Response(200, pdf_bytes(SWITCH_SPEC, user="secret"), {"Content-Type": "application/pdf"})
        if uid in files:
            return Response(200, files[uid], {"Content-Type": "application/octet-stream"})
        return Response(404, b"no such file")

    with LocalServer(handler) as server:
        yield server


def notice(server: LocalServer) -> NoticeRecord:
    def doc(name: str, uid: str) -> Document:
        return Document(name=name, url=f"{server.url(FILESTORE)}?uid={uid}", kind=None)

    return NoticeRecord(
        source="eis44",
        number="0373100000126000001",
        title="Поставка сетевого оборудования и ИБП",
        items=[
            Item(index=1, name="Коммутатор управляемый", okpd2="26.30.11.110", quantity="3"),
            Item(index=2, name="Источник бесперебойного питания", okpd2="27.90.11.000", quantity="2"),
        ],
        documents=[
            doc("Техническое задание.docx", "tz"),
            doc("Проект контракта.docx", "contract"),
            doc("Спецификация.xlsx", "spec"),
            doc("Документация о закупке.zip", "package"),
            doc("Обоснование НМЦК.xlsx", "nmck"),
            doc("Описание объекта закупки (большой файл).pdf", "huge"),
            doc("Описание объекта закупки (зашифровано).pdf", "locked"),
            doc("Техническое задание, часть 2.docx", "missing"),
        ],
    )


def test_crawl_stores_documents_once_with_requirements_and_recrawl_downloads_nothing(tmp_path, db_url, site, pdf_font):
    engine = init_db(db_url)
    record = notice(site)
    with session_scope(engine) as session:
        NoticeRepository(session).upsert(record)

    first = crawl(db_url, tmp_path / "crawl1.log")
    assert first.returncode == 0, first.stderr[-3000:]
    hits = dict(site.hits)
    fetched = {path.split("uid=")[1]: count for path, count in hits.items() if "uid=" in path}
    assert fetched.get("nmck") is None  # not a document worth reading by default
    assert {uid: fetched.get(uid) for uid in ("tz", "contract", "spec", "package", "locked")} == dict.fromkeys(
        ("tz", "contract", "spec", "package", "locked"), 1
    )

    with session_scope(engine) as session:
        rows = {row.name: row for row in AttachmentRepository(session).for_notice("eis44", record.number)}
        assert set(rows) == {
            "Техническое задание.docx",
            "Проект контракта.docx",
            "Спецификация.xlsx",
            "Документация о закупке.zip",
            "Описание объекта закупки (большой файл).pdf",
            "Описание объекта закупки (зашифровано).pdf",
            "Техническое задание, часть 2.docx",
        }
        tz = rows["Техническое задание.docx"]
        assert (tz.status, tz.notice_seq, tz.size) == ("ok", 1, len(docx_bytes(SWITCH_SPEC)))
        products = [entry["block"]["product"] for entry in tz.requirements]
        assert sorted(set(products), key=products.index) == [p for p, _ in SWITCH_SPEC] + [None]
        assert len(tz.requirements) == 8
        assert "не менее 24" in tz.text
        contract = rows["Проект контракта.docx"]
        assert contract.sha256 == tz.sha256 and contract.raw_document_id == tz.raw_document_id
        package = rows["Документация о закупке.zip"]
        assert package.status == "ok" and "скан.jpg" in package.reason
        assert rows["Описание объекта закупки (большой файл).pdf"].status == "refused"
        locked = rows["Описание объекта закупки (зашифровано).pdf"]
        assert (locked.status, locked.media_type) == ("unreadable", "application/pdf")
        assert "паролем" in locked.reason
        assert rows["Техническое задание, часть 2.docx"].status == "failed"
        assert "404" in rows["Техническое задание, часть 2.docx"].reason
        raw_count = session.scalar(select(func.count()).select_from(RawDocument))
        notice_id = tz.notice_id
        requirements = AttachmentRepository(session).requirements(notice_id)

    # The requirements reach the notice's lines through matching.
    merged = merge_attachment_requirements(record, requirements)
    switch, ups = merged.record.items
    assert {c.name for c in switch.characteristics} >= {"Количество портов 1 Гбит/с", "Бюджет PoE"}
    assert {c.name for c in ups.characteristics} >= {"Выходная мощность", "Форм-фактор"}
    assert merged.conflicts == []

    second = crawl(db_url, tmp_path / "crawl2.log")
    assert second.returncode == 0, second.stderr[-3000:]
    refetched = {path.split("uid=")[1]: count for path, count in site.hits.items() if "uid=" in path}
    # Only the failed download is tried again; everything read (or refused) is final.
    assert {uid: refetched[uid] - fetched.get(uid, 0) for uid in refetched} == {
        uid: (1 if uid == "missing" else 0) for uid in refetched
    }
    with session_scope(engine) as session:
        assert session.scalar(select(func.count()).select_from(RawDocument)) == raw_count
