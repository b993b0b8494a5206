"""Acceptance: a notice whose requirements exist only in its attached DOCX is matched with compliance decided
from that file (extraction -> specification -> line mapping -> the matcher's requirement checks)."""

from __future__ import annotations

from crawlers.documents.reading import read_attachment
from matching.attachments import merge_attachment_requirements
from matching.engine import Matcher
from store.schema import Item, NoticeRecord, Product, ProductSpec
from tests.documents.builders import SWITCH_SPEC, docx_bytes


def _product(sku: str, name: str, ports: str, poe: str, memory: str) -> Product:
    return Product(
        sku=sku,
        name=name,
        vendor="Тестовый вендор",
        category="Коммутаторы",
        okpd2="26.30.11.110",
        price="100000",
        specs=[
            ProductSpec(name="Количество портов 1 Гбит/с", value=ports, unit="шт"),
            ProductSpec(name="Бюджет PoE", value=poe, unit="Вт"),
            ProductSpec(name="Объем оперативной памяти", value=memory, unit="ГБ"),
            ProductSpec(name="Поддержка протокола SNMP", value="да"),
            ProductSpec(name="Гарантийный срок", value="36", unit="мес"),
        ],
    )


CATALOGUE = [
    _product("SW-24P", "Коммутатор управляемый 24 порта PoE+ L2", "24", "370", "12"),
    _product("SW-16", "Коммутатор управляемый 16 портов L2", "16", "125", "4"),
]


def _candidates(record: NoticeRecord) -> dict[str, object]:
    (result,) = Matcher(CATALOGUE).match_many([record])
    return {candidate.sku: candidate for candidate in result.items[0].candidates}


def test_requirements_only_in_the_docx_decide_compliance():
    notice = NoticeRecord(
        source="eis44",
        number="0373100000126000003",
        title="Поставка коммутаторов",
        items=[Item(index=1, name="Коммутатор управляемый", okpd2="26.30.11.110", quantity="4")],
    )
    # Without the attachment the line states nothing the products could fail.
    before = _candidates(notice)
    assert before["SW-16"].compliant != "no"

    attachment = read_attachment("Техническое задание.docx", docx_bytes(SWITCH_SPEC[:1]))
    merged = merge_attachment_requirements(notice, attachment.requirements)
    after = _candidates(merged.record)
    # Every table row and the free-text warranty line under the ТЗ heading were checked.
    assert after["SW-24P"].compliant == "yes", after["SW-24P"].explanation
    checked = {v["name"] for v in after["SW-24P"].explanation["requirements"]}
    assert checked >= {"Количество портов 1 Гбит/с", "Бюджет PoE", "Поддержка протокола SNMP", "Гарантийный срок"}
    assert after["SW-16"].compliant == "no"
    assert set(after["SW-16"].failed) >= {"Количество портов 1 Гбит/с", "Бюджет PoE", "Объем оперативной памяти"}
    # Each checked requirement can be traced to its row in the file.
    origins = {p.name: p.label for p in merged.added}
    assert origins["Бюджет PoE"] == "Техническое задание.docx, таблица 1, строка 3"
