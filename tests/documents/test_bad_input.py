"""Hostile and broken attachments are recorded with a reason and skipped; the rest of a package is still read."""

from __future__ import annotations

import io
import zipfile

from reportlab.pdfgen import canvas

from crawlers.documents.extract import extract
from crawlers.documents.model import Limits
from tests.documents.builders import SWITCH_SPEC, docx_bytes, pdf_bytes, rtf_bytes, xlsx_bytes, zip_bytes

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _one(name, data, limits=None):
    documents = extract(name, data, limits) if limits else extract(name, data)
    assert len(documents) == 1
    return documents[0]


def test_pdf_with_an_open_password_is_unreadable_with_reason(pdf_font):
    document = _one("ТЗ.pdf", pdf_bytes(SWITCH_SPEC, user="secret"))
    assert (document.status, document.reason_code) == ("unreadable", "encrypted")
    assert "ТЗ.pdf" in document.reason and "паролем" in document.reason


def test_pdf_with_only_an_owner_password_is_read(pdf_font):
    document = _one("ТЗ.pdf", pdf_bytes(SWITCH_SPEC, owner="owner"))
    assert document.status == "ok"
    assert "не менее 1500" in document.text()


def test_truncated_and_garbage_pdfs_are_errors_naming_the_file(pdf_font):
    data = pdf_bytes(SWITCH_SPEC, pages=2)
    for name, broken in [("half.pdf", data[: len(data) // 2]), ("junk.pdf", b"%PDF-1.4\n" + bytes(range(256)) * 8)]:
        document = _one(name, broken)
        assert document.status == "error"
        assert document.reason_code == "broken-pdf"
        assert name in document.reason


def test_scanned_pdf_without_text_layer_is_unreadable():
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer)
    pdf.rect(50, 50, 400, 600, fill=1)  # a page that is only a picture
    pdf.showPage()
    pdf.save()
    document = _one("скан.pdf", buffer.getvalue())
    assert (document.status, document.reason_code) == ("unreadable", "no-text-layer")


def test_old_binary_doc_encrypted_office_and_images_are_recorded_not_dropped():
    doc = _one("ТЗ.doc", OLE2 + b"\x00" * 512 + "WordDocument".encode("utf-16-le"))
    assert (doc.status, doc.reason_code) == ("unreadable", "old-binary")
    locked = _one("ТЗ.docx", OLE2 + b"\x00" * 512 + "EncryptedPackage".encode("utf-16-le"))
    assert (locked.status, locked.reason_code) == ("unreadable", "encrypted")
    scan = _one("ТЗ.docx", b"\xff\xd8\xff\xe0" + b"\x00" * 64)  # a JPEG renamed to .docx
    assert (scan.status, scan.reason_code, scan.media_type) == ("unreadable", "image", "image/jpeg")


def test_macro_document_is_read_without_running_macros():
    document = _one("ТЗ.docm", docx_bytes(SWITCH_SPEC, macro=True))
    assert document.status == "ok"
    assert document.media_type == "application/vnd.ms-word.document.macroEnabled.12"
    assert any("макрос" in warning for warning in document.warnings)
    assert document.tables[0].rows[1][3] == "не менее 24"


def test_zip_bomb_entry_is_refused_and_siblings_still_read():
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("ТЗ.rtf", rtf_bytes(SWITCH_SPEC))
        archive.writestr("bomb.txt", b"\x00" * (20 * 1024 * 1024))
    documents = extract("docs.zip", bomb.getvalue())
    by_name = {document.name: document for document in documents}
    assert by_name["docs.zip/ТЗ.rtf"].status == "ok"
    assert (by_name["docs.zip/bomb.txt"].status, by_name["docs.zip/bomb.txt"].reason_code) == ("refused", "zip-bomb")


def test_docx_container_bomb_is_refused_before_python_docx_inflates_it():
    data = io.BytesIO()
    source = zipfile.ZipFile(io.BytesIO(docx_bytes(SWITCH_SPEC)))
    with zipfile.ZipFile(data, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info, source.read(info))
        target.writestr("word/media/huge.bin", b"\x00" * (20 * 1024 * 1024))
    document = _one("ТЗ.docx", data.getvalue())
    assert (document.status, document.reason_code) == ("refused", "zip-bomb")


def test_path_traversal_members_are_refused():
    archive = zip_bytes({"../../etc/evil.rtf": rtf_bytes(SWITCH_SPEC), "ok.xlsx": xlsx_bytes(SWITCH_SPEC)})
    documents = extract("docs.zip", archive)
    statuses = {document.name: (document.status, document.reason_code) for document in documents}
    assert statuses["docs.zip/../../etc/evil.rtf"] == ("refused", "path-traversal")
    assert statuses["docs.zip/ok.xlsx"] == ("ok", None)


def test_enormous_file_is_refused_by_the_cap():
    limits = Limits(max_file_bytes=1024 * 1024)
    document = _one("огромный.rtf", b"{\\rtf1 " + b"a" * (2 * 1024 * 1024) + b"}", limits)
    assert (document.status, document.reason_code) == ("refused", "too-large")
    assert "огромный.rtf" in document.reason


def test_deeply_nested_archives_and_too_many_entries_are_refused():
    nested = rtf_bytes(SWITCH_SPEC)
    for level in range(4):
        nested = zip_bytes({f"level{level}.zip" if level else "ТЗ.rtf": nested})
    documents = extract("outer.zip", nested)
    assert [d.reason_code for d in documents] == ["nesting"]
    many = zip_bytes({f"{n}.txt": b"x" for n in range(30)})
    crowded = _one("many.zip", many, Limits(max_archive_entries=10))
    assert (crowded.status, crowded.reason_code) == ("refused", "too-many-entries")


def test_broken_archive_and_broken_docx_are_errors():
    archive = zip_bytes({"a.rtf": rtf_bytes(SWITCH_SPEC)})
    assert _one("cut.zip", archive[:40]).status == "error"
    data = docx_bytes(SWITCH_SPEC).replace(b"word/document.xml", b"word/missing__.xml")
    document = _one("ТЗ.docx", data)
    assert document.status == "error"
    assert "ТЗ.docx" in document.reason


def test_spreadsheet_with_a_bogus_dimension_is_read_within_the_column_cap():
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["Наименование характеристики", "Значение характеристики"])
    sheet.append(["Количество портов", "не менее 24"])
    sheet.cell(row=3, column=16000, value="x")  # what a broken exporter leaves far to the right
    buffer = io.BytesIO()
    workbook.save(buffer)
    document = _one("spec.xlsx", buffer.getvalue())
    assert document.status == "ok"
    assert document.tables[0].rows[:2] == [
        ["Наименование характеристики", "Значение характеристики"],
        ["Количество портов", "не менее 24"],
    ]
    assert all(len(row) <= 100 for row in document.tables[0].rows)
    assert any("столбцов" in warning for warning in document.warnings)


def test_password_protected_zip_entry_is_unreadable_and_siblings_read():
    archive = bytearray(zip_bytes({"secret.docx": b"x" * 100, "ТЗ.rtf": rtf_bytes(SWITCH_SPEC)}))
    # Set the "encrypted" flag of the first entry in its local header and its central directory record,
    # which is all a password-protected (ZipCrypto) entry looks like to a reader without the password.
    local = archive.find(b"PK\x03\x04")
    archive[local + 6] |= 0x01
    central = archive.find(b"PK\x01\x02")
    archive[central + 8] |= 0x01
    documents = {d.name: d for d in extract("docs.zip", bytes(archive))}
    assert (documents["docs.zip/secret.docx"].status, documents["docs.zip/secret.docx"].reason_code) == (
        "unreadable",
        "encrypted",
    )
    assert documents["docs.zip/ТЗ.rtf"].status == "ok"


def test_truncated_and_corrupted_files_of_every_format_never_escape_as_exceptions(pdf_font):
    import random

    from tests.documents.builders import html_bytes, ods_bytes, odt_bytes

    rng = random.Random(20261123)
    originals = {
        "a.docx": docx_bytes(SWITCH_SPEC),
        "a.xlsx": xlsx_bytes(SWITCH_SPEC),
        "a.pdf": pdf_bytes(SWITCH_SPEC),
        "a.rtf": rtf_bytes(SWITCH_SPEC),
        "a.html": html_bytes(SWITCH_SPEC),
        "a.odt": odt_bytes(SWITCH_SPEC),
        "a.ods": ods_bytes(SWITCH_SPEC),
        "a.zip": zip_bytes({"ТЗ.docx": docx_bytes(SWITCH_SPEC)}),
    }
    seen_statuses = set()
    for name, data in originals.items():
        variants = [data[: int(len(data) * fraction)] for fraction in (0.1, 0.5, 0.9, 0.99)]
        for _ in range(4):
            corrupted = bytearray(data)
            for _ in range(20):
                corrupted[rng.randrange(16, len(corrupted))] = rng.randrange(256)
            variants.append(bytes(corrupted))
        for variant in variants:
            documents = extract(name, variant)
            assert documents, name
            for document in documents:
                assert document.status in ("ok", "unreadable", "refused", "error")
                assert document.status == "ok" or document.reason, (name, document)
                seen_statuses.add(document.status)
    assert {"ok", "error"} <= seen_statuses
