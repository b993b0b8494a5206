"""Attachment specification blocks mapped to a notice's lines and merged into their requirements."""

from __future__ import annotations

from crawlers.documents.extract import extract
from crawlers.documents.specification import find_in_documents, requirements_json
from matching.attachments import assign_blocks, contradicts, merge_attachment_requirements
from store.schema import Characteristic, Item, NoticeRecord
from tests.documents.builders import SWITCH_SPEC, docx_bytes, xlsx_bytes, zip_bytes


def _notice(*items: Item) -> NoticeRecord:
    return NoticeRecord(source="eis44", number="0373100000125000001", title="Поставка оборудования", items=list(items))


def _blocks(name: str, data: bytes) -> list[dict]:
    return requirements_json(find_in_documents(extract(name, data)))


def _by_name(item: Item) -> dict[str, Characteristic]:
    return {c.name: c for c in item.characteristics}


def test_notice_whose_requirements_exist_only_in_its_docx_gets_them_on_its_lines():
    notice = _notice(
        Item(index=1, name="Источник бесперебойного питания 1500 ВА", okpd2="27.90.11.000", quantity="2"),
        Item(index=2, name="Коммутатор управляемый L2, 24 порта", okpd2="26.30.11.110", quantity="5"),
    )
    blocks = _blocks("Техническое задание.docx", docx_bytes(SWITCH_SPEC))
    result = merge_attachment_requirements(notice, blocks)
    switch, ups = result.record.items[1], result.record.items[0]
    assert list(_by_name(switch)) == [
        "Количество портов 1 Гбит/с",
        "Бюджет PoE",
        "Объем оперативной памяти",
        "Поддержка протокола SNMP",
    ]
    ports = _by_name(switch)["Количество портов 1 Гбит/с"]
    assert (ports.kind, ports.min, ports.min_inclusive, ports.unit) == ("range", "24", True, "шт")
    assert _by_name(ups)["Форм-фактор"].values == ["стоечный", "напольный"]
    # Every added requirement says where it came from; the input record is left untouched.
    labels = {(p.item_index, p.name): p.label for p in result.added}
    assert labels[(2, "Бюджет PoE")] == "Техническое задание.docx, таблица 1, строка 3"
    assert {p.assigned_by for p in result.added} == {"name"}
    assert labels[(1, "Выходная мощность")] == "Техническое задание.docx, таблица 1, строка 6"
    assert all(not item.characteristics for item in notice.items)
    assert result.conflicts == []


def test_contradiction_with_structured_data_is_flagged_and_the_notice_wins():
    structured = Characteristic(
        name="Количество портов 1 Гбит/с", kind="range", min="16", min_inclusive=True, unit="шт"
    )
    same = Characteristic(name="Бюджет PoE", kind="range", min="370", min_inclusive=True, unit="Вт")
    notice = _notice(Item(index=1, name="Коммутатор", characteristics=[structured, same]))
    result = merge_attachment_requirements(notice, _blocks("ТЗ.docx", docx_bytes(SWITCH_SPEC[:1])))
    (conflict,) = result.conflicts
    assert conflict.against == "notice"
    assert (conflict.structured["min"], conflict.attachment["min"]) == ("16", "24")
    assert "ТЗ.docx, таблица 1, строка 2" in conflict.message()
    characteristics = _by_name(result.record.items[0])
    assert characteristics["Количество портов 1 Гбит/с"].min == "16"
    assert [p.name for p in result.confirmed] == ["Бюджет PoE"]
    assert "Объем оперативной памяти" in characteristics


def test_two_documents_disagreeing_with_each_other_are_flagged():
    notice = _notice(Item(index=1, name="Коммутатор управляемый"))
    other = [("Коммутатор управляемый 24 порта", [("Бюджет PoE", "не менее 740", "Вт")])]
    blocks = _blocks("ТЗ.docx", docx_bytes(SWITCH_SPEC[:1])) + _blocks("Спецификация.xlsx", xlsx_bytes(other))
    result = merge_attachment_requirements(notice, blocks)
    assert [(c.name, c.against) for c in result.conflicts] == [("Бюджет PoE", "attachment")]


def test_assignment_by_code_position_and_order():
    items = [
        Item(index=1, name="Поставка товара (позиция 1)", ktru="26.20.14.000-00000190"),
        Item(index=2, name="Поставка товара (позиция 2)"),
        Item(index=3, name="Поставка товара (позиция 3)"),
    ]
    blocks = [
        {"product": "Сервер стоечный", "codes": ["26.20.14.000-00000190"], "position": None, "entries": []},
        {"product": None, "codes": [], "position": 3, "entries": []},
        {"product": "Неизвестное изделие", "codes": [], "position": None, "entries": []},
    ]
    assert assign_blocks(items, blocks) == {0: (1, "code"), 1: (3, "position"), 2: None}
    # As many products as lines, names unlike the lines: the order decides.
    ordered = [
        {"product": "Изделие А", "codes": [], "position": None, "entries": []},
        {"product": "Изделие Б", "codes": [], "position": None, "entries": []},
    ]
    assert assign_blocks(items[:2], ordered) == {0: (1, "order"), 1: (2, "order")}
    # A notice with a single line takes every block, named or not.
    assert assign_blocks(items[:1], blocks) == dict.fromkeys(range(3), (1, "single-line"))


def test_unassigned_blocks_are_reported_not_lost():
    notice = _notice(Item(index=1, name="Ноутбук"), Item(index=2, name="Монитор"), Item(index=3, name="Сканер"))
    blocks = _blocks("ТЗ.docx", docx_bytes(SWITCH_SPEC))
    result = merge_attachment_requirements(notice, blocks)
    assert [b["product"] for b in result.unassigned] == [p for p, _ in SWITCH_SPEC] + [None]
    assert all(not item.characteristics for item in result.record.items)


def test_zip_package_of_documents_maps_through_the_same_path():
    notice = _notice(Item(index=1, name="Коммутатор управляемый 24 порта"))
    package = zip_bytes({"ТЗ/Техническое задание.docx": docx_bytes(SWITCH_SPEC[:1])}, utf8_names=False)
    result = merge_attachment_requirements(notice, _blocks("docs.zip", package))
    characteristics = result.record.items[0].characteristics
    assert len(characteristics) == 5  # the four table rows and the free-text warranty line under the heading
    assert characteristics[-1].kind == "text" and characteristics[-1].text == "Гарантийный срок не менее 12 месяцев."
    assert result.added[0].file == "docs.zip/ТЗ/Техническое задание.docx"


def test_contradicts_compares_bounds_in_base_units_and_value_sets_not_free_text():
    a = Characteristic(name="x", kind="range", min="8", min_inclusive=True, unit="ГБ")
    b = Characteristic(name="x", kind="range", min="8.0", min_inclusive=True, unit="ГБ")
    c = Characteristic(name="x", kind="range", min="8", min_inclusive=False, unit="ГБ")
    assert not contradicts(a, b)
    assert contradicts(a, c)
    gigabit = Characteristic(name="Скорость", kind="range", min="1", min_inclusive=True, unit="Гбит/с")
    megabit = Characteristic(name="Скорость", kind="range", min="1000", min_inclusive=True, unit="Мбит/с")
    assert not contradicts(gigabit, megabit)
    assert contradicts(gigabit, Characteristic(name="Скорость", kind="range", min="100", unit="Мбит/с"))
    assert not contradicts(
        Characteristic(name="x", kind="values", values=["Черный"]),
        Characteristic(name="x", kind="values", values=["черный"]),
    )
    assert not contradicts(a, Characteristic(name="x", kind="text", text="по согласованию с заказчиком"))
