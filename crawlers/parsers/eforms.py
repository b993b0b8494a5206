"""TED eForms (UBL) notices into canonical records: ContractNotice, PriorInformationNotice, ContractAwardNotice.

Business terms read (eForms SDK 1.x): title BT-21 (``cac:ProcurementProject/cbc:Name``), CPV BT-262/263,
estimated value BT-27 (``RequestedTenderTotal/EstimatedOverallContractAmount/@currencyID``), lots
(``cac:ProcurementProjectLot``, one canonical item each), submission deadline BT-131 (earliest over lots),
buyer (``ContractingParty`` -> ``efac:Organization``), guarantee BT-751/BT-75 (``RequiredFinancialGuarantee``),
documents OPT-110/BT-15 URIs. XML goes through :func:`crawlers.parsers.xmlsafe.parse_xml` (no entities, no network).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal

from lxml import etree

from crawlers.parsers.ted_terms import choose, language_order, place, procedure_name
from crawlers.parsers.xmlsafe import parse_xml
from store.schema import Classification, Document, Item, NoticeRecord, Party, Security, to_decimal_str

SOURCE = "ted"
NS = {
    "cbc": "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2",
    "cac": "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2",
    "efac": "http://data.europa.eu/p27/eforms-ubl-extension-aggregate-components/1",
    "efbc": "http://data.europa.eu/p27/eforms-ubl-extension-basic-components/1",
}
_ROOTS = {"ContractNotice", "PriorInformationNotice", "ContractAwardNotice"}


def _text(node: etree._Element, path: str) -> str | None:
    found = node.xpath(path, namespaces=NS)
    for value in found:
        text = value if isinstance(value, str) else value.text
        if text and text.strip():
            return " ".join(text.split())
    return None


def _chosen(node: etree._Element, path: str, order: Sequence[str]) -> str | None:
    """A multilingual text (one element per ``languageID``) in the preferred language (:mod:`ted_terms`)."""
    texts = []
    for found in node.xpath(path, namespaces=NS):
        if found.text and found.text.strip():
            texts.append((found.get("languageID"), " ".join(found.text.split())))
    return choose(texts, order)


def _offset(text: str) -> str:
    match = re.search(r"(Z|[+-]\d{2}:\d{2})$", text)
    if not match:
        return "+00:00"  # eForms requires an offset; UTC is the schema's reading of a bare value
    return "+00:00" if match.group(1) == "Z" else match.group(1)


def moment(date: str | None, time: str | None) -> str | None:
    """eForms ``2020-04-03+01:00`` + ``12:00:00+01:00`` -> ``2020-04-03T12:00:00+01:00``."""
    if not date:
        return None
    clock = time[:8] if time and re.match(r"\d{2}:\d{2}:\d{2}", time) else "00:00:00"
    return f"{date[:10]}T{clock}{_offset(time or date)}"


def _lot_number(lot_id: str | None) -> int | None:
    digits = re.sub(r"\D", "", lot_id or "")
    return int(digits) if digits else None


def _organisation(root: etree._Element, org_id: str | None, order: Sequence[str]) -> Party | None:
    if not org_id:
        return None
    company = root.xpath(
        ".//efac:Organization/efac:Company[cac:PartyIdentification/cbc:ID=$oid]", namespaces=NS, oid=org_id
    )
    if not company:
        return None
    node = company[0]
    return Party(name=_chosen(node, "cac:PartyName/cbc:Name", order), region=_address(node, order))


def _address(node: etree._Element, order: Sequence[str]) -> str | None:
    """City and country of a ``cac:PostalAddress`` / ``cac:Address`` below ``node``, in Russian where a name
    exists (:func:`crawlers.parsers.ted_terms.place`)."""
    for path in ("cac:PostalAddress", "cac:Address"):
        address = node.find(f"{{{NS['cac']}}}{path[4:]}")
        if address is not None:
            return place(
                _chosen(address, "cbc:CityName", order),
                _text(address, "cbc:CountrySubentityCode"),
                _text(address, "cac:Country/cbc:IdentificationCode"),
            )
    return None


def _guarantee(root: etree._Element) -> Security | None:
    """BT-751: a tender guarantee is required. eForms gives no amount; an empty security marks the duty."""
    codes = root.xpath(".//cac:RequiredFinancialGuarantee/cbc:GuaranteeTypeCode/text()", namespaces=NS)
    return Security() if any(code.strip().lower() == "true" for code in codes) else None


def _amount(node: etree._Element, path: str) -> tuple[str | None, str | None]:
    found = node.xpath(path, namespaces=NS)
    if not found or not (found[0].text or "").strip():
        return None, None
    try:
        return to_decimal_str(found[0].text), found[0].get("currencyID")
    except ValueError:
        return None, None


def parse_eforms(
    data: bytes,
    number: str | None = None,
    url: str | None = None,
    source_name: str = "eforms",
    languages: Sequence[str] | None = None,
) -> NoticeRecord:
    """One eForms notice; ``number`` (the TED publication number known from the search) wins over the file's.

    Texts are taken in the first of ``languages`` the notice has (default Russian, English), then in the
    notice's own language (:mod:`crawlers.parsers.ted_terms`)."""
    root = parse_xml(data, source_name)
    order = language_order(_text(root, "cbc:NoticeLanguageCode"), languages)
    kind = etree.QName(root).localname
    if kind not in _ROOTS:
        raise ValueError(f"{source_name}: не извещение eForms (корневой элемент {kind})")
    number = (
        number
        or _text(root, ".//efac:Publication/efbc:NoticePublicationID")
        or _text(root, "cbc:ID[@schemeName='notice-id']")
    )
    if not number:
        raise ValueError(f"{source_name}: извещение без идентификатора")
    number = re.sub(r"^0+(\d+-\d{4})$", r"\1", number)  # OJ S id 00702145-2026 = publication 702145-2026
    notice_type = _text(root, "cbc:NoticeTypeCode") or ""
    status = "closed" if kind == "ContractAwardNotice" or notice_type.startswith("can") else "active"
    if root.xpath(".//efac:Changes", namespaces=NS) and status == "active":
        status = "amended"
    nmck, currency = _amount(root, "cac:ProcurementProject/cac:RequestedTenderTotal/cbc:EstimatedOverallContractAmount")
    items: list[Item] = []
    deadlines: list[str] = []
    for lot in root.xpath("cac:ProcurementProjectLot[cbc:ID/@schemeName='Lot']", namespaces=NS):
        lot_id = _text(lot, "cbc:ID")
        amount, lot_currency = _amount(
            lot, "cac:ProcurementProject/cac:RequestedTenderTotal/cbc:EstimatedOverallContractAmount"
        )
        currency = currency or lot_currency
        name = (
            _chosen(lot, "cac:ProcurementProject/cbc:Name", order)
            or _chosen(root, "cac:ProcurementProject/cbc:Name", order)
            or lot_id
        )
        if name:
            items.append(
                Item(
                    index=len(items) + 1, lot=_lot_number(lot_id), name=name, sum=amount, quantity=None,
                    classifications=_cpv(lot) or _cpv(root),
                )
            )  # fmt: skip
        deadline = moment(
            _text(lot, "cac:TenderingProcess/cac:TenderSubmissionDeadlinePeriod/cbc:EndDate"),
            _text(lot, "cac:TenderingProcess/cac:TenderSubmissionDeadlinePeriod/cbc:EndTime"),
        )
        if deadline:
            deadlines.append(deadline)
    if nmck is None and items and all(i.sum for i in items):
        nmck = to_decimal_str(sum(Decimal(i.sum) for i in items))
    documents, seen = [], set()
    for uri in root.xpath(
        ".//cac:CallForTendersDocumentReference/cac:Attachment/cac:ExternalReference/cbc:URI/text()", namespaces=NS
    ):
        uri = uri.strip()
        if uri and uri not in seen:
            seen.add(uri)
            documents.append(Document(name=None, url=uri, kind="procurement_documents"))
    buyer_id = _text(root, "cac:ContractingParty/cac:Party/cac:PartyIdentification/cbc:ID")
    return NoticeRecord(
        source=SOURCE,
        number=number,
        version=int(v) if (v := _text(root, "cbc:VersionID")) and v.isdigit() else None,
        law="EU",
        title=_chosen(root, "cac:ProcurementProject/cbc:Name", order),
        url=url,
        procedure=procedure_name(_text(root, "cac:TenderingProcess/cbc:ProcedureCode")),
        procedure_code=notice_type or None,
        status=status,
        customer=_organisation(root, buyer_id, order),
        nmck=nmck,
        currency=currency if nmck else None,
        published_at=moment(_text(root, "cbc:IssueDate"), _text(root, "cbc:IssueTime")),
        deadline_at=min(deadlines) if deadlines else None,
        application_security=_guarantee(root),
        delivery_place=_realized_location(root, order),
        documents=documents,
        items=items,
    )


def _realized_location(root: etree._Element, order: Sequence[str]) -> str | None:
    """Place of performance (BT-5071/5101/5131): the described place, else city and country in Russian."""
    location = root.find("cac:ProcurementProject/cac:RealizedLocation", NS)
    if location is None:
        return None
    return _chosen(location, "cbc:Description", order) or _address(location, order)


def _cpv(node: etree._Element) -> list[Classification]:
    """The CPV codes of a lot (or the procedure): main classification first, then the additional ones."""
    codes = node.xpath(
        "cac:ProcurementProject/cac:MainCommodityClassification/cbc:ItemClassificationCode[@listName='cpv']/text()"
        " | cac:ProcurementProject/cac:AdditionalCommodityClassification/cbc:ItemClassificationCode"
        "[@listName='cpv']/text()",
        namespaces=NS,
    )
    return [Classification(scheme="CPV", code=code.strip()) for code in dict.fromkeys(codes) if code.strip()]


def cpv_codes(data: bytes) -> list[str]:
    """Main and additional CPV codes of a notice (procedure and lots), in order, without repeats."""
    root = parse_xml(data, "eforms")
    codes = root.xpath(".//cbc:ItemClassificationCode[@listName='cpv']/text()", namespaces=NS)
    return list(dict.fromkeys(c.strip() for c in codes if c.strip()))
