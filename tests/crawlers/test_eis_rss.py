from __future__ import annotations

import pytest

from crawlers.parsers.eis_rss import description_fields, parse_rss
from testing.platform_sites import SITES
from tests.crawlers.expected import FIXTURES, as_json, assert_clean_text, expected

SITE = SITES / "eis-search"


def test_feed_matches_expected_records() -> None:
    records = parse_rss((SITE / "rss.xml").read_bytes())
    assert as_json(records) == expected(FIXTURES / "eis_search" / "expected" / "rss.json")


def test_doubly_escaped_description_is_decoded_once_more() -> None:
    records = {r.number: r for r in parse_rss((SITE / "rss.xml").read_bytes())}
    ups = records["0373200000126000104"]
    assert ups.title == 'Поставка источников бесперебойного питания "Онлайн"'
    assert ups.customer.name == 'МУНИЦИПАЛЬНОЕ БЮДЖЕТНОЕ УЧРЕЖДЕНИЕ "ЦЕНТР ИНФОРМАТИЗАЦИИ"'
    assert ups.status == "cancelled"
    assert ups.nmck == "612400.50"
    # the highlight span around the search word does not split the title
    assert records["0373200000126000101"].title == "Поставка коммутаторов доступа для нужд учреждения"


def test_query_parameters_are_not_read_as_notice_fields() -> None:
    fields = description_fields(
        "<strong>Закупки по: </strong>223-ФЗ<br/><strong>Найденный результат:</strong><br/>"
        "<strong>Размещение выполняется по: </strong>44-ФЗ<br/>"
    )
    assert fields == {"law": "44-ФЗ"}


def test_malformed_feed_names_its_source() -> None:
    with pytest.raises(ValueError, match="feed-7"):
        parse_rss(b"<rss><channel><item>", "feed-7")


def test_external_entities_are_not_resolved(tmp_path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET")
    feed = (
        f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file://{secret}">]>'
        "<rss><channel><item><title>Электронный аукцион №0373200000126000999</title>"
        "<link>https://zakupki.gov.ru/epz/order/notice/ea20/view/common-info.html?regNumber=0373200000126000999</link>"
        "<description>&x;</description></item></channel></rss>"
    ).encode()
    try:
        records = parse_rss(feed)
    except ValueError:
        return  # refusing the document is fine too
    assert all("TOPSECRET" not in (r.title or "") + (r.customer.name or "") for r in records)


@pytest.mark.samples
def test_real_feed(samples_dir) -> None:
    paths = sorted(samples_dir.glob("rss__*/real-eis-rss.xml"))
    if not paths:
        pytest.skip("real EIS RSS sample absent")
    records = parse_rss(paths[0].read_bytes(), paths[0].name)
    assert len(records) == 5
    assert_clean_text(records)
    assert all(r.number.isdigit() and len(r.number) == 19 for r in records)
    assert all(r.law == "44-FZ" and r.currency == "RUB" and r.status == "active" for r in records)
    assert all(r.ikz and len(r.ikz) == 36 for r in records)
    assert all(r.published_at.endswith("+00:00") for r in records)
    first = records[0]
    assert first.title is None  # the feed literally says "null"
    assert first.nmck == "506000.00"
    assert "ЗДРАВООХРАНЕНИЯ" in first.customer.name
