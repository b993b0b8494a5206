"""``tenderflow.toml`` read through its pydantic models: the example file keeps its meaning, defaults hold, and
an unknown section or key or a value of the wrong type stops with one Russian line naming the file and key."""

from __future__ import annotations

from pathlib import Path

import pytest

from tenderflow.config import Config, load_config
from tenderflow.console import UserError

PROJECT_ROOT = Path(__file__).resolve().parents[2]


def _load(tmp_path: Path, text: str) -> Config:
    path = tmp_path / "tenderflow.toml"
    path.write_text(text, encoding="utf-8")
    return load_config(path)


def test_the_example_file_reads_as_documented() -> None:
    config = load_config(PROJECT_ROOT / "tenderflow.example.toml")
    assert [source.spider for source in config.sources] == ["eis-search", "eis-docs", "ted"]
    assert config.sources[0].arguments["query"].splitlines()[0] == "коммутатор"
    assert config.sources[0].arguments["laws"] == "44,223" and "queries" not in config.sources[0].arguments
    assert config.match_workers == 2 and config.digest_min_score == 40 and config.recipients == ["tenders@example.ru"]
    assert config.smtp.host == "smtp.example.ru" and config.smtp.security == "starttls" and config.smtp.timeout == 30.0
    assert config.lock_file == PROJECT_ROOT / "run" / "tenderflow.lock"
    assert config.catalogue == PROJECT_ROOT / "demo" / "catalogue"
    assert config.crm["stages"]["won"] == "WON" and config.serve["port"] == 8000
    assert config.pipeline.near_days == 3


def test_defaults_and_relative_paths(tmp_path: Path) -> None:
    config = _load(tmp_path, '[[sources]]\nspider = "eis-xml"\npath = "exports"\npages = 2\n')
    assert config.sources[0].arguments == {"path": str(tmp_path / "exports"), "pages": "2"}
    assert config.match_workers == 1 and config.attachments is True and config.digest_closing_days == 3
    assert config.digest_out == Path("digest.html") and config.lock_file == tmp_path / "tenderflow.lock"
    assert config.smtp.port == 587 and config.crm == {} and config.database_url is None


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[digest]\nmin_score = "много"\n', "[digest] min_score — ожидается целое число"),
        ("[digest]\nmin_scor = 3\n", "[digest] min_scor — неизвестный ключ"),
        ("[mathcing]\nworkers = 2\n", "[mathcing] — неизвестный раздел"),
        ('[smtp]\nsecurity = "tls"\n', "[smtp] security — допустимые значения: 'none', 'starttls' или 'ssl'"),
        ('[attachments]\nenabled = "может быть"\n', "[attachments] enabled — ожидается true или false"),
        ('[[sources]]\nspider = "ted"\nqueries = "сервер"\n', "[[sources]] №1 queries — ожидается список"),
        ('[[sources]]\nspider = "ted"\n[[sources]]\nlaws = "44"\n', "в источнике №2 не указан spider"),
    ],
)
def test_a_wrong_key_or_type_is_one_russian_line(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(UserError) as raised:
        _load(tmp_path, text)
    assert message in str(raised.value) and str(tmp_path / "tenderflow.toml") in str(raised.value)
    assert "\n" not in str(raised.value)
