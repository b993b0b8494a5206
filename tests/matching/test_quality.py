"""Quality on the project's labelled set holds at the level reached, and above the keyword baseline."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def evaluation():
    spec = importlib.util.spec_from_file_location("evaluate_matching", ROOT / "benchmarks" / "evaluate_matching.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_labelled_set_figures(evaluation, demo_products):
    labelled = json.loads((ROOT / "benchmarks" / "labelled" / "notices.json").read_text(encoding="utf-8"))
    assert len(labelled) >= 40
    assert {e["kind"] for e in labelled} == {"relevant", "near-miss", "irrelevant"}
    ours = evaluation.evaluate(labelled, evaluation.matcher_rows(demo_products))
    baseline = evaluation.evaluate(labelled, evaluation.keyword_rows(demo_products))
    assert ours["notice_f1"] >= 0.95, ours["misses"]
    assert ours["item_top1"] >= 0.9, ours["misses"]
    assert ours["recall_at_3"] >= 0.95, ours["misses"]
    # Issue 15: this old set labels characteristics the catalogue does not prove as "yes" and scores a requirement
    # never created as correct; "not proven" is now "unknown", which it counts as wrong. The frozen labelled set
    # (issue 15 point 9) is the measure of compliance; here it only must not collapse.
    assert ours["compliance_accuracy"] >= 0.9, ours["misses"]
    for key in ("notice_f1", "item_top1", "recall_at_3", "compliance_accuracy"):
        assert ours[key] > baseline[key], key
