"""TED eForms contract award notices (``ContractAwardNotice``, ``can-*``): per lot result the tenders with their
rank and amount and the tendering party, the settled contracts (number, signing date, supplier, value), and the
number of tenders received; a lot closed without a winner is a failed procedure.

A contract award notice is its own TED publication: its outcome documents carry the publication number the
search gave (or the notice's own id), as the notice records of TED do, and the procedure identifier (BT-04
``ContractFolderID``) that eForms gives every notice of one procedure: the store moves them to the contract
notice with the same procedure identifier when it knows one (:func:`procedure_id` reads it from a contract
notice). Organisation identifiers of other countries are not INNs, so ``inn`` stays None.
"""

from __future__ import annotations

from decimal import Decimal

from lxml import etree

from crawlers.parsers.eis_values import calendar_date
from crawlers.parsers.outcome_values import integer
from crawlers.parsers.xmlsafe import child, children, localname, parse_xml, text
from store.outcome_schema import ContractInfo, Offer, OutcomeDocument, Party

_RESULT = "UBLExtensions/UBLExtension/ExtensionContent/EformsExtension/NoticeResult"
_ORGANIZATIONS = "UBLExtensions/UBLExtension/ExtensionContent/EformsExtension/Organizations/Organization"
_NO_WINNER = ("clos-nw", "open-nw")


def _organizations(root: etree._Element) -> dict[str, str | None]:
    names: dict[str, str | None] = {}
    for organization in children(root, _ORGANIZATIONS):
        company = child(organization, "Company")
        ident = text(company, "PartyIdentification/ID")
        if ident:
            names[ident] = text(company, "PartyName/Name")
    return names


def procedure_id(data: bytes, source_name: str = "eforms") -> str | None:
    """The procedure identifier (BT-04) of any eForms notice: what links a contract award notice to the contract
    notice of its procedure."""
    return _procedure(parse_xml(data, source_name))


def _procedure(root: etree._Element) -> str | None:
    return text(root, "ContractFolderID")


def extract(data: bytes, number: str | None = None, source_name: str = "eforms") -> list[OutcomeDocument]:
    """The outcome documents of a contract award notice; ``[]`` for any other eForms notice."""
    root = parse_xml(data, source_name)
    notice_type = text(root, "NoticeTypeCode") or ""
    if localname(root) != "ContractAwardNotice" and not notice_type.startswith("can"):
        return []
    number = number or text(root, "ID")
    procedure = _procedure(root)
    result = child(root, _RESULT)
    names = _organizations(root)
    parties = {text(p, "ID"): text(p, "Tenderer/ID") for p in children(result, "TenderingParty")}
    tenders = {text(t, "ID"): t for t in children(result, "LotTender")}
    currency = None
    offers, failed = [], []
    for lot_result in children(result, "LotResult"):
        lot = text(lot_result, "TenderLot/ID")
        if (text(lot_result, "TenderResultCode") or "") in _NO_WINNER:
            failed.append(lot or "?")
        for reference in children(lot_result, "LotTender"):
            tender = tenders.get(text(reference, "ID"))
            if tender is None:
                continue
            amount_node = child(tender, "LegalMonetaryTotal/PayableAmount")
            currency = currency or (amount_node.get("currencyID") if amount_node is not None else None)
            organization = parties.get(text(tender, "TenderingParty/ID"))
            offers.append(
                Offer(
                    lot=_lot(lot),
                    application=text(tender, "ID"),
                    name=names.get(organization or ""),
                    offer=text(amount_node),
                    currency=currency,
                    place=integer(text(tender, "RankCode")),
                )
            )
    issued = calendar_date(text(root, "IssueDate"))
    published = f"{issued}T00:00:00{(text(root, 'IssueDate') or '')[10:] or '+00:00'}" if issued else None
    documents = [
        OutcomeDocument(
            family="protocol",
            doc_type="ted:can",
            law="EU",
            notice_number=number,
            number=f"{number}/result",
            published_at=published,
            decided_at=issued,
            offers=offers,
            result="decided" if any(o.place == 1 for o in offers) else ("failed" if failed else "pending"),
            reason=f"лоты без победителя: {', '.join(failed)}" if failed else None,
            procedure_id=procedure,
        )
    ]
    for settled in children(result, "SettledContract"):
        tender = tenders.get(text(settled, "LotTender/ID"))
        organization = parties.get(text(tender, "TenderingParty/ID")) if tender is not None else None
        amount = text(tender, "LegalMonetaryTotal/PayableAmount") if tender is not None else None
        reg = text(settled, "ContractReference/ID") or text(settled, "ID")
        documents.append(
            OutcomeDocument(
                family="contract",
                doc_type="ted:contract",
                law="EU",
                notice_number=number,
                contract_reg_number=f"{number}/{reg}",
                number=f"{number}/{text(settled, 'ID')}",
                published_at=published,
                decided_at=calendar_date(text(settled, "IssueDate")),
                result="decided",
                procedure_id=procedure,
                contract=ContractInfo(
                    reg_number=reg,
                    price=str(Decimal(amount)) if amount else None,
                    currency=currency,
                    signed_at=calendar_date(text(settled, "IssueDate")),
                    supplier=Party(name=names.get(organization or "")) if organization else None,
                ),
            )
        )
    return documents


def tenders_received(data: bytes, source_name: str = "eforms") -> dict[str, int]:
    """Tenders received per lot result (``ReceivedSubmissionsStatistics`` code ``tenders``)."""
    root = parse_xml(data, source_name)
    counts = {}
    for lot_result in children(child(root, _RESULT), "LotResult"):
        for statistics in children(lot_result, "ReceivedSubmissionsStatistics"):
            if text(statistics, "StatisticsCode") == "tenders":
                counts[text(lot_result, "ID") or "?"] = integer(text(statistics, "StatisticsNumeric")) or 0
    return counts


def _lot(lot: str | None) -> int | None:
    digits = "".join(ch for ch in lot or "" if ch.isdigit())
    return int(digits) if digits else None
