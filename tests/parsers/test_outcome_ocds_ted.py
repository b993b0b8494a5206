"""OCDS awards / contracts / transactions and TED eForms contract award notices through the outcome parsers:
real samples read in place (hand-read values), and the crawl's spiders yield them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from crawlers.parsers.eforms_outcomes import extract as eforms_outcomes
from crawlers.parsers.eforms_outcomes import tenders_received
from crawlers.parsers.ocds_outcomes import extract as ocds_outcomes
from store.outcome_derive import derive

pytestmark = pytest.mark.samples


def sample(samples_dir: Path, path: str) -> bytes:
    file = samples_dir / path
    if not file.is_file():
        pytest.skip(f"{path} absent")
    return file.read_bytes()


def test_ocds_award_contract_and_payments(samples_dir: Path) -> None:
    award, contract = ocds_outcomes(sample(samples_dir, "ocds__open-contracting-ocdskit/release-package-1.json"))
    assert award.notice_number == "OCDS-87SD3T-AD-SF-DRM-063-2015"
    winner, other = award.offers
    assert (winner.name, winner.offer, winner.currency, winner.place) == (
        "COMUNIC@RTE & CONSULTING SA DE C",
        "1311264.00",
        "MXN",
        1,
    )
    assert (other.name, other.place) == ("SERVICIO Y DISTRIBUIDORA", None)  # a tenderer who did not win
    info = contract.contract
    assert (info.reg_number, info.price, info.currency, info.signed_at) == ("1", "1311264.00", "MXN", "2015-12-30")
    assert len(info.execution) == 11 and (info.execution[0].amount, info.execution[0].paid_at) == (
        "109272",
        "2016-04-08",
    )
    record = derive(award.notice_number, [award, contract]).record
    assert (record.outcome, record.winner.price, len(record.participants)) == ("contracted", "1311264.00", 2)


def test_ocds_compiled_record_and_contract_release(samples_dir: Path) -> None:
    award, contract = ocds_outcomes(
        sample(samples_dir, "ocds__open-contracting-sample-data/ocds-213czf-000-00001.json")
    )
    assert (award.offers[0].name, award.offers[0].offer, award.offers[0].currency) == (
        "AnyCorp Cycle Provision",
        "11000000",
        "GBP",
    )
    assert [(p.amount, p.paid_at) for p in contract.contract.execution] == [
        ("50000", "2010-08-01"),
        ("10000", "2010-10-01"),
    ]
    [only] = ocds_outcomes(sample(samples_dir, "ocds__open-contracting-ocdskit/release-package_1.1-2.json"))
    assert (only.contract.price, only.contract.currency, only.contract.signed_at) == ("17875000", "PYG", "2013-04-05")
    assert (
        ocds_outcomes(sample(samples_dir, "ocds__open-contracting-sample-data/ocds-213czf-000-00001-02-tender.json"))
        == []
    )


def test_ocds_cancelled_tender() -> None:
    package = {
        "releases": [
            {
                "ocid": "ocds-x-1",
                "date": "2026-03-02T10:00:00Z",
                "tag": ["tenderCancellation"],
                "tender": {"id": "1", "status": "cancelled", "statusDetails": "Бюджет сокращён"},
            }
        ]
    }
    [document] = ocds_outcomes(json.dumps(package).encode())
    assert (document.result, document.reason, document.decided_at) == ("cancelled", "Бюджет сокращён", "2026-03-02")


def test_ted_contract_award_notice(samples_dir: Path) -> None:
    data = sample(samples_dir, "ted_eforms__OP-TED-eForms-SDK/can_24_minimal.xml")
    result, contract = eforms_outcomes(data, "612345-2019")
    assert (result.notice_number, result.result, result.law) == ("612345-2019", "decided", "EU")
    [offer] = result.offers
    assert (offer.name, offer.offer, offer.currency, offer.place) == ("Espaces Verts Lemire", "95414", "EUR", 1)
    info = contract.contract
    assert (info.reg_number, info.price, info.signed_at, info.supplier.name) == (
        "SCN DEF:2020-12",
        "95414",
        "2019-09-03",
        "Espaces Verts Lemire",
    )
    assert tenders_received(data) == {"RES-0001": 3}
    for notice in ("cn_24_minimal.xml", "pin-only_24.xml"):
        assert eforms_outcomes(sample(samples_dir, f"ted_eforms__OP-TED-eForms-SDK/{notice}")) == []
