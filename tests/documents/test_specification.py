"""Finding the specification in extracted documents: tables (fuzzy, two-row headers, merged or blank product
cells, continued tables), numbered lists and free text under ТЗ headings, with origins."""

from __future__ import annotations

import pytest

from crawlers.documents import reading
from crawlers.documents.extract import extract
from crawlers.documents.model import ExtractedDocument, Paragraph, Table
from crawlers.documents.specification import find_specification, requirements_json, to_characteristic
from crawlers.documents.table_header import find_header, header_role
from tests.documents.builders import (
    SWITCH_SPEC,
    docx_bytes,
    html_bytes,
    ods_bytes,
    odt_bytes,
    pdf_bytes,
    rtf_bytes,
    xlsx_bytes,
)

EXPECTED = [(product, [name for name, _, _ in characteristics]) for product, characteristics in SWITCH_SPEC]


def _summary(blocks):
    return [(block.product, [entry.name for entry in block.entries]) for block in blocks]


@pytest.mark.parametrize(
    ("name", "make"),
    [
        ("Техническое задание.docx", lambda: docx_bytes(SWITCH_SPEC)),
        ("Спецификация.xlsx", lambda: xlsx_bytes(SWITCH_SPEC)),
        ("spec.rtf", lambda: rtf_bytes(SWITCH_SPEC)),
        ("opisanie.html", lambda: html_bytes(SWITCH_SPEC)),
        ("Описание объекта закупки.odt", lambda: odt_bytes(SWITCH_SPEC)),
        ("spec.ods", lambda: ods_bytes(SWITCH_SPEC)),
    ],
)
def test_specification_table_in_each_format(name, make):
    (document,) = extract(name, make())
    blocks = [block for block in find_specification(document) if block.source == "table"]
    assert _summary(blocks) == EXPECTED
    assert [block.position for block in blocks] == [1, 2]
    ports = blocks[0].entries[0]
    assert (ports.value, ports.unit) == ("не менее 24", "шт")
    assert ports.origin.file == name and ports.origin.table == 1
    characteristic = to_characteristic(blocks[1].entries[1])
    assert (characteristic.kind, characteristic.values) == ("values", ["стоечный", "напольный"])


def test_pdf_specification_with_page_origin(pdf_font):
    (document,) = extract("ТЗ.pdf", pdf_bytes(SWITCH_SPEC, pages=2))
    blocks = find_specification(document)
    assert _summary(blocks) == EXPECTED * 2
    assert blocks[2].entries[0].origin.label() == "ТЗ.pdf, стр. 2, таблица 2, строка 2"
    budget = to_characteristic(blocks[0].entries[1])
    assert (budget.kind, budget.min, budget.min_inclusive, budget.unit) == ("range", "370", True, "Вт")


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Наименование товара", "product"),
        ("Наименование характеристики", "char_name"),
        ("Значение характеристики", "value"),
        ("Требования к значению показателя", "value"),
        ("Ед. изм.", "unit"),
        ("Единица измерения (по ОКЕИ)", "unit"),
        ("Инструкция по заполнению характеристик в заявке", "instruction"),
        ("Кол-во", "quantity"),
        ("№ п/п", "number"),
        ("Код ОКПД2 / КТРУ", "code"),
        ("Наименавание харрактеристики", "char_name"),  # typos are matched fuzzily
        ("Характеристики товара", "group"),
        ("Срок поставки", None),
    ],
)
def test_header_roles(text, role):
    assert header_role(text) == role


def _document(*blocks, name="Приложение 1.docx"):
    return ExtractedDocument(name=name, media_type="test", blocks=list(blocks))


def test_two_row_header_column_numbers_and_blank_product_cells():
    table = Table(
        index=1,
        rows=[
            [
                "№",
                "Наименование товара, КТРУ",
                "Характеристики товара",
                "Характеристики товара",
                "Характеристики товара",
            ],
            ["№", "Наименование товара, КТРУ", "Наименование", "Значение", "Единица измерения"],
            ["1", "2", "3", "4", "5"],
            ["1", "Сервер 26.20.14.000-00000190", "Количество процессоров", "не менее 2", "шт"],
            ["", "", "Объем памяти", "не менее 256", "ГБ"],
            ["", "", "", "не более 512", ""],
            ["2", "Ноутбук", "Диагональ", "от 14 до 16", "дюйм"],
        ],
    )
    header = find_header(table)
    assert header is not None and header.rows == 2
    assert header.roles["char_name"] == 2 and header.roles["product"] == 1
    blocks = find_specification(_document(table))
    assert _summary(blocks) == [
        ("Сервер 26.20.14.000-00000190", ["Количество процессоров", "Объем памяти"]),
        ("Ноутбук", ["Диагональ"]),
    ]
    assert blocks[0].codes == ["26.20.14.000-00000190"]
    memory = to_characteristic(blocks[0].entries[1])  # continued on the next row without a name
    assert (memory.min, memory.max) == ("256", "512")
    assert blocks[0].entries[1].origin.row == 5


def test_characteristics_only_table_takes_the_product_from_the_paragraph_before():
    table = Table(index=1, rows=[["Параметр", "Требование"], ["Количество портов", "не менее 48"]])
    blocks = find_specification(_document(Paragraph("2. Коммутатор доступа тип 2"), table))
    assert _summary(blocks) == [("Коммутатор доступа тип 2", ["Количество портов"])]


def test_table_continued_without_header_joins_the_previous_block():
    first = Table(
        index=1,
        page=1,
        rows=[["Наименование характеристики", "Значение характеристики", "Ед. изм."], ["Порты", "не менее 24", "шт"]],
    )
    second = Table(index=2, page=2, rows=[["Бюджет PoE", "не менее 370", "Вт"]])
    blocks = find_specification(_document(Paragraph("Коммутатор"), first, second))
    assert _summary(blocks) == [("Коммутатор", ["Порты", "Бюджет PoE"])]
    assert blocks[0].entries[1].origin.page == 2


def test_tables_that_are_not_specifications_are_ignored():
    table = Table(index=1, rows=[["Этап", "Срок"], ["Поставка", "30 дней"]])
    assert find_specification(_document(table)) == []


def test_numbered_list_and_free_text_under_a_tz_heading_only():
    document = _document(
        Paragraph("Проект контракта"),
        Paragraph("1. Количество экземпляров: не менее 2"),  # before the ТЗ heading: not a requirement
        Paragraph("Техническое задание", heading=True),
        Paragraph("1. Коммутатор уровня доступа"),
        Paragraph("1.1. Количество портов 1 Гбит/с: не менее 24 шт."),
        Paragraph("1.2. Бюджет PoE — не менее 370 Вт"),
        Paragraph("Коммутатор должен поддерживать не менее 4094 VLAN."),
        Paragraph("2. Источник бесперебойного питания"),
        Paragraph("- Выходная мощность: от 1000 до 1500 ВА"),
        name="Документация.docx",
    )
    blocks = find_specification(document)
    assert _summary(blocks) == [
        ("Коммутатор уровня доступа", ["Количество портов 1 Гбит/с", "Бюджет PoE", None]),
        ("Источник бесперебойного питания", ["Выходная мощность"]),
    ]
    ports = to_characteristic(blocks[0].entries[0])
    assert (ports.kind, ports.min, ports.unit) == ("range", "24", "шт")
    free = to_characteristic(blocks[0].entries[2])
    assert free.kind == "text" and "4094 VLAN" in free.text
    assert blocks[0].entries[1].origin.label() == "Документация.docx, абзац 6"
    power = to_characteristic(blocks[1].entries[0])
    assert (power.min, power.max, power.unit) == ("1000", "1500", "ВА")


def test_unreadable_documents_have_no_specification_and_json_form_round_trips():
    assert find_specification(ExtractedDocument("x.doc", "application/msword", status="unreadable")) == []
    (document,) = extract("ТЗ.docx", docx_bytes(SWITCH_SPEC))
    data = requirements_json(find_specification(document))
    assert len(data) == 8  # seven table rows and the warranty line
    assert data[0]["block"]["product"] == "Коммутатор управляемый 24 порта"
    entry = data[2]
    assert entry["origin_label"] == "ТЗ.docx, таблица 1, строка 4"
    assert entry["characteristic"]["min"] == "8" and entry["characteristic"]["max"] == "16"


def test_auto_numbered_docx_list_with_heading_product_and_a_payment_section_after():
    from tests.documents.builders import docx_list_bytes

    (document,) = extract("Приложение 2.docx", docx_list_bytes(SWITCH_SPEC))
    levels = [p.list_level for p in document.paragraphs]
    assert levels[:4] == [None, None, 0, 1]  # Word numbers them; the text has no number
    blocks = find_specification(document)
    assert _summary(blocks) == EXPECTED  # the payment clauses after «Порядок оплаты» are not requirements
    budget = to_characteristic(blocks[0].entries[1])
    assert (budget.kind, budget.min, budget.unit) == ("range", "370", "Вт")
    form = to_characteristic(blocks[1].entries[1])
    assert form.values == ["стоечный", "напольный"]


def test_eis_layout_with_code_column_and_min_max_value_columns():
    table = Table(
        index=1,
        rows=[
            ["№ п/п", "Наименование товара, работы, услуги", "Код позиции КТРУ", "Наименование показателя",
             "Минимальное значение показателя", "Максимальное значение показателя", "Единица измерения показателя",
             "Количество"],
            ["1", "Источник бесперебойного питания", "27.90.11.000-00000006", "Выходная мощность", "1000", "3000",
             "ВА", "2"],
            ["1", "Источник бесперебойного питания", "27.90.11.000-00000006", "Время автономной работы", "10", "",
             "мин", "2"],
        ],
    )  # fmt: skip
    (block,) = find_specification(_document(table))
    assert (block.product, block.codes, block.quantity) == (
        "Источник бесперебойного питания",
        ["27.90.11.000-00000006"],
        "2",
    )
    power, runtime = (to_characteristic(entry) for entry in block.entries)
    assert (power.min, power.max, power.unit) == ("1000", "3000", "ВА")
    assert (runtime.min, runtime.max, runtime.unit) == ("10", None, "мин")


def test_row_numbers_of_characteristics_do_not_split_a_product():
    table = Table(
        index=1,
        rows=[
            ["№", "Наименование товара", "Наименование характеристики", "Значение характеристики"],
            ["1", "Моноблок", "Диагональ экрана", "не менее 23,8"],
            ["2", "Моноблок", "Объем оперативной памяти", "не менее 16"],
            ["3", "Моноблок", "Тип накопителя", "SSD"],
            ["4", "Клавиатура", "Интерфейс подключения", "USB"],
            ["5", "", "", ""],
            ["", "", "", ""],
        ],
    )
    blocks = find_specification(_document(table))
    assert _summary(blocks) == [
        ("Моноблок", ["Диагональ экрана", "Объем оперативной памяти", "Тип накопителя"]),
        ("Клавиатура", ["Интерфейс подключения"]),
    ]
    assert [block.position for block in blocks] == [None, None]
    diagonal = to_characteristic(blocks[0].entries[0])
    assert diagonal.min == "23.8"


def test_a_specification_table_with_its_header_and_no_rows_yields_no_blocks():
    # The ТЗ's table was left empty: the document is read, the specification is just not there (was an IndexError
    # that lost the attachment).
    (document,) = extract("ТЗ.docx", docx_bytes([]))
    assert document.readable
    blocks = find_specification(document)  # the free text under the heading may still be read
    assert [block.origin for block in blocks if block.origin.table is not None] == []


def test_a_failing_specification_finder_keeps_the_text_and_says_so(monkeypatch):
    def broken(document):
        raise IndexError("list index out of range")

    monkeypatch.setattr(reading, "find_specification", broken)
    read = reading.read_attachment("ТЗ.docx", docx_bytes(SWITCH_SPEC))
    assert read.status == "ok"
    assert "Коммутатор управляемый 24 порта" in read.text
    assert read.requirements == []
    assert read.reason == "ТЗ.docx: таблица требований не разобрана (ошибка программы, подробности в журнале)"
