"""SIP accounts, lines and «учётные записи SIP» are one count (synonyms.json `sipаккаунт`), in characteristics
and in line names («IP-телефон 2 линии SIP»); a count of other lines or keys never proves it. Hand-made cards."""

from __future__ import annotations

from tests.matching.conftest import Shelf, at_least, product

LINES = product("PH-4", "IP-телефон", [("Линии SIP", "4"), ("Экран", 'цветной 2,4"')])
RECORDS = product("PH-16", "IP-телефон", [("Учётные записи SIP", "16"), ("PoE", "802.3af")])
ONE = product("PH-1", "IP-телефон", [("SIP-линии", "1"), ("PoE", "да")])
KEYS = product("PH-K", "IP-телефон", [("Линейные клавиши", "10"), ("PoE", "да")])
SHELF = Shelf(LINES, RECORDS, ONE, KEYS)


def test_a_line_name_counting_sip_lines_is_met_by_the_cards_sip_accounts():
    assert SHELF.decide_name(LINES, "IP-телефон 2 линии SIP", "2 линии SIP") == "yes"
    assert SHELF.decide_name(ONE, "IP-телефон 2 линии SIP", "2 линии SIP") == "no"


def test_sip_accounts_are_the_cards_sip_lines_and_records():
    assert SHELF.decide(at_least("Количество SIP-аккаунтов", 6, "шт"), RECORDS) == "yes"
    assert SHELF.decide(at_least("Количество SIP-аккаунтов", 2, "шт"), LINES) == "yes"
    assert SHELF.decide(at_least("Количество SIP-аккаунтов", 6, "шт"), LINES) == "no"


def test_other_lines_or_keys_are_not_sip_accounts():
    assert SHELF.decide(at_least("Количество SIP-аккаунтов", 2, "шт"), KEYS) != "yes"
    # «2 линии» without SIP stays the count of lines it names, not the SIP accounts.
    assert SHELF.decide_name(LINES, "Телефон 2 линии", "2 линии") != "yes"
