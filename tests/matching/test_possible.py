"""Issue 15 point 5: unknowns earn no relevance credit, and a notice that would fit were they proven is
"possible" («возможно подходит: соответствие не доказано») with what to check, never hidden nor «подходит».

Before it an "unknown" line earned the share of its proven requirements: the notices below with a switch that
proves 2 of 3 requirements were «подходит» without one proven product."""

from __future__ import annotations

import csv

from matching.engine import Matcher
from matching.export import COLUMNS, write_matches
from matching.relevance import POSSIBLE_NOTE
from store.schema import NoticeRecord
from tests.matching.conftest import product

CATALOGUE = [
    product("SW-24", "Коммутатор управляемый A24", [("Количество портов 10/100/1000 Base-T", 24, "шт"),
            ("Бюджет PoE", 370, "Вт")], price="50000", category="Коммутаторы"),
    product("UPS-1", "Источник бесперебойного питания B1", [("Выходная мощность", 1500, "ВА")], price="30000",
            category="Источники бесперебойного питания"),
]  # fmt: skip
SWITCH = {"name": "Коммутатор управляемый", "sum": "60000", "characteristics": [
    {"name": "Количество портов 10/100/1000 Base-T", "kind": "range", "min": "24", "min_inclusive": True},
    {"name": "Бюджет PoE", "kind": "range", "min": "370", "min_inclusive": True, "unit": "Вт"},
    {"name": "Количество портов SFP+", "kind": "range", "min": "4", "min_inclusive": True, "unit": "шт"}]}  # fmt: skip
"""The card proves the ports and the PoE budget and says nothing of SFP+ ports: "unknown"."""
UPS = {"name": "Источник бесперебойного питания", "sum": "40000", "characteristics": [
    {"name": "Выходная мощность", "kind": "range", "min": "1000", "min_inclusive": True, "unit": "ВА"}]}  # fmt: skip
"""Proven: "yes"."""


def notice(number: str, *items: dict, nmck: str | None = None) -> NoticeRecord:
    lines = [{"index": i, "quantity": "1", **item} for i, item in enumerate(items, start=1)]
    return NoticeRecord.model_validate({"source": "eis44", "number": number, "nmck": nmck, "items": lines})


def test_a_notice_whose_only_candidates_are_unknown_is_possible_not_relevant(tmp_path):
    result = Matcher(CATALOGUE).match_notice(notice("P1", SWITCH))
    assert [c.compliant for c in result.items[0].candidates] == ["unknown"]
    assert not result.relevant and result.possible
    assert result.explanation["coverage"] == 0.0 and result.explanation["possible_coverage"] == 1.0
    assert result.explanation["possible"] == POSSIBLE_NOTE
    line = result.explanation["lines"][0]
    assert line["unproven_sku"] == "SW-24" and line["fit"] == 0.0
    assert line["unproven"] == ["Количество портов SFP+: характеристика не найдена в карточке товара"]
    assert "проверьте: Количество портов SFP+" in line["reason"]
    assert 50 < result.score < 100  # ranked by its evidence: shown, below a proven fit of the same names

    rows = result.rows()
    assert all(r.notice_possible and not r.notice_relevant for r in rows)
    write_matches(rows, "csv", tmp_path / "m.csv")
    text = (tmp_path / "m.csv").read_text(encoding="utf-8").splitlines()
    first = next(csv.DictReader(text))
    assert text[0].split(",") == COLUMNS and COLUMNS[-1] == "notice_possible"  # additive: the last column
    assert (first["notice_relevant"], first["notice_possible"]) == ("false", "true")


def test_a_proven_line_keeps_the_notice_relevant_and_names_what_else_to_check():
    matcher = Matcher(CATALOGUE)
    proven_most = matcher.match_notice(notice("P2", {**UPS, "sum": "90000"}, SWITCH))  # 60 % proven
    assert proven_most.relevant and not proven_most.possible and "possible" not in proven_most.explanation
    assert proven_most.rows()[0].notice_relevant and not proven_most.rows()[0].notice_possible
    lines = proven_most.explanation["lines"]
    assert lines[0]["fit"] == 1.0 and "unproven" not in lines[0]
    assert lines[1]["unproven"] and lines[1]["possible_fit"] == 1.0

    proven_less = matcher.match_notice(notice("P3", UPS, SWITCH))  # 40 % proven, 60 % unknown
    assert not proven_less.relevant and proven_less.possible
    assert proven_less.explanation["coverage"] == 0.4
    assert proven_most.score > proven_less.score  # the same products: more proof ranks higher


def test_a_possible_notice_won_only_at_a_loss_is_neither():
    result = Matcher(CATALOGUE).match_notice(notice("P4", SWITCH, nmck="45000"))  # catalogue 50 000
    assert not result.relevant and not result.possible
    assert "убыток" in result.explanation["nmck"]


def test_a_failing_product_is_never_possible():
    failing = {**SWITCH, "characteristics": [{**SWITCH["characteristics"][0], "min": "48"}]}
    result = Matcher(CATALOGUE).match_notice(notice("P5", failing))
    assert [c.compliant for c in result.items[0].candidates] == ["no"]
    assert not result.relevant and not result.possible and "unproven" not in result.explanation["lines"][0]


def test_an_unproven_product_within_the_price_beside_a_proven_one_at_a_loss():
    cheap_bare = product("SW-BARE", "Коммутатор управляемый C24", [], price="40000", category="Коммутаторы")
    dear = product("SW-24P", "Коммутатор управляемый A24 Pro", [("Количество портов 10/100/1000 Base-T", 24, "шт"),
                   ("Бюджет PoE", 370, "Вт")], price="70000", category="Коммутаторы")  # fmt: skip
    line = {**SWITCH, "characteristics": SWITCH["characteristics"][:2]}
    result = Matcher([cheap_bare, dear]).match_notice(notice("P6", line))
    assert {c.sku: c.compliant for c in result.items[0].candidates} == {"SW-24P": "yes", "SW-BARE": "unknown"}
    details = result.explanation["lines"][0]
    assert details["sku"] == "SW-24P" and details["fit"] == 0.4 and "убыток" in details["price"]
    assert details["unproven_sku"] == "SW-BARE" and "без убытка" in details["reason"]
    assert not result.relevant and result.possible
