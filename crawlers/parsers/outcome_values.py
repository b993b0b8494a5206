"""Values the outcome parsers share: parties (organisations, entrepreneurs, foreign suppliers), booleans,
integers, and the first present text among alternative element paths of the different EIS schemas."""

from __future__ import annotations

from lxml import etree

from crawlers.parsers.eis_values import clean, decimal
from crawlers.parsers.xmlsafe import child, localname, text

# Blocks inside a party that hold other people's names or unrelated codes (contact person, OKTMO name...).
_SKIP = frozenset({
    "contactInfo", "contactPersonInfo", "contactPerson", "legalForm", "OKTMO", "OKOPF", "statusInfo",
    "address", "postAddress", "factAddress", "countryInfo", "country", "registerInCountryInfo", "OKSM",
    "supplierAccountsDetails", "bankDetails", "placeOfStayInRegCountry", "placeOfStayInRF",
})  # fmt: skip
_WANTED = frozenset({
    "fullName", "shortName", "firmName", "name", "lastName", "firstName", "middleName", "INN", "inn",
    "taxPayerCode", "organizationName", "fullNameLat",
})  # fmt: skip


def first_text(el: etree._Element | None, *paths: str) -> str | None:
    """The first non-blank text among alternative paths (schemas name one value differently)."""
    for path in paths:
        value = text(el, path)
        if value is not None:
            return value
    return None


def first_decimal(el: etree._Element | None, *paths: str) -> str | None:
    for path in paths:
        value = decimal(text(el, path))
        if value is not None:
            return value
    return None


def boolean(value: str | None) -> bool | None:
    """EIS booleans (``true``/``false``, 223-FZ ``T``/``F``/``Y``/``N``); None when absent or unknown."""
    if value is None:
        return None
    lowered = value.strip().lower()
    if lowered in ("true", "1", "t", "y", "yes"):
        return True
    if lowered in ("false", "0", "f", "n", "no"):
        return False
    return None


def integer(value: str | None) -> int | None:
    if value is None:
        return None
    try:
        return int(value.strip())
    except ValueError:
        return None


def _collect(el: etree._Element, found: dict[str, str]) -> None:
    for node in el:
        name = localname(node)
        if not name or name in _SKIP:
            continue
        if name in _WANTED and name not in found and node.text and node.text.strip():
            found[name] = node.text.strip()
        if len(node):
            _collect(node, found)


def party(el: etree._Element | None) -> tuple[str | None, str | None]:
    """(name, INN) of a participant / supplier block, whatever its variant: a Russian organisation
    (``legalEntityRF*``), an entrepreneur or a person (name from last, first and middle names), a foreign
    organisation (no INN: its tax code abroad is not an INN, so the INN is None)."""
    if el is None:
        return None, None
    found: dict[str, str] = {}
    _collect(el, found)
    person = " ".join(
        part for part in (found.get("lastName"), found.get("firstName"), found.get("middleName"))
        if part and part != "-"
    )
    name = (
        found.get("fullName") or found.get("organizationName") or person or found.get("shortName")
        or found.get("firmName") or found.get("name") or found.get("fullNameLat")
    )
    return clean(name), found.get("INN") or found.get("inn")


def lot_number(el: etree._Element | None, *paths: str) -> int | None:
    return integer(first_text(el, *paths))


def has(el: etree._Element | None, path: str) -> bool:
    return child(el, path) is not None
