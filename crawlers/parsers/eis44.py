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
- Characteristics: see :mod:`crawlers.parsers.eis_ktru`.
- Unknown fields are left out of the record dict (the model's None defaults), which also spares
  validators; ``crawlers.parsers.parse_document`` validates.
"""

from __future__ import annotations

import re
from typing import Any

from lxml import etree

from crawlers.parsers.eis_ktru import parse_characteristics
from crawlers.parsers.eis_values import (
    calendar_date,
    clean,
    customer_party,
    decimal,
    percent,
    procedure_date,
    timestamp,
)
from crawlers.parsers.xmlsafe import ParseError, child, children, fields, index, localname, text, value

SOURCE = "eis44"
LAW = "44-FZ"

SMP_ONLY_CODES = frozenset({"PVS33044", "MB44330"})
_SMP_ONLY_TEXT = re.compile(
    r"ч\.\s*3\s+ст\.\s*30\b|только\s+(?:субъект\w*\s+мал|смп)|^закупк\w*\s+у\s+субъектов\s+малого",
    re.IGNORECASE,
)
# Art. 30 part 5 (subcontracting SMP) names SMP too but does not restrict who may bid.
_SUBCONTRACTING = re.compile(r"субподряд|соисполнител|ч\.\s*5\s+ст\.\s*30\b", re.IGNORECASE)


def extract(node: etree._Element, source_name: str) -> list[dict[str, Any]]:
    """One ``epNotification*`` element -> its canonical record as a dict (unknown fields omitted)."""
    top = fields(node, *_NOTICE_FIELDS)
    common = fields(top.get("commonInfo"), *_COMMON_FIELDS)
    number = text(common.get("purchaseNumber"))
    if not number:
        raise ParseError(source_name, f"{localname(node)}: нет номера извещения (commonInfo/purchaseNumber)")
    info = fields(top.get("notificationInfo"), *_INFO_FIELDS)
    requirement = fields(child(info.get("customerRequirementsInfo"), "customerRequirementInfo"), *_REQUIREMENT_FIELDS)
    conditions = requirement.get("contractConditionsInfo")
    procedure = fields(info.get("procedureInfo"), "collectingInfo", *_PROCEDURE_DATES)
    max_price = child(info.get("contractConditionsInfo"), "maxPriceInfo")
    version = _int(text(top.get("versionNumber")))
    amended = (version is not None and version > 1) or "modificationInfo" in top

    record: dict[str, Any] = {
        "source": SOURCE,
        "number": number,
        "law": LAW,
        "status": "amended" if amended else "active",
        "documents": documents(children(top.get("attachmentsInfo"), "attachmentInfo")),
        "items": _items(info.get("purchaseObjectsInfo")),
    }
    values = {
        "version": version,
        "title": clean(text(common.get("purchaseObjectInfo"))),
        "url": text(common.get("href")) or text(top.get("printFormInfo"), "url"),
        "procedure": clean(text(common.get("placingWay"), "name")),
        "procedure_code": text(common.get("placingWay"), "code"),
        "platform": platform(common.get("ETP")),
        "customer": _customer(top.get("purchaseResponsibleInfo"), requirement.get("customer"), conditions),
        "nmck": decimal(text(max_price, "maxPrice") or text(conditions, "maxPriceInfo/maxPrice")),
        "currency": text(max_price, "currency/code"),
        "published_at": timestamp(text(common.get("publishDTInEIS"))),
        "deadline_at": timestamp(text(procedure.get("collectingInfo"), "endDT")),
        "auction_at": procedure_date(text(procedure.get("biddingDate"))),
        "review_at": procedure_date(text(procedure.get("secondPartsDate")) or text(procedure.get("firstPartsDate"))),
        "summary_at": procedure_date(text(procedure.get("summarizingDate"))),
        "application_security": security(requirement.get("applicationGuarantee")),
        "contract_security": security(requirement.get("contractGuarantee")),
        "warranty_security": security(requirement.get("provisionWarranty")),
        "advance_percent": percent(text(conditions, "advancePaymentSum/sumInPercents")),
        "smp_only": smp_only(top.get("notificationInfo")),
        "delivery_place": _delivery_place(conditions),
        "ikz": _ikz(conditions),
        "contract_end_at": calendar_date(text(conditions, _CONTRACT_END)),
    }
    record.update({key: known for key, known in values.items() if known is not None})
    return [record]


_NOTICE_FIELDS = (
    "versionNumber", "commonInfo", "purchaseResponsibleInfo", "printFormInfo", "attachmentsInfo",
    "notificationInfo", "modificationInfo",
)  # fmt: skip
_PROCEDURE_DATES = ("biddingDate", "secondPartsDate", "firstPartsDate", "summarizingDate")
_COMMON_FIELDS = ("purchaseNumber", "publishDTInEIS", "href", "placingWay", "ETP", "purchaseObjectInfo")
_INFO_FIELDS = ("procedureInfo", "contractConditionsInfo", "customerRequirementsInfo", "purchaseObjectsInfo")
_REQUIREMENT_FIELDS = (
    "customer", "applicationGuarantee", "contractGuarantee", "provisionWarranty", "contractConditionsInfo",
)  # fmt: skip
_CONTRACT_END = "contractExecutionPaymentPlan/contractExecutionTermsInfo/notRelativeTermsInfo/endDate"


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
    found = index(guarantee)
    amount, part = decimal(value(found, "amount")), percent(value(found, "part"))
    return {"amount": amount, "percent": part} if amount or part else None


def _ikz(conditions: etree._Element | None) -> str | None:
    return text(conditions, "IKZInfo/purchaseCode") or text(conditions, "purchaseCode")


def _customer(
    responsible: etree._Element | None, customer: etree._Element | None, conditions: etree._Element | None
) -> dict[str, Any] | None:
    """Customer name from the requirement block; INN/KPP from the IKZ customer code, or from the
    responsible organisation when it is the customer itself (role CU)."""
    inn = kpp = None
    org = child(responsible, "responsibleOrgInfo")
    if text(responsible, "responsibleRole") == "CU":
        inn, kpp = text(org, "INN"), text(org, "KPP")
    name = clean(text(customer, "fullName")) or (clean(text(org, "fullName")) if inn else None)
    return customer_party(name, text(conditions, "IKZInfo/customerCode"), _ikz(conditions), inn, kpp)


def _delivery_place(conditions: etree._Element | None) -> str | None:
    # byGARInfo (2020+) or deliveryPlaceInfo (older schemes)
    return delivery_places(child(conditions, "deliveryPlacesInfo"))


def delivery_places(places: Any) -> str | None:
    """Distinct delivery places of the given place elements (or of a holder element's children), joined
    with "; ": the described place, else the address register's (GAR / KLADR) name of the area."""
    if places is None:
        return None
    found: list[str] = []
    for place in places:
        described = clean(text(place, "deliveryPlace"))
        area = clean(text(place, "GARInfo/GARAddress") or text(place, "kladr/fullName"))
        place_text = described or area
        if place_text and place_text not in found:
            found.append(place_text)
    return "; ".join(found) or None


# Where preferences / restrictions / requirements sit: current scheme (notificationInfo) and legacy (lot).
_SMP_BLOCKS = {
    "preferensesInfo": "preferenseInfo/preferenseRequirementInfo",
    "requirementsInfo": "requirementInfo/preferenseRequirementInfo",
    "restrictionsInfo": "restrictionInfo/preferenseRequirementInfo",
    "preferenses": "preferense",
    "restrictions": "restriction",
    "requirements": "requirement",
}


def smp_only(container: etree._Element | None) -> bool | None:
    """True when the notice restricts participants to SMP / SONKO (art. 30 part 3), else False.

    ``container`` is ``notificationInfo`` (current scheme) or a ``lot`` (legacy scheme).
    """
    if container is None:
        return None
    for name, holder in fields(container, *_SMP_BLOCKS).items():
        for block in children(holder, _SMP_BLOCKS[name]):
            found = index(block)
            name_text = value(found, "name") or ""
            if value(found, "shortName") in SMP_ONLY_CODES or (
                _SMP_ONLY_TEXT.search(name_text) and not _SUBCONTRACTING.search(name_text)
            ):
                return True
    return False


def documents(attachments: Any) -> list[dict[str, Any]]:
    result = []
    for attachment in attachments:
        found = index(attachment)
        kind = clean(text(found.get("docKindInfo"), "name")) or clean(value(found, "docDescription"))
        result.append({"name": clean(value(found, "fileName")), "url": value(found, "url"), "kind": kind})
    return result


def national_regime(restrictions: etree._Element | None) -> str | None:
    """ban > restriction > advantage from the per-object flags; a ban declared impossible is no ban."""
    flags = index(restrictions)
    if not flags:
        return None
    if value(flags, "isProhibitionForeignPurchaseObjects") == "true" and (
        value(flags, "isImposibilityProhibition") != "true"
    ):
        return "ban"
    if value(flags, "isRestrictForeignPurchaseObjects") == "true":
        return "restriction"
    if value(flags, "isPreferenseRFPurchaseObjects") == "true":
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
    purchase_object: etree._Element, position: int, lot: int | None = None, regime: str | None = None
) -> dict[str, Any]:
    """A (non-drug) purchase object; the legacy scheme reuses it with ``OKPD2/code`` and lot regimes."""
    found = index(purchase_object)
    ktru, okpd2 = index(found.get("KTRU")), index(found.get("OKPD2"))
    okei = index(found.get("OKEI"))
    okpd2_code = value(okpd2, "OKPDCode") or value(okpd2, "code")
    if okpd2_code is None and "OKPD2" in ktru:
        ktru_okpd2 = index(ktru["OKPD2"])
        okpd2_code = value(ktru_okpd2, "OKPDCode") or value(ktru_okpd2, "code")
    characteristics = parse_characteristics(ktru.get("characteristics"))
    if "characteristics" in okpd2:
        characteristics += parse_characteristics(okpd2["characteristics"])
    item: dict[str, Any] = {
        "index": position,
        "name": clean(value(found, "name")) or clean(value(ktru, "name")) or "",
        "characteristics": characteristics,
    }
    _put(item, "lot", lot)
    _put(item, "okpd2", okpd2_code)
    _put(item, "ktru", value(ktru, "code"))
    _put(item, "quantity", decimal(text(found.get("quantity"), "value")))
    _put(item, "unit", clean(value(okei, "name")) or clean(value(okei, "nationalCode")))
    _put(item, "unit_price", decimal(value(found, "price")))
    _put(item, "sum", decimal(value(found, "sum")))
    _put(item, "national_regime", national_regime(found.get("restrictionsInfo")) or regime)
    return item


def _put(record: dict[str, Any], key: str, known: Any) -> None:
    """Set only known values: absent keys take the model's None default without running validators."""
    if known is not None:
        record[key] = known


def drug_item(drug: etree._Element, position: int, lot: int | None = None) -> dict[str, Any]:
    okpd2 = next(drug.iter("{*}OKPDCode"), None)
    ktru = next(drug.iter("{*}KTRU"), None)
    unit = next(drug.iter("{*}manualUserOKEI"), None)
    name = clean(text(drug, "name")) or clean(text(next(drug.iter("{*}MNNName"), None))) or ""
    return {
        "index": position,
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
