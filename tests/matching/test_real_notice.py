"""The real laptop notice 0173200002625000220 (../shared/samples, read in place) against the demo catalogue."""

from __future__ import annotations

import csv

import pytest

from matching.export import COLUMNS, write_matches

pytestmark = pytest.mark.samples
NUMBER = "0173200002625000220"


@pytest.fixture(scope="module")
def record(samples_dir):
    parsers = pytest.importorskip("crawlers.parsers")
    path = next((samples_dir / "eis44_export_2025__artemmail-gos").glob(f"*{NUMBER}*"), None)
    if path is None:
        pytest.skip("sample notice absent")
    (notice,) = parsers.parse_document(path.read_bytes(), path.name)
    return notice


EXPECTED_HEADS = {
    "Коммутатор": "Коммутатор",
    "Монитор": "Монитор",
    "Ноутбук": "Ноутбук",
    "Мышь": "Мышь",
    "Клавиатура": "Клавиатура",
    "USB-накопитель": "USB-накопитель",
    "Проектор": "Проектор",
    "Многофункциональное устройство": "Многофункциональное устройство",
}


def test_every_line_has_sensible_candidates(record, demo_matcher):
    result = demo_matcher.match_notice(record)
    assert len(result.items) == len(record.items) == 16
    for item in result.items:
        assert item.candidates, item.name
        for prefix, product_word in EXPECTED_HEADS.items():
            if item.name.startswith(prefix):
                assert item.candidates[0].product_name.startswith(product_word), (item.name, item.candidates[0])
    monoblock = next(i for i in result.items if "моноблок" in i.name)
    assert any(c.sku.startswith(("GRV-M50I", "AQ-MNB", "IRU-2")) for c in monoblock.candidates[:3])


def test_each_characteristic_of_the_top_candidate_is_decided_or_explained(record, demo_matcher):
    result = demo_matcher.match_notice(record)
    for item in result.items:
        top = item.candidates[0]
        verdicts = top.explanation["requirements"]
        characteristic_names = {c.name for c in next(i for i in record.items if i.index == item.index).characteristics}
        assert characteristic_names <= {v["name"] for v in verdicts}
        for v in verdicts:
            assert v["status"] in ("yes", "no", "unknown")
            assert v["reason"], v
        assert set(top.failed) == {v["name"] for v in verdicts if v["status"] == "no"} | (
            {f for f in top.failed if "Национальный режим" in f}
        )


def test_export_matches_contract_4_3(record, demo_matcher, tmp_path):
    rows = demo_matcher.match_notice(record).rows()
    assert write_matches(rows, "csv", tmp_path / "m.csv") == len(rows)
    with (tmp_path / "m.csv").open(encoding="utf-8") as handle:
        table = list(csv.DictReader(handle))
    assert list(table[0]) == COLUMNS
    for row in table:
        assert row["notice_number"] == NUMBER
        assert 0 <= int(row["score"]) <= 100 and 0 <= int(row["notice_score"]) <= 100
        assert row["compliant"] in ("yes", "no", "unknown") and row["notice_relevant"] in ("true", "false")
    per_item = {}
    for row in table:
        per_item.setdefault(row["item_index"], []).append(int(row["rank"]))
    assert all(ranks == list(range(1, len(ranks) + 1)) and len(ranks) <= 3 for ranks in per_item.values())
