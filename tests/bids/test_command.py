"""``tenderflow bid`` against a real store: notice by number, top match per line, --line overrides, errors."""

import hashlib
import json
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import update

from bids.inputs import BidInputError, load_bid_inputs
from store.db import init_db, session_scope
from store.models import Match, Notice
from store.models import Product as ProductRow
from store.notices import NoticeRepository
from store.schema import NoticeRecord, Product
from tenderflow.cli import main

from .conftest import PROJECT


def _fill_store(url: str, notice: NoticeRecord, catalogue: dict[str, Product], matches: dict[int, str]) -> None:
    engine = init_db(url)
    try:
        with session_scope(engine) as session:
            NoticeRepository(session).upsert(notice)
            # the same number seen by a poorer source (search card without lines)
            NoticeRepository(session).upsert(notice.model_copy(update={"source": "eis-search", "items": []}))
            for product in catalogue.values():
                record = product.to_json_dict()
                session.add(
                    ProductRow(
                        sku=product.sku,
                        name=product.name,
                        vendor=product.vendor,
                        model=product.model,
                        category=product.category,
                        okpd2=product.okpd2,
                        ktru=product.ktru,
                        price=Decimal(product.price),
                        country=product.country,
                        registry_number=product.registry_number,
                        record=record,
                        content_hash=hashlib.sha256(json.dumps(record).encode()).hexdigest(),
                    )
                )
            session.flush()
            row = session.query(Notice).filter_by(source=notice.source, number=notice.number).one()
            for index, sku in matches.items():
                for rank, rank_sku in ((1, sku), (2, "AP-AX-1")):
                    session.add(
                        Match(
                            notice_id=row.id,
                            notice_seq=row.seq,
                            item_index=index,
                            rank=rank,
                            sku=rank_sku,
                            score=90 - rank,
                            compliant="yes",
                            failed=[],
                            unknown=[],
                            explanation={},
                        )
                    )
    finally:
        engine.dispose()


def test_inputs_from_store(any_db_url: str, notice_of, catalogue) -> None:
    notice = notice_of("auction_44")
    _fill_store(any_db_url, notice, catalogue, {1: "SW-24G-POE"})
    engine = init_db(any_db_url)
    try:
        with session_scope(engine) as session:
            inputs = load_bid_inputs(session, notice.number)
            assert inputs.notice.source == "eis44" and len(inputs.notice.items) == 2
            assert inputs.products_by_line[1].sku == "SW-24G-POE" and inputs.products_by_line[2] is None
            assert any("Позиция 2: товар не подобран" in w for w in inputs.warnings)
            session.execute(update(Match).where(Match.rank == 1).values(compliant="no"))
            assert any("SW-24G-POE не соответствует" in w for w in load_bid_inputs(session, notice.number).warnings)
            assert {p.sku for p in inputs.catalogue} == set(catalogue)
            overridden = load_bid_inputs(session, notice.number, {2: "AP-AX-1"})
            assert overridden.products_by_line[2].sku == "AP-AX-1"
            with pytest.raises(BidInputError, match="нет в каталоге"):
                load_bid_inputs(session, notice.number, {2: "NO-SUCH"})
            with pytest.raises(BidInputError, match="нет позиции 7"):
                load_bid_inputs(session, notice.number, {7: "AP-AX-1"})
            with pytest.raises(BidInputError, match="не найдена"):
                load_bid_inputs(session, "0000000000000000000")
    finally:
        engine.dispose()


def test_bid_command_writes_the_package(db_url: str, tmp_path: Path, notice_of, catalogue, capsys) -> None:
    pytest.importorskip("matching.compliance")
    notice = notice_of("auction_44")
    _fill_store(db_url, notice, catalogue, {1: "SW-24G-POE"})
    out = tmp_path / "out"
    code = main(
        [
            "--db",
            db_url,
            "--log-file",
            str(tmp_path / "log.txt"),
            "bid",
            notice.number,
            "--out",
            str(out),
            "--price",
            "21 000 000",
            "--line",
            "2=AP-AX-1",
            "--company",
            str(PROJECT / "demo" / "company.toml"),
        ]
    )
    assert code == 0
    assert "Пакет заявки:" in capsys.readouterr().out  # the result: stdout
    folder = out / notice.number
    manifest = json.loads((folder / "manifest.json").read_text("utf-8"))
    assert manifest["notice"]["store_seq"] == 1 and manifest["price"] == "21000000"
    assert manifest["catalogue"]["overrides"] == {"2": "AP-AX-1"}
    assert [x["sku"] for x in manifest["catalogue"]["lines"]] == ["SW-24G-POE", "AP-AX-1"]
    assert manifest["compliance"]["total"] == 4
    assert zipfile.ZipFile(out / f"{notice.number}.zip").testzip() is None
    guarantee = json.loads((folder / "bankovskaya-garantiya.json").read_text("utf-8"))
    assert guarantee["anti_dumping"]["enlarged_amount"] == "4500000.00"


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--price", "abc"], "--price: ожидается число"),
        (["--price", "-5"], "положительной"),
        (["--line", "x=1"], "--line: ожидается N=АРТИКУЛ"),
        (["--company", "/nonexistent/company.toml"], "не найден"),
    ],
)
def test_bad_arguments_fail_with_one_russian_line(db_url, tmp_path, notice_of, catalogue, capsys, extra, message):
    _fill_store(db_url, notice_of("auction_44"), catalogue, {})
    code = main(
        [
            "--db",
            db_url,
            "--log-file",
            str(tmp_path / "log.txt"),
            "bid",
            "0373100000126000001",
            "--out",
            str(tmp_path),
            *extra,
        ]
    )
    err = capsys.readouterr().err.strip()
    assert code == 2 and err.startswith("Ошибка:") and message in err and len(err.splitlines()) == 1


def test_rules_folder_option(db_url: str, tmp_path: Path, notice_of, catalogue) -> None:
    import shutil

    from bids.ruleset import RULES_DIR

    rules = tmp_path / "rules"
    shutil.copytree(RULES_DIR, rules)
    (rules / "2026-01-15.toml").write_text(
        'effective_from = 2026-01-15\nextends = "2026-01-01.toml"\n[anti_dumping_44]\nmultiplier = "2"\n', "utf-8"
    )
    notice = notice_of("auction_44")
    _fill_store(db_url, notice, catalogue, {1: "SW-24G-POE", 2: "AP-AX-1"})
    code = main(
        [
            "--db",
            db_url,
            "--log-file",
            str(tmp_path / "log.txt"),
            "bid",
            notice.number,
            "--out",
            str(tmp_path / "out"),
            "--price",
            "21000000",
            "--rules",
            str(rules),
        ]
    )
    assert code == 0
    folder = tmp_path / "out" / notice.number
    guarantee = json.loads((folder / "bankovskaya-garantiya.json").read_text("utf-8"))
    assert guarantee["anti_dumping"]["enlarged_amount"] == "6000000.00"
    assert not (folder / "kommercheskoe-predlozhenie.docx").exists()  # no company profile given
    manifest = json.loads((folder / "manifest.json").read_text("utf-8"))
    assert manifest["rules"]["files"][-1]["file"] == "2026-01-15.toml"


def test_unknown_number_fails_clearly(db_url, tmp_path, capsys) -> None:
    code = main(["--db", db_url, "--log-file", str(tmp_path / "log.txt"), "bid", "123", "--out", str(tmp_path)])
    assert code == 2 and "закупка № 123 не найдена" in capsys.readouterr().err


def test_not_ready_package_is_said_on_the_command_line(db_url, tmp_path, notice_of, catalogue, capsys) -> None:
    """Issue 19 п. 11: a passed deadline on stdout; the --price hint on the command line, never in a document."""
    pytest.importorskip("matching.compliance")
    notice = notice_of("auction_44").model_copy(update={"smp_only": True})  # deadline 17.02.2026 has passed
    _fill_store(db_url, notice, catalogue, {1: "SW-24G-POE", 2: "AP-AX-1"})
    out = tmp_path / "out"
    args = ["--db", db_url, "--log-file", str(tmp_path / "log.txt"), "bid", notice.number, "--out", str(out)]
    code = main([*args, "--company", str(PROJECT / "demo" / "company.toml")])
    captured = capsys.readouterr()
    assert code == 0
    assert "ПАКЕТ НЕ ГОТОВ К ПОДАЧЕ" in captured.out and "Срок подачи заявок истёк" in captured.out
    assert "--price" in captured.err
    for path in (out / notice.number).iterdir():
        if path.suffix in (".html", ".json"):
            assert "--price" not in path.read_text("utf-8"), path.name
