"""Versioned legal rule sets (``bids/rules/*.toml``): pick the edition in force on a date and read it.

Thresholds are never code literals: every number the bid package uses is read from here, with the article it
comes from and its confidence tag (A/B/C of RULES.md; C = not confirmed, shown as such in the output).
"""

from __future__ import annotations

import hashlib
import tomllib
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

RULES_DIR = Path(__file__).resolve().parent / "rules"
CONFIDENCE_LABELS = {"A": "норма закона", "B": "вторичный источник", "C": "не подтверждено"}


class RuleError(ValueError):
    """A rule file is missing, malformed or lacks a rule the package needs."""


@dataclass(frozen=True)
class Citation:
    article: str
    confidence: str

    @property
    def unconfirmed(self) -> bool:
        return self.confidence == "C"

    @property
    def label(self) -> str:
        return CONFIDENCE_LABELS.get(self.confidence, self.confidence)

    def to_dict(self) -> dict[str, Any]:
        return {"article": self.article, "confidence": self.confidence, "unconfirmed": self.unconfirmed}


@dataclass(frozen=True)
class RuleFile:
    path: Path
    effective_from: date
    sha256: str

    def to_dict(self) -> dict[str, str]:
        return {"file": self.path.name, "effective_from": self.effective_from.isoformat(), "sha256": self.sha256}


@dataclass
class RuleSet:
    """A resolved rule set: the chosen edition merged over the editions it extends."""

    data: dict[str, Any]
    files: list[RuleFile]
    requested_on: date
    fallback: bool = False
    warnings: list[str] = field(default_factory=list)

    @property
    def effective_from(self) -> date:
        return self.files[-1].effective_from

    @property
    def title(self) -> str:
        return str(self.data.get("title", ""))

    def section(self, name: str) -> dict[str, Any]:
        value = self.data.get(name)
        if not isinstance(value, dict):
            raise RuleError(f"в наборе правил {self.files[-1].path.name} нет раздела [{name}]")
        return value

    def list(self, name: str) -> list[dict[str, Any]]:
        node: Any = self.data
        for part in name.split("."):
            node = node.get(part) if isinstance(node, dict) else None
        if not isinstance(node, list):
            raise RuleError(f"в наборе правил {self.files[-1].path.name} нет списка [[{name}]]")
        return node

    def value(self, section: str, key: str) -> Any:
        data = self.section(section)
        if key not in data:
            raise RuleError(f"в наборе правил {self.files[-1].path.name} нет {section}.{key}")
        return data[key]

    def dec(self, section: str, key: str) -> Decimal:
        return to_dec(self.value(section, key), f"{section}.{key}")

    def cite(self, section: str, article_key: str = "article") -> Citation:
        data = self.section(section)
        return Citation(str(data.get(article_key, "")), str(data.get("confidence", "C")))

    def to_manifest(self) -> dict[str, Any]:
        return {
            "requested_on": self.requested_on.isoformat(),
            "effective_from": self.effective_from.isoformat(),
            "fallback": self.fallback,
            "files": [f.to_dict() for f in self.files],
        }


def to_dec(value: Any, what: str) -> Decimal:
    if isinstance(value, bool | float):
        raise RuleError(f"правило {what}: число должно быть строкой или целым, а не {value!r}")
    try:
        return Decimal(str(value))
    except InvalidOperation as exc:
        raise RuleError(f"правило {what}: не число {value!r}") from exc


def _read(path: Path) -> tuple[dict[str, Any], RuleFile]:
    raw = path.read_bytes()
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise RuleError(f"файл правил {path}: {exc}") from exc
    effective = data.get("effective_from")
    if isinstance(effective, datetime):
        effective = effective.date()
    if not isinstance(effective, date):
        raise RuleError(f"файл правил {path}: нет даты effective_from")
    return data, RuleFile(path, effective, hashlib.sha256(raw).hexdigest())


def _merge(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def _resolve(path: Path, seen: tuple[Path, ...] = ()) -> tuple[dict[str, Any], list[RuleFile]]:
    if path in seen:
        raise RuleError(f"файл правил {path}: циклическое extends")
    if not path.is_file():
        raise RuleError(f"нет файла правил {path}")
    data, info = _read(path)
    parent = data.pop("extends", None)
    if parent is None:
        return data, [info]
    base, chain = _resolve(path.parent / str(parent), (*seen, path))
    return _merge(base, data), [*chain, info]


def editions(rules_dir: Path | None = None) -> list[tuple[date, Path]]:
    """All rule files in the folder, oldest first."""
    folder = Path(rules_dir) if rules_dir else RULES_DIR
    found = [(_read(p)[1].effective_from, p) for p in sorted(folder.glob("*.toml"))]
    if not found:
        raise RuleError(f"в папке {folder} нет файлов правил *.toml")
    return sorted(found)


def as_date(value: date | datetime | str | None) -> date | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return datetime.fromisoformat(str(value)[:10]).date() if len(str(value)) >= 10 else None


def load_rules(on: date | datetime | str | None, rules_dir: Path | None = None) -> RuleSet:
    """The rule set in force on ``on`` (the notice's publication date; today when unknown)."""
    day = as_date(on) or date.today()
    found = editions(rules_dir)
    in_force = [path for effective, path in found if effective <= day]
    warnings: list[str] = []
    fallback = not in_force
    if fallback:
        path = found[0][1]
        warnings.append(
            f"Дата {day:%d.%m.%Y} раньше самой ранней редакции правил ({found[0][0]:%d.%m.%Y}): "
            "применена самая ранняя, проверьте нормы вручную"
        )
    else:
        path = in_force[-1]
    data, files = _resolve(path)
    return RuleSet(data=data, files=files, requested_on=day, fallback=fallback, warnings=warnings)
