"""Quality of the matcher on the project's labelled notices, measured through contract 4.3 rows.

Prints notice-level F1 of ``notice_relevant``, item top-1 (rank-1 SKU acceptable), recall@3 (an acceptable SKU
in the top 3), and compliance accuracy (per labelled characteristic of the labelled product: ``no`` when its
name is in ``failed``, ``unknown`` when in ``unknown``, else ``yes``; a product missing from the rows counts as
wrong), for the matcher and for a plain keyword-search baseline.

Run: ``python benchmarks/evaluate_matching.py [--set benchmarks/labelled/notices.json] [--catalogue demo/catalogue]``
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from matching.catalogue import load_catalogue  # noqa: E402
from matching.engine import Matcher  # noqa: E402
from store.schema import MatchRow, NoticeRecord, Product  # noqa: E402

DEFAULT_SET = ROOT / "benchmarks" / "labelled" / "notices.json"
DEFAULT_CATALOGUE = ROOT / "demo" / "catalogue"
RowsFn = Callable[[list[NoticeRecord]], list[MatchRow]]


def matcher_rows(products: list[Product]) -> RowsFn:
    matcher = Matcher(products)

    def rows(notices: list[NoticeRecord]) -> list[MatchRow]:
        return [row for result in matcher.match_many(notices) for row in result.rows(top=3)]

    return rows


def keyword_rows(products: list[Product]) -> RowsFn:
    """Baseline: products whose name contains a word (4+ letters) of the line's name, most shared words first;
    relevant when any line has a hit; no requirement checking (every row ``yes``)."""
    names = [(p, p.name.lower()) for p in products]

    def rows(notices: list[NoticeRecord]) -> list[MatchRow]:
        out = []
        for notice in notices:
            per_item = []
            for item in notice.items:
                words = {w for w in re.findall(r"\w{4,}", item.name.lower())}
                hits = sorted(
                    ((sum(w in name for w in words), p.sku, p) for p, name in names if any(w in name for w in words)),
                    key=lambda x: (-x[0], x[1]),
                )[:3]
                per_item.append((item, hits))
            relevant = any(h for _, h in per_item)
            for item, hits in per_item:
                for rank, (count, _, p) in enumerate(hits, start=1):
                    out.append(
                        MatchRow(
                            notice_number=notice.number, notice_score=50 if relevant else 0, notice_relevant=relevant,
                            item_index=item.index, item_name=item.name, rank=rank, sku=p.sku, product_name=p.name,
                            score=min(100, 30 * count), compliant="yes",
                        )
                    )  # fmt: skip
        return out

    return rows


def evaluate(labelled: list[dict], rows_fn: RowsFn) -> dict[str, float]:
    notices = [NoticeRecord.model_validate(entry["notice"]) for entry in labelled]
    rows = rows_fn(notices)
    by_notice: dict[str, list[MatchRow]] = {}
    for row in rows:
        by_notice.setdefault(row.notice_number, []).append(row)
    tp = fp = fn = 0
    top1 = top1_n = rec3 = 0
    comp_ok = comp_n = 0
    misses: list[str] = []
    for entry in labelled:
        number = entry["notice"]["number"]
        notice_rows = by_notice.get(number, [])
        predicted = bool(notice_rows) and notice_rows[0].notice_relevant
        expected = entry["label"]["relevant"]
        tp += predicted and expected
        fp += predicted and not expected
        fn += expected and not predicted
        if predicted != expected:
            misses.append(f"{number}: relevant {predicted} (expected {expected})")
        for index, label in entry["label"]["items"].items():
            item_rows = sorted((r for r in notice_rows if r.item_index == int(index)), key=lambda r: r.rank)
            acceptable = set(label["acceptable"])
            if acceptable:
                top1_n += 1
                if item_rows and item_rows[0].sku in acceptable:
                    top1 += 1
                else:
                    misses.append(f"{number}/{index}: top-1 {item_rows[0].sku if item_rows else None}")
                rec3 += bool(acceptable & {r.sku for r in item_rows[:3]})
            row = next((r for r in item_rows if r.sku == label.get("sku")), None)
            for name, want in label.get("expected", {}).items():
                comp_n += 1
                if row is None:
                    got = "missing"
                elif name in row.failed:
                    got = "no"
                elif name in row.unknown:
                    got = "unknown"
                else:
                    got = "yes"
                comp_ok += got == want
                if got != want:
                    misses.append(f"{number}/{index} {label.get('sku')} «{name}»: {got} (expected {want})")
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "notices": len(labelled),
        "notice_f1": round(f1, 3),
        "notice_precision": round(precision, 3),
        "notice_recall": round(recall, 3),
        "item_top1": round(top1 / top1_n, 3) if top1_n else 0.0,
        "recall_at_3": round(rec3 / top1_n, 3) if top1_n else 0.0,
        "compliance_accuracy": round(comp_ok / comp_n, 3) if comp_n else 0.0,
        "labelled_lines": top1_n,
        "labelled_characteristics": comp_n,
        "misses": misses,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", default=str(DEFAULT_SET))
    parser.add_argument("--catalogue", default=str(DEFAULT_CATALOGUE))
    parser.add_argument("--show-misses", action="store_true")
    args = parser.parse_args(argv)
    labelled = json.loads(Path(args.set).read_text(encoding="utf-8"))
    products = load_catalogue(args.catalogue)
    for title, fn in (("matcher", matcher_rows(products)), ("keyword baseline", keyword_rows(products))):
        result = evaluate(labelled, fn)
        misses = result.pop("misses")
        print(f"{title:17s} " + "  ".join(f"{k}={v}" for k, v in result.items()))
        if args.show_misses and title == "matcher":
            for miss in misses:
                print("   ", miss)
    return 0


if __name__ == "__main__":
    sys.exit(main())
