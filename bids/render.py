"""Jinja2 rendering of the bid package's HTML documents (autoescaped; notice text is data, never template)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from bids.dates import format_day, format_moment
from bids.money import format_money, format_percent

TEMPLATES = Path(__file__).resolve().parent / "templates"


def law_label(law: str | None) -> str:
    """The law as a Russian reader writes it ("44-FZ" is the data code)."""
    return LAW_NAMES.get(law or "", law or "")


def _money(value: Decimal | str | None) -> str:
    if value is None or value == "":
        return "—"
    return format_money(Decimal(str(value)))


def _percent(value: Decimal | str | None) -> str:
    return format_percent(Decimal(str(value))) if value not in (None, "") else "—"


def _day(value: date | str | None) -> str:
    if isinstance(value, str):
        value = date.fromisoformat(value[:10])
    return format_day(value)


LAW_NAMES = {"44-FZ": "44-ФЗ", "223-FZ": "223-ФЗ", "615-PP": "615-ПП", "EU": "закупки ЕС", "commercial": "коммерческая"}
"""The contract's law codes as a reader names them (documents never show the codes themselves)."""


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(["html", "j2"], default=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(money=_money, percent=_percent, day=_day, law=law_label, moment=format_moment)
    return env


def render(template: str, **context: Any) -> str:
    return environment().get_template(template).render(**context)
