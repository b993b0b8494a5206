"""OCDS outcomes: ``awards`` (winners, values, tenderers), ``contracts`` (value, signing date, supplier from the
award) and ``contracts[].implementation.transactions`` (payments), and the tender's ``cancelled`` /
``unsuccessful`` status, from release or record packages (compiled per ``ocid`` as the notice parser does).

The notice number is the ``ocid``, as in the notice records (contract 4.1). Money stays ``Decimal`` (the package
is read with ``parse_float=Decimal``); identifiers are an INN only when their scheme says so.
"""

from __future__ import annotations

from typing import Any

from crawlers.parsers.ocds import load_package, package_releases
from store.outcome_schema import ContractInfo, ContractItem, Execution, Offer, OutcomeDocument, Party
from store.schema import to_decimal_str


def _amount(value: Any) -> str | None:
    if isinstance(value, dict):
        value = value.get("amount")
    if isinstance(value, float):
        value = repr(value)
    try:
        return to_decimal_str(value)
    except ValueError:
        return None


def _aware(value: Any) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip().replace("Z", "+00:00")
    return text if len(text) >= 6 and text[-6] in "+-" and text[-3] == ":" else None


def _inn(identifier: dict[str, Any] | None) -> str | None:
    identifier = identifier or {}
    return (
        str(identifier["id"]) if "INN" in str(identifier.get("scheme", "")).upper() and identifier.get("id") else None
    )


def _key(organisation: dict[str, Any]) -> str:
    """Who an organisation reference is: its id, its identifier, or its name."""
    identifier = organisation.get("identifier") or {}
    return str(organisation.get("id") or identifier.get("id") or organisation.get("name"))


def _supplier(supplier: dict[str, Any], parties: dict[str, dict[str, Any]]) -> tuple[str | None, str | None]:
    full = parties.get(str(supplier.get("id")), {})
    identifier = supplier.get("identifier") or full.get("identifier")
    return supplier.get("name") or full.get("name"), _inn(identifier)


def extract(data: bytes | str | dict[str, Any], source_name: str = "ocds") -> list[OutcomeDocument]:
    """Every outcome document of a package; a package that is not OCDS raises ``ValueError`` naming the source."""
    documents: list[OutcomeDocument] = []
    for release in package_releases(load_package(data, source_name)):
        documents.extend(release_outcomes(release))
    return documents


def release_outcomes(release: dict[str, Any], law: str | None = None) -> list[OutcomeDocument]:
    ocid = release.get("ocid")
    if not ocid:
        return []
    tender = release.get("tender") or {}
    parties = {str(p.get("id")): p for p in release.get("parties") or [] if isinstance(p, dict)}
    published = _aware(release.get("date"))
    found: list[OutcomeDocument] = []
    status = tender.get("status")
    if status in ("cancelled", "unsuccessful"):
        found.append(
            OutcomeDocument(
                family="cancellation" if status == "cancelled" else "protocol",
                doc_type=f"ocds:tender:{status}",
                law=law,
                notice_number=ocid,
                number=f"{ocid}/tender",
                published_at=published,
                decided_at=(published or "")[:10] or None,
                result="cancelled" if status == "cancelled" else "failed",
                reason=tender.get("statusDetails"),
            )
        )
    awards = {str(a.get("id")): a for a in release.get("awards") or [] if isinstance(a, dict)}
    tenderers = [t for t in tender.get("tenderers") or [] if isinstance(t, dict)]
    for award in awards.values():
        if award.get("status") not in (None, "active"):
            continue
        winners = [_supplier(s, parties) for s in award.get("suppliers") or []]
        offers = [
            Offer(
                application=str(award.get("id")),
                name=name,
                inn=inn,
                offer=_amount(award.get("value")),
                currency=(award.get("value") or {}).get("currency"),
                place=1,
                winner=True,
            )
            for name, inn in winners
        ]
        winner_keys = {_key(supplier) for supplier in award.get("suppliers") or []}
        others = [tenderer for tenderer in tenderers if _key(tenderer) not in winner_keys]
        offers += [  # the other tenderers: participants without a known offer or place
            Offer(application=f"tenderer/{index}", name=name, inn=inn)
            for index, (name, inn) in enumerate(_supplier(tenderer, parties) for tenderer in others)
        ]
        found.append(
            OutcomeDocument(
                family="protocol",
                doc_type="ocds:award",
                law=law,
                notice_number=ocid,
                number=f"{ocid}/award/{award.get('id')}",
                published_at=_aware(award.get("date")) or published,
                decided_at=(award.get("date") or "")[:10] or None,
                result="decided",
                offers=offers,
            )
        )
    for contract in release.get("contracts") or []:
        if not isinstance(contract, dict):
            continue
        award = awards.get(str(contract.get("awardID")), {})
        suppliers = [_supplier(s, parties) for s in award.get("suppliers") or []]
        value = contract.get("value") or {}
        payments = [
            Execution(amount=_amount(t.get("value") or t.get("amount")), paid_at=(t.get("date") or "")[:10] or None)
            for t in (contract.get("implementation") or {}).get("transactions") or []
            if isinstance(t, dict)
        ]
        items = [
            ContractItem(
                name=item.get("description"),
                quantity=_amount(item.get("quantity")),
                unit=(item.get("unit") or {}).get("name"),
                unit_price=_amount((item.get("unit") or {}).get("value")),
            )
            for item in contract.get("items") or []
            if isinstance(item, dict)
        ]
        number = str(contract.get("id"))
        found.append(
            OutcomeDocument(
                family="contract",
                doc_type="ocds:contract",
                law=law,
                notice_number=ocid,
                contract_reg_number=f"{ocid}/{number}",
                number=f"{ocid}/contract/{number}",
                published_at=published,
                decided_at=(contract.get("dateSigned") or "")[:10] or None,
                result="decided",
                contract=ContractInfo(
                    reg_number=number,
                    price=_amount(value),
                    currency=value.get("currency"),
                    signed_at=(contract.get("dateSigned") or "")[:10] or None,
                    supplier=Party(name=suppliers[0][0], inn=suppliers[0][1]) if suppliers else None,
                    items=items,
                    execution=payments,
                ),
            )
        )
    return found
