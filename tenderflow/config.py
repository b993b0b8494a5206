"""``tenderflow.toml``: what the nightly run crawls, where the catalogue and company profile are, who gets the
digest. Secrets never live in the file: it names environment variables that hold them."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError

from digest.mail import Security, SmtpSettings
from pipeline.settings import PipelineSettings, SettingsError
from tenderflow.console import fail


@dataclass
class SourceConfig:
    spider: str
    arguments: dict[str, str] = field(default_factory=dict)


@dataclass
class Config:
    path: Path | None = None
    database_url: str | None = None
    sources: list[SourceConfig] = field(default_factory=list)
    catalogue: Path | None = None
    company: Path | None = None
    match_workers: int = 1
    attachments: bool = True
    """Download and read the documents notices list (ТЗ, specifications) in the nightly run."""
    digest_out: Path = Path("digest.html")
    digest_ics: Path | None = None
    digest_min_score: int = 0
    digest_closing_days: int = 3
    recipients: list[str] = field(default_factory=list)
    smtp: SmtpSettings = field(default_factory=SmtpSettings)
    lock_file: Path = Path("tenderflow.lock")
    run_log: Path = Path("tenderflow-runs.jsonl")
    pipeline: PipelineSettings = field(default_factory=PipelineSettings)
    crm: dict[str, Any] = field(default_factory=dict)
    """``[crm]`` as written; ``crm/`` reads it (the webhook URL itself comes from the environment)."""
    serve: dict[str, Any] = field(default_factory=dict)
    """``[serve]`` as written; ``web/`` reads it."""


def _relative(base: Path, value: str | None) -> Path | None:
    if not value:
        return None
    path = Path(value).expanduser()
    return path if path.is_absolute() else base / path


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid")


class _Database(_Section):
    url: str | None = None


class _Catalogue(_Section):
    path: str | None = None


class _Company(_Section):
    profile: str | None = None


class _Matching(_Section):
    workers: int = 1


class _Attachments(_Section):
    enabled: bool = True


class _Digest(_Section):
    out: str | None = None
    ics: str | None = None
    min_score: int = 0
    closing_days: int = 3
    recipients: list[str] = []


class _Smtp(_Section):
    host: str = SmtpSettings.host
    port: int = SmtpSettings.port
    sender: str = SmtpSettings.sender
    security: Security = SmtpSettings.security
    timeout: float = SmtpSettings.timeout
    username_env: str = SmtpSettings.username_env
    password_env: str = SmtpSettings.password_env


class _Nightly(_Section):
    lock_file: str | None = None
    run_log: str | None = None


class _Source(BaseModel):
    """One ``[[sources]]`` entry: ``spider`` and the spider's arguments (any other keys)."""

    model_config = ConfigDict(extra="allow")
    spider: str
    queries: list[str] | None = None


class _File(_Section):
    """The whole file: each section validated, unknown sections and keys refused."""

    database: _Database = _Database()
    catalogue: _Catalogue = _Catalogue()
    company: _Company = _Company()
    sources: list[_Source] = []
    matching: _Matching = _Matching()
    attachments: _Attachments = _Attachments()
    digest: _Digest = _Digest()
    smtp: _Smtp = _Smtp()
    nightly: _Nightly = _Nightly()
    pipeline: dict[str, Any] | None = None
    """Validated by ``pipeline.settings.PipelineSettings``."""
    crm: dict[str, Any] = {}
    serve: dict[str, Any] = {}
    analytics: dict[str, Any] = {}
    """The sales plan by month (``plan = {"2026-12" = 5000000}``), read and checked by ``tenderflow report``."""


_PROBLEMS = {
    "extra_forbidden": "неизвестный ключ",
    "missing": "не указан",
    "int_type": "ожидается целое число",
    "int_parsing": "ожидается целое число",
    "int_from_float": "ожидается целое число",
    "float_type": "ожидается число",
    "float_parsing": "ожидается число",
    "bool_type": "ожидается true или false",
    "bool_parsing": "ожидается true или false",
    "string_type": "ожидается строка",
    "list_type": "ожидается список",
    "dict_type": "ожидается раздел (таблица)",
    "model_type": "ожидается раздел (таблица)",
    "model_attributes_type": "ожидается раздел (таблица)",
}


def _where(location: tuple[int | str, ...]) -> str:
    """``("digest", "min_score")`` → ``[digest] min_score``; ``("sources", 0, "laws")`` → ``[[sources]] №1 laws``."""
    if not location:
        return "файл"
    head, rest = str(location[0]), location[1:]
    if head == "sources" and rest and isinstance(rest[0], int):
        where = f"[[sources]] №{rest[0] + 1}"
        rest = rest[1:]
    else:
        where = f"[{head}]"
    return f"{where} {'.'.join(str(part) for part in rest)}".rstrip()


def _problem(error: Any) -> str:
    """One pydantic error (``ValidationError.errors()`` entry) in Russian."""
    if error["type"] == "literal_error":
        return f"допустимые значения: {str(error.get('ctx', {}).get('expected', '')).replace(' or ', ' или ')}"
    if error["type"] == "extra_forbidden" and len(error["loc"]) == 1:
        return "неизвестный раздел"
    return _PROBLEMS.get(error["type"], f"недопустимое значение ({error['msg']})")


def _validated(path: Path, data: dict[str, Any]) -> _File:
    try:
        return _File.model_validate(data)
    except ValidationError as invalid:
        first = invalid.errors()[0]
        location = tuple(first["loc"])
        if first["type"] == "missing" and location[:1] == ("sources",) and location[-1:] == ("spider",):
            fail(f"{path}: в источнике №{int(location[1]) + 1} не указан spider")
        fail(f"ошибка в файле настроек {path}: {_where(location)} — {_problem(first)}")


def _source(base: Path, source: _Source) -> SourceConfig:
    arguments = {key: str(value) for key, value in (source.model_extra or {}).items()}
    if source.queries is not None:
        arguments["query"] = "\n".join(source.queries)
    if "path" in arguments and "://" not in arguments["path"]:
        arguments["path"] = str(_relative(base, arguments["path"]))
    return SourceConfig(source.spider, arguments)


def load_config(path: str | Path | None) -> Config:
    """Read the configuration; paths in it are relative to the file's folder. No file: the defaults.

    Every section is checked (``_File``): an unknown section or key, or a value of the wrong type, stops with one
    Russian line naming the file and the key."""
    if path is None:
        default = Path("tenderflow.toml")
        if not default.exists():
            return Config()
        path = default
    path = Path(path)
    try:
        data: dict[str, Any] = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        fail(f"нет файла настроек {path}")
    except tomllib.TOMLDecodeError as error:
        fail(f"ошибка в файле настроек {path}: {error}")
    base = path.resolve().parent
    file = _validated(path, data)
    try:
        pipeline = PipelineSettings.from_mapping(file.pipeline)
    except (SettingsError, TypeError, ValueError) as error:
        fail(f"{path}: {error}")
    digest, nightly = file.digest, file.nightly
    return Config(
        path=path,
        database_url=file.database.url,
        sources=[_source(base, source) for source in file.sources],
        catalogue=_relative(base, file.catalogue.path),
        company=_relative(base, file.company.profile),
        match_workers=file.matching.workers,
        attachments=file.attachments.enabled,
        digest_out=_relative(base, digest.out) or Path("digest.html"),
        digest_ics=_relative(base, digest.ics),
        digest_min_score=digest.min_score,
        digest_closing_days=digest.closing_days,
        recipients=list(digest.recipients),
        smtp=SmtpSettings(**file.smtp.model_dump()),
        lock_file=_relative(base, nightly.lock_file) or base / "tenderflow.lock",
        run_log=_relative(base, nightly.run_log) or base / "tenderflow-runs.jsonl",
        pipeline=pipeline,
        crm=dict(file.crm),
        serve=dict(file.serve),
    )
