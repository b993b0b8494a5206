"""End to end on real crawls: the eis-xml spider stores an EIS notice (44-FZ export format, attachmentsInfo with
filestore links) from a local server, then the attachments spider fetches the documents worth reading from the
same server. Both crawls run twice: the second stores nothing new and downloads nothing again."""

from __future__ import annotations

import io
import re
import subprocess
import sys
import zipfile
from pathlib import Path

from store.attachments import AttachmentRepository
from store.db import init_db, session_scope
from store.notices import NoticeRepository
from testing.eis_generator import generate_notices
from testing.httpserver import LocalServer, Request, Response
from tests.documents.builders import SWITCH_SPEC, docx_bytes

PROJECT_ROOT = Path(__file__).resolve().parents[2]


def run(db_url: str, log: Path, *command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *command],
        cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=240,
        env={"PATH": "/usr/bin:/bin", "TENDERFLOW_LOG": str(log), "TENDERFLOW_RETRY_BACKOFF_BASE": "0.01"},
    )  # fmt: skip


def test_notice_then_its_attachments_on_real_crawls(tmp_path, db_url):
    ((name, xml),) = list(generate_notices(1, seed=5, amendment_share=0))
    uids = re.findall(rb"file\.html\?uid=(\w+)", xml)
    # ОЗ, проект контракта, обоснование НМЦК, требования к заявке, инструкция по заполнению заявки
    assert len(uids) == 5
    files = {uids[0].decode(): docx_bytes(SWITCH_SPEC), uids[1].decode(): docx_bytes(SWITCH_SPEC[1:])}
    archive = io.BytesIO()

    def handler(request: Request) -> Response | None:
        if request.path == "/export/notices.zip":
            return Response(200, archive.getvalue(), {"Content-Type": "application/zip"})
        uid = request.query.removeprefix("uid=")
        if request.path.endswith("/download/priz/file.html") and uid in files:
            return Response(200, files[uid], {"Content-Disposition": "attachment"})
        return None

    with LocalServer(handler) as server:
        local = xml.replace(b"https://zakupki.gov.ru", server.base_url.encode())
        with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as target:
            target.writestr(name, local)
        notices = [
            "-m",
            "tenderflow.cli",
            "--db",
            db_url,
            "crawl",
            "eis-xml",
            "--path",
            server.url("/export/notices.zip"),
        ]
        attachments = ["-m", "crawlers.documents", "--db", db_url, "--set", "AUTOTHROTTLE_ENABLED=False"]
        for attempt in (1, 2):
            first = run(db_url, tmp_path / f"notices{attempt}.log", *notices)
            assert first.returncode == 0, first.stderr[-2000:]
            second = run(db_url, tmp_path / f"attachments{attempt}.log", *attachments)
            assert second.returncode == 0, second.stderr[-2000:]
            assert f"'attachments_queued': {2 if attempt == 1 else 0}" in second.stdout, second.stdout
            fetched = {path.rsplit("uid=", 1)[1]: n for path, n in server.hits.items() if "uid=" in path}
            # The ОЗ and the draft contract, each once; the price justification and bid rules never.
            assert fetched == {uids[0].decode(): 1, uids[1].decode(): 1}

    engine = init_db(db_url)
    with session_scope(engine) as session:
        (record,) = list(NoticeRepository(session).iter_current())
        rows = AttachmentRepository(session).for_notice(record.source, record.number)
        reasons = [(row.name, row.reason) for row in rows]
        assert [(row.name, row.status, row.notice_seq) for row in rows] == [
            ("Описание объекта закупки.docx", "ok", 1),
            ("Проект контракта.docx", "ok", 1),
        ], reasons
        requirements = AttachmentRepository(session).requirements(rows[0].notice_id)
        products = {entry["block"]["product"] for entry in requirements}
        assert products >= {product for product, _ in SWITCH_SPEC}
        assert requirements[0]["origin_label"] == "Описание объекта закупки.docx, таблица 1, строка 2"
