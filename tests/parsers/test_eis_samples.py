"""Real EIS documents of ../shared/samples, read in place (skipped when absent).

(a) every notice parses into valid records and every other EIS / XML document is refused as an
    unknown kind, never a crash; (b) concrete values checked by reading the XML files.
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest
from lxml import etree

from crawlers.parsers import UnknownDocumentKind, parse_document, xmlsafe
from store.schema import NoticeRecord
from tests.conftest import SAMPLES

pytestmark = pytest.mark.samples

_NOTICE_NAME = re.compile(r"epNotification|fcsNotification|purchaseNotice")
_PRINT_FORM_NOTICES = {"44.xml", "test.xml"}
XML_FILES = sorted(SAMPLES.glob("*/*.xml")) if SAMPLES.is_dir() else []
NOTICES = [p for p in XML_FILES if _NOTICE_NAME.search(p.name) or p.name in _PRINT_FORM_NOTICES]
OTHERS = [p for p in XML_FILES if p not in NOTICES]


@pytest.mark.parametrize("path", NOTICES, ids=lambda p: p.name[:60])
def test_every_sample_notice_parses(path: Path) -> None:
    records = parse_document(path.read_bytes(), path.name)
    assert records
    for record in records:
        again = NoticeRecord.model_validate(record.to_json_dict())
        assert again.number and again.source in ("eis44", "eis223")
        assert again.items, "a notice without purchase lines"
        assert [item.index for item in again.items] == list(range(1, len(again.items) + 1))
        assert again.deadline_at is not None and again.nmck is not None


@pytest.mark.parametrize("path", NOTICES, ids=lambda p: p.name[:60])
def test_dropping_indentation_changes_no_value(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The safe parser drops blank text between elements (speed); a parser keeping it reads the same notice."""
    data = path.read_bytes()
    fast = parse_document(data, path.name)
    monkeypatch.setattr(xmlsafe, "_parser", lambda: etree.XMLParser(resolve_entities=False, no_network=True))
    assert parse_document(data, path.name) == fast


@pytest.mark.parametrize("path", OTHERS, ids=lambda p: p.name[:60])
def test_non_notices_are_refused_by_kind(path: Path) -> None:
    with pytest.raises(UnknownDocumentKind) as caught:
        parse_document(path.read_bytes(), path.name)
    assert caught.value.source == path.name and path.name in str(caught.value)
    assert caught.value.kind in str(caught.value)


def sample(samples_dir: Path, pattern: str) -> NoticeRecord:
    (path,) = samples_dir.glob(pattern)
    (record,) = parse_document(path.read_bytes(), path.name)
    return record


def test_ef2020_computer_equipment_0173200002625000220(samples_dir: Path) -> None:
    notice = sample(samples_dir, "eis44_export_2025__*/*0173200002625000220*.xml")
    assert (notice.number, notice.version, notice.status) == ("0173200002625000220", 2, "amended")
    assert (notice.nmck, notice.currency) == ("10025050.52", "RUB")
    assert notice.deadline_at == "2025-10-22T09:00:00+03:00"
    assert notice.published_at == "2025-10-17T08:22:39.752+03:00"
    assert notice.procedure_code == "EAP20" and notice.platform.url == "http://roseltorg.ru"
    assert len(notice.items) == 16
    assert sum(Decimal(i.sum) for i in notice.items) == Decimal("10025050.52")
    assert notice.application_security.model_dump() == {"amount": "100250.51", "percent": "1"}
    assert notice.contract_security.model_dump() == {"amount": None, "percent": "5"}
    assert notice.smp_only is True  # PVS33044
    assert notice.ikz == "252971541494477150100101180010000244"
    assert notice.customer.inn == "9715414944" and notice.customer.region == "Москва"
    assert notice.contract_end_at == "2025-12-22"
    software, switch = notice.items[0], notice.items[1]
    assert (software.ktru, software.national_regime) == ("58.29.11.000-00000003", "ban")
    assert (switch.ktru, switch.quantity, switch.unit_price) == ("26.30.11.110-00000041", "4", "81992.33")
    assert switch.national_regime == "restriction"
    rules = next(c for c in switch.characteristics if c.name == "Количество 802.1ad правил")
    assert (rules.kind, rules.unit) == ("range", "Тысяча штук")
    assert (rules.min, rules.min_inclusive, rules.max, rules.max_inclusive) == ("8", False, "16", True)
    protocols = next(c for c in switch.characteristics if c.name == "Поддержка протоколов и средств управления")
    assert (protocols.kind, protocols.values) == ("values", ["SNMP", "Telnet"])
    laptop = notice.items[5]
    assert laptop.ktru == "26.20.11.110-00000138"
    assert sum(len(i.characteristics) for i in notice.items) == 259  # 248 KTRU + 11 text-form


def test_ef2020_printing_services_0173200001425001720(samples_dir: Path) -> None:
    notice = sample(samples_dir, "eis44_export_2025__*/*0173200001425001720*.xml")
    assert (notice.number, notice.version, notice.status) == ("0173200001425001720", 1, "active")
    assert notice.nmck == "388050008.2"
    assert notice.deadline_at == "2025-11-24T10:00:00+03:00"
    assert notice.application_security.model_dump() == {"amount": "1940250.04", "percent": "0.5"}
    assert notice.contract_security.model_dump() == {"amount": "116415002.46", "percent": "30"}
    assert notice.warranty_security.model_dump() == {"amount": "38805000.82", "percent": "10"}
    assert len(notice.items) == 6  # child objects only, not the parent service line
    mfp = notice.items[0]
    assert (mfp.ktru, mfp.okpd2, mfp.quantity, mfp.sum) == ("26.20.18.000-00000068", "26.20.18.120", "250", "126010575")
    assert mfp.national_regime == "restriction"
    connection = next(c for c in mfp.characteristics if c.name == "Способ подключения")
    assert connection.values == ["USB", "Ethernet (RJ-45)"]


def test_eok2020_with_100_banned_lines_0173300006625000009(samples_dir: Path) -> None:
    notice = sample(samples_dir, "eis44_export_2025__*/*0173300006625000009*.xml")
    assert notice.nmck == "520000" and notice.deadline_at == "2025-11-24T08:00:00+03:00"
    assert len(notice.items) == 100
    assert {i.national_regime for i in notice.items} == {"ban"}
    assert notice.application_security is None
    assert notice.contract_security.percent == "10"


def test_ezk2020_ban_declared_impossible_0373200624325000142(samples_dir: Path) -> None:
    notice = sample(samples_dir, "eis44_export_2025__*/*0373200624325000142*.xml")
    assert notice.nmck == "93552" and notice.deadline_at == "2025-10-22T10:00:00+03:00"
    (tray,) = notice.items
    assert tray.ktru == "22.29.29.190-00000057" and len(tray.characteristics) == 10
    assert tray.national_regime is None  # isProhibition with isImposibilityProhibition: no ban applies
    depth = next(c for c in tray.characteristics if c.name == "Глубина (внешняя)")
    assert (depth.min, depth.min_inclusive, depth.max, depth.max_inclusive) == ("100", True, "200", False)
    assert depth.unit == "Миллиметр"
    section = next(c for c in tray.characteristics if c.name == "Гидравлическое сечение (DN)")
    assert (section.kind, section.values) == ("values", ["100"])


def test_ezk2020_drug_with_advantage_0873200009825003124(samples_dir: Path) -> None:
    notice = sample(samples_dir, "eis44_export_2025__*/*0873200009825003124*.xml")
    assert notice.nmck == "17100000" and notice.deadline_at == "2025-10-17T08:00:00+03:00"
    assert notice.application_security.model_dump() == {"amount": "171000.00", "percent": "1"}
    assert notice.contract_security.model_dump() == {"amount": "855000.00", "percent": "5"}
    assert [i.national_regime for i in notice.items] == ["advantage"]


def test_print_form_ezk_2021(samples_dir: Path) -> None:
    notice = sample(samples_dir, "eis44_printform_2021__*/44.xml")
    assert (notice.number, notice.version) == ("0320100007621000014", 3)
    assert notice.deadline_at == "2021-04-22T09:00:00+10:00"  # Vladivostok offset kept
    assert notice.nmck == "121600" and notice.procedure_code == "ZKP504"
    assert notice.ikz == "211254001576725400100100410012013244"
    assert notice.customer.inn == "2540015767" and notice.customer.region == "Приморский край"
    first = notice.items[0]
    assert (first.okpd2, first.quantity, first.unit) == ("20.13.52.110", "2", "Комплект")


def test_legacy_print_form_fcs_notification_ef(samples_dir: Path) -> None:
    notice = sample(samples_dir, "eis44_printform_2021__*/test.xml")
    assert notice.number == "0301300140921000011" and notice.nmck == "44648.67"
    assert notice.deadline_at == "2021-04-16T10:00:00+05:00"
    assert notice.contract_security.model_dump() == {"amount": "2232.43", "percent": "5"}
    assert len(notice.items) == 8
    assert {i.national_regime for i in notice.items} == {"advantage"}  # AC: admission conditions (126n)
    assert notice.customer.region == "Республика Башкортостан"


def test_223_purchase_notice_2016(samples_dir: Path) -> None:
    notice = sample(samples_dir, "eis223__Homyakin-ZakupkiParser/purchaseNotice_test.xml")
    assert (notice.source, notice.law, notice.number, notice.version) == ("eis223", "223-FZ", "31603913641", 2)
    assert notice.nmck == "3077055.86"
    assert notice.deadline_at == "2016-08-05T18:00:00+03:00"  # published without offset: Moscow time
    assert notice.smp_only is True
    assert notice.platform.url == "http://rn.tektorg.ru"
    assert notice.customer.inn == "7706107510" and notice.customer.region == "Москва"
    (item,) = notice.items
    assert (item.lot, item.okpd2, item.quantity) == (1, "41.20.20.310", "0.698")


def test_223_quotation_notice_2012(samples_dir: Path) -> None:
    notice = sample(samples_dir, "eis223__Homyakin-ZakupkiParser/purchaseNoticeZK_test.xml")
    assert notice.number == "31200022868" and notice.nmck == "280000"
    assert notice.deadline_at == "2012-11-14T18:00:00.000+04:00"
    assert notice.items[0].quantity == "4000" and notice.customer.region == "Республика Адыгея"
