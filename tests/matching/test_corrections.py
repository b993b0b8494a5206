"""``tenderflow match correct``: a specialist's correction is learned by later matches and can be undone."""

from __future__ import annotations

from matching.pipeline import run_matching
from store.db import init_db, session_scope
from store.matches import MatchRepository
from tenderflow.cli import main
from tests.matching.test_store_pipeline import upsert

PRODUCTS = "sku,name,category,price\nMON-1,Монитор M24,Мониторы,15000\n"
SPECS = "sku,name,value,unit\nMON-1,Тип матрицы,AHVA,\nMON-1,Диагональ экрана,23.8,дюйм\n"


def line(name: str) -> dict:
    return {"index": 1, "name": "Монитор", "quantity": "1", "sum": "20000",
            "characteristics": [{"name": name, "kind": "values", "values": ["IPS"]}]}  # fmt: skip


def verdicts(db: str) -> dict[str, str]:
    engine = init_db(db)
    with session_scope(engine) as session:
        return {r.notice_number: r.compliant for r in MatchRepository(session).rows() if r.sku == "MON-1"}


def test_correction_round_trip(any_db_url, tmp_path, capsys):
    folder = tmp_path / "cat"
    folder.mkdir()
    (folder / "products.csv").write_text(PRODUCTS, encoding="utf-8")
    (folder / "specs.csv").write_text(SPECS, encoding="utf-8")
    db = any_db_url

    def cli(*argv: str) -> int:
        return main(["--db", db, "--log-file", str(tmp_path / "cli.log"), *argv])

    assert cli("catalogue", "import", str(folder)) == 0
    upsert(init_db(db), {"source": "eis44", "number": "A1", "items": [line("Тип матрицы")]},
           {"source": "eis44", "number": "B2", "items": [line("Тип матрицы монитора")]})  # fmt: skip
    assert cli("match") == 0
    before = verdicts(db)
    assert before["A1"] != "yes" and before["B2"] != "yes"  # "AHVA" is not known to be IPS-type

    assert cli("match", "correct", "A1", "1", "MON-1", "--characteristic", "тип матрицы", "--verdict", "yes") == 0
    assert "Исправление № 1" in capsys.readouterr().out
    assert cli("match") == 0  # the correction makes the stored matches stale
    assert verdicts(db) == {"A1": "yes", "B2": "yes"}  # same, and similarly named in another notice
    assert cli("match", "--all") == 0
    assert verdicts(db) == {"A1": "yes", "B2": "yes"}  # survives a re-match
    with session_scope(init_db(db)) as session:
        explanation = MatchRepository(session).candidate_explanation("B2", 1, "MON-1")
    assert any("исправлению специалиста" in (r["reason"] or "") for r in explanation["requirements"])

    capsys.readouterr()
    assert cli("match", "corrections") == 0
    assert "A1 поз. 1" in capsys.readouterr().out
    assert cli("match", "undo", "1") == 0
    assert cli("match") == 0
    assert verdicts(db) == before
    assert cli("match", "undo", "1") == 2  # already undone: one clear line
    assert cli("match", "correct", "A1", "1", "MON-1", "--characteristic", "Цвет", "--verdict", "no") == 2
    assert "не найдена" in capsys.readouterr().err
    assert cli("match", "corrections", "--all") == 0
    assert "отменено" in capsys.readouterr().out
    assert run_matching(init_db(db)).pending == 0
