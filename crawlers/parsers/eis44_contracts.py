"""44-FZ contracts and their execution: ``contract`` (the legacy FTP exports of 2014-2019 and the 2025
exports: registry number, price and currency, signing date, supplier, product lines, planned stages),
``contractProcedure`` (execution: stages, acceptance and payment documents, termination) and
``contractCancel`` (a contract record withdrawn).

Foreign-currency contracts keep their currency (``priceInfo/currency``); the rouble equivalent is not the
contract price. Suppliers may be Russian organisations, entrepreneurs, persons or foreign organisations
(no INN).
"""

from __future__ import annotations

from decimal import Decimal

from lxml import etree

from crawlers.parsers.eis_values import calendar_date, clean, decimal, timestamp
from crawlers.parsers.outcome_values import first_decimal, first_text, integer, party
from crawlers.parsers.xmlsafe import child, children, index, localname, text, value
from store.outcome_schema import ContractInfo, ContractItem, Execution, OutcomeDocument, Party

_NOTICE_PATHS = (
    "foundation/fcsOrder/order/notificationNumber", "foundation/oosOrder/notificationNumber",
    "foundation/order/notificationNumber", "foundation/fcsOrder/order/purchaseNumber",
    "foundation/notOosOrder/notificationNumber", "foundation/order/purchaseNumber",
)  # fmt: skip
_LOT_PATHS = ("foundation/fcsOrder/order/lotNumber", "foundation/oosOrder/lotNumber", "foundation/order/lotNumber")
_FINANCE_STAGES = ("budgetFunds/stages", "extrabudgetFunds/stages", "financingPlan/stages", "stages")


def extract(node: etree._Element, source_name: str) -> list[OutcomeDocument]:
    kind = localname(node)
    if kind == "contract":
        return [_contract(node)]
    return [_execution(node, kind)]


def _contract(node: etree._Element) -> OutcomeDocument:
    reg_number = text(node, "regNum")
    signed = calendar_date(text(node, "signDate"))
    suppliers = [*children(node, "suppliers/supplier"), *children(node, "suppliersInfo/supplierInfo")]
    name, inn = party(suppliers[0]) if suppliers else (None, None)
    contract = ContractInfo(
        reg_number=reg_number,
        price=first_decimal(node, "priceInfo/price", "price"),
        currency=first_text(node, "priceInfo/currency/code", "currency/code"),
        signed_at=signed,
        supplier=Party(name=name, inn=inn) if suppliers else None,
        items=_items(node),
        execution=_planned_stages(node),
    )
    return OutcomeDocument(
        family="contract", doc_type="contract", law="44-FZ", notice_number=first_text(node, *_NOTICE_PATHS),
        contract_reg_number=reg_number, number=reg_number, version=integer(text(node, "versionNumber")),
        published_at=timestamp(text(node, "publishDate")), decided_at=signed, result="decided", contract=contract,
    )


def _units(node: etree._Element) -> dict[str, str]:
    """OKEI code -> national short name, from the 2025 exports' classifier appendix."""
    units = {}
    for okei in children(node, "addInformationFromClassifiers/OKEI"):
        code, name = text(okei, "code"), first_text(okei, "nationalCode", "trueNationalCode", "name")
        if code and name:
            units[code] = name
    return units


def _items(node: etree._Element) -> list[ContractItem]:
    units = _units(node)
    items = []
    for product in children(node, "products/product"):
        found = index(product)  # one pass over the line's children, then dict lookups
        okei = index(found.get("OKEI"))
        okei_code = value(okei, "code")
        items.append(
            ContractItem(
                name=clean(value(found, "name")),
                okpd2=text(found.get("OKPD2"), "code") or text(found.get("OKPD"), "code"),
                ktru=text(found.get("KTRU"), "code"),
                quantity=decimal(value(found, "quantity")) or first_decimal(product, "quantity/value"),
                unit=value(okei, "nationalCode") or value(okei, "name") or units.get(okei_code or "") or okei_code,
                unit_price=decimal(value(found, "price") or value(found, "priceRUR")),
                sum=decimal(value(found, "sum") or value(found, "sumRUR")),
            )
        )
    return items


def _planned_stages(node: etree._Element) -> list[Execution]:
    """The contract's stages with their amounts: ``executionPeriod/stages`` (2025, ``stagePrice``) or, when
    they carry no amounts (legacy), the financing stages' payment sums."""
    planned = [
        Execution(due=calendar_date(text(stage, "endDate")), amount=decimal(text(stage, "stagePrice")))
        for stage in children(node, "executionPeriod/stages")
    ]
    if any(stage.amount for stage in planned):
        return planned
    finances = child(node, "finances")
    stages: list[Execution] = []
    for path in _FINANCE_STAGES:
        for stage in children(finances, path):
            payments = [*children(stage, "payments"), *children(stage, "payments/paymentYearsInfo/paymentYearInfo")]
            sums = [decimal(text(payment, "paymentSum")) for payment in payments]
            total = sum((Decimal(value) for value in sums if value), Decimal(0))
            amount = str(total) if any(sums) else None
            stages.append(Execution(due=calendar_date(text(stage, "endDate")), amount=amount))
        if stages:
            break
    return stages or planned


def _execution(node: etree._Element, kind: str) -> OutcomeDocument:
    """``contractProcedure`` / ``contractCancel``: payments and acceptance of a contract, or its end."""
    reg_number = text(node, "regNum")
    executions: list[Execution] = []
    for block in [*children(node, "executions"), *children(node, "execution")]:
        due = calendar_date(first_text(block, "stage/endDate", "endDate"))
        for execution in children(block, "execution"):
            paid = first_decimal(execution, "paid", "payDoc/paid", "sum")
            executions.append(
                Execution(
                    due=due, amount=paid,
                    paid_at=calendar_date(first_text(execution, "docExecution/documentDate", "payDoc/documentDate"))
                    if paid is not None and Decimal(paid) > 0 else None,
                )
            )
    termination = child(node, "termination")
    ended = termination is not None or kind == "contractCancel"
    reason = clean(
        first_text(termination, "reason/name", "reason", "terminationReason/name")
        or first_text(node, "cancelReason", "reason/name", "reason", "cancelReasonInfo/name")
    )
    return OutcomeDocument(
        family="execution", doc_type=kind, law="44-FZ", notice_number=None, contract_reg_number=reg_number,
        number=first_text(node, "id") or reg_number, version=integer(text(node, "versionNumber")),
        published_at=timestamp(text(node, "publishDate")),
        decided_at=calendar_date(text(termination, "terminationDate") or text(node, "cancelDate")),
        result="terminated" if ended else None, reason=reason if ended else None, execution=executions,
    )
