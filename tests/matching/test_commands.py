"""``tenderflow catalogue import`` and ``tenderflow match`` through the command line."""

from __future__ import annotations

from tenderflow.cli import main
from tests.matching.conftest import DEMO_CATALOGUE


def run(tmp_path, *argv: str) -> int:
    return main(["--db", f"sqlite:///{tmp_path / 'cli.db'}", "--log-file", str(tmp_path / "cli.log"), *argv])


def test_catalogue_import_and_match(tmp_path, capsys):
    assert run(tmp_path, "match") == 2
    assert "каталог пуст" in capsys.readouterr().err
    assert run(tmp_path, "catalogue", "import", str(DEMO_CATALOGUE)) == 0
    assert "новых 157" in capsys.readouterr().out.replace("\n", " ")  # the result: stdout
    assert run(tmp_path, "catalogue", "import", str(DEMO_CATALOGUE)) == 0
    assert "без изменений 157" in capsys.readouterr().out.replace("\n", " ")
    assert run(tmp_path, "match") == 0
    assert "актуален" in capsys.readouterr().out


def test_bad_catalogue_is_one_russian_line(tmp_path, capsys):
    folder = tmp_path / "bad"
    folder.mkdir()
    (folder / "products.csv").write_text("sku,name,price\nA-1,Коммутатор,дёшево\n", encoding="utf-8")
    (folder / "specs.csv").write_text("sku,name,value,unit\n", encoding="utf-8")
    assert run(tmp_path, "catalogue", "import", str(folder)) == 2
    err = capsys.readouterr().err
    assert "products.csv: строка 2, столбец «price»: не число" in err.replace("\n", " ")
    assert run(tmp_path, "catalogue", "import", str(tmp_path / "missing")) == 2
    assert run(tmp_path, "match", "--workers", "0") == 2
