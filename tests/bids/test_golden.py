"""Golden bid packages: one 44-FZ auction, contest and quotation and one 223-FZ notice, as a specialist reads them
(application contents part by part, securities, anti-dumping, guarantee terms and contents, dated steps, proposal
lines, VAT and total). Each golden file was reviewed line by line against the cited articles
(docs/bids-golden-review.md). Regenerate with ``TENDERFLOW_REGOLD=1`` only after such a review."""

import json
import os
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from bids.assembler import assemble_bid

from .conftest import BIDS_FIXTURES

GOLDEN = BIDS_FIXTURES / "golden"
CASES = {"auction_44": "21000000", "contest_44": "8400000", "quotation_44": "850000", "sme_223": "3900000"}
NOW = datetime(2026, 2, 3, 7, 0, tzinfo=UTC)


def _cite(x: dict) -> str:
    return f"{x['article']}{' [не подтверждено]' if x.get('unconfirmed') else ''}"


def summary(folder: Path) -> str:
    manifest = json.loads((folder / "manifest.json").read_text("utf-8"))
    checklist = json.loads((folder / "chek-list-zayavki.json").read_text("utf-8"))
    guarantee = json.loads((folder / "bankovskaya-garantiya.json").read_text("utf-8"))
    out = [f"# {checklist['procedure_name']} № {checklist['notice']['number']}"]
    out.append(f"готов: {manifest['ready']}; блокирует: {manifest['blocking']}; проверки: {manifest['notice_checks']}")
    out.append("## Состав заявки")
    out += [f"- [{x.get('part', '')}] {x['text']} | {_cite(x)}" for x in checklist["items"]]
    out += [f"- поз. {ln['index']} ({ln['regime']}): " + "; ".join(f"{d['text']} | {_cite(d)}" for d in ln["documents"])
            for ln in checklist["lines"]]  # fmt: skip
    out.append("## Обеспечение")
    for s in guarantee["securities"]:
        cites = "; ".join(_cite(c) for c in s["citations"])
        amount = f"{s['amount']} ({s['percent']} % от {s['base_label']} {s['base']})"
        checked = f"диапазон {s['range_min']}-{s['range_max']}, в диапазоне {s['in_range']}"
        out.append(f"- {s['label']}: треб. {s['required']}, {amount}, {checked} | {cites}")
        out += [f"  - {n}" for n in s["notes"]]
    ad = guarantee["anti_dumping"]
    out.append(f"- Антидемпинг: {ad['applies']}; {ad['reason']}; {ad['enlarged_amount']}; {ad['good_faith_text']}")
    out.append("## Сроки гарантии")
    out += [f"- {t['kind']}: {t['text']} | {_cite(t['citation'])}" for t in guarantee["terms"]]
    out.append("## Содержание гарантии")
    out += [f"- {x['text']} ({x['applies_to_text']}) | {_cite(x)}" for x in guarantee["contents"]]
    out.append("## Шаги")
    out += [f"- {s['text']}: {s['due_text']}" for s in guarantee["steps"]]
    out.append("## Предупреждения")
    out += [f"- {w}" for w in manifest["warnings"]]
    out.append("## Не подтверждённые нормы")
    out += [f"- {u['article']}" for u in guarantee["unconfirmed"]]
    out += [f"- {x['article']}" for x in checklist["items"] if x.get("unconfirmed")]
    proposal = (folder / "kommercheskoe-predlozhenie.html").read_text("utf-8")
    total = proposal.split("<b>Итого: ", 1)[1].split("</p>", 1)[0].replace("</b>", "")
    out.append(f"## КП\n- Итого: {total}")
    return "\n".join(out) + "\n"


@pytest.mark.parametrize("name", sorted(CASES))
def test_golden_package(name, notice_of, products, recorded_compliance, company, tmp_path) -> None:
    folder = assemble_bid(
        notice_of(name), products, tmp_path, price=Decimal(CASES[name]), company=company,
        compliance=recorded_compliance, today=date(2026, 2, 3), now=NOW,
    )  # fmt: skip
    text = summary(folder)
    path = GOLDEN / f"{name}.md"
    if os.environ.get("TENDERFLOW_REGOLD"):
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text("utf-8")
