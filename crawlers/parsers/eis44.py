"""44-FZ notices of the current EIS scheme (``epNotificationEF2020``, ``EOK2020``, ``EZK2020``...).

Input is the notice element: ``export/<kind>`` of the export files or the print-form root
(``oos/printform/1``). Field locations: ../shared/samples/MANIFEST.md section A. Paths below are
relative to the notice element ``N``; every name is a local name (prefixes vary between files).

Decisions:
- ``status`` is "amended" when ``versionNumber`` > 1 or ``modificationInfo`` is present, else "active".
- Customer and securities come from the first ``customerRequirementInfo`` (joint purchases name several
  customers; the first is the lead one). The customer's INN/KPP are read from the customer code inside
  the IKZ (the customer block itself carries no INN), or from the responsible organisation when it acts
  as the customer (role CU); the region from the KPP/INN tax region code.
- Securities: ``part`` is a percent. An amount is copied only when published; nothing is computed.
- National regime per object: ban (unless ``isImposibilityProhibition``) > restriction > advantage.
- SMP-only when a preference / requirement is the art. 30 part 3 restriction (PVS33044 or its wording).
- Characteristics: a range (``rangeSet``) -> kind "range" with inclusive flags from the math notation;
  ``valueSet`` / ``qualityDescription`` -> kind "values"; a qualitative value that is itself a
  requirement sentence ("не менее 8 портов") -> kind "text".
"""

from __future__ import annotations

import re
from typing import Any

from lxml import etree

from crawlers.parsers.eis_values import (
    calendar_date,
    clean,
    customer_code_from_ikz,
    decimal,
    inn_kpp_from_customer_code,
    percent,
    positive,
    region_name,
    timestamp,
)
from crawlers.parsers.xmlsafe import ParseError, child, children, localname, text
from store.schema import NoticeRecord

SOURCE = "eis44"
LAW = "44-FZ"

_MIN_INCLUSIVE = {"greaterOrEqual": True, "greater": False}
_MAX_INCLUSIVE = {"lessOrEqual": True, "less": False}
_CHARACTERISTIC_TAGS = ("{*}characteristicsUsingReferenceInfo", "{*}characteristicsUsingTextForm")

SMP_ONLY_CODES = frozenset({"PVS33044", "MB44330"})
_SMP_ONLY_TEXT = re.compile(
    r"ч\.\s*3\s+ст\.\s*30|только\s+(?:субъект\w*\s+мал|смп)|субъектов\s+малого\s+предпринимательства\s+и\s+соц",
    re.IGNORECASE,
)
_REQUIREMENT_TEXT = re.compile(
    r"\b(?:не\s+(?:менее|более|ниже|выше|хуже|меньше|больше)|от\s+\d[\d\s,.]*\s*до)\b|[≥≤]|>=|<=",
    re.IGNORECASE,
)


def parse_notice(node: etree._Element, source_name: str) -> NoticeRecord:
    """One ``epNotification*`` element -> a validated :class:`NoticeRecord`."""
    common = child(node, "commonInfo")
    number = text(common, "purchaseNumber")
    if not number:
        raise ParseError(source_name, f"{localname(node)}: no commonInfo/purchaseNumber")
    info = child(node, "notificationInfo")
    version = _int(text(node, "versionNumber"))
    requirement = child(info, "customerRequirementsInfo/customerRequirementInfo")
    conditions = child(requirement, "contractConditionsInfo")
    procedure = child(info, "procedureInfo")
    max_price = child(info, "contractConditionsInfo/maxPriceInfo")
    amended = (version is not None and version > 1) or child(node, "modificationInfo") is not None

    record: dict[str, Any] = {
        "source": SOURCE,
        "number": number,
        "version": version,
        "law": LAW,
        "title": clean(text(common, "purchaseObjectInfo")),
        "url": text(common, "href") or text(node, "printFormInfo/url"),
        "procedure": clean(text(common, "placingWay/name")),
        "procedure_code": text(common, "placingWay/code"),
        "status": "amended" if amended else "active",
        "platform": platform(child(common, "ETP")),
        "customer": _customer(node, requirement, conditions),
        "nmck": decimal(text(max_price, "maxPrice") or text(conditions, "maxPriceInfo/maxPrice")),
        "currency": text(max_price, "currency/code"),
        "published_at": timestamp(text(common, "publishDTInEIS")),
        "deadline_at": timestamp(text(procedure, "collectingInfo/endDT")),
        "auction_at": timestamp(text(procedure, "biddingDate") or text(procedure, "summarizingDate")),
        "application_security": security(child(requirement, "applicationGuarantee")),
        "contract_security": security(child(requirement, "contractGuarantee")),
        "warranty_security": security(child(requirement, "provisionWarranty")),
        "advance_percent": percent(text(conditions, "advancePaymentSum/sumInPercents")),
        "smp_only": smp_only(info),
        "delivery_place": _delivery_place(conditions),
        "documents": documents(children(node, "attachmentsInfo/attachmentInfo")),
        "items": _items(child(info, "purchaseObjectsInfo")),
        "ikz": _ikz(conditions),
        "contract_end_at": calendar_date(
            text(conditions, "contractExecutionPaymentPlan/contractExecutionTermsInfo/notRelativeTermsInfo/endDate")
        ),
    }
    return NoticeRecord.model_validate(record)


def _int(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() else None


def platform(etp: etree._Element | None) -> dict[str, Any] | None:
    if etp is None:
        return None
    name, url = clean(text(etp, "name")), text(etp, "url")
    return {"name": name, "url": url} if name or url else None


def security(guarantee: etree._Element | None) -> dict[str, Any] | None:
    """An application / contract / warranty security block: published amount and percent (``part``)."""
    if guarantee is None:
        return None
    amount, part = decimal(text(guarantee, "amount")), percent(text(guarantee, "part"))
    return {"amount": amount, "percent": part} if amount or part else None


def _ikz(conditions: etree._Element | None) -> str | None:
    return text(conditions, "IKZInfo/purchaseCode") or text(conditions, "purchaseCode")


def _customer(
    node: etree._Element, requirement: etree._Element | None, conditions: etree._Element | None
) -> dict[str, Any] | None:
    name = clean(text(requirement, "customer/fullName"))
    code = text(conditions, "IKZInfo/customerCode") or customer_code_from_ikz(_ikz(conditions))
    inn, kpp = inn_kpp_from_customer_code(code)
    responsible = child(node, "purchaseResponsibleInfo")
    if inn is None and text(responsible, "responsibleRole") == "CU":
        org = child(responsible, "responsibleOrgInfo")
        inn, kpp = text(org, "INN"), text(org, "KPP")
        name = name or clean(text(org, "fullName"))
    if not (name or inn):
        return None
    return {"name": name, "inn": inn, "region": region_name(inn, kpp)}


def _delivery_place(conditions: etree._Element | None) -> str | None:
    places: list[str] = []
    holder = child(conditions, "deliveryPlacesInfo")
    if holder is not None:
        for place in holder.iterchildren():  # byGARInfo (2020+) or deliveryPlaceInfo (older)
            described = clean(text(place, "deliveryPlace"))
            area = clean(text(place, "GARInfo/GARAddress") or text(place, "kladr/fullName"))
            value = described or area
            if value and value not in places:
                places.append(value)
    return "; ".join(places) or None


def smp_only(container: etree._Element | None) -> bool | None:
    """True when the notice restricts participants to SMP / SONKO (art. 30 part 3), else False."""
    if container is None:
        return None
    for tag in ("{*}preferenseRequirementInfo", "{*}preferense", "{*}restriction", "{*}requirement"):
        for block in container.iter(tag):
            code = text(block, "shortName")
            if code in SMP_ONLY_CODES or _SMP_ONLY_TEXT.search(text(block, "name") or ""):
                return True
    return False


def documents(attachments: Any) -> list[dict[str, Any]]:
    result = []
    for attachment in attachments:
        kind = clean(text(attachment, "docKindInfo/name")) or clean(text(attachment, "docDescription"))
        result.append({"name": clean(text(attachment, "fileName")), "url": text(attachment, "url"), "kind": kind})
    return result


def national_regime(restrictions: etree._Element | None) -> str | None:
    """ban > restriction > advantage from the per-object flags; a ban declared impossible is no ban."""
    if restrictions is None:
        return None
    if positive(text(restrictions, "isProhibitionForeignPurchaseObjects")) and not positive(
        text(restrictions, "isImposibilityProhibition")
    ):
        return "ban"
    if positive(text(restrictions, "isRestrictForeignPurchaseObjects")):
        return "restriction"
    if positive(text(restrictions, "isPreferenseRFPurchaseObjects")):
        return "advantage"
    return None


def _items(objects: etree._Element | None) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    for purchase_object in children(objects, "notDrugPurchaseObjectsInfo/purchaseObject"):
        items.append(purchase_item(purchase_object, len(items) + 1))
    for drug in children(objects, "drugPurchaseObjectsInfo/drugPurchaseObjectInfo"):
        items.append(drug_item(drug, len(items) + 1))
    return items


def purchase_item(
    purchase_object: etree._Element, index: int, lot: int | None = None, regime: str | None = None
) -> dict[str, Any]:
    """A (non-drug) purchase object; the legacy scheme reuses it with ``OKPD2/code`` and lot regimes."""
    ktru = child(purchase_object, "KTRU")
    okpd2 = child(purchase_object, "OKPD2")
    okpd2_code = (
        text(okpd2, "OKPDCode") or text(okpd2, "code") or text(ktru, "OKPD2/OKPDCode") or text(ktru, "OKPD2/code")
    )
    characteristics: list[dict[str, Any]] = []
    for holder in (ktru, okpd2):
        if holder is not None:
            characteristics.extend(parse_characteristics(child(holder, "characteristics")))
    return {
        "index": index,
        "lot": lot,
        "name": clean(text(purchase_object, "name")) or clean(text(ktru, "name")) or "",
        "okpd2": okpd2_code,
        "ktru": text(ktru, "code"),
        "quantity": decimal(text(purchase_object, "quantity/value")),
        "unit": clean(text(purchase_object, "OKEI/name")) or clean(text(purchase_object, "OKEI/nationalCode")),
        "unit_price": decimal(text(purchase_object, "price")),
        "sum": decimal(text(purchase_object, "sum")),
        "national_regime": national_regime(child(purchase_object, "restrictionsInfo")) or regime,
        "characteristics": characteristics,
    }


def drug_item(drug: etree._Element, index: int, lot: int | None = None) -> dict[str, Any]:
    okpd2 = next(drug.iter("{*}OKPDCode"), None)
    ktru = next((el for el in drug.iter("{*}KTRU")), None)
    unit = next(drug.iter("{*}manualUserOKEI"), None)
    name = clean(text(drug, "name")) or clean(text(next(drug.iter("{*}MNNName"), None))) or ""
    return {
        "index": index,
        "lot": lot,
        "name": name,
        "okpd2": text(okpd2),
        "ktru": text(ktru, "code"),
        "quantity": decimal(text(drug, "drugQuantityCustomersInfo/total")),
        "unit": clean(text(unit, "name")),
        "unit_price": decimal(text(drug, "pricePerUnit")),
        "sum": decimal(text(drug, "positionPrice")),
        "national_regime": national_regime(child(drug, "restrictionsInfo")),
        "characteristics": [],
    }


def parse_characteristics(holder: etree._Element | None) -> list[dict[str, Any]]:
    """All KTRU / text-form characteristics of a ``characteristics`` element, in document order."""
    if holder is None:
        return []
    result = []
    for element in holder.iterchildren(*_CHARACTERISTIC_TAGS):
        parsed = characteristic(element)
        if parsed is not None:
            result.append(parsed)
    return result


def characteristic(element: etree._Element) -> dict[str, Any] | None:
    name = clean(text(element, "name"))
    if not name:
        return None
    unit: str | None = None
    ranges: list[etree._Element] = []
    values: list[str] = []
    for value in children(element, "values/value"):
        for part in value.iterchildren():
            tag = localname(part)
            if tag == "qualityDescription":
                described = clean(part.text)
                if described:
                    values.append(described)
            elif tag == "rangeSet":
                ranges.extend(part.iterchildren("{*}valueRange"))
            elif tag == "valueSet":
                values.extend(v for v in (clean(cv.text) for cv in part.iterchildren("{*}concreteValue")) if v)
            elif tag == "OKEI" and unit is None:
                unit = clean(text(part, "name")) or clean(text(part, "nationalCode"))
    result: dict[str, Any] = {
        "name": name,
        "unit": unit,
        "fill_instruction": clean(text(element, "characteristicsFillingInstruction/name")),
    }
    if ranges:
        bounds = ranges[0]
        low, high = text(bounds, "min"), text(bounds, "max")
        result.update(
            kind="range",
            min=decimal(low),
            min_inclusive=_MIN_INCLUSIVE.get(text(bounds, "minMathNotation") or "") if low else None,
            max=decimal(high),
            max_inclusive=_MAX_INCLUSIVE.get(text(bounds, "maxMathNotation") or "") if high else None,
        )
        if (low and result["min"] is None) or (high and result["max"] is None):  # non-numeric bounds
            result.update(kind="text", min=None, max=None, min_inclusive=None, max_inclusive=None)
            result["text"] = " – ".join(v for v in (low, high) if v)
        return result
    if len(values) == 1 and (_REQUIREMENT_TEXT.search(values[0]) or len(values[0]) > 150):
        result.update(kind="text", text=values[0])
        return result
    result.update(kind="values", values=values)
    return result
