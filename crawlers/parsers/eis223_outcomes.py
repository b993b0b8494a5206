"""223-FZ outcome documents: purchase protocols (``purchaseProtocol*``: applications per lot, offers,
admission, winner), contract records (``contract`` with ``body/item/contractData``) and contract performance
(``performanceContract``: payments).

223-FZ daily files hold several documents (``body/item``): each item is one document. Times without an
offset are Moscow time, as the EIS publishes them.
"""

from __future__ import annotations

from lxml import etree

from crawlers.parsers.eis_values import calendar_date, clean, decimal, timestamp
from crawlers.parsers.outcome_values import boolean, first_decimal, first_text, integer, party
from crawlers.parsers.xmlsafe import child, children, localname, text
from store.outcome_schema import ContractInfo, ContractItem, Execution, Offer, OutcomeDocument, Party

_PLACES = {"F": 1, "S": 2}
_FINAL_KINDS = ("Summingup", "PAEP", "PAAE", "Final")
_REASONS = {
    "ACCESS_GRANTED_ONE": "К участию допущена только одна заявка",
    "ONE_APPLICATION": "Подана только одна заявка",
    "NO_APPLICATIONS": "Не подано ни одной заявки",
    "ALL_REJECTED": "Все заявки отклонены",
}


def _items(root: etree._Element) -> list[etree._Element]:
    """The data element of each ``body/item``."""
    found = []
    for item in children(root, "body/item"):
        data = next((node for node in item if isinstance(node.tag, str) and len(node)), None)
        if data is not None:
            found.append(data)
    return found


def extract_protocols(root: etree._Element, source_name: str) -> list[OutcomeDocument]:
    kind = localname(root)
    return [_protocol(data, kind) for data in _items(root)]


def _protocol(data: etree._Element, kind: str) -> OutcomeDocument:
    offers: list[Offer] = []
    for block in children(data, "lotApplicationsList/protocolLotApplications"):
        lot = integer(first_text(block, "lot/ordinalNumber", "ordinalNumber"))
        offers.extend(_application(app, lot) for app in children(block, "application"))
    code = first_text(data, "purchaseCancellationReason", "lotCancellationReason")
    reason = _REASONS.get(code or "", code) if code else None
    type_name = (text(data, "typeName") or "").lower()
    final = any(marker in kind for marker in _FINAL_KINDS) or "итог" in type_name
    result = "pending"
    if any(offer.place == 1 for offer in offers):
        result = "decided"
    elif final:
        lots = {offer.lot for offer in offers}
        candidates = [offer for offer in offers if offer.admitted is not False and offer.offer is not None]
        if len(lots) == 1 and len(candidates) == 1:  # one application left: it is awarded
            candidates[0].place, candidates[0].winner, result = 1, True, "decided"
        elif not candidates:
            result = "failed"
    elif reason and not offers:
        result = "failed"
    return OutcomeDocument(
        family="protocol", doc_type=kind, law="223-FZ",
        notice_number=first_text(data, "purchaseInfo/purchaseNoticeNumber", "purchaseNoticeNumber"),
        number=first_text(data, "registrationNumber", "guid"), version=integer(text(data, "version")),
        published_at=timestamp(first_text(data, "publicationDateTime", "createDateTime")),
        decided_at=calendar_date(first_text(data, "protocolSignDate", "procedureDate", "publicationDateTime")),
        result=result, reason=reason, offers=offers,
    )


def _application(app: etree._Element, lot: int | None) -> Offer:
    name, inn = party(child(app, "supplierInfo"))
    accepted = text(app, "accepted")
    return Offer(
        lot=lot, application=first_text(app, "applicationNumber"), name=name, inn=inn,
        offer=first_decimal(app, "lastPrice", "price", "additionalPrice"),
        first_offer=first_decimal(app, "firstPrice", "price") if text(app, "lastPrice") else None,
        currency=first_text(app, "currency/code"),
        admitted=None if accepted == "N" else boolean(accepted),
        place=_PLACES.get(text(app, "winnerIndication") or "") or integer(text(app, "rating")),
    )


def extract_contracts(root: etree._Element, source_name: str) -> list[OutcomeDocument]:
    return [_contract(data) for data in _items(root)]


def _contract(data: etree._Element) -> OutcomeDocument:
    reg_number = first_text(data, "contractRegNumber", "registrationNumber")
    signed = calendar_date(first_text(data, "contractDate", "signDate"))
    supplier_block = next(
        (found for path in ("supplier", "supplierInfo", "suppliers/supplier", "providers/provider")
         if (found := child(data, path)) is not None),
        None,
    )
    name, inn = party(supplier_block)
    items = [
        ContractItem(
            name=clean(text(position, "name")), okpd2=first_text(position, "okpd2/code", "okpd/code"),
            quantity=first_decimal(position, "qty", "quantity"), unit=first_text(position, "okei/name", "okei/code"),
            unit_price=first_decimal(position, "unitPrice", "price"), sum=first_decimal(position, "sum"),
        )
        for position in children(data, "contractPositions/contractPosition")
    ]
    contract = ContractInfo(
        reg_number=reg_number, price=first_decimal(data, "price", "sum"),
        currency=first_text(data, "currency/code"), signed_at=signed,
        supplier=Party(name=name, inn=inn) if supplier_block is not None else None, items=items,
    )
    return OutcomeDocument(
        family="contract", doc_type="contract223", law="223-FZ",
        notice_number=first_text(data, "purchaseNoticeInfo/purchaseNoticeNumber", "purchaseNoticeNumber"),
        contract_reg_number=reg_number, number=first_text(data, "registrationNumber") or reg_number,
        version=integer(text(data, "version")),
        published_at=timestamp(first_text(data, "publicationDate", "createDateTime")),
        decided_at=signed, result="decided", contract=contract,
    )


def extract_performance(root: etree._Element, source_name: str) -> list[OutcomeDocument]:
    documents = []
    for data in _items(root):
        payments = [
            Execution(
                due=None, amount=first_decimal(position, "price", "rubPrice"),
                paid_at=calendar_date(text(position, "paymentDate")),
            )
            for position in children(data, "positions/position")
        ]
        documents.append(
            OutcomeDocument(
                family="execution", doc_type=localname(root), law="223-FZ",
                contract_reg_number=text(data, "contractRegNumber"), number=text(data, "registrationNumber"),
                version=integer(text(data, "version")),
                published_at=timestamp(first_text(data, "publicationDate", "createDateTime")),
                decided_at=calendar_date(text(data, "contractInfo/contractDate")),
                result=None, execution=payments,
            )
        )
    return documents


__all__ = ["decimal", "extract_contracts", "extract_performance", "extract_protocols"]
