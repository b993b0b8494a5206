"""The benchmark / demo generator writes documents the parsers read back with the facts it put in."""

from __future__ import annotations

import re
import zipfile
from datetime import datetime
from decimal import Decimal
from pathlib import Path

import pytest
from lxml import etree

from crawlers.parsers import parse_document, xmlsafe
from testing.eis_generator import generate_notices, write_archives


def test_documents_are_deterministic_and_parse() -> None:
    first = list(generate_notices(40, seed=5))
    assert first == list(generate_notices(40, seed=5))
    assert first != list(generate_notices(40, seed=6))
    assert len(first) == 40
    kinds = set()
    for name, data in first:
        kind, number, version, _ = name.split("_")
        kinds.add(kind)
        (record,) = parse_document(data, name)
        assert (record.number, record.version) == (number, int(version))
        assert 2 <= len(record.items) <= 12
        assert sum(Decimal(item.sum) for item in record.items) == Decimal(record.nmck)
        assert any(item.characteristics for item in record.items)
        assert record.deadline_at > record.published_at[:10]
        assert record.customer.region is not None and record.ikz and len(record.ikz) == 36
    assert kinds <= {"epNotificationEF2020", "epNotificationEZK2020", "epNotificationEOK2020"}


def test_dropping_indentation_changes_no_value(monkeypatch: pytest.MonkeyPatch) -> None:
    """The safe parser drops blank text between elements (speed); a parser keeping it reads the same notices.
    (The same check runs on the real samples in test_eis_samples.)"""
    documents = list(generate_notices(10, seed=9))
    # a leaf whose whole value is blank: read as unknown either way
    name, data = documents[0]
    blank = re.sub(rb"(<ns5:purchaseObjectInfo>)[^<]+", rb"\1 \n  ", data, count=1)
    documents.append((name, blank))
    fast = [parse_document(data, name) for name, data in documents]
    assert fast[-1][0].title is None and fast[0][0].title
    monkeypatch.setattr(xmlsafe, "_parser", lambda: etree.XMLParser(resolve_entities=False, no_network=True))
    assert [parse_document(data, name) for name, data in documents] == fast


def test_amendments_follow_their_first_version() -> None:
    documents = list(generate_notices(2, seed=11, amendment_share=1.0))
    (v1,), (v2,) = (parse_document(data, name) for name, data in documents)
    assert v1.number == v2.number and (v1.version, v2.version) == (1, 2) and v2.status == "amended"
    assert all(parse_document(d, n)[0].version == 1 for n, d in generate_notices(10, seed=3, amendment_share=0))


def test_documents_have_the_shape_of_the_2025_exports() -> None:
    """Signed attachments, indentation and size as measured on the real exports (eis_generator_blocks)."""
    documents = [data for _, data in generate_notices(30, seed=2)]
    for data in documents:
        root = etree.fromstring(data)
        attachments = list(root.iter("{*}attachmentInfo"))
        assert 4 <= len(attachments) <= 9
        assert all(attachment.find("{*}cryptoSigns/{*}signature") is not None for attachment in attachments)
        assert data.startswith(b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<ns3:export ')
        assert b"\n        <ns5:versionNumber>" in data  # 4 spaces per level
        assert root.find(".//{*}contractExecutionPaymentPlan/{*}stagesInfo/{*}stageInfo") is not None
    sizes = sorted(len(data) for data in documents)
    assert 60_000 < sizes[len(sizes) // 2] < 250_000


def test_archives_hold_every_document(tmp_path: Path) -> None:
    start = datetime(2026, 3, 2, 9, 0)
    paths = write_archives(tmp_path, 25, per_zip=10, seed=4, start=start)
    assert [p.name for p in paths] == sorted(p.name for p in paths) and len(paths) == 3
    names = []
    for path in paths:
        with zipfile.ZipFile(path) as archive:
            for member in archive.namelist():
                names.append(member)
                (record,) = parse_document(archive.read(member), f"{path.name}!{member}")
                assert record.published_at.startswith("2026-03-")
    assert len(names) == 25 == len(set(names))
