"""PDF text layer with pypdf. Tables have no structure in a PDF's text layer; with pypdf's layout mode the
columns keep their horizontal spacing, so runs of lines that split into several cells on wide gaps become table
rows. Encrypted PDFs are opened when they only have an owner password (the usual case for published documents);
scans without a text layer are recorded as unreadable, never silently dropped."""

from __future__ import annotations

import io
import logging
import re

from pypdf import PdfReader
from pypdf.errors import DependencyError, PdfReadError

from crawlers.documents.model import (
    DEFAULT_LIMITS,
    DocumentError,
    ExtractedDocument,
    Limits,
    Paragraph,
    Table,
)

_GAP = re.compile(r"\s{3,}")
_MIN_PAGE_CHARS = 10

# pypdf reports every recoverable oddity of real-world PDFs as a warning; they are not ours to show.
logging.getLogger("pypdf").setLevel(logging.ERROR)


def _open(name: str, data: bytes) -> PdfReader:
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
    except (PdfReadError, ValueError, TypeError, KeyError, OSError, AssertionError, RecursionError) as exc:
        raise DocumentError("error", "broken-pdf", f"PDF {name} повреждён: {exc}") from exc
    if reader.is_encrypted:
        try:
            decrypted = reader.decrypt("")
        except (DependencyError, NotImplementedError, PdfReadError, ValueError) as exc:
            raise DocumentError("unreadable", "encrypted", f"PDF {name} зашифрован: {exc}") from exc
        if not decrypted:
            raise DocumentError("unreadable", "encrypted", f"PDF {name} защищён паролем на открытие")
    return reader


Span = tuple[int, str]
"""A cell candidate on a layout line: its start column and text."""


def _spans(line: str) -> list[Span]:
    spans: list[Span] = []
    position = 0
    for part in _GAP.split(line):
        start = line.index(part, position) if part else position
        if part.strip():
            spans.append((start + len(part) - len(part.lstrip()), part.strip()))
        position = start + len(part)
    return spans


def _align(run: list[list[Span]]) -> list[list[str]]:
    """Put each span under the column whose start is nearest on its left, taking the columns from the widest
    row (usually the header): a row with an empty first cell keeps its other cells in their columns."""
    widest = max(run, key=len)
    starts = [start for start, _ in widest]
    rows: list[list[str]] = []
    for spans in run:
        cells = [""] * len(starts)
        for start, text in spans:
            column = 0
            for index, column_start in enumerate(starts):
                if column_start <= start + 2:
                    column = index
            cells[column] = f"{cells[column]} {text}".strip()
        rows.append(cells)
    return rows


def _blocks_of_page(text: str, page: int, first_table: int) -> list[Paragraph | Table]:
    """Split a page's layout text into paragraphs and tables (runs of >= 2 lines with >= 2 cells)."""
    blocks: list[Paragraph | Table] = []
    run: list[list[Span]] = []
    tables = first_table

    def flush() -> None:
        nonlocal run, tables
        if len(run) >= 2:
            tables += 1
            blocks.append(Table(index=tables, rows=_align(run), page=page))
        else:
            blocks.extend(Paragraph(" ".join(text for _, text in spans), page=page) for spans in run)
        run = []

    for line in text.splitlines():
        stripped = line.strip()
        if not stripped:
            continue
        spans = _spans(line.rstrip())
        if len(spans) >= 2:
            run.append(spans)
        else:
            flush()
            blocks.append(Paragraph(" ".join(stripped.split()), page=page))
    flush()
    return blocks


def extract_pdf(name: str, data: bytes, media_type: str, limits: Limits = DEFAULT_LIMITS) -> ExtractedDocument:
    reader = _open(name, data)
    try:
        pages = reader.pages
        total = len(pages)
    except (PdfReadError, ValueError, TypeError, KeyError, RecursionError) as exc:
        raise DocumentError("error", "broken-pdf", f"PDF {name} повреждён: {exc}") from exc
    result = ExtractedDocument(name=name, media_type=media_type, pages=total)
    if total > limits.max_pages:
        result.warnings.append(f"прочитаны первые {limits.max_pages} страниц из {total}")
    empty: list[int] = []
    broken: list[int] = []
    chars = 0
    tables = 0
    for number in range(1, min(total, limits.max_pages) + 1):
        try:
            text = pages[number - 1].extract_text(extraction_mode="layout") or ""
        except Exception:  # pypdf raises many kinds of errors on damaged content streams
            broken.append(number)
            continue
        if len(text.strip()) < _MIN_PAGE_CHARS:
            empty.append(number)
            continue
        blocks = _blocks_of_page(text, number, tables)
        tables += sum(1 for block in blocks if isinstance(block, Table))
        result.blocks.extend(blocks)
        chars += len(text)
        if chars > limits.max_chars:
            result.warnings.append(f"текст обрезан на {limits.max_chars} символах")
            break
    if not result.blocks:
        if broken and not empty:
            raise DocumentError("error", "broken-pdf", f"PDF {name} повреждён: ни одна страница не читается")
        raise DocumentError(
            "unreadable",
            "no-text-layer",
            f"PDF {name} не содержит текстового слоя (скан); распознавание текста не выполняется",
        )
    if empty:
        result.warnings.append("страницы без текстового слоя (скан): " + ", ".join(map(str, empty)))
    if broken:
        result.warnings.append("повреждённые страницы пропущены: " + ", ".join(map(str, broken)))
    return result
