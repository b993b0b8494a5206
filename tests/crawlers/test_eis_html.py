from __future__ import annotations

import pytest

from crawlers.parsers.eis_html import merge, parse_common_info, parse_documents
from crawlers.parsers.eis_results import parse_results_page
from crawlers.parsers.html_values import ru_datetime, ru_decimal
from testing.platform_sites import SITES
from tests.crawlers.expected import FIXTURES, as_json, assert_clean_text, expected

SITE = SITES / "eis-search"
EXPECTED = FIXTURES / "eis_search" / "expected"
RESULTS_URL = "https://zakupki.gov.ru/epz/order/extendedsearch/results.html"


def notice_url(number: str) -> str:
    return f"https://zakupki.gov.ru/epz/order/notice/ea20/view/common-info.html?regNumber={number}"


@pytest.mark.parametrize("page", [1, 2])
def test_results_pages_match_expected(page: int) -> None:
    parsed = parse_results_page((SITE / f"results_{page}.html").read_bytes(), RESULTS_URL)
    assert as_json(parsed.records) == expected(EXPECTED / f"results_{page}.json")


def test_pagination_and_documents_links() -> None:
    first = parse_results_page((SITE / "results_1.html").read_bytes(), RESULTS_URL)
    assert first.next_url is not None and first.next_url.endswith("pageNumber=2")
    assert first.documents_urls["0373200000126000101"].endswith(
        "/epz/order/notice/ea20/view/documents.html?regNumber=0373200000126000101"
    )
    last = parse_results_page((SITE / "results_2.html").read_bytes(), RESULTS_URL)
    assert last.next_url is None


@pytest.mark.parametrize(
    "number", ["0373200000126000101", "0373200000126000102", "0373200000126000103", "0373200000126000104"]
)
def test_notice_pages_match_expected(number: str) -> None:
    record = parse_common_info((SITE / f"notice_{number}.html").read_bytes(), notice_url(number))
    assert as_json([record]) == expected(EXPECTED / f"notice_{number}.json")


def test_notice_page_lines_characteristics_and_securities() -> None:
    record = parse_common_info(
        (SITE / "notice_0373200000126000101.html").read_bytes(), notice_url("0373200000126000101")
    )
    assert record.deadline_at == "2026-11-18T09:00:00+03:00"
    assert record.application_security.amount == "18450.00"
    assert record.contract_security.percent == "5.00"
    switch, sfp = record.items
    assert (switch.ktru, switch.okpd2, switch.quantity, switch.sum) == (
        "26.30.11.150-00000004",
        "26.30.11.150",
        "10",
        "1205000.00",
    )
    ports, poe, budget = switch.characteristics
    assert (ports.kind, ports.min, ports.min_inclusive, ports.max) == ("range", "24", True, None)
    assert (poe.kind, poe.values) == ("values", ["Да"])
    assert (budget.min, budget.min_inclusive, budget.max, budget.max_inclusive) == ("370", False, "740", True)
    assert sfp.characteristics == [] and sfp.ktru is None and sfp.okpd2 == "26.30.11.150"
    no_guarantee = parse_common_info(
        (SITE / "notice_0373200000126000103.html").read_bytes(), notice_url("0373200000126000103")
    )
    assert no_guarantee.application_security is None


def test_documents_page_skips_signature_links() -> None:
    docs = parse_documents((SITE / "documents_0373200000126000101.html").read_bytes(), "https://zakupki.gov.ru/")
    assert [d.name for d in docs] == ["Описание объекта закупки.docx", "Проект контракта.docx", "Обоснование НМЦК.xlsx"]
    assert all("filestore" in d.url and "signview" not in d.url for d in docs)
    assert [d.kind for d in docs] == ["specification", "contract_draft", "price_justification"]


def test_merge_prefers_the_notice_page_and_keeps_card_values() -> None:
    card = parse_results_page((SITE / "results_1.html").read_bytes(), RESULTS_URL).records[0]
    page = parse_common_info((SITE / "notice_0373200000126000101.html").read_bytes(), card.url)
    docs = parse_documents((SITE / "documents_0373200000126000101.html").read_bytes(), card.url)
    merged = merge(page, card, documents=docs)
    assert merged.deadline_at == "2026-11-18T09:00:00+03:00"  # page has the time, card only the date
    assert merged.customer.region == "Москва" and merged.customer.name == card.customer.name
    assert len(merged.documents) == 3 and len(merged.items) == 2


def test_values() -> None:
    assert ru_decimal("1\u00a0845\u00a0000,00 ₽") == "1845000.00"
    assert ru_decimal("—") is None
    assert ru_datetime("04.08.2026 09:00 (МСК+9)") == "2026-08-04T09:00:00+12:00"
    assert ru_datetime("04.08.2026") == "2026-08-04T00:00:00+03:00"
    assert ru_datetime("с даты заключения контракта") is None


def test_hostile_and_empty_pages() -> None:
    with pytest.raises(ValueError, match="results-x"):
        parse_results_page(b"   ", "results-x")
    hostile = (
        (SITE / "results_1.html")
        .read_text(encoding="utf-8")
        .replace("Поставка серверного оборудования", "<script>alert(1)</script>Сервер &lt;img onerror=x&gt;")
    )
    record = parse_results_page(hostile, RESULTS_URL).records[1]
    assert record.title == "Сервер <img onerror=x>"  # plain text; escaping is the renderer's job
    with pytest.raises(ValueError, match="нет реестрового номера"):
        parse_common_info("<html><body><p>Сервис недоступен</p></body></html>", "https://zakupki.gov.ru/x")


@pytest.mark.samples
def test_real_pages(samples_dir) -> None:
    folder = samples_dir / "html__igorvolk1961-zakupki_parser"
    if not folder.is_dir():
        pytest.skip("EIS HTML samples absent")
    page = parse_results_page((folder / "eis_list.html").read_bytes(), RESULTS_URL)
    assert len(page.records) == 10
    assert_clean_text(page.records)
    assert all(r.number.isdigit() and r.law == "44-FZ" and r.nmck for r in page.records)
    assert page.records[0].nmck == "262512.00" and page.records[0].status == "closed"
    assert sum(1 for r in page.records if r.title) == 9  # the first card has no object name
    assert len(page.documents_urls) == 10
    p223 = parse_results_page((folder / "eis_list_223.html").read_bytes(), RESULTS_URL)
    assert p223.records and all(r.law == "223-FZ" and len(r.number) == 11 for r in p223.records)
    detail = parse_common_info((folder / "eis_detail.html").read_bytes(), notice_url("0338200002226000330"))
    assert (detail.nmck, detail.currency, detail.customer.region) == ("262512.00", "RUB", "Камчатский край")
    assert detail.ikz == "262410104019841010100100730480000000"
    docs = parse_documents((folder / "eis_documents.html").read_bytes(), "https://zakupki.gov.ru/")
    assert len(docs) >= 3 and all("filestore/public" in d.url for d in docs)
