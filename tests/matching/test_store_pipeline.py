"""Store integration on SQLite and PostgreSQL: idempotent catalogue import, incremental matching, export 4.3."""

from __future__ import annotations

import copy
import csv
import json

import pytest

from matching.catalogue import load_catalogue
from matching.export import COLUMNS, export_matches, write_matches
from matching.pipeline import run_matching
from store.catalogue import CatalogueRepository
from store.codec import decompress
from store.db import init_db, session_scope
from store.matches import MatchRepository
from store.notices import NoticeRepository
from store.schema import MatchRow, NoticeRecord
from tests.matching.conftest import DEMO_CATALOGUE

SWITCHES = {
    "source": "eis44", "number": "0173200000125000001", "version": 1, "nmck": "500000", "items": [
        {"index": 1, "name": "Коммутатор управляемый", "quantity": "4", "unit_price": "110000", "sum": "440000",
         "characteristics": [
             {"name": "Количество портов 10/100/1000 Base-T", "kind": "range", "min": "24", "min_inclusive": True},
             {"name": "Бюджет PoE", "kind": "range", "min": "370", "min_inclusive": True, "unit": "Ватт"}]},
        {"index": 2, "name": "=HYPERLINK(\"http://x\") Стол сервировочный", "quantity": "1", "sum": "60000"}],
}  # fmt: skip
FURNITURE = {"source": "eis44", "number": "0173200000125000002", "version": 1,
             "items": [{"index": 1, "name": "Кресло офисное", "quantity": "3", "sum": "30000"}]}  # fmt: skip


def upsert(engine, *records: dict) -> None:
    with session_scope(engine) as session:
        repo = NoticeRepository(session)
        for record in records:
            repo.upsert(NoticeRecord.model_validate(record))


def rows(engine) -> list[MatchRow]:
    with session_scope(engine) as session:
        return list(MatchRepository(session).rows())


def test_import_is_idempotent_and_reports_changes(any_db_url):
    engine = init_db(any_db_url)
    products = load_catalogue(DEMO_CATALOGUE)
    with session_scope(engine) as session:
        first = CatalogueRepository(session).import_products(products)
    with session_scope(engine) as session:
        repo = CatalogueRepository(session)
        hash_before = repo.catalogue_hash()
        again = repo.import_products(products)
        assert repo.catalogue_hash() == hash_before
    assert len(first.added) == len(products) and again.affected == [] and again.unchanged == len(products)
    changed = [p.model_copy(update={"price": "1.00"}) if p.sku == "ELX-MES2324P" else p for p in products[1:]]
    with session_scope(engine) as session:
        repo = CatalogueRepository(session)
        outcome = repo.import_products(changed)
        assert outcome.changed == ["ELX-MES2324P"] and outcome.removed == [products[0].sku]
        assert repo.catalogue_hash() != hash_before
        assert {p.sku: p for p in repo.products()}["ELX-MES2324P"].specs  # specs survive the round trip


def test_incremental_matching_and_export(any_db_url, tmp_path):
    engine = init_db(any_db_url)
    with session_scope(engine) as session:
        CatalogueRepository(session).import_products(load_catalogue(DEMO_CATALOGUE))
    upsert(engine, SWITCHES, FURNITURE)
    first = run_matching(engine)
    assert (first.pending, first.matched) == (2, 2)
    got = rows(engine)
    assert {r.notice_number for r in got} == {SWITCHES["number"]}  # no candidate, no rows
    assert got[0].rank == 1 and got[0].item_index == 1 and got[0].notice_relevant
    assert got[0].compliant == "yes" and got[0].sku in {"ELX-MES2324P", "QT-QSW-3750-28T-POE", "SNR-S2985G-24TC-POE"}
    assert [r.rank for r in got] == [1, 2, 3]
    assert run_matching(engine).pending == 0  # nothing changed

    amended = copy.deepcopy({**SWITCHES, "version": 2, "items": SWITCHES["items"][:1]})
    amended["items"][0]["characteristics"][1]["min"] = "1000"
    upsert(engine, amended)
    second = run_matching(engine)
    assert (second.pending, second.relevant) == (1, 0)  # only the amended notice; no switch gives 1000 W
    assert all(not r.notice_relevant and r.compliant == "no" for r in rows(engine))

    with session_scope(engine) as session:
        products = CatalogueRepository(session).products()
        CatalogueRepository(session).import_products(products[:-1])
    assert run_matching(engine).pending == 2  # the catalogue changed: everything again

    expected = len(rows(engine))
    for fmt in ("csv", "jsonl", "xlsx"):
        with session_scope(engine) as session:
            assert export_matches(session, fmt, tmp_path / f"m.{fmt}") == expected
    with (tmp_path / "m.csv").open(encoding="utf-8") as handle:
        table = list(csv.DictReader(handle))
    assert list(table[0]) == COLUMNS
    first_json = json.loads((tmp_path / "m.jsonl").read_text(encoding="utf-8").splitlines()[0])
    assert MatchRow.model_validate(first_json).notice_number == SWITCHES["number"]


def test_workers_give_identical_results(tmp_path):
    engine_one = init_db(f"sqlite:///{tmp_path / 'one.db'}")
    engine_two = init_db(f"sqlite:///{tmp_path / 'two.db'}")
    notices = [SWITCHES, FURNITURE] + [
        {**SWITCHES, "number": f"01732000001250001{i:02d}", "items": [{**SWITCHES["items"][0], "name": name}]}
        for i, name in enumerate(["Ноутбук", "ИБП 3 кВА", "Монитор 27", "МФУ", "Коммутатор"])
    ]
    for engine in (engine_one, engine_two):
        with session_scope(engine) as session:
            CatalogueRepository(session).import_products(load_catalogue(DEMO_CATALOGUE))
        upsert(engine, *notices)
    run_matching(engine_one, workers=1)
    run_matching(engine_two, workers=2)
    assert rows(engine_one) == rows(engine_two) and rows(engine_one)


def test_sqlite_keeps_explanations_compressed_and_still_reads_json_text_rows(tmp_path):
    engine = init_db(f"sqlite:///{tmp_path / 'matches.db'}")
    with session_scope(engine) as session:
        CatalogueRepository(session).import_products(load_catalogue(DEMO_CATALOGUE))
    upsert(engine, SWITCHES)
    run_matching(engine)
    before = rows(engine)
    with session_scope(engine) as session:
        sku = before[0].sku
        explanation = MatchRepository(session).candidate_explanation(SWITCHES["number"], 1, sku)
    assert explanation["requirements"] and explanation["item_name"] == "Коммутатор управляемый"
    with engine.connect() as connection:
        stored = connection.exec_driver_sql("SELECT id, explanation FROM matches").all()
        assert stored and all(isinstance(blob, bytes) and blob[:4] == b"\x28\xb5\x2f\xfd" for _, blob in stored)
        for row_id, blob in stored:  # each row as the JSON-text generation wrote it
            text = decompress(blob).decode()
            connection.exec_driver_sql("UPDATE matches SET explanation = ? WHERE id = ?", (text, row_id))
        connection.commit()
    assert rows(engine) == before
    with session_scope(engine) as session:
        assert MatchRepository(session).candidate_explanation(SWITCHES["number"], 1, sku) == explanation


def test_export_neutralises_formulas(tmp_path):
    row = MatchRow(
        notice_number="1", notice_score=50, notice_relevant=True, item_index=1, item_name="=cmd|' /C calc'!A0",
        rank=1, sku="+SKU", product_name="@SUM(1)", score=70, compliant="no", failed=["-x", "y"], unknown=[],
    )  # fmt: skip
    write_matches([row], "csv", tmp_path / "m.csv")
    cells = next(iter(csv.DictReader((tmp_path / "m.csv").open(encoding="utf-8"))))
    assert cells["item_name"].startswith("'=") and cells["sku"] == "'+SKU" and cells["product_name"] == "'@SUM(1)"
    assert cells["failed"] == "'-x;y" and cells["notice_relevant"] == "true"
    openpyxl = pytest.importorskip("openpyxl")
    write_matches([row], "xlsx", tmp_path / "m.xlsx")
    sheet = openpyxl.load_workbook(tmp_path / "m.xlsx").active
    assert [c.value for c in sheet[1]] == COLUMNS
    assert sheet["E2"].value.startswith("'=") and sheet["E2"].data_type == "s"
    with pytest.raises(ValueError):
        write_matches([row], "pdf", tmp_path / "m.pdf")


def test_attachment_requirements_are_matched_and_changes_rematch(tmp_path):
    from store.models import Attachment, Notice

    engine = init_db(f"sqlite:///{tmp_path / 'a.db'}")
    with session_scope(engine) as session:
        CatalogueRepository(session).import_products(load_catalogue(DEMO_CATALOGUE))
    url = "https://zakupki.example/tz.docx"
    record = {"source": "eis44", "number": "0173200000125000099", "documents": [{"name": "ТЗ", "url": url}],
              "items": [{"index": 1, "name": "Коммутатор", "quantity": "1", "sum": "120000"}]}  # fmt: skip
    upsert(engine, record)
    run_matching(engine)
    # A bare "Коммутатор" states nothing to check: not proven, so "unknown" with a reason (was "yes" before issue 15).
    first = rows(engine)[0]
    assert first.compliant == "unknown" and first.reasons

    stored = [  # the stored form of crawlers.documents.specification.requirements_json
        {"name": "Бюджет PoE", "value": "не менее 1000", "unit": "Вт", "origin": {"file": "tz.docx"},
         "origin_label": "tz.docx, таблица 1, строка 2",
         "characteristic": {"name": "Бюджет PoE", "kind": "range", "min": "1000", "min_inclusive": True, "unit": "Вт"},
         "block": {"product": "Коммутатор", "position": 1, "codes": [], "origin": {"file": "tz.docx"}}}]  # fmt: skip
    with session_scope(engine) as session:
        notice = session.query(Notice).one()
        session.add(Attachment(notice_id=notice.id, notice_seq=notice.seq, url=url, name="tz.docx", status="ok",
                               sha256="ab" * 32, requirements=stored))  # fmt: skip
    again = run_matching(engine)
    assert again.pending == 1  # the attachment's requirements changed the line
    best = rows(engine)[0]
    assert best.compliant == "no" and best.failed == ["Бюджет PoE"]
    assert run_matching(engine).pending == 0


def test_postgresql_stores_what_sqlite_stores(pg_url, tmp_path):
    """The same notices matched on both back ends (PostgreSQL writes with ``COPY``, SQLite with executemany) read
    back the same: contract 4.3 rows, every candidate's explanation, the exports byte for byte."""
    notices = [SWITCHES, FURNITURE, {**SWITCHES, "number": "0173200000125000003", "items": SWITCHES["items"][::-1]}]
    stored = []
    for name, url in (("sqlite", f"sqlite:///{tmp_path / 'same.db'}"), ("postgresql", pg_url)):
        engine = init_db(url)
        with session_scope(engine) as session:
            CatalogueRepository(session).import_products(load_catalogue(DEMO_CATALOGUE))
        upsert(engine, *notices)
        run_matching(engine, workers=2)
        with session_scope(engine) as session:
            repository = MatchRepository(session)
            got = list(repository.rows(top=10))
            explanations = [repository.candidate_explanation(r.notice_number, r.item_index, r.sku) for r in got]
            for fmt in ("csv", "jsonl"):
                export_matches(session, fmt, tmp_path / f"{name}.{fmt}", top=10)
        exports = [(tmp_path / f"{name}.{fmt}").read_bytes() for fmt in ("csv", "jsonl")]
        stored.append((got, explanations, exports))
        engine.dispose()
    (sqlite_rows, sqlite_explanations, _), _ = stored
    assert len(sqlite_rows) > 10 and all(e and "requirements" in e for e in sqlite_explanations)
    assert stored[0] == stored[1]
