from __future__ import annotations

import pytest

from crawlers.parsers.eforms import cpv_codes, moment, parse_eforms
from testing.platform_sites import SITES
from tests.crawlers.expected import FIXTURES, as_json, expected

NOTICES = SITES / "ted" / "notices"


@pytest.mark.parametrize("number", ["702145-2026", "703377-2026", "704010-2026"])
def test_notices_match_expected(number: str) -> None:
    record = parse_eforms((NOTICES / f"{number}.xml").read_bytes())
    assert as_json([record]) == expected(FIXTURES / "ted" / "expected" / f"{number}.json")


def test_lots_deadline_guarantee() -> None:
    switches = parse_eforms((NOTICES / "702145-2026.xml").read_bytes())
    assert switches.number == "702145-2026"  # OJ S id 00702145-2026 normalised
    assert [(i.lot, i.name, i.sum) for i in switches.items] == [
        (1, "Access switches, 48 ports PoE+", "850000.00"),
        (2, "Core switches with 25G uplinks", "400000.00"),
    ]
    assert switches.application_security is not None  # BT-751 true
    servers = parse_eforms((NOTICES / "703377-2026.xml").read_bytes(), number="703377-2026", url="https://t/x")
    assert servers.deadline_at == "2026-12-12T10:00:00+01:00"  # the earliest lot deadline
    assert servers.application_security is None and servers.url == "https://t/x"
    award = parse_eforms((NOTICES / "704010-2026.xml").read_bytes())
    assert award.status == "closed"
    assert cpv_codes((NOTICES / "702145-2026.xml").read_bytes()) == ["32420000"]


def test_moment() -> None:
    assert moment("2020-04-03+01:00", "12:00:00+01:00") == "2020-04-03T12:00:00+01:00"
    assert moment("2020-04-03Z", None) == "2020-04-03T00:00:00+00:00"
    assert moment(None, "12:00:00") is None


def test_bad_documents() -> None:
    with pytest.raises(ValueError, match="n-1: повреждённый"):
        parse_eforms(b"<ContractNotice", source_name="n-1")
    with pytest.raises(ValueError, match="не извещение eForms"):
        parse_eforms(b"<rss/>")
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><r>&b;</r>'
    )
    with pytest.raises(ValueError):
        parse_eforms(bomb)


@pytest.mark.samples
def test_sdk_examples(samples_dir) -> None:
    files = sorted(samples_dir.glob("ted_eforms__*/*.xml"))
    if not files:
        pytest.skip("eForms samples absent")
    records = {p.stem: parse_eforms(p.read_bytes(), source_name=p.name) for p in files}
    assert all(r.law == "EU" and r.title and r.published_at for r in records.values())
    open_cn = records["cn_24_open"]
    assert (open_cn.nmck, open_cn.currency, open_cn.deadline_at) == ("500000", "EUR", "2020-04-03T12:00:00+01:00")
    assert open_cn.customer.name == "Renfrewshire Council"
    assert records["can_24_minimal"].status == "closed"
    maximal = records["cn_24_maximal"]
    assert maximal.application_security is not None and len(maximal.items) == 2
    assert "72230000" in cpv_codes((files[0].parent / "cn_24_minimal.xml").read_bytes())
