from __future__ import annotations

import json
from pathlib import Path

import pytest
from jsonschema import Draft4Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT4

from crawlers.parsers.ocds import parse_package
from testing.platform_sites import SITES
from tests.crawlers.expected import FIXTURES, as_json, expected

SITE = SITES / "ocds"


def validator(schema_dir: Path, name: str) -> Draft4Validator:
    schemas = {p.name: json.loads(p.read_text(encoding="utf-8")) for p in schema_dir.glob("*.json")}
    registry = Registry().with_resources(
        (schema["id"], Resource(schema, specification=DRAFT4)) for schema in schemas.values() if "id" in schema
    )
    return Draft4Validator(schemas[name], registry=registry)


@pytest.fixture(scope="module")
def schema_dir(samples_dir) -> Path:
    found = sorted(samples_dir.glob("ocds_schema_1.1__*"))
    if not found:
        pytest.skip("OCDS schema absent")
    return found[0]


@pytest.mark.parametrize("name", ["releases-1", "records-2"])
def test_packages_match_expected(name: str) -> None:
    page = parse_package((SITE / f"{name}.json").read_bytes())
    assert as_json(page.records) == expected(FIXTURES / "ocds" / "expected" / f"{name}.json")
    assert page.errors == []


def test_releases_of_one_process_are_compiled_and_paged() -> None:
    page = parse_package((SITE / "releases-1.json").read_bytes())
    assert page.next_url == "https://ocds.example.ru/api/releases?page=2"
    routers, ups = page.records
    assert routers.number == "ocds-rx4p2z-2026-000101"
    assert routers.deadline_at == "2026-11-24T10:00:00+03:00"  # the amendment moved the deadline
    assert routers.status == "amended" and routers.version == 2
    assert routers.nmck == "2450000.50"  # exact: JSON numbers never pass through float
    assert [i.okpd2 for i in routers.items] == ["26.30.11.120", "26.30.11.190"]  # OKPD2 also from additional
    assert routers.items[0].sum == "1450000.50"
    assert routers.customer.inn == "7701234567"
    assert ups.status == "cancelled" and ups.items[0].unit_price is None
    assert parse_package((SITE / "records-2.json").read_bytes()).next_url is None


def test_bad_input_is_named() -> None:
    with pytest.raises(ValueError, match="feed-9: не JSON"):
        parse_package(b"{", source_name="feed-9")
    with pytest.raises(ValueError, match="не пакет релизов"):
        parse_package(b'{"data": []}')
    broken = {
        "releases": [{"id": "x", "tender": {}}, json.loads((SITE / "releases-1.json").read_text())["releases"][2]]
    }
    page = parse_package(broken)
    assert len(page.records) == 1  # the release without ocid is skipped, the other kept


@pytest.mark.samples
def test_fixtures_are_valid_ocds(schema_dir: Path) -> None:
    releases = validator(schema_dir, "release-package-schema.json")
    records = validator(schema_dir, "record-package-schema.json")
    assert list(releases.iter_errors(json.loads((SITE / "releases-1.json").read_text()))) == []
    assert list(records.iter_errors(json.loads((SITE / "records-2.json").read_text()))) == []
    assert list(releases.iter_errors({"version": "1.1", "releases": [{"ocid": 1}]}))  # the check can fail


@pytest.mark.samples
def test_real_packages(samples_dir) -> None:
    files = sorted(samples_dir.glob("ocds__*/**/*.json"))
    if not files:
        pytest.skip("OCDS samples absent")
    numbers = set()
    for path in files:
        page = parse_package(path.read_bytes(), source_name=path.name)
        assert page.errors == [] and page.records, path.name
        numbers.update(r.number for r in page.records)
        for record in page.records:
            assert record.nmck is None or "." in record.nmck or record.nmck.isdigit()
    assert {"ocds-213czf-000-00001", "ocds-03ad3f-193399", "OCDS-87SD3T-AD-SF-DRM-063-2015"} <= numbers
    laptops = parse_package((samples_dir / "ocds__open-contracting-ocdskit" / "release-package-1.json").read_bytes())
    record = laptops.records[0]
    assert (record.nmck, record.currency, record.items[0].quantity) == ("1311264.00", "MXN", "471")
