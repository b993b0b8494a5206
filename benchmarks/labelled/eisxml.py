"""Write a labelled notice as an EIS export document: ``epNotificationEF2020`` (electronic auction) or
``epNotificationEZK2020`` (electronic quotation), scheme 15.x structure as published on zakupki.gov.ru and read
by ``crawlers/parsers/eis44.py``: commonInfo, purchaseResponsibleInfo, notificationInfo with
purchaseObjectsInfo / notDrugPurchaseObjectsInfo / purchaseObject, characteristics under KTRU (reference ones
plus text-form ones) or under OKPD2 (text form only) with OKEI units, range sets and quality descriptions.
"""

from __future__ import annotations

import tomllib
from decimal import Decimal
from functools import cache
from pathlib import Path

from lxml import etree

from benchmarks.labelled.cases import Characteristic, Line, Notice

NS = {
    None: "http://zakupki.gov.ru/oos/types/1",
    "ns2": "http://zakupki.gov.ru/oos/base/1",
    "ns3": "http://zakupki.gov.ru/oos/export/1",
    "ns4": "http://zakupki.gov.ru/oos/common/1",
    "ns5": "http://zakupki.gov.ru/oos/EPtypes/1",
}
FORMS = {
    "EF": ("epNotificationEF2020", "EAP20", "Электронный аукцион", "ea20"),
    "ZK": ("epNotificationEZK2020", "ZKP20", "Запрос котировок в электронной форме", "zk20"),
}
MATH = {">=": ("minMathNotation", "greaterOrEqual", "min"), ">": ("minMathNotation", "greater", "min"),
        "<=": ("maxMathNotation", "lessOrEqual", "max"), "<": ("maxMathNotation", "less", "max")}  # fmt: skip
FILL_CONCRETE = ("2", "Участник закупки указывает в заявке конкретное значение характеристики")
FILL_FIXED = ("6", "Значение характеристики не может изменяться участником закупки")
FILL_CHOICE = ("4", "Участник закупки указывает в заявке одно или несколько значений характеристики")


@cache
def okei_units() -> dict[str, list[str]]:
    return tomllib.loads((Path(__file__).with_name("okei.toml")).read_text(encoding="utf-8"))


def _el(parent: etree._Element, prefix: str | None, tag: str, text: object = None) -> etree._Element:
    node = etree.SubElement(parent, f"{{{NS[prefix]}}}{tag}")
    if text is not None:
        node.text = str(text)
    return node


def _okei(parent: etree._Element, unit: str) -> None:
    code, national, name = okei_units().get(unit) or ("", unit, unit)
    okei = _el(parent, "ns4", "OKEI")
    if code:
        _el(okei, "ns2", "code", code)
    _el(okei, "ns2", "nationalCode", national)
    _el(okei, "ns2", "name", name)


def _fill(parent: etree._Element, fill: tuple[str, str]) -> None:
    holder = _el(parent, "ns4", "characteristicsFillingInstruction")
    _el(holder, "ns2", "code", fill[0])
    _el(holder, "ns2", "name", fill[1])


def characteristic(holder: etree._Element, char: Characteristic, position: int) -> None:
    tag = "characteristicsUsingTextForm" if char.text_form else "characteristicsUsingReferenceInfo"
    node = _el(holder, "ns4", tag)
    if not char.text_form:
        _el(node, "ns4", "code", f"c{position:07d}-1")
    _el(node, "ns4", "name", char.name)
    _el(node, "ns4", "type", "1" if char.kind == "values" else "2")
    if not char.text_form:
        _el(node, "ns4", "kind", "3" if len(char.values) > 1 else "2")
    values = _el(node, "ns4", "values")
    if char.kind == "values":
        for text in char.values:
            _el(_el(values, "ns4", "value"), "ns4", "qualityDescription", text)
        fill = FILL_CHOICE if len(char.values) > 1 else FILL_FIXED
    else:
        value = _el(values, "ns4", "value")
        if char.unit:
            _okei(value, char.unit)
        _el(value, "ns4", "valueFormat", "N")
        if char.kind == "concrete":
            _el(_el(value, "ns4", "valueSet"), "ns4", "concreteValue", char.bounds[0][1])
            fill = FILL_FIXED
        else:
            value_range = _el(_el(value, "ns4", "rangeSet"), "ns4", "valueRange")
            for operator, number in sorted(char.bounds, key=lambda b: MATH[b[0]][2] != "min"):
                notation, word, bound = MATH[operator]
                _el(value_range, "ns4", notation, word)
                _el(value_range, "ns4", bound, number)
            fill = FILL_CONCRETE
    _fill(node, fill)


def purchase_object(parent: etree._Element, line: Line, sid: int) -> None:
    node = _el(parent, "ns4", "purchaseObject")
    _el(node, "ns4", "sid", sid)
    classifier = _el(node, "ns4", "KTRU" if line.ktru else "OKPD2")
    if line.ktru:
        _el(classifier, "ns2", "code", line.ktru[0])
        _el(classifier, "ns2", "name", line.ktru[1])
    else:
        _el(classifier, "ns2", "OKPDCode", line.okpd2)
    if line.characteristics:
        holder = _el(classifier, "ns4", "characteristics")
        for position, char in enumerate(line.characteristics, start=1):
            characteristic(holder, char, sid * 100 + position)
    if line.ktru:
        _el(_el(classifier, "ns4", "OKPD2"), "ns4", "OKPDCode", line.okpd2)
    _el(node, "ns4", "name", line.name)
    _okei(node, line.unit)
    _el(node, "ns4", "price", _money(line.price))
    _el(_el(node, "ns4", "quantity"), "ns4", "value", _money(line.qty))
    _el(node, "ns4", "sum", _money(line.price * line.qty))
    _el(node, "ns4", "type", "SERVICE" if line.unit in ("услуга", "месяц", "условная единица") else "PRODUCT")
    _el(node, "ns4", "hierarchyType", "ND")


def _money(amount: Decimal) -> str:
    return f"{amount:.2f}"


def _customer_codes(notice: Notice) -> tuple[str, str, str]:
    """A stable invented INN / KPP / registration number per notice (Novosibirsk region 54)."""
    inn = f"54{notice.id:08d}"
    return inn, f"{inn[:4]}01001", f"0{inn[:10]}"


def _common(root: etree._Element, notice: Notice) -> None:
    _, code, name, path = FORMS[notice.form]
    common = _el(root, "ns5", "commonInfo")
    _el(common, "ns5", "purchaseNumber", notice.number)
    _el(common, "ns5", "publishDTInEIS", "2026-02-16T09:15:00.000+07:00")
    _el(common, "ns5", "href",
        f"https://zakupki.gov.ru/epz/order/notice/{path}/view/common-info.html?regNumber={notice.number}")  # fmt: skip
    way = _el(common, "ns5", "placingWay")
    _el(way, "ns2", "code", code)
    _el(way, "ns2", "name", name)
    etp = _el(common, "ns5", "ETP")
    _el(etp, "ns2", "code", "ETP_SBAST")
    _el(etp, "ns2", "name", "АО «Сбербанк-АСТ»")
    _el(etp, "ns2", "url", "http://www.sberbank-ast.ru")
    _el(common, "ns5", "purchaseObjectInfo", notice.title)
    inn, kpp, reg = _customer_codes(notice)
    responsible = _el(root, "ns5", "purchaseResponsibleInfo")
    org = _el(responsible, "ns5", "responsibleOrgInfo")
    _el(org, "ns5", "regNum", reg)
    _el(org, "ns5", "fullName", notice.customer)
    _el(org, "ns5", "INN", inn)
    _el(org, "ns5", "KPP", kpp)
    _el(responsible, "ns5", "responsibleRole", "CU")


def _conditions(info: etree._Element, notice: Notice, nmck: Decimal) -> None:
    procedure = _el(_el(info, "ns5", "procedureInfo"), "ns5", "collectingInfo")
    _el(procedure, "ns5", "startDT", "2026-02-16T09:15:00+07:00")
    _el(procedure, "ns5", "endDT", "2026-02-26T09:00:00+07:00")
    price = _el(_el(info, "ns5", "contractConditionsInfo"), "ns5", "maxPriceInfo")
    _el(price, "ns5", "maxPrice", _money(nmck))
    currency = _el(price, "ns5", "currency")
    _el(currency, "ns2", "code", "RUB")
    _el(currency, "ns2", "name", "РОССИЙСКИЙ РУБЛЬ")
    requirement = _el(_el(info, "ns5", "customerRequirementsInfo"), "ns5", "customerRequirementInfo")
    inn, kpp, reg = _customer_codes(notice)
    customer = _el(requirement, "ns5", "customer")
    _el(customer, "ns2", "regNum", reg)
    _el(customer, "ns2", "fullName", notice.customer)
    conditions = _el(requirement, "ns5", "contractConditionsInfo")
    _el(_el(conditions, "ns5", "maxPriceInfo"), "ns5", "maxPrice", _money(nmck))
    ikz = _el(conditions, "ns5", "IKZInfo")
    _el(ikz, "ns5", "purchaseCode", f"26{inn}{kpp}0{notice.id:04d}0012620244")
    _el(ikz, "ns5", "customerCode", f"2{inn}{kpp}")


def notice_document(notice: Notice) -> bytes:
    """The whole export document of one notice, UTF-8 with an XML declaration."""
    export = etree.Element(f"{{{NS['ns3']}}}export", nsmap=NS)
    root = _el(export, "ns3", FORMS[notice.form][0])
    root.set("schemeVersion", "15.3")
    _el(root, "ns5", "id", 77_000_000 + notice.id)
    _el(root, "ns5", "versionNumber", 1)
    _common(root, notice)
    info = _el(root, "ns5", "notificationInfo")
    _conditions(info, notice, sum((line.price * line.qty for line in notice.lines), Decimal(0)))
    objects = _el(_el(info, "ns5", "purchaseObjectsInfo"), "ns5", "notDrugPurchaseObjectsInfo")
    for line in notice.lines:
        purchase_object(objects, line, notice.id * 10 + line.index)
    return etree.tostring(export, xml_declaration=True, encoding="UTF-8", standalone=True, pretty_print=True)
