"""The whole package: folder + zip, manifest, documents that open, hostile notice text, Chromium rendering."""

import json
import zipfile
from decimal import Decimal
from pathlib import Path

import docx
import openpyxl
import pytest

from bids.assembler import FILES, assemble_bid, safe_name
from crawlers.browser import launch_options
from store.schema import NoticeRecord

HOSTILE = '<script>window.__pwned=1;alert(1)</script>{{ 7*7 }}{% for x in y %}=HYPERLINK("http://e.x")</td>'


def _hostile_notice(notice_of) -> NoticeRecord:
    data = notice_of("auction_44").model_dump()
    data["number"] = "../../0373100000126000001"
    data["title"] = HOSTILE
    data["customer"]["name"] = HOSTILE
    data["delivery_place"] = "<img src=x onerror=alert(1)>"
    data["items"][0]["name"] = HOSTILE
    data["items"][0]["characteristics"][0]["name"] = HOSTILE
    data["items"][0]["characteristics"][1]["values"] = ["=cmd|' /C calc'!A0", "{{ config }}"]
    return NoticeRecord.model_validate(data)


def test_package_folder_zip_and_manifest(tmp_path: Path, notice_of, products, company, recorded_compliance) -> None:
    notice = notice_of("auction_44")
    folder = assemble_bid(notice, products, tmp_path, price="21000000", company=company, compliance=recorded_compliance)
    assert folder == tmp_path / "0373100000126000001"
    names = sorted(p.name for p in folder.iterdir())
    assert names == sorted([*FILES.values(), "manifest.json"])
    manifest = json.loads((folder / "manifest.json").read_text("utf-8"))
    assert manifest["notice"]["number"] == notice.number and manifest["notice"]["version"] == 1
    assert [f["file"] for f in manifest["rules"]["files"]] == ["2022-01-01.toml", "2026-01-01.toml"]
    assert [x["sku"] for x in manifest["catalogue"]["lines"]] == ["SW-24G-POE", "AP-AX-1"]
    assert manifest["compliance"] == {"yes": 4, "no": 0, "unknown": 0, "total": 4}
    assert manifest["anti_dumping"] is True and manifest["price"] == "21000000"
    assert {o["file"] for o in manifest["outputs"]} == set(FILES.values())
    with zipfile.ZipFile(tmp_path / "0373100000126000001.zip") as archive:
        assert sorted(archive.namelist()) == sorted(f"0373100000126000001/{n}" for n in names)
        assert archive.testzip() is None
    guarantee = json.loads((folder / FILES["guarantee_json"]).read_text("utf-8"))
    assert guarantee["anti_dumping"]["enlarged_amount"] == "4500000.00"
    assert guarantee["securities"][0]["amount"] == "300000.00"
    # re-running replaces the package, leaves no temporary files
    assemble_bid(notice, products, tmp_path, company=company, compliance=recorded_compliance)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["0373100000126000001", "0373100000126000001.zip"]


def test_without_company_no_proposal_and_a_warning(tmp_path: Path, notice_of, products, recorded_compliance) -> None:
    folder = assemble_bid(notice_of("quotation_44"), products, tmp_path, compliance=recorded_compliance)
    assert not (folder / FILES["proposal_docx"]).exists()
    manifest = json.loads((folder / "manifest.json").read_text("utf-8"))
    assert any("--company" in w for w in manifest["warnings"])


def test_hostile_notice_text_cannot_inject(tmp_path: Path, notice_of, products, company, recorded_compliance) -> None:
    notice = _hostile_notice(notice_of)
    folder = assemble_bid(notice, products, tmp_path, company=company, compliance=recorded_compliance)
    assert folder.parent == tmp_path and folder.name == safe_name(notice.number) == "0373100000126000001"
    for key in ("compliance_html", "proposal_html", "checklist_html", "guarantee_html"):
        html = (folder / FILES[key]).read_text("utf-8")
        assert "<script>" not in html and "<img" not in html
        assert "&lt;script&gt;window.__pwned=1" in html or key == "guarantee_html"
    assert "{{ 7*7 }}{% for x in y %}" in (folder / FILES["compliance_html"]).read_text("utf-8")
    ws = openpyxl.load_workbook(folder / FILES["compliance_xlsx"]).active
    cells = [c for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    assert all(c.data_type == "s" for c in cells)
    assert any(c.value == "'=cmd|' /C calc'!A0; {{ config }}" for c in cells)
    text = "\n".join(p.text for p in docx.Document(str(folder / FILES["proposal_docx"])).paragraphs)
    assert HOSTILE in text  # literal text in the DOCX, not markup


@pytest.mark.browser
def test_html_renders_in_chromium_without_errors(
    tmp_path: Path, notice_of, products, company, recorded_compliance, artifacts_dir: Path
) -> None:
    sync_api = pytest.importorskip("playwright.sync_api")
    if not Path("/usr/bin/chromium").exists():
        pytest.skip("/usr/bin/chromium is absent")
    folder = assemble_bid(
        _hostile_notice(notice_of),
        products,
        tmp_path,
        price=Decimal("21000000"),
        company=company,
        compliance=recorded_compliance,
    )
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(**launch_options())
        try:
            page = browser.new_page()
            errors: list[str] = []
            dialogs: list[str] = []
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
            for key in ("compliance_html", "proposal_html", "checklist_html", "guarantee_html"):
                page.goto((folder / FILES[key]).as_uri())
                assert page.evaluate("window.__pwned") is None
                assert page.locator("table").count() >= 1
                page.screenshot(path=str(artifacts_dir / f"bids-{key}.png"), full_page=True)
            page.goto((folder / FILES["compliance_html"]).as_uri())
            rows = page.locator("table tr").count()
            assert rows == 1 + 2 + 4  # header, one group row per line, characteristics
            assert HOSTILE in page.locator("h1 + .meta").inner_text()
            page.goto((folder / FILES["guarantee_html"]).as_uri())
            assert "4 500 000,00 ₽" in page.locator("body").inner_text().replace("\u00a0", " ")
        finally:
            browser.close()
    assert errors == [] and dialogs == []


def test_default_compliance_comes_from_the_matching_engine(tmp_path: Path, notice_of, products, company) -> None:
    pytest.importorskip("matching.compliance")
    weak = products[1].model_copy(
        update={
            "specs": [
                s.model_copy(update={"value": "16"}) if s.name.startswith("Порты") else s for s in products[1].specs
            ]
        }
    )
    folder = assemble_bid(notice_of("auction_44"), {1: weak, 2: products[2]}, tmp_path, company=company)
    ws = openpyxl.load_workbook(folder / FILES["compliance_xlsx"]).active
    rows = {r[3]: r for r in ws.iter_rows(min_row=3, values_only=True)}
    ports, buffer = rows["Количество портов 1 Гбит/с"], rows["Объем буфера пакетов"]
    assert (ports[7], ports[8]) == ("16", "нет")  # 16 ports against >= 24: the matcher says no
    assert (buffer[7], buffer[8]) == ("4,096", "да")  # 4096 КБ offered in the customer's unit, Мегабайт
    manifest = json.loads((folder / "manifest.json").read_text("utf-8"))
    assert manifest["compliance"]["no"] == 1
