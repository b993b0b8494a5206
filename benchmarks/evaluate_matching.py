"""Quality of matching on the labelled set, measured the way a user meets it: through the real commands and the
exported matches (contract 4.3), nothing imported from the product.

    python benchmarks/evaluate_matching.py --part test    # the frozen part: the only figures to report
    python benchmarks/evaluate_matching.py --part dev     # the development part (tuning allowed)
    python benchmarks/evaluate_matching.py --part dev2    # the second development part (its own catalogue)

Steps, in a temporary folder (kept with ``--keep DIR``): build the part (EIS XML notices + its own catalogue,
``benchmarks/labelled``), then run ``tenderflow init``, ``catalogue import``, ``crawl eis-xml --path``, ``match``
and ``export matches --format jsonl`` as subprocesses with the user's defaults. Scores:

- notice F1 of ``notice_relevant`` against the notice labels (a notice without rows is not relevant); for
  information also of «relevant or possible» (``notice_possible``: what the digest lists);
- item top-1: the rank-1 SKU of a line is labelled "yes" (lines with at least one "yes" product);
- recall@3: a "yes" product among the exported rows of the line (ranks 1–3);
- compliance accuracy over EVERY exported row: its ``compliant`` equals the label of (line, SKU); "unknown"
  where the label is "yes" or "no" is wrong; unlabelled rows are counted and reported apart;
- false "yes": exported ``compliant == "yes"`` where the label is "no" or "unknown", or the row is unlabelled;
  and the same over every stored candidate (``export matches --top`` beyond the default 3): a wrong "yes" ranked
  fourth is out of the scored rows, yet a ranking change elsewhere can bring it in (session 12: a branch "added"
  a false "yes" that way), and the specialist sees it when opening the line.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.labelled.build import build  # noqa: E402
from benchmarks.labelled.cases import PARTS  # noqa: E402

VERDICTS = ("yes", "no", "unknown")


@dataclass
class Scores:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    top1: int = 0
    recall3: int = 0
    scored_lines: int = 0
    pairs: int = 0
    pairs_right: int = 0
    unlabelled: int = 0
    false_yes: int = 0
    false_yes_stored: int | None = None  # over every stored candidate, not only the exported top 3
    shown: Counter = field(default_factory=Counter)  # tp/fp/fn of «relevant or possible» (what the digest lists)
    confusion: Counter = field(default_factory=Counter)  # (label, exported) -> count
    misses: list[str] = field(default_factory=list)

    def figures(self) -> dict[str, float]:
        return {
            **_f1("notice", self.tp, self.fp, self.fn),
            "item_top1": self.top1 / self.scored_lines if self.scored_lines else 0.0,
            "recall_at_3": self.recall3 / self.scored_lines if self.scored_lines else 0.0,
            "compliance_accuracy": self.pairs_right / self.pairs if self.pairs else 0.0,
            "false_yes": self.false_yes,
            "false_yes_stored": self.false_yes_stored,
            **_f1("shown", self.shown["tp"], self.shown["fp"], self.shown["fn"]),
        }


def _f1(prefix: str, tp: int, fp: int, fn: int) -> dict[str, float]:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {f"{prefix}_f1": f1, f"{prefix}_precision": precision, f"{prefix}_recall": recall}


def tenderflow_command() -> list[str]:
    """The installed ``tenderflow`` console script next to this Python, else the one on PATH."""
    beside = Path(sys.executable).with_name("tenderflow")
    found = str(beside) if beside.exists() else shutil.which("tenderflow")
    if not found:
        raise SystemExit("error: the tenderflow command is not installed (make setup)")
    return [found]


EVERY_CANDIDATE = 1000
"""``export matches --top`` for every stored candidate of a line (the matcher keeps far fewer)."""


def run_pipeline(work: Path) -> tuple[Path, dict[str, float]]:
    """Run the user's commands on the built part; returns the exported matches and seconds per step (the export
    of every stored candidate is written beside them, ``stored.jsonl``)."""
    base = [*tenderflow_command(), "--db", f"sqlite:///{work / 'tenderflow.db'}", "--log-file", str(work / "log")]
    out = work / "matches.jsonl"
    steps = {
        "init": ["init"],
        "catalogue import": ["catalogue", "import", str(work / "catalogue")],
        "crawl": ["crawl", "eis-xml", "--path", str(work / "notices")],
        "match": ["match"],
        "export": ["export", "matches", "--format", "jsonl", "--out", str(out)],
        "export every candidate": [
            "export", "matches", "--format", "jsonl", "--top", str(EVERY_CANDIDATE), "--out", str(work / "stored.jsonl")
        ],
    }
    env = {key: value for key, value in os.environ.items() if key != "TENDERFLOW_DB"}
    seconds: dict[str, float] = {}
    for name, arguments in steps.items():
        started = time.perf_counter()
        done = subprocess.run([*base, *arguments], cwd=work, env=env, capture_output=True, text=True)
        seconds[name] = time.perf_counter() - started
        if done.returncode != 0:
            raise SystemExit(f"error: «tenderflow {' '.join(arguments)}» exited {done.returncode}: "
                             f"{(done.stderr or done.stdout).strip()[-500:]}")  # fmt: skip
    return out, seconds


def read_rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def score_notices(labels: dict, by_notice: dict[str, list[dict]], scores: Scores) -> None:
    for number, notice in labels["notices"].items():
        rows = by_notice.get(number, [])
        predicted = any(row["notice_relevant"] for row in rows)
        expected = notice["relevant"]
        scores.tp += predicted and expected
        scores.fp += predicted and not expected
        scores.fn += expected and not predicted
        shown = predicted or any(row.get("notice_possible") for row in rows)
        scores.shown["tp"] += shown and expected
        scores.shown["fp"] += shown and not expected
        scores.shown["fn"] += expected and not shown
        if predicted != expected:
            scores.misses.append(f"{number} ({notice['source']}): notice_relevant {predicted}, label {expected}")


def score_lines(labels: dict, by_notice: dict[str, list[dict]], scores: Scores) -> None:
    for number, notice in labels["notices"].items():
        for index, line in notice["lines"].items():
            acceptable = {sku for sku, verdict in line["labels"].items() if verdict == "yes"}
            if not acceptable:
                continue
            rows = sorted((r for r in by_notice.get(number, []) if str(r["item_index"]) == index),
                          key=lambda r: r["rank"])  # fmt: skip
            scores.scored_lines += 1
            first = rows[0]["sku"] if rows else None
            scores.top1 += first in acceptable
            scores.recall3 += bool(acceptable & {r["sku"] for r in rows[:3]})
            if first not in acceptable:
                scores.misses.append(f"{number}/{index} «{line['name']}»: top-1 {first}, "
                                     f"expected one of {', '.join(sorted(acceptable))}")  # fmt: skip


def _names(value: object) -> list[str]:
    """``failed`` / ``unknown`` as names: a list in JSONL, a ``;``-separated string in CSV."""
    if isinstance(value, list):
        return [str(name) for name in value]
    return [name.strip() for name in str(value or "").split(";") if name.strip()]


def score_pairs(labels: dict, rows: list[dict], scores: Scores) -> None:
    for row in rows:
        number, index, sku, got = row["notice_number"], str(row["item_index"]), row["sku"], row["compliant"]
        line = labels["notices"].get(number, {}).get("lines", {}).get(index)
        want = line["labels"].get(sku) if line else None
        if want is None:
            scores.unlabelled += 1
            scores.false_yes += got == "yes"
            scores.misses.append(f"{number}/{index} {sku}: exported «{got}», pair not labelled")
            continue
        scores.pairs += 1
        scores.confusion[(want, got)] += 1
        scores.pairs_right += got == want
        scores.false_yes += got == "yes" and want != "yes"
        if got != want:
            why = "; ".join(_names(row.get("failed")) + _names(row.get("unknown")))
            scores.misses.append(f"{number}/{index} «{line['name']}» {sku}: exported «{got}», label «{want}»"
                                 + (f" [{why}]" if why else ""))  # fmt: skip


def false_yes_stored(labels: dict, stored: list[dict], scores: Scores) -> None:
    """Count the wrong "yes" among every stored candidate (rows of ``export matches --top`` beyond 3 included)."""
    scores.false_yes_stored = 0
    for row in stored:
        line = labels["notices"].get(row["notice_number"], {}).get("lines", {}).get(str(row["item_index"]))
        want = line["labels"].get(row["sku"]) if line else None
        if row["compliant"] == "yes" and want != "yes":
            scores.false_yes_stored += 1
            if row["rank"] > 3:
                scores.misses.append(f"{row['notice_number']}/{row['item_index']} {row['sku']}: «yes» at rank "
                                     f"{row['rank']} (not exported by default), label «{want}»")  # fmt: skip


def evaluate(labels: dict, rows: list[dict], stored: list[dict] | None = None) -> Scores:
    """Score exported contract 4.3 rows (dicts) against the built part's ``labels.json``; with ``stored`` (every
    stored candidate) count the wrong "yes" among them too."""
    by_notice: dict[str, list[dict]] = {}
    for row in rows:
        by_notice.setdefault(row["notice_number"], []).append(row)
    scores = Scores()
    score_notices(labels, by_notice, scores)
    score_lines(labels, by_notice, scores)
    score_pairs(labels, rows, scores)
    if stored is not None:
        false_yes_stored(labels, stored, scores)
    return scores


def report(labels: dict, scores: Scores, rows: int, seconds: dict[str, float]) -> str:
    counts = labels["counts"]
    figures = scores.figures()
    lines = [
        f"Labelled set, part «{labels['part']}»: {counts['notices']} notices ({counts['relevant']} relevant), "
        f"{counts['lines']} lines, {counts['requirements']} requirements, {counts['labelled_pairs']} labelled "
        f"pairs ({counts['yes_pairs']} «yes»), {counts['products']} products",
        f"Exported rows: {rows} (labelled {scores.pairs}, unlabelled {scores.unlabelled})",
        "",
        f"{'measure':<34}{'value':>8}  basis",
        f"{'notice F1 (notice_relevant)':<34}{figures['notice_f1']:>8.3f}  precision "
        f"{figures['notice_precision']:.3f}, recall {figures['notice_recall']:.3f} over {counts['notices']} notices",
        f"{'  relevant or possible (digest)':<34}{figures['shown_f1']:>8.3f}  precision "
        f"{figures['shown_precision']:.3f}, recall {figures['shown_recall']:.3f} (for information: the goal is "
        "on notice_relevant)",
        f"{'item top-1':<34}{figures['item_top1']:>8.3f}  {scores.scored_lines} lines with a «yes» product",
        f"{'recall@3':<34}{figures['recall_at_3']:>8.3f}  same lines",
        f"{'compliance accuracy':<34}{figures['compliance_accuracy']:>8.3f}  {scores.pairs} exported labelled pairs",
        f"{'false «yes»':<34}{scores.false_yes:>8d}  exported «yes» labelled no/unknown or unlabelled",
        *(
            [f"{'  among every stored candidate':<34}{scores.false_yes_stored:>8d}  ranks beyond the exported 3 too"]
            if scores.false_yes_stored is not None
            else []
        ),
        "",
        "exported compliant by label (rows: label; columns: exported):",
        f"{'':<10}" + "".join(f"{v:>9}" for v in VERDICTS),
    ]
    for want in VERDICTS:
        lines.append(f"{want:<10}" + "".join(f"{scores.confusion[(want, got)]:>9d}" for got in VERDICTS))
    lines.append("")
    lines.append("seconds: " + ", ".join(f"{name} {value:.1f}" for name, value in seconds.items()))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--part", choices=PARTS, default="test")
    parser.add_argument("--keep", help="work in this folder and keep it (default: a temporary folder)")
    parser.add_argument("--show-misses", action="store_true", help="list every wrong figure's case")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="tenderflow-eval-") as scratch:
        work = Path(args.keep) if args.keep else Path(scratch)
        if args.keep and work.exists():
            shutil.rmtree(work)
        work.mkdir(parents=True, exist_ok=True)
        build(args.part, work)
        labels = json.loads((work / "labels.json").read_text(encoding="utf-8"))
        matches, seconds = run_pipeline(work)
        rows = read_rows(matches)
        stored = read_rows(work / "stored.jsonl")
    scores = evaluate(labels, rows, stored)
    print(report(labels, scores, len(rows), seconds))
    if args.show_misses:
        print("\nmisses:")
        print("\n".join(f"  {miss}" for miss in scores.misses) or "  none")
    return 0


if __name__ == "__main__":
    sys.exit(main())
