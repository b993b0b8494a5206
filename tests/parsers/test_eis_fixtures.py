"""Project-authored EIS documents (tests/fixtures/eis) as input / expected-output pairs, plus the facts
each fixture was written to exercise, asserted directly so a wrong expected file cannot hide a bug."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from crawlers.parsers import parse_document
from store.schema import NoticeRecord

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "eis"
PAIRS = sorted(FIXTURES.glob("*.xml"))


def parse(name: str) -> list[NoticeRecord]:
    return parse_document((FIXTURES / name).read_bytes(), name)


def assert_subset(expected: Any, actual: Any, where: str = "$") -> None:
    """Every key of ``expected`` has the same value in ``actual`` (added contract fields are ignored)."""
    if isinstance(expected, dict):
        assert isinstance(actual, dict), where
        for key, value in expected.items():
            assert key in actual, f"{where}.{key} missing"
            assert_subset(value, actual[key], f"{where}.{key}")
    elif isinstance(expected, list):
        assert isinstance(actual, list) and len(actual) == len(expected), f"{where}: length differs"
        for position, (want, got) in enumerate(zip(expected, actual, strict=True)):
            assert_subset(want, got, f"{where}[{position}]")
    else:
        assert actual == expected, f"{where}: {actual!r} != {expected!r}"


def test_every_fixture_has_an_expected_output() -> None:
    assert len(PAIRS) >= 8
    missing = [p.name for p in PAIRS if not p.with_suffix(".expected.json").exists()]
    assert missing == []


@pytest.mark.parametrize("path", PAIRS, ids=lambda p: p.stem)
def test_fixture_matches_expected_output(path: Path) -> None:
    expected = json.loads(path.with_suffix(".expected.json").read_text(encoding="utf-8"))
    records = parse_document(path.read_bytes(), path.name)
    for record in records:
        NoticeRecord.model_validate(record.to_json_dict())  # the JSON form round-trips
    assert_subset(expected, [record.to_json_dict() for record in records])


def test_ef2020_ict_notice() -> None:
    (notice,) = parse("ef2020_ict.xml")
    assert (notice.source, notice.number, notice.version, notice.law) == ("eis44", "0151300000125000101", 1, "44-FZ")
    assert notice.status == "active"
    assert notice.title == "Поставка коммутаторов, персональных компьютеров и ИБП"  # line break collapsed
    assert notice.procedure_code == "EAP20" and notice.platform.name == "АО «Сбербанк-АСТ»"
    assert notice.nmck == "2450000.00" and notice.currency == "RUB"
    assert notice.published_at == "2025-11-10T09:15:00.123+07:00"
    assert notice.deadline_at == "2025-11-18T09:00:00+07:00"  # Novosibirsk offset kept
    assert notice.auction_at == "2025-11-18"  # published as a date: no made-up 00:00
    assert notice.application_security.model_dump() == {"amount": "24500.00", "percent": "1"}
    assert notice.contract_security.model_dump() == {"amount": None, "percent": "5"}  # only a percent: no amount
    assert notice.warranty_security is None
    assert notice.advance_percent == "10"
    assert notice.smp_only is False  # IN44 (art. 29) and SMP subcontracting (art. 30 p. 5) are no SMP-only
    assert notice.customer.inn == "5406123450" and notice.customer.region == "Новосибирская область"
    assert notice.ikz == "252540612345054060100100420012620244"
    assert notice.contract_end_at == "2025-12-25"
    assert [d.kind for d in notice.documents] == ["Описание объекта закупки", "Проект контракта"]
    switch, pc, ups = notice.items
    assert pc.characteristics[2].max_inclusive is True
    assert [i.index for i in notice.items] == [1, 2, 3]
    assert (switch.ktru, switch.okpd2, switch.quantity, switch.unit) == (
        "26.30.11.110-00000041",
        "26.30.11.110",
        "4",
        "Штука",
    )
    assert sum(float(i.sum) for i in notice.items) == pytest.approx(2450000.0)
    # ban and restriction both flagged: the ban wins; restriction alone; advantage alone
    assert [i.national_regime for i in notice.items] == ["ban", "restriction", "advantage"]
    by_name = {c.name: c for c in switch.characteristics}
    ports = by_name["Количество портов 10/100/1000 Мбит/с"]
    assert (ports.kind, ports.min, ports.min_inclusive, ports.max) == ("range", "24", True, None)
    matrix = by_name["Пропускная способность коммутационной матрицы"]
    assert (matrix.min, matrix.min_inclusive, matrix.max, matrix.max_inclusive) == ("52", False, "176.5", True)
    assert matrix.unit == "Гигабит в секунду"
    noise = by_name["Уровень шума"]
    assert (noise.min, noise.max, noise.max_inclusive) == (None, "45", False)
    assert by_name["Поддержка протоколов маршрутизации"].values == ["RIP", "OSPF"]
    assert by_name["Количество блоков питания"].values == ["2"]
    mtbf = by_name["Время наработки на отказ"]  # text-form requirement sentence
    assert (mtbf.kind, mtbf.text) == ("text", "не менее 200 000 часов")
    assert ports.fill_instruction.startswith("Участник закупки указывает")
    assert ups.ktru is None and ups.okpd2 == "26.20.40.110"
    assert ups.characteristics[0].unit == "Вольт-ампер" and ups.characteristics[1].values == ['Rack 19"', "Tower"]


def test_amendment_is_a_new_version_of_the_same_notice() -> None:
    (first,) = parse("ef2020_ict.xml")
    (second,) = parse("ef2020_ict_v2.xml")
    assert first.key == second.key
    assert (second.version, second.status) == (2, "amended")
    assert second.deadline_at == "2025-11-21T09:00:00+07:00"
    assert second.items[0].characteristics[0].min == "48"
    assert second.published_at == "2025-11-12T16:40:05.5+07:00"


def test_ezk2020_quotation() -> None:
    (notice,) = parse("ezk2020_quotation.xml")
    assert notice.procedure == "Запрос котировок в электронной форме"
    assert notice.smp_only is True  # PVS33044
    assert notice.application_security is None
    assert notice.contract_security.model_dump() == {"amount": "19800.00", "percent": "5"}
    # customer differs from the responsible organisation (RA): INN from the IKZ customer code
    assert notice.customer.inn == "6639123455" and notice.customer.region == "Свердловская область"
    # the ban is declared impossible to apply: the advantage remains
    assert notice.items[0].national_regime == "advantage"
    assert notice.auction_at is None


def test_eok2020_tender() -> None:
    (notice,) = parse("eok2020_tender.xml")
    assert notice.procedure_code == "OK20"
    assert notice.application_security.percent == "0.5"
    assert notice.contract_security.model_dump() == {"amount": "360000.00", "percent": "10"}
    assert notice.warranty_security.model_dump() == {"amount": None, "percent": "3"}
    assert notice.customer.region == "Приморский край"  # responsible org acting as customer (CU)
    assert notice.ikz is None and notice.contract_end_at is None  # relative term only
    # EOK2020 has no bidding step: second parts reviewed on one date, results summed up on another.
    assert (notice.auction_at, notice.review_at, notice.summary_at) == (None, "2025-11-28", "2025-12-01")
    assert notice.items[0].quantity is None  # volume given as text only


def test_legacy_fcs_notification() -> None:
    (notice,) = parse("fcs_notification_ef.xml")
    assert (notice.source, notice.number, notice.law) == ("eis44", "0301300000219000505", "44-FZ")
    assert notice.deadline_at == "2019-03-19T09:00:00+05:00"
    assert notice.nmck == "612500.00"
    assert notice.application_security.model_dump() == {"amount": "6125.00", "percent": "1"}
    assert notice.contract_security.model_dump() == {"amount": "30625.00", "percent": "5"}
    assert notice.smp_only is True  # restriction MB44330
    assert [i.national_regime for i in notice.items] == ["restriction", "restriction"]  # lot-level RA
    assert [i.ktru for i in notice.items] == ["26.20.15.000-00000012", None]
    assert notice.customer.region == "Республика Башкортостан"


def test_223_notice_with_lot_data() -> None:
    (notice,) = parse("purchase_notice_lotdata.xml")
    assert (notice.source, notice.law, notice.number) == ("eis223", "223-FZ", "32515000606")
    assert notice.nmck == "5550500.50"  # sum of the two lots
    assert notice.published_at == "2025-11-03T11:20:00+03:00"  # no offset published: Moscow time
    assert notice.deadline_at == "2025-11-13T10:00:00+03:00"
    assert notice.smp_only is True
    assert [(i.lot, i.okpd2, i.quantity) for i in notice.items] == [
        (1, "26.20.14.000", "3"),
        (2, "26.30.11.110", "12"),
        (2, "26.30.11.120", "2"),
    ]
    assert notice.items[0].name == "Серверы"  # single-item lot takes the subject
    assert notice.items[1].characteristics[0].text.startswith("Коммутатор L2+")
    assert notice.customer.region == "Санкт-Петербург"


def test_223_notice_without_lot_data() -> None:
    (notice,) = parse("purchase_notice_zk.xml")
    assert (notice.number, notice.version, notice.status) == ("31300000707", 3, "amended")
    assert notice.title == "Извещение о проведении запроса котировок на поставку картриджей"
    assert notice.deadline_at == "2013-06-13T17:00:00.000+04:00"
    assert notice.smp_only is None  # not stated in this scheme
    assert notice.items[0].okpd2 is None and notice.items[0].quantity == "70"  # OKDP is not OKPD2
    assert notice.documents[0].name == "Извещение ЗК.doc"  # "attachements" (sic) of old schemes


def test_windows_1251_document() -> None:
    data = (FIXTURES / "purchase_notice_ep_cp1251.xml").read_bytes()
    assert b'encoding="windows-1251"' in data[:60]
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    (notice,) = parse_document(data, "cp1251.xml")
    assert notice.customer.name == "МУНИЦИПАЛЬНОЕ УНИТАРНОЕ ПРЕДПРИЯТИЕ «ТЕПЛОСЕТЬ»"
    assert notice.items[0].name == "Лицензии Kaspersky Endpoint Security для бизнеса — Стандартный"
    assert notice.smp_only is False


LEGACY_TWO_LOTS = """<?xml version="1.0" encoding="UTF-8"?>
<ns2:export xmlns="http://zakupki.gov.ru/oos/types/1" xmlns:ns2="http://zakupki.gov.ru/oos/export/1">
  <ns2:fcsNotificationOK schemeVersion="8.3">
    <purchaseNumber>0301300000218000777</purchaseNumber>
    <docPublishDate>2018-05-14T10:00:00+05:00</docPublishDate>
    <purchaseObjectInfo>Поставка оборудования по лотам</purchaseObjectInfo>
    <placingWay><code>OK44</code><name>Открытый конкурс</name></placingWay>
    <procedureInfo><collecting><endDate>2018-06-04T10:00:00+05:00</endDate></collecting></procedureInfo>
    <lots>
      <lot>
        <lotNumber>1</lotNumber>
        <maxPrice>100000.50</maxPrice>
        <currency><code>RUB</code></currency>
        <purchaseObjects>
          <purchaseObject><OKPD2><code>26.20.15.000</code></OKPD2><name>Системный блок</name>
            <OKEI><nationalCode>шт</nationalCode></OKEI><price>50000.25</price>
            <quantity><value>2</value></quantity><sum>100000.50</sum></purchaseObject>
        </purchaseObjects>
        <restrictions><restriction><shortName>JB2149</shortName><restrictionsSt14><restrictionSt14>
          <requirementsType><requirementType><type>AC</type></requirementType>
          <requirementType><type>BAN</type></requirementType></requirementsType>
        </restrictionSt14></restrictionsSt14></restriction></restrictions>
      </lot>
      <lot>
        <lotNumber>2</lotNumber>
        <maxPrice>20000</maxPrice>
        <currency><code>RUB</code></currency>
        <purchaseObjects>
          <purchaseObject><OKPD2><code>58.29.50.000</code></OKPD2><name>Лицензия на ПО</name>
            <price>2000</price><quantity><value>10</value></quantity><sum>20000</sum></purchaseObject>
        </purchaseObjects>
      </lot>
    </lots>
  </ns2:fcsNotificationOK>
</ns2:export>
"""


def test_legacy_notice_with_several_lots() -> None:
    (notice,) = parse_document(LEGACY_TWO_LOTS.encode(), "lots.xml")
    assert notice.nmck == "120000.50"  # sum of the lots
    assert [(i.index, i.lot, i.name) for i in notice.items] == [(1, 1, "Системный блок"), (2, 2, "Лицензия на ПО")]
    assert [i.national_regime for i in notice.items] == ["ban", None]  # strictest measure of lot 1 only
    assert notice.smp_only is False


def test_223_file_with_several_notices() -> None:
    one = (FIXTURES / "purchase_notice_zk.xml").read_text(encoding="utf-8")
    body_start, body_end = one.index("<ns2:item>"), one.index("</ns2:body>")
    item = one[body_start:body_end]
    second = item.replace("31300000707", "31300000708").replace("154000", "99000")
    data = (one[:body_end] + second + one[body_end:]).encode()
    notices = parse_document(data, "daily_001.xml")
    assert [(n.number, n.nmck) for n in notices] == [("31300000707", "154000"), ("31300000708", "99000")]


@pytest.mark.parametrize("path", PAIRS, ids=lambda p: p.stem)
def test_extract_document_gives_the_same_records_unvalidated(path: Path) -> None:
    from crawlers.parsers import extract_document

    dicts = extract_document(path.read_bytes(), path.name)
    assert all(isinstance(record, dict) for record in dicts)
    assert [NoticeRecord.model_validate(record) for record in dicts] == parse_document(path.read_bytes(), path.name)
