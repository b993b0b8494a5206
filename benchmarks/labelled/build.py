"""Build one part of the labelled set into a folder a user's commands can read.

    python -m benchmarks.labelled.build --part dev|dev2|dev3|dev4|dev5|dev6|dev7|dev8|test --out DIR

writes ``DIR/notices/<number>.xml`` (EIS export documents, see :mod:`benchmarks.labelled.eisxml`),
``DIR/catalogue/products.csv`` + ``specs.csv`` (contract 4.2) and ``DIR/labels.json`` (what the evaluator
scores against: notice relevance and the verdict of every (line, product) pair).
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path

from benchmarks.labelled.cases import PARTS, CaseError, Part, load_part
from benchmarks.labelled.eisxml import notice_document

PRODUCT_COLUMNS = ("sku", "name", "vendor", "model", "category", "okpd2", "ktru", "price", "vat_rate", "country",
                   "registry_number", "warranty_months", "description")  # fmt: skip


def write_catalogue(part: Part, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / "products.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=PRODUCT_COLUMNS)
        writer.writeheader()
        for product in part.products:
            writer.writerow({column: product.fields.get(column, "") for column in PRODUCT_COLUMNS})
    with (folder / "specs.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(("sku", "name", "value", "unit"))
        for product in part.products:
            writer.writerows((product.sku, *spec) for spec in product.specs)


def labels(part: Part) -> dict:
    """Everything the evaluator needs, keyed by purchase number and 1-based line index."""
    return {
        "part": part.name,
        "counts": part.counts(),
        "notices": {
            notice.number: {
                "relevant": notice.relevant,
                "source": notice.source,
                "lines": {
                    str(line.index): {"name": line.name, "type": line.type, "labels": line.labels}
                    for line in notice.lines
                },
            }
            for notice in part.notices
        },
    }


def build(part_name: str, out: Path) -> Part:
    """Load, check and write one part; returns the loaded part."""
    part = load_part(part_name)
    notices = out / "notices"
    notices.mkdir(parents=True, exist_ok=True)
    for notice in part.notices:
        (notices / f"{notice.number}.xml").write_bytes(notice_document(notice))
    write_catalogue(part, out / "catalogue")
    (out / "labels.json").write_text(json.dumps(labels(part), ensure_ascii=False, indent=1), encoding="utf-8")
    return part


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--part", choices=PARTS, required=True)
    parser.add_argument("--out", required=True, help="folder to write (created)")
    args = parser.parse_args(argv)
    try:
        part = build(args.part, Path(args.out))
    except CaseError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(" ".join(f"{key}={value}" for key, value in part.counts().items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
