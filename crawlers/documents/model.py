"""Records produced by document extraction: what a file holds (paragraphs and tables, in order) and its status.

A document is never silently dropped: one that cannot be read is an :class:`ExtractedDocument` with
``status != "ok"``, a stable ``reason_code`` (English, for code and logs) and a ``reason`` (Russian, shown to users
in the digest).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Status = Literal["ok", "unreadable", "refused", "error"]
"""ok: text extracted; unreadable: a format or content we cannot read (scan, old binary DOC, encrypted);
refused: hostile or over a limit (zip bomb, path traversal, too big); error: broken file."""


@dataclass(frozen=True)
class Limits:
    """Caps that keep hostile or enormous inputs from exhausting memory or time."""

    max_file_bytes: int = 50 * 1024 * 1024
    max_archive_entries: int = 500
    max_entry_bytes: int = 100 * 1024 * 1024
    max_total_bytes: int = 300 * 1024 * 1024
    max_ratio: int = 200
    """Uncompressed/compressed ratio above which an entry (larger than ``ratio_floor_bytes``) is a bomb."""
    ratio_floor_bytes: int = 1024 * 1024
    max_depth: int = 3
    """Nested archives deeper than this are refused."""
    max_pages: int = 2000
    max_chars: int = 5_000_000


DEFAULT_LIMITS = Limits()


@dataclass(frozen=True)
class Origin:
    """Where a piece of text came from: file (``archive.zip/inner.docx``), page or sheet, table, row (1-based)."""

    file: str
    page: int | None = None
    table: int | None = None
    row: int | None = None
    sheet: str | None = None
    paragraph: int | None = None
    """1-based paragraph number for text outside tables."""

    def label(self) -> str:
        """Short Russian label for reports: «ТЗ.docx, таблица 2, строка 5»."""
        parts = [self.file]
        if self.sheet is not None:
            parts.append(f"лист «{self.sheet}»")
        elif self.page is not None:
            parts.append(f"стр. {self.page}")
        if self.table is not None:
            parts.append(f"таблица {self.table}")
        if self.row is not None:
            parts.append(f"строка {self.row}")
        if self.paragraph is not None:
            parts.append(f"абзац {self.paragraph}")
        return ", ".join(parts)

    def to_dict(self) -> dict[str, object]:
        return {
            "file": self.file,
            "page": self.page,
            "table": self.table,
            "row": self.row,
            "sheet": self.sheet,
            "paragraph": self.paragraph,
        }


@dataclass
class Paragraph:
    text: str
    page: int | None = None
    heading: bool = False
    """True when the source marks it as a heading (DOCX heading style, HTML h1-h6, ODT text:h)."""
    list_level: int | None = None
    """0-based level when the paragraph is an automatically numbered or bulleted list item (its number is
    not part of the text), else None."""


@dataclass
class Table:
    """A table as rows of cell texts; merged cells repeat their text in every grid cell they cover."""

    index: int
    """1-based number of the table in the document."""
    rows: list[list[str]]
    page: int | None = None
    sheet: str | None = None
    row_numbers: list[int] | None = None
    """Source row numbers (spreadsheet rows) when empty rows were skipped; else rows count from 1."""

    def row_number(self, position: int) -> int:
        """Source row number of ``rows[position]`` (0-based position)."""
        if self.row_numbers is not None:
            return self.row_numbers[position]
        return position + 1


Block = Paragraph | Table


@dataclass
class ExtractedDocument:
    name: str
    """Path of the file, with archive members as ``archive.zip/folder/file.docx``."""
    media_type: str
    status: Status = "ok"
    reason_code: str | None = None
    reason: str | None = None
    blocks: list[Block] = field(default_factory=list)
    pages: int = 0
    """Pages (PDF), sheets (XLSX) or 1 for flowing documents (DOCX, RTF, HTML)."""
    warnings: list[str] = field(default_factory=list)

    @property
    def readable(self) -> bool:
        return self.status == "ok"

    @property
    def tables(self) -> list[Table]:
        return [block for block in self.blocks if isinstance(block, Table)]

    @property
    def paragraphs(self) -> list[Paragraph]:
        return [block for block in self.blocks if isinstance(block, Paragraph)]

    def text(self) -> str:
        """Plain text: paragraphs, and table rows with cells separated by `` | ``."""
        lines: list[str] = []
        for block in self.blocks:
            if isinstance(block, Paragraph):
                lines.append(block.text)
            else:
                lines.extend(" | ".join(cell for cell in row) for row in block.rows)
        return "\n".join(lines)

    def origin(self, block: Block, position: int | None = None) -> Origin:
        """Origin of ``block`` (and of its row at 0-based ``position``)."""
        if isinstance(block, Table):
            row = block.row_number(position) if position is not None else None
            return Origin(self.name, page=block.page, table=block.index, row=row, sheet=block.sheet)
        return Origin(self.name, page=block.page)


class DocumentError(Exception):
    """A document cannot be extracted; carries the status and reason recorded for it."""

    def __init__(self, status: Status, code: str, reason: str) -> None:
        super().__init__(f"{code}: {reason}")
        self.status: Status = status
        self.code = code
        self.reason = reason


def failed(name: str, media_type: str, error: DocumentError) -> ExtractedDocument:
    return ExtractedDocument(
        name=name, media_type=media_type, status=error.status, reason_code=error.code, reason=error.reason
    )
