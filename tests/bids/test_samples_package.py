"""Packages for the real EIS samples (read in place) and for every procedure type of the project fixtures."""

import json
from pathlib import Path

import docx
import openpyxl
import pytest

from bids.assembler import FILES, assemble_bid

from .conftest import PROCEDURES


@pytest.mark.samples
def test_real_notice_package(tmp_path: Path, sample_notice, company) -> None:
    pytest.importorskip("matching.compliance")
    notice = sample_notice("0173200002625000220")  # 16 lines, KTRU characteristics, SMP-only e-auction
    characteristics = sum(len(i.characteristics) for i in notice.items)
    folder = assemble_bid(notice, {}, tmp_path, company=company)
    ws = openpyxl.load_workbook(folder / FILES["compliance_xlsx"]).active
    rows = list(ws.iter_rows(min_row=3, values_only=True))
    assert len(rows) == characteristics > 100
    fixed = [r for r in rows if r[6] == "Значение характеристики не может изменяться участником закупки"]
    assert fixed and all(r[8] == "нет" for r in fixed)  # no product chosen: nothing is compliant
    guarantee = json.loads((folder / FILES["guarantee_json"]).read_text("utf-8"))
    amounts = {s["kind"]: s["amount"] for s in guarantee["securities"]}
    assert amounts == {"application": "100250.51", "contract": "501252.53", "warranty": None}
    assert guarantee["notice"]["ikz"] == "252971541494477150100101180010000244"
    checklist = json.loads((folder / FILES["checklist_json"]).read_text("utf-8"))
    assert checklist["procedure"] == "auction_44"
    software = [line for line in checklist["lines"] if line["software"]]
    assert software and all(line["regime"] == "ban" for line in software)
    table = docx.Document(str(folder / FILES["proposal_docx"])).tables[0]
    assert len(table.rows) == 1 + len(notice.items)


@pytest.mark.parametrize("procedure", PROCEDURES)
def test_every_procedure_packages(procedure, tmp_path: Path, notice_of, products, company, recorded_compliance):
    notice = notice_of(procedure)
    folder = assemble_bid(notice, products, tmp_path, price="3000000", company=company, compliance=recorded_compliance)
    manifest = json.loads((folder / "manifest.json").read_text("utf-8"))
    assert {o["file"] for o in manifest["outputs"]} == set(FILES.values())
    checklist = json.loads((folder / FILES["checklist_json"]).read_text("utf-8"))
    assert checklist["procedure"] == procedure
    html = (folder / FILES["guarantee_html"]).read_text("utf-8")
    assert "Чек-лист банковской" in html
    if procedure.endswith("223"):
        assert "положением о закупке" in html
