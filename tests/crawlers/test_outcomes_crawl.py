"""``tenderflow crawl eis-xml --path FOLDER`` over outcome documents, then ``tenderflow export outcomes``:
the real samples (read in place) give the published winners, prices, contracts exactly; the crawl reports
documents per family, names unknown kinds by their root element, skips broken documents and changes nothing
when run again."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
import zipfile
from datetime import datetime, timedelta, timezone
from pathlib import Path

import openpyxl
import pytest

from store.db import init_db, session_scope
from store.outcomes import OutcomeRepository
from testing.outcome_documents import (
    Bidder,
    contract_223,
    fcs_protocol_ef3,
    notice_cancel,
    purchase_contract_account_223,
)

PROJECT_ROOT = Path(__file__).resolve().parents[2]
MSK = timezone(timedelta(hours=3))
SAMPLE_FOLDERS = [
    "eis44_protocols_2020__Sterks-rXML", "eis44_contracts_legacy__rummolprod999-ParserContracts44",
    "eis44_export_2025__artemmail-gos", "eis223__Homyakin-ZakupkiParser", "eis223__Khudim-ZakupkiParser",
    "eis223__andreiSaw-zakupki",
]  # fmt: skip


def tenderflow(db: str, *args: str, log: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tenderflow.cli", "--db", db, "--log-file", str(log), *args],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )


def exported(db: str, tmp_path: Path, fmt: str = "jsonl") -> Path:
    out = tmp_path / f"outcomes.{fmt}"
    result = tenderflow(db, "export", "outcomes", "--format", fmt, "--out", str(out), log=tmp_path / "e.log")
    assert result.returncode == 0, result.stderr
    return out


@pytest.mark.samples
def test_real_protocols_and_contracts_crawled_and_exported(tmp_path: Path, samples_dir: Path) -> None:
    db = f"sqlite:///{tmp_path / 't.db'}"
    folder = tmp_path / "samples"  # one crawl over every sample folder: links to the files, read in place
    folder.mkdir()
    for name in SAMPLE_FOLDERS:
        if not (samples_dir / name).is_dir():
            pytest.skip(f"{name} absent")
        for file in (samples_dir / name).glob("*.xml"):
            (folder / f"{name}__{file.name}").symlink_to(file)
    result = tenderflow(db, "crawl", "eis-xml", "--path", str(folder), log=tmp_path / "c.log")
    assert result.returncode == 0, result.stderr
    assert "протоколов 12, контрактов 4, исполнения контрактов 1" in result.stdout
    records = {json.loads(line)["notice_number"]: json.loads(line) for line in exported(db, tmp_path).open()}

    ef3 = records["0873500000820003425"]  # EF3 summing-up, 2020
    assert (ef3["outcome"], ef3["winner"]["inn"], ef3["winner"]["price"], len(ef3["participants"])) == (
        "awarded",
        "9703009483",
        "1840283.61",
        6,
    )
    quotation = records["0373200554120000039"]  # epProtocolEZK2, 2020
    assert (quotation["winner"]["inn"], quotation["winner"]["price"], len(quotation["participants"])) == (
        "7718927411",
        "99550",
        2,
    )
    single = records["0173100000120000018"]
    assert (single["outcome"], single["winner"]["inn"], single["winner"]["price"]) == (
        "awarded",
        "7702404085",
        "265000000.00",
    )
    assert records["0373100034920000012"]["outcome"] == "failed"
    assert records["0332200014320000017"]["outcome"] == "failed"
    for number, reg, price, inn, signed in [
        ("0126300030515000080", "3312100001816000003", "6987268.99", "6901067107", "2016-01-22"),
        ("0131200001016005027", "2366200608816001262", "1207680.35", "6829057730", "2016-11-21"),
        ("0858400000125000112", "1770989550925003831", "667600.00", "920160915807", "2025-10-07"),
    ]:
        found = records[number]["contract"]
        assert records[number]["outcome"] == "contracted"
        assert (found["reg_number"], found["price"], found["supplier"]["inn"], found["signed_at"]) == (
            reg,
            price,
            inn,
            signed,
        )
    rostelecom = records["31400935277"]  # 223-FZ, lot 1 winner
    assert (rostelecom["law"], rostelecom["winner"]["inn"], rostelecom["winner"]["price"]) == (
        "223-FZ",
        "5256051148",
        "62023920.67",
    )
    assert records["31908645944"]["contract"]["reg_number"] == "50105018196190002040000"
    assert "0373200557920000359" not in records  # an auction's offers alone decide nothing
    assert set(json.loads(next(exported(db, tmp_path).open())).keys()) == {
        "notice_number",
        "law",
        "outcome",
        "outcome_reason",
        "decided_at",
        "nmck",
        "participants",
        "winner",
        "discount_percent",
        "contract",
        "documents",
    }


def test_crawl_counts_families_skips_bad_input_and_is_idempotent(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    now = datetime(2026, 3, 2, 10, 0, tzinfo=MSK)
    bidders = [Bidder("ООО «А»", "7701234560", "90.00", place=1), Bidder("ООО «Б»", "7802345671", "95.00", place=2)]
    (folder / "protocol.xml").write_bytes(fcs_protocol_ef3("0373200000126000001", bidders, now))
    with zipfile.ZipFile(folder / "cancel.zip", "w") as archive:
        archive.writestr("epNotificationCancel_1.xml", notice_cancel("0373200000126000002", "Отмена", now))
    (folder / "broken_protocol.xml").write_bytes(b"<ns2:export><ns2:fcsProtocolEF3><purchaseNumber>1</purch")
    (folder / "plan.xml").write_bytes(
        b'<ns2:export xmlns:ns2="x"><ns2:tenderPlan2020><id>1</id></ns2:tenderPlan2020></ns2:export>'
    )
    (folder / "contract223.xml").write_bytes(  # a single-supplier purchase made without a notice
        contract_223("51511012960150000010000", None, "3984420", "2015-01-15", bidders[0], now)
    )
    (folder / "account.xml").write_bytes(purchase_contract_account_223("МАДОУ ДЕТСКИЙ САД № 2", "2723042567",
                                                                       "2017-01-01", 3, "120000.00"))
    db = f"sqlite:///{tmp_path / 't.db'}"
    first = tenderflow(db, "crawl", "eis-xml", "--path", str(folder), log=tmp_path / "c.log")
    assert first.returncode in (0, 3), first.stderr
    assert "протоколов 1" in first.stdout and "отмен 1" in first.stdout and "неизвестного вида 1" in first.stdout
    assert "сводок без итогов закупок (пропущены намеренно) 1" in first.stdout  # purchaseContractAccount
    assert "новых документов об итогах 3, изменённых итогов 2" in first.stdout
    log = (tmp_path / "c.log").read_text()
    assert "контрактов без номера закупки (закупка без извещения): 1" in log and "51511012960150000010000" in log
    assert "tenderPlan2020" in log and "broken_protocol.xml" in log  # the unknown root and the broken file named
    records = [json.loads(line) for line in exported(db, tmp_path).open()]
    assert [(r["notice_number"], r["outcome"]) for r in records] == [
        ("0373200000126000001", "awarded"),
        ("0373200000126000002", "cancelled"),
    ]

    again = tenderflow(db, "crawl", "eis-xml", "--path", str(folder), log=tmp_path / "c2.log")
    assert "новых документов об итогах 0, изменённых итогов 0" in again.stdout
    assert [json.loads(line) for line in exported(db, tmp_path).open()] == records


def test_tables_are_injection_safe(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    hostile = '=HYPERLINK("http://evil.example","x")'
    bidders = [Bidder(hostile, "7701234560", "90.00", place=1)]
    (folder / "p.xml").write_bytes(fcs_protocol_ef3("0373200000126000003", bidders, datetime(2026, 3, 2, tzinfo=MSK)))
    (folder / "c.xml").write_bytes(notice_cancel("0373200000126000004", "-1+1", datetime(2026, 3, 2, tzinfo=MSK)))
    db = f"sqlite:///{tmp_path / 't.db'}"
    assert tenderflow(db, "crawl", "eis-xml", "--path", str(folder), log=tmp_path / "c.log").returncode == 0
    rows = list(csv.DictReader(exported(db, tmp_path, "csv").open(encoding="utf-8")))
    assert rows[1]["outcome_reason"] == "'-1+1"
    assert json.loads(rows[0]["winner"])["name"] == hostile  # JSON text in a cell never starts a formula
    sheet = openpyxl.load_workbook(exported(db, tmp_path, "xlsx")).active
    header = [cell.value for cell in sheet[1]]
    assert header[:3] == ["notice_number", "law", "outcome"]
    assert sheet.cell(3, header.index("outcome_reason") + 1).value == "'-1+1"


@pytest.mark.samples
def test_ocds_crawl_stores_award_and_contract(tmp_path: Path, samples_dir: Path) -> None:
    from tests.crawlers.sites import crawl
    from tests.support.httpserver import LocalServer, Response

    package = samples_dir / "ocds__open-contracting-sample-data" / "ocds-213czf-000-00001.json"
    if not package.is_file():
        pytest.skip("OCDS sample absent")
    body = package.read_bytes()
    db = f"sqlite:///{tmp_path / 't.db'}"
    with LocalServer(lambda request: Response(200, body, {"Content-Type": "application/json"})) as server:
        result = crawl(
            "ocds",
            db,
            f"base_url={server.base_url}",
            "path=/api/releases",
            "from_param=",
            "to_param=",
            "limit=",
            log=tmp_path / "c.log",
        )
    assert result.returncode == 0
    [record] = [json.loads(line) for line in exported(db, tmp_path).open()]
    # the publisher's award (11 000 000) is ten times its tender value (1 100 000): kept as published, flagged
    assert (record["notice_number"], record["outcome"], record["nmck"]) == (
        "ocds-213czf-000-00001",
        "contracted",
        "1100000.00",
    )
    assert (record["winner"]["name"], record["winner"]["price"], record["discount_percent"]) == (
        "AnyCorp Cycle Provision",
        "11000000",
        "-900.00",
    )
    with session_scope(init_db(db)) as session:
        [flag] = OutcomeRepository(session).flagged()["ocds-213czf-000-00001"]
    assert flag == "цена контракта 11000000 выше НМЦК 1100000.00"
    assert len(record["contract"]["execution"]) == 2


def test_outcome_documents_in_batches_lose_nothing(tmp_path: Path) -> None:
    """Outcome documents reach the store in batches (``OUTCOME_BATCH``): 71 documents (two full batches and a
    partial one, a protocol and its contract split across a batch boundary) give every outcome from both of its
    documents, and the run's item figure still counts documents."""
    from crawlers.spiders.eis_xml import OUTCOME_BATCH
    from store.crawl_runs import CrawlRunRepository
    from testing.outcome_documents import corpus

    documents = list(corpus(71, seed=3, shared=True))
    assert 2 * OUTCOME_BATCH < len(documents) < 3 * OUTCOME_BATCH and OUTCOME_BATCH % 2 == 1
    folder = tmp_path / "in"
    folder.mkdir()
    with zipfile.ZipFile(folder / "outcomes.zip", "w") as archive:
        for name, data in documents:
            archive.writestr(name, data)
    db = f"sqlite:///{tmp_path / 't.db'}"
    result = tenderflow(db, "crawl", "eis-xml", "--path", str(folder), log=tmp_path / "c.log")
    assert result.returncode == 0, result.stderr
    assert "новых документов об итогах 71, изменённых итогов 36" in result.stdout
    records = {r["notice_number"]: r for r in map(json.loads, exported(db, tmp_path).open())}
    assert len(records) == 36
    contracted = [r for r in records.values() if r["outcome"] == "contracted"]
    assert len(contracted) == 35  # each protocol joined by its contract, whichever batch each came in
    assert all(r["contract"]["supplier"]["inn"] == r["winner"]["inn"] for r in contracted)
    with session_scope(init_db(db)) as session:
        (run,) = CrawlRunRepository(session).recent("eis-xml", 1)
    assert run.stats["items"] == 71
