"""Assemble a bid package: a folder and a zip with the manifest, compliance table, proposal and checklists."""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import zipfile
from collections.abc import Iterable, Mapping
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from bids import compliance_table as ct
from bids.checklist import build_checklist
from bids.company import Company, load_company
from bids.compliance_table import ComplianceFn, UnitInfo
from bids.dates import day_of
from bids.guarantee import build_guarantee_checklist
from bids.matching_adapter import matching_compliance, matching_unit_info
from bids.proposal import SPEC_HEADERS, build_proposal, requisites, spec_row, subject
from bids.proposal_docx import write_docx
from bids.render import render
from bids.ruleset import load_rules
from bids.sanity import blocking_problems, notice_checks
from store.schema import NoticeRecord, Product

FILES = {
    "compliance_xlsx": "tablica-sootvetstviya.xlsx",
    "compliance_html": "tablica-sootvetstviya.html",
    "proposal_docx": "kommercheskoe-predlozhenie.docx",
    "proposal_html": "kommercheskoe-predlozhenie.html",
    "checklist_html": "chek-list-zayavki.html",
    "checklist_json": "chek-list-zayavki.json",
    "guarantee_html": "bankovskaya-garantiya.html",
    "guarantee_json": "bankovskaya-garantiya.json",
}


def safe_name(number: str) -> str:
    """A notice number as a file name (numbers come from untrusted sources)."""
    name = re.sub(r"[^0-9A-Za-z._-]", "_", number).strip("._") or "notice"
    return name[:100]


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, default=str)


def assemble_bid(
    notice: NoticeRecord,
    products_by_line: Mapping[int, Product | None],
    out_dir: Path,
    price: Decimal | str | None = None,
    company: Company | Path | None = None,
    rules_dir: Path | None = None,
    compliance: ComplianceFn | None = None,
    catalogue: Iterable[Product] | None = None,
    unit_info: UnitInfo | None = None,
    catalogue_info: Mapping[str, Any] | None = None,
    today: date | None = None,
    notice_seq: int | None = None,
    extra_warnings: list[str] | None = None,
    treasury: bool = False,
    now: datetime | None = None,
) -> Path:
    """Write ``out_dir/<number>/`` and ``out_dir/<number>.zip``; return the folder. ``manifest.json`` says whether
    the package is ready (``ready``, ``blocking``): a passed deadline or a non-compliant line makes it not ready."""
    price = Decimal(str(price)) if price is not None else None
    if isinstance(company, str | Path):
        company = load_company(Path(company))
    if compliance is None:
        products = [p for p in products_by_line.values() if p is not None]
        compliance = matching_compliance(catalogue if catalogue is not None else products)
    if unit_info is None:
        unit_info = matching_unit_info()
    rules = load_rules(notice.published_at, rules_dir)
    warnings = list(extra_warnings or []) + list(rules.warnings)

    rows = ct.build_rows(notice, products_by_line, compliance, unit_info)
    status = {
        "blocking": blocking_problems(notice, rows, now),
        "checks": [c.to_dict() for c in notice_checks(notice, rules)],
    }
    guarantee = build_guarantee_checklist(notice, rules, price=price, company=company, treasury=treasury)
    checklist = build_checklist(notice, products_by_line, guarantee.securities, rules, company)
    shipment = day_of(notice.contract_end_at) or today or date.today()
    vat_rules = load_rules(max(shipment, today or date.today()), rules_dir)
    proposal = (
        build_proposal(notice, products_by_line, company, rules, price, today, vat_rules=vat_rules) if company else None
    )
    if proposal is None:
        warnings.append("Профиль компании не указан (--company): коммерческое предложение не сформировано")

    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    name = safe_name(notice.number)
    final = out_dir / name
    work = out_dir / f".{name}.tmp-{os.getpid()}"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir()
    outputs: dict[str, Path] = {}

    def write_text(key: str, text: str) -> None:
        outputs[key] = work / FILES[key]
        outputs[key].write_text(text, encoding="utf-8")

    outputs["compliance_xlsx"] = ct.write_xlsx(rows, notice, work / FILES["compliance_xlsx"])
    write_text(
        "compliance_html",
        render("compliance.html", notice=notice, groups=ct.groups(rows), counts=ct.summary(rows), status=status),
    )
    if proposal is not None:
        outputs["proposal_docx"] = write_docx(proposal, work / FILES["proposal_docx"], company.proposal_template)
        write_text(
            "proposal_html",
            render(
                "proposal.html",
                p=proposal,
                requisites=requisites(proposal.company),
                subject=subject(notice),
                headers=SPEC_HEADERS,
                rows=[spec_row(x) for x in proposal.lines],
            ),
        )
    write_text("checklist_html", render("checklist.html", c=checklist, status=status))
    write_text("checklist_json", _json(checklist.to_dict()))
    write_text("guarantee_html", render("guarantee.html", c=guarantee, status=status))
    write_text("guarantee_json", _json(guarantee.to_dict()))

    record = notice.to_json_dict()
    manifest = {
        "generated_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "notice": {
            "source": notice.source,
            "number": notice.number,
            "version": notice.version,
            "store_seq": notice_seq,
            "published_at": notice.published_at,
            "deadline_at": notice.deadline_at,
            "record_sha256": _sha256(json.dumps(record, sort_keys=True, ensure_ascii=False).encode()),
        },
        "ready": not status["blocking"],
        "blocking": status["blocking"],
        "notice_checks": status["checks"],
        "price": format(price, "f") if price is not None else None,
        "rules": rules.to_manifest(),
        "catalogue": {
            **(dict(catalogue_info) if catalogue_info else {}),
            "lines": [
                {
                    "item_index": i,
                    "sku": p.sku if p else None,
                    "product_sha256": _sha256(json.dumps(p.to_json_dict(), sort_keys=True, ensure_ascii=False).encode())
                    if p
                    else None,
                }
                for i, p in sorted(products_by_line.items())
            ],
        },
        "company": {"name": company.name, "inn": company.inn} if company else None,
        "compliance": ct.summary(rows),
        "anti_dumping": guarantee.anti_dumping.applies,
        "outputs": [
            {"kind": key, "file": path.name, "size": path.stat().st_size, "sha256": _sha256(path.read_bytes())}
            for key, path in outputs.items()
        ],
        "warnings": warnings + guarantee.warnings + checklist.warnings + (proposal.warnings if proposal else []),
    }
    (work / "manifest.json").write_text(_json(manifest), encoding="utf-8")

    if final.exists():
        shutil.rmtree(final)
    work.rename(final)
    zip_path = out_dir / f"{name}.zip"
    tmp_zip = out_dir / f".{name}.zip.tmp-{os.getpid()}"
    with zipfile.ZipFile(tmp_zip, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(final.iterdir()):
            archive.write(path, arcname=f"{name}/{path.name}")
    tmp_zip.replace(zip_path)
    return final
