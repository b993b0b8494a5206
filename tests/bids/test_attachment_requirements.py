"""A bid for a notice whose requirements exist only in its attached ТЗ: the compliance table checks them and
names the file, table and row each came from."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from sqlalchemy import Engine, select

from bids.inputs import assemble_from_store
from crawlers.documents.reading import read_attachment
from matching.pipeline import run_matching
from store.attachments import AttachmentRepository, Outcome, PendingDownload
from store.catalogue import CatalogueRepository
from store.db import init_db, session_scope
from store.models import Notice
from store.notices import NoticeRepository
from store.schema import Document, Item, NoticeRecord, Product
from tests.documents.builders import SWITCH_SPEC, docx_bytes
from tests.documents.test_compliance_from_docx import CATALOGUE

TZ_URL = "https://zakupki.gov.ru/44fz/filestore/public/1.0/download/priz/file.html?uid=TZ1"


def store_with_tz_and_match(engine: Engine, notice: NoticeRecord, products: list[Product]) -> None:
    """Store the notice with its ТЗ (the first SWITCH_SPEC row) read as an attachment, the products, and match."""
    read = read_attachment("Техническое задание.docx", docx_bytes(SWITCH_SPEC[:1]))
    with session_scope(engine) as session:
        NoticeRepository(session).upsert(notice)
        row = session.scalars(select(Notice)).one()
        download = PendingDownload(row.id, row.seq, row.source, row.number, TZ_URL, "Техническое задание.docx", "ТЗ")
        AttachmentRepository(session).save(download, Outcome("ok", requirements=read.requirements), data=b"docx")
        CatalogueRepository(session).import_products(products)
    run_matching(engine)


def test_compliance_table_checks_and_sources_attachment_requirements(db_url: str, tmp_path: Path) -> None:
    engine = init_db(db_url)
    notice = NoticeRecord(
        source="eis44", number="0373100000126000003", law="44-FZ", title="Поставка коммутаторов",
        procedure="Электронный аукцион", procedure_code="EAP20", nmck="400000.00", currency="RUB",
        published_at="2026-11-20T10:00:00+03:00", deadline_at="2026-12-01T09:00:00+03:00",
        documents=[Document(name="Техническое задание.docx", url=TZ_URL, kind="Описание объекта закупки")],
        items=[Item(index=1, name="Коммутатор управляемый", okpd2="26.30.11.110", quantity="4", unit="Штука")],
    )
    store_with_tz_and_match(engine, notice, CATALOGUE)
    with session_scope(engine) as session:
        folder, _ = assemble_from_store(session, notice.number, tmp_path)

    sheet = openpyxl.load_workbook(next(folder.glob("*.xlsx"))).active
    rows = list(sheet.iter_rows(values_only=True))
    header = next(r for r in rows if r and "Источник требования" in r)
    column = {name: header.index(name) for name in ("Характеристика", "Соответствие", "Источник требования")}
    table = {r[column["Характеристика"]]: r for r in rows[rows.index(header) + 1 :] if r[column["Характеристика"]]}
    poe = table["Бюджет PoE"]
    assert poe[column["Источник требования"]] == "Техническое задание.docx, таблица 1, строка 3"
    assert poe[column["Соответствие"]]  # decided for the offered switch, not left out
    assert len(table) >= 4


def test_digest_names_the_file_an_undecided_requirement_comes_from(db_url: str, tmp_path: Path) -> None:
    from digest.publish import publish_digest

    # Meets every requirement of the ТЗ, but its card says nothing of SNMP: that one stays undecided.
    near_miss = CATALOGUE[0].model_copy(
        update={"specs": [spec for spec in CATALOGUE[0].specs if "SNMP" not in spec.name]}
    )
    engine = init_db(db_url)
    notice = NoticeRecord(
        source="eis44", number="0373100000126000004", law="44-FZ", title="Поставка коммутаторов",
        nmck="400000.00", currency="RUB", published_at="2026-11-20T10:00:00+03:00",
        deadline_at="2030-12-01T09:00:00+03:00",
        documents=[Document(name="Техническое задание.docx", url=TZ_URL, kind="Описание объекта закупки")],
        items=[Item(index=1, name="Коммутатор управляемый", okpd2="26.30.11.110", quantity="4", unit="Штука")],
    )
    store_with_tz_and_match(engine, notice, [near_miss])
    html = publish_digest(engine, tmp_path / "d.html").html
    assert "Поддержка протокола SNMP" in html
    assert "(из документа: Техническое задание.docx, таблица 1, строка" in html
