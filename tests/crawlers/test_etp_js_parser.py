from __future__ import annotations

import pytest

from crawlers.parsers.etp_js import parse_detail, parse_list
from testing.platform_sites import SITES
from tests.crawlers.expected import FIXTURES, as_json, assert_clean_text, expected

ETP = FIXTURES / "etp_js"


def test_rendered_list_matches_expected() -> None:
    page = parse_list((ETP / "rendered_list.html").read_bytes(), "https://zakupki.mos.ru/purchase/list?page=1")
    assert as_json(page.records) == expected(ETP / "expected" / "rendered_list.json")
    assert page.next_url == "https://zakupki.mos.ru/purchase/list?page=2"
    assert page.detail_urls["6200002"] == "https://zakupki.mos.ru/need/6200002"


def test_rendered_detail_matches_expected() -> None:
    record = parse_detail((ETP / "rendered_detail.html").read_bytes(), "https://zakupki.mos.ru/need/6200001")
    assert as_json([record]) == expected(ETP / "expected" / "rendered_detail.json")
    assert record.items[0].sum == "1480000.00" and len(record.documents) == 2


def test_unrendered_shell_has_no_cards() -> None:
    shell = (SITES / "etp-js" / "shell.html").read_bytes()
    assert parse_list(shell).records == []
    with pytest.raises(ValueError, match="не отрисована"):
        parse_detail(shell, "https://zakupki.mos.ru/need/")


@pytest.mark.samples
def test_real_portal_pages(samples_dir) -> None:
    folder = samples_dir / "html__igorvolk1961-zakupki_parser"
    if not folder.is_dir():
        pytest.skip("portal samples absent")
    page = parse_list((folder / "list_cardregion.html").read_bytes())
    assert len(page.records) == 10
    assert_clean_text(page.records)
    first = page.records[0]
    assert (first.number, first.nmck, first.law, first.customer.region) == ("6161063", "3250.00", "44-FZ", "г Сургут")
    assert first.deadline_at == "2026-08-06T15:00:00+03:00"
    regions = {r.customer.region for r in page.records}
    assert "Ямало-Ненецкий автономный округ" in regions
    detail = parse_detail((folder / "detail_content.html").read_bytes(), "https://zakupki.mos.ru/need/6161063")
    assert detail.number == "6161063" and len(detail.documents) == 3
    assert (detail.items[0].okpd2, detail.items[0].unit, detail.items[0].sum) == ("85.42.19.900", "чел", "3250")
