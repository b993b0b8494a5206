"""44-FZ notices of the legacy "fcs" scheme (``fcsNotificationEF``, ``fcsNotificationEA44``, ``...OK``...).

The FTP-era export files (``export/fcsNotification*``, 2014–2020) and the print-form variant
(root ``fcsNotification*`` in ``oos/printform/1``). Field locations: MANIFEST.md section B and the
XPath table ``reference__aksyuk-zakupki_gov_ru/df_xml_patterns.csv``. Relative to the notice ``N``:
``purchaseNumber``, ``docPublishDate``, ``placingWay``, ``ETP``, ``procedureInfo/collecting/endDate``,
``lot`` (or ``lots/lot`` with ``lotNumber``) with ``maxPrice``, ``customerRequirements``,
``purchaseObjects/purchaseObject`` or ``drugPurchaseObjectsInfo``, ``preferenses``, ``restrictions``.

The national regime is stated per lot (``restrictions/restriction/restrictionsSt14``, requirement types
BAN / RA / AC = ban / restriction / admission conditions, i.e. advantage) and applies to every object
of the lot; SMP-only is the restriction MB44330 (or the art. 30 part 3 preference of later schemes).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from lxml import etree

from crawlers.parsers.eis44 import (
    LAW,
    SOURCE,
    delivery_places,
    documents,
    drug_item,
    platform,
    purchase_item,
    security,
    smp_only,
)
from crawlers.parsers.eis_values import (
    clean,
    customer_party,
    decimal,
    percent,
    procedure_date,
    timestamp,
)
from crawlers.parsers.xmlsafe import ParseError, child, children, localname, text

_REGIME_BY_TYPE = {"BAN": "ban", "RA": "restriction", "AC": "advantage"}
_REGIME_RANK = {"ban": 3, "restriction": 2, "advantage": 1}


def extract(node: etree._Element, source_name: str) -> list[dict[str, Any]]:
    """One ``fcsNotification*`` element -> its canonical record as a dict."""
    number = text(node, "purchaseNumber")
    if not number:
        raise ParseError(source_name, f"{localname(node)}: нет номера извещения (purchaseNumber)")
    lots = list(children(node, "lots/lot")) or list(children(node, "lot"))
    first_lot = lots[0] if lots else None
    requirement = child(first_lot, "customerRequirements/customerRequirement")
    procedure = child(node, "procedureInfo")
    version = text(node, "versionNumber")
    amended = (version is not None and version.isdigit() and int(version) > 1) or (
        child(node, "modification") is not None
    )
    attachments = [*children(node, "attachments/attachment"), *children(node, "notificationAttachments/attachment")]
    record: dict[str, Any] = {
        "source": SOURCE,
        "number": number,
        "version": int(version) if version and version.isdigit() else None,
        "law": LAW,
        "title": clean(text(node, "purchaseObjectInfo")),
        "url": text(node, "href") or text(node, "printForm/url"),
        "procedure": clean(text(node, "placingWay/name")),
        "procedure_code": text(node, "placingWay/code"),
        "status": "amended" if amended else "active",
        "platform": platform(child(node, "ETP")),
        "customer": _customer(node, requirement),
        "nmck": _nmck(lots),
        "currency": text(first_lot, "currency/code"),
        "published_at": timestamp(text(node, "docPublishDate")),
        "deadline_at": timestamp(text(procedure, "collecting/endDate")),
        "auction_at": procedure_date(text(procedure, "bidding/date")),
        "review_at": procedure_date(text(procedure, "scoring/date")),
        "application_security": security(child(requirement, "applicationGuarantee")),
        "contract_security": security(child(requirement, "contractGuarantee")),
        "warranty_security": security(child(requirement, "provisionWarranty")),
        "advance_percent": percent(text(requirement, "advancePaymentSum/sumInPercents")),
        "smp_only": any(smp_only(lot) for lot in lots) if lots else None,
        "delivery_place": _delivery_place(requirement),
        "documents": documents(attachments),
        "items": _items(lots),
        "ikz": text(requirement, "purchaseCode") or text(requirement, "IKZInfo/purchaseCode"),
    }
    return [record]


def _nmck(lots: list[etree._Element]) -> str | None:
    prices = [decimal(text(lot, "maxPrice")) for lot in lots]
    if not prices or any(price is None for price in prices):
        return None
    if len(prices) == 1:
        return prices[0]
    return decimal(str(sum(Decimal(price) for price in prices if price is not None)))


def _customer(node: etree._Element, requirement: etree._Element | None) -> dict[str, Any] | None:
    inn = kpp = None
    responsible = child(node, "purchaseResponsible")
    org = child(responsible, "responsibleOrg")
    if text(responsible, "responsibleRole") == "CU":
        inn, kpp = text(org, "INN"), text(org, "KPP")
    name = clean(text(requirement, "customer/fullName")) or (clean(text(org, "fullName")) if inn else None)
    ikz = text(requirement, "purchaseCode") or text(requirement, "IKZInfo/purchaseCode")
    return customer_party(name, text(requirement, "IKZInfo/customerCode"), ikz, inn, kpp)


def _delivery_place(requirement: etree._Element | None) -> str | None:
    places = delivery_places(children(requirement, "kladrPlaces/kladrPlace"))
    return places or clean(text(requirement, "deliveryPlace"))


def lot_regime(lot: etree._Element) -> str | None:
    """The strictest national-regime measure declared for a lot."""
    found: str | None = None
    for requirement_type in lot.iter("{*}requirementType"):
        regime = _REGIME_BY_TYPE.get(text(requirement_type, "type") or "")
        if regime and (found is None or _REGIME_RANK[regime] > _REGIME_RANK[found]):
            found = regime
    return found


def _items(lots: list[etree._Element]) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    numbered = len(lots) > 1
    for position, lot in enumerate(lots, start=1):
        lot_number = (int(text(lot, "lotNumber") or position)) if numbered else None
        regime = lot_regime(lot)
        for purchase_object in children(lot, "purchaseObjects/purchaseObject"):
            items.append(purchase_item(purchase_object, len(items) + 1, lot_number, regime))
        for drug in children(lot, "drugPurchaseObjectsInfo/drugPurchaseObjectInfo"):
            item = drug_item(drug, len(items) + 1, lot_number)
            item["national_regime"] = item["national_regime"] or regime
            items.append(item)
    return items
