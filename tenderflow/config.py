"""``tenderflow.toml``: what the nightly run crawls, where the catalogue and company profile are, who gets the
digest. Secrets never live in the file: it names environment variables that hold them."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from digest.mail import SmtpSettings
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


def load_config(path: str | Path | None) -> Config:
    """Read the configuration; paths in it are relative to the file's folder. No file: the defaults."""
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
    digest = data.get("digest", {})
    smtp = data.get("smtp", {})
    nightly = data.get("nightly", {})
    sources = []
    for index, source in enumerate(data.get("sources", []), start=1):
        if "spider" not in source:
            fail(f"{path}: в источнике №{index} не указан spider")
        arguments = {key: str(value) for key, value in source.items() if key != "spider" and key != "queries"}
        if "queries" in source:
            arguments["query"] = "\n".join(source["queries"])
        if "path" in arguments and "://" not in arguments["path"]:
            arguments["path"] = str(_relative(base, arguments["path"]))
        sources.append(SourceConfig(source["spider"], arguments))
    try:
        pipeline = PipelineSettings.from_mapping(data.get("pipeline"))
    except (SettingsError, TypeError, ValueError) as error:
        fail(f"{path}: {error}")
    return Config(
        path=path,
        database_url=data.get("database", {}).get("url"),
        sources=sources,
        catalogue=_relative(base, data.get("catalogue", {}).get("path")),
        company=_relative(base, data.get("company", {}).get("profile")),
        match_workers=int(data.get("matching", {}).get("workers", 1)),
        attachments=bool(data.get("attachments", {}).get("enabled", True)),
        digest_out=_relative(base, digest.get("out")) or Path("digest.html"),
        digest_ics=_relative(base, digest.get("ics")),
        digest_min_score=int(digest.get("min_score", 0)),
        digest_closing_days=int(digest.get("closing_days", 3)),
        recipients=list(digest.get("recipients", [])),
        smtp=SmtpSettings(**{key: smtp[key] for key in smtp if key in SmtpSettings.__dataclass_fields__}),
        lock_file=_relative(base, nightly.get("lock_file")) or base / "tenderflow.lock",
        run_log=_relative(base, nightly.get("run_log")) or base / "tenderflow-runs.jsonl",
        pipeline=pipeline,
        crm=dict(data.get("crm", {})),
        serve=dict(data.get("serve", {})),
    )
