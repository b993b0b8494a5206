from __future__ import annotations

import pytest

from crawlers.parsers.ted_api import expert_query, first, parse_search, search_body
from testing.platform_sites import SITES
from tests.crawlers.expected import FIXTURES, expected

SITE = SITES / "ted"


@pytest.mark.parametrize("page", [1, 2])
def test_search_pages_match_expected(page: int) -> None:
    parsed = parse_search((SITE / f"search-{page}.json").read_bytes())
    assert [h.record.to_json_dict() for h in parsed.hits] == expected(
        FIXTURES / "ted" / "expected" / f"search-{page}.json"
    )


def test_hits_tokens_links() -> None:
    first_page = parse_search((SITE / "search-1.json").read_bytes())
    assert first_page.next_token == "eyJwYWdlIjoyfQ" and first_page.total == 3
    switches, servers = first_page.hits
    assert switches.xml_url == "https://ted.europa.eu/en/notice/702145-2026/xml"
    assert switches.cpv == ["32420000", "32413100"]
    assert switches.record.customer.name == "Stadtwerke Beispielstadt GmbH"  # language map, any language
    assert servers.record.deadline_at == "2026-12-12T00:00:00+01:00"
    assert parse_search((SITE / "search-2.json").read_bytes()).next_token is None


def test_request_body() -> None:
    query = expert_query(cpv=["32420000", "48820000"], since="2026-11-01")
    assert query == "classification-cpv IN (32420000 48820000) AND publication-date>=20261101"
    body = search_body(query, token="abc", limit=50)
    assert body["paginationMode"] == "ITERATION" and body["iterationNextToken"] == "abc"
    assert "publication-number" in body["fields"] and body["limit"] == 50


def test_first_and_bad_input() -> None:
    assert first({"deu": ["x"], "eng": ["y"]}) == "y"
    assert first([]) is None
    with pytest.raises(ValueError, match="не ответ поиска TED"):
        parse_search(b'{"error": "bad query"}')
    page = parse_search(b'{"notices": [{"notice-title": {"eng": "no number"}}], "iterationNextToken": null}')
    assert page.hits == [] and len(page.errors) == 1
