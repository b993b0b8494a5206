"""OpenDocument text (ODT) and spreadsheets (ODS), as LibreOffice and other Russian office suites save them:
``content.xml`` read with the project's safe XML parser (no entities, no network). Headings, paragraphs, lists
and tables in document order; spanned cells repeat their text over the grid; repeated rows and columns (ODS
writes ``number-columns-repeated="1024"`` for empty tails) are expanded only within caps."""

from __future__ import annotations

import io
import zipfile

from lxml import etree

from crawlers.documents.archive import check_container
from crawlers.documents.model import DEFAULT_LIMITS, DocumentError, ExtractedDocument, Limits, Paragraph, Table
from crawlers.parsers.xmlsafe import ParseError, localname, parse_xml

TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
MAX_REPEAT = 200
"""Repetitions of one cell or row expanded at most; trailing empty cells and empty rows are dropped."""


def _text(element: etree._Element) -> str:
    parts = [element.text or ""]
    for child in element:
        name = localname(child)
        if name == "s":
            parts.append(" " * min(int(child.get(f"{{{TEXT}}}c", "1") or 1), 10))
        elif name == "tab":
            parts.append("\t")
        elif name == "line-break":
            parts.append("\n")
        elif name not in ("note", "annotation", "bookmark", "soft-page-break"):
            parts.append(_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _cell_text(cell: etree._Element) -> str:
    lines = [" ".join(_text(p).split()) for p in cell.iter(f"{{{TEXT}}}p", f"{{{TEXT}}}h")]
    return "\n".join(line for line in lines if line)


def _repeat(element: etree._Element, attribute: str) -> int:
    try:
        return max(int(element.get(f"{{{TABLE}}}{attribute}", "1")), 1)
    except ValueError:
        return 1


def _rows(table: etree._Element) -> tuple[list[list[str]], list[int]]:
    """The table's rows and their source row numbers (1-based, counting repeated and empty rows)."""
    rows: list[list[str]] = []
    numbers: list[int] = []
    source_row = 0
    for row in table.iter(f"{{{TABLE}}}table-row"):
        if row.getparent() is not None and localname(row.getparent()) not in (
            "table",
            "table-rows",
            "table-header-rows",
            "table-row-group",
        ):
            continue
        repeat_rows = _repeat(row, "number-rows-repeated")
        source_row += repeat_rows
        cells: list[str] = []
        carried = 0  # covered cells still belonging to a horizontally spanned cell
        for cell in row:
            name = localname(cell)
            if name not in ("table-cell", "covered-table-cell"):
                continue
            repeat = _repeat(cell, "number-columns-repeated")
            if name == "covered-table-cell":
                for _ in range(min(repeat, MAX_REPEAT)):
                    column = len(cells)
                    if carried > 0:
                        cells.append(cells[-1] if cells else "")
                        carried -= 1
                    else:  # covered by a cell spanning rows: the text of the row above
                        above = rows[-1] if rows else []
                        cells.append(above[column] if column < len(above) else "")
                continue
            text = _cell_text(cell)
            cells.extend([text] * min(repeat, MAX_REPEAT))
            carried = _repeat(cell, "number-columns-spanned") - 1
        while cells and not cells[-1]:
            cells.pop()
        if not cells:
            continue
        first = source_row - repeat_rows + 1
        for offset in range(min(repeat_rows, MAX_REPEAT)):
            rows.append(cells)
            numbers.append(first + offset)
    return rows, numbers


def _walk(element: etree._Element, result: ExtractedDocument, sheet: bool, level: int | None = None) -> None:
    for child in element:
        name = localname(child)
        if name == "table":
            number = len(result.tables) + 1
            title = child.get(f"{{{TABLE}}}name") if sheet else None
            rows, numbers = _rows(child)
            if sheet:
                result.pages += 1
            if rows:
                page = number if sheet else None
                result.blocks.append(Table(index=number, rows=rows, page=page, sheet=title, row_numbers=numbers))
        elif name in ("p", "h"):
            text = " ".join(_text(child).split())
            if text:
                result.blocks.append(Paragraph(text, heading=name == "h", list_level=level))
        elif name == "list":
            _walk(child, result, sheet, 0 if level is None else level + 1)
        elif name in ("list-item", "section", "text", "spreadsheet", "body", "list-header"):
            _walk(child, result, sheet, level)


def extract_opendocument(name: str, data: bytes, media_type: str, limits: Limits = DEFAULT_LIMITS) -> ExtractedDocument:
    check_container(name, data, limits)
    try:
        content = zipfile.ZipFile(io.BytesIO(data)).read("content.xml")
        root = parse_xml(content, f"{name}/content.xml")
    except (KeyError, zipfile.BadZipFile, OSError, ParseError) as exc:
        raise DocumentError("error", "broken-odf", f"документ {name} повреждён: {exc}") from exc
    sheet = media_type.endswith("spreadsheet")
    result = ExtractedDocument(name=name, media_type=media_type, pages=0 if sheet else 1)
    _walk(root, result, sheet)
    return result
