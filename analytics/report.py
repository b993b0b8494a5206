"""What every analytics report is made of: titled sections of tables and charts, rendered to one
self-contained HTML file (:mod:`analytics.render`) and to an XLSX workbook with one sheet per table."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import Workbook

from digest.format import format_date, format_money, format_number, format_percent
from store.tabular import neutralise

KINDS = ("text", "money", "int", "percent", "date", "share")


@dataclass
class Column:
    key: str
    label: str
    kind: str = "text"


@dataclass
class Table:
    sheet: str
    """Sheet name in the workbook (≤ 31 characters, unique in a report)."""
    title: str
    columns: list[Column]
    rows: list[dict[str, Any]]
    empty: str = "Нет данных."


@dataclass
class Section:
    title: str
    lines: list[str] = field(default_factory=list)
    """Key figures and notes, one sentence each."""
    charts: list[str] = field(default_factory=list)
    """Inline SVG documents."""
    tables: list[Table] = field(default_factory=list)
    figures: dict[str, str] = field(default_factory=dict)
    """Named key figures (label -> formatted value), shown as a definition list."""


@dataclass
class Report:
    title: str
    subtitle: str
    generated_at: datetime
    sections: list[Section]
    pngs: dict[str, bytes] = field(default_factory=dict)
    """The charts as PNG, for the e-mail (content id -> bytes)."""

    def tables(self) -> list[Table]:
        return [table for section in self.sections for table in section.tables]


def cell_text(value: Any, kind: str) -> str:
    """A value as a reader sees it (Russian number formats); unknown is a dash."""
    if value is None or (isinstance(value, float) and value != value):
        return "—"
    if kind == "money":
        return format_money(Decimal(str(value)))
    if kind == "int":
        return format_number(Decimal(int(value)), 0)
    if kind == "percent":
        return format_percent(Decimal(str(value)))
    if kind == "share":
        return format_percent(Decimal(str(round(float(value) * 100, 1))))
    if kind == "date":
        if isinstance(value, datetime):
            return format_date(value)
        if isinstance(value, date):
            return value.strftime("%d.%m.%Y")
    return str(value)


def _xlsx_value(value: Any, kind: str) -> Any:
    if value is None or (isinstance(value, float) and value != value):
        return None
    if kind in ("money", "percent"):
        return float(Decimal(str(value)))
    if kind == "int":
        return int(value)
    if kind == "share":
        return float(value)
    if isinstance(value, datetime):
        return value.replace(tzinfo=None)
    if isinstance(value, date):
        return value
    return neutralise(str(value))


def write_xlsx(report: Report, path: Path) -> int:
    """Every table of the report, one sheet each, text cells neutralised against formula injection."""
    workbook = Workbook(write_only=True)
    used: set[str] = set()
    for table in report.tables():
        name = table.sheet[:31]
        while name in used:
            name = name[:28] + f"_{len(used)}"
        used.add(name)
        sheet = workbook.create_sheet(name)
        sheet.append([column.label for column in table.columns])
        for row in table.rows:
            sheet.append([_xlsx_value(row.get(column.key), column.kind) for column in table.columns])
    if not used:
        workbook.create_sheet("empty")
    workbook.save(path)
    return len(used)
