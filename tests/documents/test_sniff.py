"""Content sniffing ignores file names: each generated document is recognised from its bytes."""

from __future__ import annotations

import pytest

from crawlers.documents.model import DocumentError, Limits
from crawlers.documents.sniff import check_size, sniff
from tests.documents.builders import (
    SWITCH_SPEC,
    docx_bytes,
    html_bytes,
    ods_bytes,
    odt_bytes,
    pdf_bytes,
    rtf_bytes,
    xlsx_bytes,
    zip_bytes,
)

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


@pytest.mark.parametrize(
    ("make", "kind"),
    [
        (lambda: docx_bytes(SWITCH_SPEC), "docx"),
        (lambda: docx_bytes(SWITCH_SPEC, macro=True), "docm"),
        (lambda: xlsx_bytes(SWITCH_SPEC), "xlsx"),
        (lambda: rtf_bytes(SWITCH_SPEC), "rtf"),
        (lambda: html_bytes(SWITCH_SPEC), "html"),
        (lambda: zip_bytes({"a.txt": b"x"}), "zip"),
        (lambda: odt_bytes(SWITCH_SPEC), "odt"),
        (lambda: ods_bytes(SWITCH_SPEC), "ods"),
        (lambda: b"\xef\xbb\xbf  {\\rtf1\\ansi hello}", "rtf"),
        (lambda: b"junk before header\n%PDF-1.4\n...", "pdf"),
        (lambda: OLE2 + b"\x00" * 100 + "WordDocument".encode("utf-16-le"), "doc"),
        (lambda: OLE2 + b"\x00" * 100 + "Workbook".encode("utf-16-le"), "xls"),
        (lambda: OLE2 + b"\x00" * 100 + "EncryptedPackage".encode("utf-16-le"), "ooxml-encrypted"),
        (lambda: b"\x89PNG\r\n\x1a\n" + b"\x00" * 20, "png"),
        (lambda: b"\xff\xd8\xff\xe0" + b"\x00" * 20, "jpeg"),
        (lambda: b"Rar!\x1a\x07\x00", "rar"),
        (lambda: "Техническое задание\nКоммутатор".encode("cp1251"), "text"),
        (lambda: b"", "empty"),
        (lambda: bytes(range(256)) * 4, "unknown"),
    ],
)
def test_kind_comes_from_content(make, kind):
    assert sniff(make()).kind == kind


def test_pdf_needs_the_font():
    from tests.documents.builders import cyrillic_font

    if cyrillic_font() is None:
        pytest.skip("no Cyrillic TrueType font")
    assert sniff(pdf_bytes(SWITCH_SPEC)).kind == "pdf"


def test_size_cap_refuses_before_reading():
    with pytest.raises(DocumentError) as caught:
        check_size("big.pdf", 11 * 1024 * 1024, Limits(max_file_bytes=10 * 1024 * 1024))
    assert caught.value.status == "refused"
    assert caught.value.code == "too-large"
    assert "big.pdf" in caught.value.reason
    check_size("small.pdf", 1024, Limits(max_file_bytes=10 * 1024 * 1024))
