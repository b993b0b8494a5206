"""Extraction of text and tables, in order, from project-authored documents in each format."""

from __future__ import annotations

import pytest

from crawlers.documents.extract import extract
from crawlers.documents.model import Table
from tests.documents.builders import (
    HEADER,
    SWITCH_SPEC,
    docx_bytes,
    html_bytes,
    pdf_bytes,
    rtf_bytes,
    spec_rows,
    xlsx_bytes,
    zip_bytes,
)


def _only(documents):
    assert len(documents) == 1
    document = documents[0]
    assert document.status == "ok", document.reason
    return document


def test_docx_paragraphs_and_table_in_order_with_merged_cells():
    document = _only(extract("ТЗ.docx", docx_bytes(SWITCH_SPEC)))
    kinds = [type(block).__name__ for block in document.blocks]
    assert kinds == ["Paragraph", "Paragraph", "Paragraph", "Table", "Paragraph"]
    assert document.blocks[0].heading is True and document.blocks[0].text == "Техническое задание"
    table = document.tables[0]
    assert table.rows[0] == HEADER
    # The product name is merged vertically over its characteristics: each grid row repeats it.
    assert [row[1] for row in table.rows[1:5]] == ["Коммутатор управляемый 24 порта"] * 4
    assert [row[2:5] for row in table.rows[1:]] == [row[2:5] for row in spec_rows(SWITCH_SPEC)]
    assert document.blocks[-1].text == "Гарантийный срок не менее 12 месяцев."


def test_xlsx_sheet_rows_keep_their_sheet_row_numbers():
    document = _only(extract("spec.xlsx", xlsx_bytes(SWITCH_SPEC)))
    table = document.tables[0]
    assert table.sheet == "Спецификация"
    assert table.rows[1] == HEADER
    assert table.row_numbers[:3] == [1, 3, 4]  # row 2 is empty in the sheet
    assert document.origin(table, 2).label() == "spec.xlsx, лист «Спецификация», таблица 1, строка 4"
    assert table.rows[2][3] == "не менее 24"


def test_pdf_text_layer_columns_become_table_rows(pdf_font):
    document = _only(extract("spec.pdf", pdf_bytes(SWITCH_SPEC, pages=3)))
    assert document.pages == 3
    assert [table.page for table in document.tables] == [1, 2, 3]
    rows = document.tables[1].rows
    assert rows[0][:4] == ["№", "Наименование товара", "Наименование характеристики", "Значение характеристики"]
    # A row without the «№» cell keeps its other cells in their columns.
    assert rows[2][:4] == ["", "Коммутатор управляемый 24 порта", "Бюджет PoE", "≥ 370"]


def test_rtf_tables_and_cyrillic_escapes():
    document = _only(extract("spec.rtf", rtf_bytes(SWITCH_SPEC)))
    assert document.paragraphs[0].text == "Спецификация"
    table = document.tables[0]
    assert table.rows[0] == HEADER
    assert table.rows[5][2:5] == ["Выходная мощность", "не менее 1500", "ВА"]
    assert document.paragraphs[-1].text == "Поставка в течение 30 дней."


def test_html_drops_scripts_and_expands_spans():
    document = _only(extract("page.html", html_bytes(SWITCH_SPEC)))
    assert "alert" not in document.text()
    assert document.paragraphs[0].heading
    assert document.tables[0].rows[0] == HEADER
    merged = (
        "<table><tr><th>Товар</th><th colspan='2'>Характеристика</th></tr>"
        "<tr><td rowspan='2'>ИБП</td><td>Мощность</td><td>не менее 1500</td></tr>"
        "<tr><td>Форм-фактор</td><td>стоечный</td></tr></table>"
    )
    rows = _only(extract("merged.html", merged.encode())).tables[0].rows
    assert rows == [
        ["Товар", "Характеристика", "Характеристика"],
        ["ИБП", "Мощность", "не менее 1500"],
        ["ИБП", "Форм-фактор", "стоечный"],
    ]


def test_zip_of_documents_extracts_each_member_with_russian_names(pdf_font):
    archive = zip_bytes(
        {
            "ТЗ/Техническое задание.docx": docx_bytes(SWITCH_SPEC),
            "Спецификация.xlsx": xlsx_bytes(SWITCH_SPEC),
            "ТЗ/приложение.pdf": pdf_bytes(SWITCH_SPEC),
            "приложение.rtf": rtf_bytes(SWITCH_SPEC),
            "inner.zip": zip_bytes({"вложенный.html": html_bytes(SWITCH_SPEC)}),
        },
        utf8_names=False,
    )
    documents = extract("Документация.zip", archive)
    assert [d.name for d in documents] == [
        "Документация.zip/ТЗ/Техническое задание.docx",
        "Документация.zip/Спецификация.xlsx",
        "Документация.zip/ТЗ/приложение.pdf",
        "Документация.zip/приложение.rtf",
        "Документация.zip/inner.zip/вложенный.html",
    ]
    assert all(d.status == "ok" for d in documents)
    assert all(any(isinstance(b, Table) for b in d.blocks) for d in documents)


@pytest.mark.parametrize("encoding", ["utf-8", "cp1251"])
def test_plain_text_in_either_encoding(encoding):
    text = "Техническое задание\nКоличество портов\tне менее 24\tшт\nБюджет PoE\tне менее 370\tВт\n"
    document = _only(extract("tz.txt", text.encode(encoding)))
    assert document.paragraphs[0].text == "Техническое задание"
    assert document.tables[0].rows[1] == ["Бюджет PoE", "не менее 370", "Вт"]


def test_opendocument_text_and_spreadsheet_with_spans_and_repeats():
    from tests.documents.builders import ods_bytes, odt_bytes

    text = _only(extract("Описание объекта закупки.odt", odt_bytes(SWITCH_SPEC)))
    assert text.media_type == "application/vnd.oasis.opendocument.text"
    assert text.paragraphs[0].heading and text.paragraphs[1].text == "Поставка товара в соответствии с таблицей."
    table = text.tables[0]
    assert table.rows[0] == HEADER
    # The product cell spans its rows (covered cells below it); the 1018 empty repeated columns are dropped.
    assert [row[1] for row in table.rows[1:5]] == ["Коммутатор управляемый 24 порта"] * 4
    assert all(len(row) == len(HEADER) for row in table.rows[1:])
    assert text.paragraphs[-1].text == "Гарантийный срок не менее 12 месяцев."
    sheet = _only(extract("spec.ods", ods_bytes(SWITCH_SPEC)))
    (table,) = sheet.tables
    assert (table.sheet, len(table.rows)) == ("Спецификация", 8)  # a million repeated empty rows are not rows
    assert sheet.origin(table, 5).label() == "spec.ods, лист «Спецификация», таблица 1, строка 6"


def test_docx_tracked_changes_show_the_text_as_displayed():
    import io

    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    paragraph = document.add_paragraph("Количество портов: не менее ")
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    paragraph._p.append(parse_xml(f'<w:del {w} w:id="1" w:author="a"><w:r><w:delText>16</w:delText></w:r></w:del>'))
    paragraph._p.append(parse_xml(f'<w:ins {w} w:id="2" w:author="a"><w:r><w:t>24</w:t></w:r></w:ins>'))
    paragraph._p.append(parse_xml(f"<w:r {w}><w:tab/><w:t>шт</w:t></w:r>"))
    buffer = io.BytesIO()
    document.save(buffer)
    (only,) = _only(extract("ТЗ.docx", buffer.getvalue())).paragraphs
    assert only.text == "Количество портов: не менее 24\tшт"


def test_rtf_with_cp1251_hex_escapes_as_russian_word_writes_them():
    def escaped(text: str) -> str:
        return "".join(f"\\'{byte:02x}" if byte > 127 else chr(byte) for byte in text.encode("cp1251"))

    rtf = (
        r"{\rtf1\ansi\ansicpg1251\deff0{\fonttbl{\f0\froman\fcharset204 Times New Roman;}}\f0 "
        + escaped("Техническое задание")
        + r"\par\trowd\cellx2000\cellx4000 "
        + escaped("Бюджет PoE")
        + r"\cell "
        + escaped("не менее 370")
        + r"\cell\row }"
    )
    document = _only(extract("ТЗ.rtf", rtf.encode("ascii")))
    assert document.paragraphs[0].text == "Техническое задание"
    assert document.tables[0].rows == [["Бюджет PoE", "не менее 370"]]
