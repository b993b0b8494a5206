"""The labelled set's builder and evaluator: the set loads and is complete, the built EIS XML is stored whole by
a real crawl, and the scoring follows its rules. No matcher figures are asserted here (the test part is frozen
and only ever measured by ``benchmarks/evaluate_matching.py``)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.evaluate_matching import evaluate
from benchmarks.labelled.build import build
from benchmarks.labelled.cases import CaseError, Part, Product, _line, load_part, parse_characteristic

ROOT = Path(__file__).resolve().parents[2]


def cli(db_url: str, work: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tenderflow.cli", "--db", db_url, "--log-file", str(work / "log"), *arguments],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
        env={"PATH": "/usr/bin:/bin", "TENDERFLOW_PARSE_WORKERS": "0"},
    )  # fmt: skip


def test_characteristic_grammar() -> None:
    ranged = parse_characteristic(["Диагональ", ">= 15.6 <= 17.3 дюйм"], "t")
    assert (ranged.kind, ranged.bounds, ranged.unit) == ("range", ((">=", "15.6"), ("<=", "17.3")), "дюйм")
    concrete = parse_characteristic(["*Количество пар", "= 4 шт"], "t")
    assert (concrete.kind, concrete.text_form, concrete.name) == ("concrete", True, "Количество пар")
    assert parse_characteristic(["Категория", "не ниже 6"], "t").values == ("не ниже 6",)
    assert parse_characteristic(["VPN", ["IPsec", "L2TP"]], "t").values == ("IPsec", "L2TP")
    with pytest.raises(CaseError, match="Длина"):
        parse_characteristic(["Длина", ">= два м"], "t")
    comma = parse_characteristic(["Вес", "< 1,5 кг"], "t")  # a decimal comma, as Russian notices write it
    assert (comma.bounds, comma.unit) == ((("<", "1.5"),), "кг")
    with pytest.raises(CaseError, match="Вес"):
        parse_characteristic(["Вес", "< 1 5 кг"], "t")  # a number left in the unit is an error, not a unit


def test_every_product_of_the_line_type_needs_a_label() -> None:
    products = [Product("A", "switch", {}, ()), Product("B", "switch", {}, ()), Product("C", "ups", {}, ())]
    part = Part("dev", {"switch": "Коммутаторы", "ups": "ИБП"}, products)
    entry = {"name": "Коммутатор", "type": "switch", "qty": 1, "price": 10, "labels": {"A": "yes"}}
    with pytest.raises(CaseError, match="B"):
        _line(1, entry, part, {}, "case")
    entry["labels"] = {"A": "yes", "B": "unknown"}
    line = _line(1, entry, part, {}, "case")
    assert line.labels == {"A": "yes", "B": "unknown", "C": "no"}  # another type is "no"
    entry["labels"]["C"] = "yes"
    with pytest.raises(CaseError, match="another type"):
        _line(1, entry, part, {}, "case")


def test_frozen_part_keeps_its_size() -> None:
    counts = load_part("test").counts()
    assert counts["notices"] >= 60 and counts["requirements"] >= 300
    assert counts["relevant"] < counts["notices"]  # traps and near misses are part of it


def test_built_dev_part_is_stored_whole_by_a_real_crawl(tmp_path: Path, db_url: str) -> None:
    part = build("dev", tmp_path)
    assert cli(db_url, tmp_path, "init").returncode == 0
    imported = cli(db_url, tmp_path, "catalogue", "import", str(tmp_path / "catalogue"))
    assert imported.returncode == 0, imported.stderr
    crawled = cli(db_url, tmp_path, "crawl", "eis-xml", "--path", str(tmp_path / "notices"))
    assert crawled.returncode == 0, crawled.stderr
    out = tmp_path / "notices.jsonl"
    assert cli(db_url, tmp_path, "export", "notices", "--format", "jsonl", "--out", str(out)).returncode == 0
    stored = {record["number"]: record for record in map(json.loads, out.read_text(encoding="utf-8").splitlines())}
    assert set(stored) == {notice.number for notice in part.notices}
    for notice in part.notices:
        record = stored[notice.number]
        assert record["title"] == notice.title and record["customer"]["name"] == notice.customer
        assert [item["name"] for item in record["items"]] == [line.name for line in notice.lines]
        for item, line in zip(record["items"], notice.lines, strict=True):
            assert item["okpd2"] == line.okpd2 and item["ktru"] == (line.ktru[0] if line.ktru else None)
            assert float(item["quantity"]) == float(line.qty) and float(item["unit_price"]) == float(line.price)
            names = [c["name"] for c in item["characteristics"]]
            assert names == [c.name for c in line.characteristics], notice.number


def row(number: str, index: int, sku: str, compliant: str, rank: int = 1, relevant: bool = True) -> dict:
    return {"notice_number": number, "item_index": index, "sku": sku, "compliant": compliant, "rank": rank,
            "notice_relevant": relevant, "failed": [], "unknown": []}  # fmt: skip


def test_scoring_counts_every_exported_pair() -> None:
    labels = {"notices": {
        "N1": {"relevant": True, "source": "s", "lines": {"1": {"name": "x", "labels": {"A": "yes", "B": "no"}}}},
        "N2": {"relevant": False, "source": "s", "lines": {"1": {"name": "y", "labels": {"A": "no", "B": "no"}}}},
    }}  # fmt: skip
    rows = [
        row("N1", 1, "B", "yes", rank=1),  # false yes, wrong top-1
        row("N1", 1, "A", "unknown", rank=2),  # unknown where the catalogue decides: wrong
        row("N2", 1, "A", "no", relevant=False),
        row("N2", 1, "Z", "yes", relevant=False),  # unlabelled yes: a false yes, reported apart
    ]
    scores = evaluate(labels, rows)
    figures = scores.figures()
    assert figures["notice_f1"] == 1.0
    assert (figures["item_top1"], figures["recall_at_3"]) == (0.0, 1.0)
    assert (scores.pairs, scores.pairs_right, scores.unlabelled) == (3, 1, 1)
    assert figures["false_yes"] == 2


def test_a_wrong_yes_ranked_beyond_the_export_is_counted_apart() -> None:
    """A wrong «yes» at rank 4 is out of the scored rows (the default export), yet counted among every stored
    candidate, so a ranking change that brings it in is not mistaken for a new wrong verdict."""
    labels = {"notices": {
        "N1": {"relevant": True, "source": "s", "lines": {"1": {"name": "x", "labels": {"A": "yes", "B": "no"}}}},
    }}  # fmt: skip
    exported = [row("N1", 1, "A", "yes", rank=1)]
    stored = [*exported, row("N1", 1, "C", "no", rank=2), row("N1", 1, "D", "no", rank=3)]
    stored.append(row("N1", 1, "B", "yes", rank=4))
    scores = evaluate(labels, exported, stored)
    assert (scores.false_yes, scores.false_yes_stored) == (0, 1)
    assert any("rank 4" in miss for miss in scores.misses)
    assert evaluate(labels, exported).false_yes_stored is None


def test_relevant_or_possible_is_scored_apart_from_relevance() -> None:
    labels = {"notices": {
        "N1": {"relevant": True, "source": "s", "lines": {"1": {"name": "x", "labels": {"A": "yes"}}}},
        "N2": {"relevant": False, "source": "s", "lines": {"1": {"name": "y", "labels": {"A": "no"}}}},
    }}  # fmt: skip
    rows = [
        {**row("N1", 1, "A", "unknown", relevant=False), "notice_possible": True},  # shown, not relevant
        {**row("N2", 1, "A", "unknown", relevant=False), "notice_possible": True},  # shown wrongly
    ]
    figures = evaluate(labels, rows).figures()
    assert figures["notice_f1"] == 0.0
    assert (figures["shown_precision"], figures["shown_recall"]) == (0.5, 1.0)


def _write_part(root: Path, catalogues: dict[str, str]) -> None:
    folder = root / "dev2"
    folder.mkdir()
    (folder / "codes.toml").write_text('[okpd2]\nswitch = "26.30.11.110"\n', encoding="utf-8")
    (folder / "codes_office.toml").write_text('[okpd2]\nups = "26.20.40.110"\n', encoding="utf-8")
    for name, text in catalogues.items():
        (folder / name).write_text(text, encoding="utf-8")
    notice = (
        '[[notice]]\nid = 1\ntitle = "t"\ncustomer = "c"\nrelevant = true\n'
        '[[notice.line]]\nname = "ИБП"\ntype = "ups"\nqty = 1\nprice = 10\nlabels = {U1 = "yes"}\n'
    )
    (folder / "notices_a.toml").write_text(notice, encoding="utf-8")


def test_a_part_may_split_its_catalogue_and_codes_by_writer(tmp_path: Path) -> None:
    switch = '[types]\nswitch = "Коммутаторы"\n[[product]]\nsku = "S1"\nname = "s"\ntype = "switch"\nprice = 1\n'
    ups = '[types]\nups = "ИБП"\n[[product]]\nsku = "U1"\nname = "u"\ntype = "ups"\nprice = 1\n'
    _write_part(tmp_path, {"catalogue_net.toml": switch, "catalogue_office.toml": ups})
    part = load_part("dev2", tmp_path)
    assert part.types == {"switch": "Коммутаторы", "ups": "ИБП"}
    line = part.notices[0].lines[0]
    assert line.labels == {"U1": "yes", "S1": "no"} and line.okpd2 == "26.20.40.110"


def test_two_catalogue_files_may_not_declare_one_type(tmp_path: Path) -> None:
    ups = '[types]\nups = "ИБП"\n[[product]]\nsku = "U{n}"\nname = "u"\ntype = "ups"\nprice = 1\n'
    _write_part(tmp_path, {"catalogue_a.toml": ups.format(n=1), "catalogue_b.toml": ups.format(n=2)})
    with pytest.raises(CaseError, match=r"catalogue_b\.toml.*ups"):
        load_part("dev2", tmp_path)
