"""TED texts in the reader's language, places and procedures named (issue 19 point 3)."""

from __future__ import annotations

import json
from pathlib import Path

from crawlers.parsers.eforms import parse_eforms
from crawlers.parsers.ted_api import parse_search
from crawlers.parsers.ted_terms import country_name, place
from tests.crawlers.expected import FIXTURES

BILINGUAL = FIXTURES / "ted" / "cn_bulgarian_english.xml"


def test_english_wins_over_the_notices_own_bulgarian_everywhere() -> None:
    record = parse_eforms(BILINGUAL.read_bytes())
    assert record.number == "716204-2026"
    assert record.title == "Supply of network equipment for the State Hybrid Private Cloud"
    assert record.customer is not None and record.customer.name == "Electronic Governance Agency"
    assert record.customer.region == "Sofia, Болгария"  # BG411 is never shown as a code
    assert record.delivery_place == "Sofia, Болгария"
    assert [item.name for item in record.items] == ["Data centre switches", "Next-generation firewalls"]
    assert record.procedure == "Ограниченная процедура"
    assert (record.nmck, record.currency) == ("2140500.00", "EUR")


def test_language_preference_is_configurable() -> None:
    record = parse_eforms(BILINGUAL.read_bytes(), languages=["bul"])
    assert record.title == "Доставка на мрежово оборудование за държавния хибриден частен облак"
    assert record.customer is not None and record.customer.region == "София, Болгария"
    assert record.items[1].name == "Защитни стени от ново поколение"
    # A language the notice lacks falls back to the notice's own language (Bulgarian), not the first text.
    assert parse_eforms(BILINGUAL.read_bytes(), languages=["deu"]).items[0].name == "Комутатори за центъра за данни"


def test_sample_notice_region_and_procedure_in_russian(samples_dir: Path) -> None:
    notice = samples_dir / "ted_eforms__OP-TED-eForms-SDK" / "cn_24_open.xml"
    record = parse_eforms(notice.read_bytes(), source_name=notice.name)
    assert record.procedure == "Открытая процедура"  # published as the code "open"
    assert record.customer is not None and record.customer.region == "Paisley, Великобритания"  # GBR / UKM83
    assert (record.nmck, record.currency, record.deadline_at) == ("500000", "EUR", "2020-04-03T12:00:00+01:00")
    french = parse_eforms((notice.parent / "cn_24_FRA_comments.xml").read_bytes())
    assert french.customer is not None and french.customer.region == "Rouen Cedex 1, Франция"


def test_search_api_language_maps_follow_the_preference() -> None:
    response = {
        "notices": [
            {
                "publication-number": "716204-2026",
                "notice-type": "cn-standard",
                "notice-title": {"bul": "България – Комутатори – Доставка", "eng": "Bulgaria – Switches – Supply"},
                "buyer-name": {"bul": ["Агенция за електронно управление"], "eng": ["Electronic Governance Agency"]},
                "buyer-country": ["BGR"],
                "publication-date": "2026-11-24+01:00",
                "links": {"xml": {"MUL": "https://ted.europa.eu/en/notice/716204-2026/xml"}},
            }
        ],
        "totalNoticeCount": 1,
        "iterationNextToken": None,
        "timedOut": False,
    }
    (hit,) = parse_search(json.dumps(response)).hits
    assert hit.record.title == "Bulgaria – Switches – Supply"
    assert hit.record.customer is not None and hit.record.customer.region == "Болгария"
    (bulgarian,) = parse_search(json.dumps(response), languages=["bul"]).hits
    assert bulgarian.record.customer is not None
    assert bulgarian.record.customer.name == "Агенция за електронно управление"


def test_country_names_from_nuts_and_iso_codes() -> None:
    assert country_name("EL301") == "Греция" and country_name("UKI32") == "Великобритания"
    assert country_name("DEU") == "Германия" and country_name("LU") == "Люксембург"
    assert place(None, "FRD22", "FRA") == "Франция"
