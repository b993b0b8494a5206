"""Bad outcome documents: a clear error naming the source, never a crash; encodings as declared; no entities."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from crawlers.parse_pool import parse_for_store
from crawlers.parsers import read_document
from testing.outcome_documents import Bidder, Contract, contract, fcs_protocol_ef3

MSK = timezone(timedelta(hours=3))
WHEN = datetime(2026, 3, 2, 10, 0, tzinfo=MSK)


def test_windows_1251_protocol_reads_as_declared() -> None:
    data = fcs_protocol_ef3("0373200000126000009", [Bidder("ООО «Ромашка»", "7701234560", "10.00", place=1)], WHEN)
    encoded = data.decode().replace('encoding="UTF-8"', 'encoding="windows-1251"').encode("cp1251")
    [document] = read_document(encoded, "cp1251.xml").outcomes
    assert document.offers[0].name == "ООО «Ромашка»"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty document"),
        (b"<ns2:export><ns2:fcsProtocolEF3><purchaseNumber>1", "malformed XML"),
        (
            b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><export><contract>&e;'
            b"</contract></export>",
            "DOCTYPE",
        ),
        (
            b'<export xmlns="x"><contract><priceInfo><price>1</price></priceInfo></contract></export>',
            "no purchase or contract number",
        ),
        (
            b'<export xmlns="x"><contract><regNum>1</regNum><versionNumber>one</versionNumber>'
            b"<priceInfo><price>abc</price></priceInfo></contract></export>",
            None,
        ),
    ],
)
def test_bad_documents_are_reported_by_name(data: bytes, message: str | None) -> None:
    parsed = parse_for_store("archive.zip!bad.xml", data)
    if message is None:  # unreadable values are unknown (None), the rest of the document is kept
        [prepared] = parsed.outcomes
        assert parsed.error is None and parsed.family == "contract" and prepared.contract_reg_number == "1"
        return
    assert parsed.outcomes == [] and parsed.error is not None
    assert parsed.error.startswith("archive.zip!bad.xml") and message in parsed.error


def test_unreadable_values_become_unknown_not_zero() -> None:
    deal = Contract(
        "2770000000026000001",
        "0373200000126000009",
        "1000.00",
        "2026-03-05",
        Bidder("Siemens AG", None, "1000.00", foreign=True),
        currency="EUR",
    )
    data = contract(deal).replace(b"<price>1000.00</price>", b"<price>n/a</price>")
    [document] = read_document(data, "c.xml").outcomes
    assert document.contract.price is None and document.contract.currency == "EUR"
    assert (document.contract.supplier.name, document.contract.supplier.inn) == ("Siemens AG", None)
