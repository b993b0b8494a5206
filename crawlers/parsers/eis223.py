"""223-FZ notices (``purchaseNotice``, ``purchaseNoticeZK``, ``purchaseNoticeAE``... TFF schemes).

A file is ``<kind>/body/item/<kind>Data`` (``D``), one notice per ``item`` (daily FTP files hold many).
Field locations: MANIFEST.md section D. Lots are ``D/lots/lot/lotData`` (TFF-5.0 and later) or
``D/lots/lot`` directly (TFF-3.1, ZK); their ``lotItems/lotItem`` become the items with ``lot`` set to
the lot's ordinal number. The NMCK is the sum of the lots' initial sums when they share a currency.

Decisions:
- Timestamps without an offset (TFF-5.0 files publish none) are Moscow time, the EIS server time.
- ``smp_only`` comes from the lots' ``forSmallOrMiddle`` (True only when every lot is SME-only).
- A lot item has no name of its own: a single-item lot takes the lot subject, otherwise the OKPD2
  (or OKDP) name; ``additionalInfo`` (often a specification) becomes a text characteristic.
- Legacy OKDP codes (2012-2014 notices have no OKPD2) and OKVED / OKVED2 codes are kept as the line's
  ``classifications``; a line without a sum of its own takes its lot's initial sum when it is the lot's only
  line (a lot's sum is never split between several lines).
- 223-FZ notices of these schemes carry no securities or national-regime flags: those stay null.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from lxml import etree

from crawlers.parsers.eis_values import clean, customer_party, decimal, procedure_date, timestamp
from crawlers.parsers.xmlsafe import ParseError, child, children, localname, text

SOURCE = "eis223"
LAW = "223-FZ"
ADDITIONAL_INFO = "Дополнительные сведения"
_REVIEW_FIELDS = ("examinationDateTime", "quotationExaminationTime", "applExamPeriodTime")


def extract(root: etree._Element, source_name: str) -> list[dict[str, Any]]:
    """Every notice of a ``purchaseNotice*`` document as canonical record dicts."""
    records = []
    for item in children(root, "body/item"):
        data = next((el for el in item.iterchildren() if _is_data(el)), None)
        if data is not None:
            records.append(notice_dict(data, source_name))
    if not records:
        raise ParseError(source_name, f"{localname(root)}: нет извещения (body/item/*Data)")
    return records


def _is_data(element: etree._Element) -> bool:
    name = localname(element)
    return name.startswith("purchaseNotice") and name.endswith("Data")


def notice_dict(data: etree._Element, source_name: str) -> dict[str, Any]:
    number = text(data, "registrationNumber")
    if not number:
        raise ParseError(source_name, f"{localname(data)}: нет регистрационного номера (registrationNumber)")
    lots = [(lot, _lot_body(lot)) for lot in children(data, "lots/lot")]
    version = text(data, "version")
    customer = child(data, "customer/mainInfo")
    inn, kpp = text(customer, "inn"), text(customer, "kpp")
    place = child(data, "electronicPlaceInfo")
    attachments = [*children(data, "attachments/document"), *children(data, "attachements/document")]
    record: dict[str, Any] = {
        "source": SOURCE,
        "number": number,
        "version": int(version) if version and version.isdigit() else None,
        "law": LAW,
        "title": clean(text(data, "name")),
        "url": text(data, "urlOOS") or text(data, "urlVSRZ"),
        "procedure": clean(text(data, "purchaseCodeName")),
        "procedure_code": text(data, "purchaseMethodCode"),
        "status": "amended" if version and version.isdigit() and int(version) > 1 else "active",
        "platform": {"name": clean(text(place, "name")), "url": text(place, "url")} if place is not None else None,
        "customer": customer_party(clean(text(customer, "fullName")), inn=inn, kpp=kpp),
        "nmck": _total([body for _, body in lots]),
        "currency": _currency([body for _, body in lots]),
        "published_at": timestamp(text(data, "publicationDateTime")),
        "deadline_at": timestamp(text(data, "submissionCloseDateTime")),
        **_procedure_dates(data),
        "smp_only": _smp_only([body for _, body in lots]),
        "delivery_place": _delivery_place([body for _, body in lots]),
        "documents": [
            {
                "name": clean(text(doc, "fileName")),
                "url": text(doc, "url"),
                "kind": clean(text(doc, "description")),
            }
            for doc in attachments
        ],
        "items": _items(lots),
    }
    return record


def _procedure_dates(data: etree._Element) -> dict[str, str | None]:
    """Bidding, review and summing-up moments: the scheme's own fields, else the notice's extend fields
    (TFF-5.0 ``extendFields/noticeExtendField/extendField`` with ``integrCode`` and ``value/dateTime``)."""
    extended = {
        text(field, "integrCode"): text(field, "value/dateTime") or text(field, "value/date")
        for field in children(data, "extendFields/noticeExtendField/extendField")
    }

    def first(*names: str) -> str | None:
        for name in names:
            found = text(data, name) or extended.get(name)
            if found:
                return procedure_date(found)
        return None

    return {
        "auction_at": first("auctionTime"),
        "review_at": first(*_REVIEW_FIELDS),
        "summary_at": first("summingupDateTime", "purchaseDateTime"),
    }


def _lot_body(lot: etree._Element) -> etree._Element:
    """``lot/lotData`` in TFF-5.0 and later, the lot itself in TFF-3.1 and ZK files."""
    data = child(lot, "lotData")
    return lot if data is None else data


def _currency(bodies: list[etree._Element]) -> str | None:
    codes = {text(body, "currency/code") for body in bodies} - {None}
    return codes.pop() if len(codes) == 1 else None


def _total(bodies: list[etree._Element]) -> str | None:
    sums = [decimal(text(body, "initialSum")) for body in bodies]
    if not sums or None in sums or _currency(bodies) is None:
        return None
    return sums[0] if len(sums) == 1 else decimal(str(sum(Decimal(s) for s in sums if s is not None)))


def _smp_only(bodies: list[etree._Element]) -> bool | None:
    flags = [text(body, "forSmallOrMiddle") for body in bodies]
    if not flags or None in flags:
        return None
    return all(flag == "true" for flag in flags)


def _delivery_place(bodies: list[etree._Element]) -> str | None:
    places: list[str] = []
    for body in bodies:
        place = clean(text(body, "deliveryPlace/address") or text(body, "deliveryPlace"))
        if place and place not in places:
            places.append(place)
    return "; ".join(places) or None


def _items(lots: list[tuple[etree._Element, etree._Element]]) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    for position, (lot, body) in enumerate(lots, start=1):
        ordinal = text(lot, "ordinalNumber")
        lot_number = int(ordinal) if ordinal and ordinal.isdigit() else position
        lot_items = list(children(body, "lotItems/lotItem"))
        subject = clean(text(body, "subject"))
        lot_sum = decimal(text(body, "initialSum")) if len(lot_items) == 1 else None
        for lot_item in lot_items:
            code_name = clean(text(lot_item, "okpd2/name") or text(lot_item, "okdp/name"))
            name = subject if len(lot_items) == 1 and subject else code_name or subject or ""
            extra = clean(text(lot_item, "additionalInfo"))
            items.append(
                {
                    "index": len(items) + 1,
                    "lot": lot_number,
                    "name": name,
                    "okpd2": text(lot_item, "okpd2/code"),
                    "classifications": _classifications(lot_item),
                    "quantity": decimal(text(lot_item, "qty")),
                    "unit": clean(text(lot_item, "okei/name")),
                    "sum": decimal(text(lot_item, "sum")) or lot_sum,
                    "characteristics": [{"name": ADDITIONAL_INFO, "kind": "text", "text": extra}] if extra else [],
                }
            )
    return items


# Codes other than OKPD2 kept as classifications: legacy OKDP (before 2014) and the activity codes.
_CLASSIFICATIONS = (("okdp", "OKDP"), ("okved", "OKVED"), ("okved2", "OKVED2"))


def _classifications(lot_item: etree._Element) -> list[dict[str, Any]]:
    found = []
    for element, scheme in _CLASSIFICATIONS:
        code = text(lot_item, f"{element}/code")
        if code:
            found.append({"scheme": scheme, "code": code, "description": clean(text(lot_item, f"{element}/name"))})
    return found
