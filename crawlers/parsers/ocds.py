"""Open Contracting Data Standard packages (1.0 and 1.1) into canonical records.

Release packages (``releases[]``) and record packages (``records[]`` with ``compiledRelease`` or embedded
``releases``) are both read; several releases of one ``ocid`` are compiled in date order (later values win,
objects merged key by key, arrays replaced: the usual publisher practice of repeating the full tender). The
package's ``links.next`` is returned for paging. JSON numbers are read as ``Decimal``: money never passes
through a float.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from store.schema import Classification, Document, Item, NoticeRecord, Party, to_decimal_str

SOURCE = "ocds"

_STATUS = {
    "planning": "active",
    "planned": "active",
    "active": "active",
    "cancelled": "cancelled",
    "withdrawn": "cancelled",
    "complete": "closed",
    "unsuccessful": "closed",
}
METHODS_RU = {
    "open": "Открытая процедура",
    "selective": "Процедура с отбором участников",
    "limited": "Закупка с ограниченным участием",
    "direct": "Закупка у единственного поставщика",
}
"""OCDS ``procurementMethod`` codes in Russian; the publisher's own details win when they are Russian."""
_CYRILLIC = re.compile("[а-яё]", re.IGNORECASE)


def _procedure(tender: dict[str, Any]) -> str | None:
    details, method = tender.get("procurementMethodDetails"), tender.get("procurementMethod")
    if isinstance(details, str) and _CYRILLIC.search(details):
        return details
    return METHODS_RU.get(str(method)) or details or method


_CLOSING_TAGS = {"award", "contract", "implementation", "awardUpdate", "contractUpdate", "contractTermination"}


@dataclass
class OcdsPage:
    records: list[NoticeRecord] = field(default_factory=list)
    next_url: str | None = None
    errors: list[str] = field(default_factory=list)


def load_package(data: bytes | str | dict[str, Any], source_name: str = "ocds") -> dict[str, Any]:
    if isinstance(data, dict):
        return data
    try:
        package = json.loads(data, parse_float=Decimal)
    except (ValueError, UnicodeDecodeError) as exc:
        raise ValueError(f"{source_name}: не JSON: {exc}") from exc
    if not isinstance(package, dict) or not ({"releases", "records"} & package.keys()):
        raise ValueError(f"{source_name}: не пакет релизов или записей OCDS")
    return package


def _merge(base: dict[str, Any], update: dict[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in update.items():
        if value is None:
            continue
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def compile_releases(releases: list[dict[str, Any]]) -> dict[str, Any]:
    """One compiled release from the releases of one ocid, oldest first."""
    compiled: dict[str, Any] = {}
    tags: list[str] = []
    for release in sorted(releases, key=lambda r: str(r.get("date") or "")):
        compiled = _merge(compiled, release)
        tags.extend(release.get("tag") or [])
    compiled["tag"] = tags
    compiled["_release_count"] = len(releases)
    return compiled


def _aware(value: Any) -> str | None:
    """OCDS date-times carry an offset (``Z`` or ``±hh:mm``); naive ones are not guessed."""
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip().replace("Z", "+00:00")
    if len(text) >= 6 and text[-6] in "+-" and text[-3] == ":":
        return text
    return None


def _party(release: dict[str, Any]) -> Party | None:
    buyer = release.get("buyer") or (release.get("tender") or {}).get("procuringEntity") or {}
    parties = release.get("parties") or []
    full = next((p for p in parties if buyer.get("id") and p.get("id") == buyer.get("id")), None)
    if full is None:
        full = next((p for p in parties if {"buyer", "procuringEntity"} & set(p.get("roles") or [])), {})
    name = buyer.get("name") or full.get("name")
    identifier_block = full.get("identifier") or {}
    # only a Russian taxpayer number belongs in ``inn``; other schemes' identifiers are not INNs
    identifier = identifier_block.get("id") if "INN" in str(identifier_block.get("scheme", "")).upper() else None
    region = (full.get("address") or {}).get("region")
    if not (name or identifier or region):
        return None
    return Party(name=name, inn=str(identifier) if identifier else None, region=region)


def _amount(value: Any) -> str | None:
    """A Value's amount as a decimal string. ``{"amount": 0}`` without a currency is how several publishers
    write "not published" (e.g. Mexico City's ``valueyear``): unknown, never a price of 0."""
    if isinstance(value, dict):
        if _is_zero(value.get("amount")) and not value.get("currency"):
            return None
        value = value.get("amount")
    if isinstance(value, float):  # a caller that parsed JSON itself
        value = repr(value)
    try:
        return to_decimal_str(value)
    except ValueError:
        return None


def _is_zero(amount: Any) -> bool:
    try:
        return amount is not None and not isinstance(amount, bool) and Decimal(str(amount)) == 0
    except ArithmeticError:
        return False


def _currency(*values: Any) -> str | None:
    """The first published currency of the given Values (the tender's, then its lines' unit values)."""
    for value in values:
        if isinstance(value, dict) and isinstance(value.get("currency"), str) and value["currency"].strip():
            return value["currency"].strip().upper()
    return None


def _items(tender: dict[str, Any]) -> list[Item]:
    items = []
    for raw in tender.get("items") or []:
        if not isinstance(raw, dict):
            continue
        unit = raw.get("unit") or {}
        classifications = [raw.get("classification") or {}, *(raw.get("additionalClassifications") or [])]
        okpd2 = next(
            (
                str(c.get("id"))
                for c in classifications
                if str(c.get("scheme", "")).upper().replace("-", "") in ("OKPD2", "ОКПД2") and c.get("id")
            ),
            None,
        )
        others = [
            Classification(scheme=str(c["scheme"]), code=str(c["id"]), description=c.get("description"))
            for c in classifications
            if c.get("scheme") and c.get("id") and str(c.get("id")) != okpd2
        ]
        name = raw.get("description") or (raw.get("classification") or {}).get("description") or raw.get("id")
        if not name:
            continue
        quantity = _amount(raw.get("quantity"))
        unit_price = _amount(unit.get("value"))
        total = str(Decimal(quantity) * Decimal(unit_price)) if quantity and unit_price else None
        items.append(
            Item(
                index=len(items) + 1,
                name=str(name),
                okpd2=okpd2,
                classifications=others,
                quantity=quantity,
                unit=unit.get("name") or unit.get("id"),
                unit_price=unit_price,
                sum=total,
            )
        )
    return items


def _dicts(values: Any) -> list[dict[str, Any]]:
    return [value for value in values or [] if isinstance(value, dict)]


def release_to_record(release: dict[str, Any], source: str = SOURCE, law: str | None = None) -> NoticeRecord:
    ocid = release.get("ocid")
    if not ocid:
        raise ValueError("релиз без ocid")
    tender = release.get("tender") or {}
    tags = set(release.get("tag") or [])
    status = _STATUS.get(str(tender.get("status") or ""), "active")
    if status == "active" and "tenderCancellation" in tags:
        status = "cancelled"
    elif status == "active" and tags & _CLOSING_TAGS and tender.get("status") is None:
        status = "closed"
    elif status == "active" and "tenderAmendment" in tags:
        status = "amended"
    value = tender.get("value") or {}
    period = tender.get("tenderPeriod") or {}
    legal = tender.get("legalBasis") or {}
    if law is None and str(legal.get("scheme", "")).upper() == "CELEX":
        law = "EU"
    documents = [
        Document(name=d.get("title"), url=d.get("url"), kind=d.get("documentType"))
        for d in tender.get("documents") or []
        if isinstance(d, dict) and d.get("url")
    ]
    return NoticeRecord(
        source=source,
        number=str(ocid),
        version=release.get("_release_count"),
        law=law,
        title=tender.get("title") or (release.get("planning") or {}).get("rationale"),
        url=tender.get("url"),
        procedure=_procedure(tender),
        procedure_code=tender.get("procurementMethod"),
        status=status,
        customer=_party(release),
        nmck=_amount(value),
        currency=_currency(value, *[(raw.get("unit") or {}).get("value") for raw in _dicts(tender.get("items"))]),
        published_at=_aware(tender.get("datePublished"))
        or _aware(period.get("startDate"))
        or _aware(release.get("date")),
        deadline_at=_aware(period.get("endDate")),
        delivery_place=((tender.get("deliveryAddresses") or [{}])[0] or {}).get("region")
        if tender.get("deliveryAddresses")
        else None,
        documents=documents,
        items=_items(tender),
    )


def package_releases(package: dict[str, Any]) -> list[dict[str, Any]]:
    """The compiled release of every contracting process in a release or record package."""
    if "records" in package:
        compiled = []
        for record in package.get("records") or []:
            if record.get("compiledRelease"):
                release = dict(record["compiledRelease"])
                release.setdefault("ocid", record.get("ocid"))
                release["_release_count"] = len(record.get("releases") or []) or None
                compiled.append(release)
            elif record.get("releases") and all("tender" in r or "tag" in r for r in record["releases"]):
                compiled.append(compile_releases(record["releases"]))
        return compiled
    by_ocid: dict[str, list[dict[str, Any]]] = {}
    for release in package.get("releases") or []:
        if isinstance(release, dict) and release.get("ocid"):
            by_ocid.setdefault(release["ocid"], []).append(release)
    return [compile_releases(group) for group in by_ocid.values()]


def parse_package(
    data: bytes | str | dict[str, Any], source: str = SOURCE, law: str | None = None, source_name: str = "ocds"
) -> OcdsPage:
    """A package into records; a broken release is reported in ``errors`` and skipped."""
    package = load_package(data, source_name)
    page = OcdsPage(next_url=(package.get("links") or {}).get("next"))
    for release in package_releases(package):
        try:
            page.records.append(release_to_record(release, source, law))
        except ValueError as exc:
            page.errors.append(f"{source_name}: {release.get('ocid')}: {exc}")
    return page
