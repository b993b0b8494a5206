"""The attachments repository on SQLite and PostgreSQL: the download queue, final vs retried rows, dedup by
URL and sha256, rows tied to the notice version that listed them, requirements read back for matching."""

from __future__ import annotations

from sqlalchemy import func, select

from crawlers.documents.reading import read_attachment
from crawlers.documents.selection import any_document, worth_reading
from matching.attachments import with_attachment_requirements
from store.attachments import AttachmentRepository, Outcome
from store.db import init_db, session_scope
from store.models import RawDocument
from store.notices import NoticeRepository
from store.schema import Document, Item, NoticeRecord
from tests.documents.builders import SWITCH_SPEC, docx_bytes


def _record(*documents: tuple[str, str], title: str = "Поставка коммутаторов") -> NoticeRecord:
    return NoticeRecord(
        source="eis44",
        number="0373100000126000002",
        title=title,
        items=[Item(index=1, name="Коммутатор управляемый 24 порта")],
        documents=[Document(name=name, url=url) for name, url in documents],
    )


def test_queue_final_rows_dedup_and_versions(any_db_url):
    engine = init_db(any_db_url)
    data = docx_bytes(SWITCH_SPEC[:1])
    read = read_attachment("ТЗ.docx", data)
    assert read.status == "ok" and read.requirements
    with session_scope(engine) as session:
        NoticeRepository(session).upsert(
            _record(
                ("ТЗ.docx", "http://x/1"), ("Обоснование НМЦК.xlsx", "http://x/2"), ("Проект контракта", "http://x/3")
            )
        )
        repository = AttachmentRepository(session)
        queue = list(repository.pending(worth_reading))
        assert [(d.url, d.notice_seq) for d in queue] == [("http://x/1", 1), ("http://x/3", 1)]
        assert len(list(repository.pending(any_document))) == 3
        outcome = Outcome(read.status, read.reason, read.media_type, read.text, read.requirements)
        first = repository.save(queue[0], outcome, data=data)
        repository.save(queue[1], Outcome("failed", "не удалось загрузить: HTTP 503"))
        # Final rows leave the queue; a failed download stays in it.
        assert [d.url for d in repository.pending(worth_reading)] == ["http://x/3"]
        assert repository.final_by_sha256(first.sha256).id == first.id
        assert repository.final_by_url("http://x/1").id == first.id
        requirements = repository.requirements(first.notice_id)
        assert requirements[0]["block"]["product"] == "Коммутатор управляемый 24 порта"
        assert requirements[0]["characteristic"]["min"] == "24"
        assert requirements[0]["origin_label"] == "ТЗ.docx, таблица 1, строка 2"

    with session_scope(engine) as session:
        # Version 2 lists a new document and the same file again: only the new one is queued, at seq 2.
        NoticeRepository(session).upsert(
            _record(("ТЗ.docx", "http://x/1"), ("ТЗ (изменения).docx", "http://x/4"), title="Изменения")
        )
        repository = AttachmentRepository(session)
        queue = list(repository.pending(worth_reading))
        assert [(d.url, d.notice_seq) for d in queue] == [("http://x/4", 2)]
        copy = repository.copy(queue[0], repository.final_by_sha256(first.sha256))
        assert (copy.status, copy.notice_seq, copy.raw_document_id) == ("ok", 2, first.raw_document_id)
        repository.save(queue[0], outcome, data=data)  # saving the same bytes again stores them once
        assert session.scalar(select(func.count()).select_from(RawDocument)) == 1
        rows = repository.for_notice("eis44", "0373100000126000002")
        # In the order the current version lists them; the file it no longer lists comes last.
        assert [(row.url, row.status) for row in rows] == [
            ("http://x/1", "ok"),
            ("http://x/4", "ok"),
            ("http://x/3", "failed"),
        ]


def test_selection_of_documents_worth_reading():
    wanted = [
        "Техническое задание.docx",
        "ТЗ_коммутаторы.pdf",
        "Описание объекта закупки.docx",
        "Приложение 1. Спецификация.xlsx",
        "Проект государственного контракта.docx",
        "Документация о закупке.zip",
        "Требования к товару.rtf",
    ]
    unwanted = [
        "Обоснование НМЦК.xlsx",
        "Обоснование начальной (максимальной) цены контракта.docx",
        "Требования к содержанию, составу заявки.docx",
        "Требование к содержанию, составу заявки на участие в закупке",
        "Инструкция по заполнению заявки.docx",
        "Протокол подведения итогов.pdf",
        "Разъяснение положений документации.pdf",
        "Техническое задание.docx.sig",
        "Счёт.pdf",
    ]
    assert [name for name in wanted if not worth_reading(name)] == []
    assert [name for name in unwanted if worth_reading(name)] == []


def test_requirements_follow_the_current_version_and_their_hash_changes_with_them(any_db_url):
    engine = init_db(any_db_url)
    old = read_attachment("ТЗ.docx", docx_bytes(SWITCH_SPEC[:1]))
    new = read_attachment("ТЗ (ред. 2).docx", docx_bytes(SWITCH_SPEC[1:]))
    with session_scope(engine) as session:
        NoticeRepository(session).upsert(_record(("ТЗ.docx", "http://x/old")))
        repository = AttachmentRepository(session)
        (download,) = repository.pending(worth_reading)
        row = repository.save(download, Outcome("ok", None, None, old.text, old.requirements), data=b"old")
        notice_id = row.notice_id
        first_hash = repository.requirements_hash([notice_id])[notice_id]
        assert first_hash
        assert {r["block"]["product"] for r in repository.requirements(notice_id)} == {SWITCH_SPEC[0][0], None}

    with session_scope(engine) as session:
        # The amendment replaces the ТЗ: the old file's requirements no longer apply to the notice.
        NoticeRepository(session).upsert(_record(("ТЗ (ред. 2).docx", "http://x/new"), title="Изменения"))
        repository = AttachmentRepository(session)
        assert repository.requirements(notice_id) == []
        assert repository.requirements_hash([notice_id]) == {notice_id: ""}
        (download,) = repository.pending(worth_reading)
        repository.save(download, Outcome("ok", None, None, new.text, new.requirements), data=b"new")
        assert {r["block"]["product"] for r in repository.requirements(notice_id)} == {SWITCH_SPEC[1][0], None}
        assert repository.requirements_hash([notice_id])[notice_id] not in ("", first_hash)
        # What the matcher, digest and bids call: the stored notice with its attachments' requirements.
        record = NoticeRepository(session).current("eis44", "0373100000126000002")
        merged = with_attachment_requirements(session, notice_id, record)
        names = {c.name for c in merged.record.items[0].characteristics}
        assert "Выходная мощность" in names and "Бюджет PoE" not in names
        assert merged.added[0].label == "ТЗ (ред. 2).docx, таблица 1, строка 2"
