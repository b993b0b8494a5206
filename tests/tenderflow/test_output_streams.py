"""Results on stdout, diagnostics on stderr; --quiet and --json for scripts (issue 19 point 10)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tenderflow.cli import main
from tenderflow.console import configure_output

CATALOGUE = Path(__file__).resolve().parents[2] / "demo" / "catalogue"


@pytest.fixture(autouse=True)
def _reset_output():
    yield
    configure_output()  # the flags are process-wide: leave them as a fresh command would find them


def _run(tmp_path: Path, *argv: str) -> int:
    return main(["--db", f"sqlite:///{tmp_path / 't.db'}", "--log-file", str(tmp_path / "l.log"), *argv])


def test_results_go_to_stdout_and_notes_to_stderr(tmp_path: Path, capsys) -> None:
    assert _run(tmp_path, "catalogue", "import", str(CATALOGUE)) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith("Каталог: товаров 157; новых 157")
    assert "Подбор будет пересчитан" in captured.err and "Подбор" not in captured.out


def test_quiet_keeps_only_the_result(tmp_path: Path, capsys) -> None:
    assert _run(tmp_path, "--quiet", "catalogue", "import", str(CATALOGUE)) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith("Каталог: товаров 157")
    assert captured.err == ""


def test_json_prints_one_object_per_result(tmp_path: Path, capsys) -> None:
    assert _run(tmp_path, "--json", "catalogue", "import", str(CATALOGUE)) == 0
    (line,) = capsys.readouterr().out.splitlines()
    assert json.loads(line) == {"products": 157, "added": 157, "changed": 0, "removed": 0, "unchanged": 0}
    assert _run(tmp_path, "--json", "init") == 0
    assert json.loads(capsys.readouterr().out)["database"].startswith("sqlite:///")
