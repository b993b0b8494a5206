"""XLSX (and XLSM) sheets as tables with openpyxl in read-only mode; formulas are read as their cached values
and macros are never loaded. Merged cells keep their value in the top-left cell only (read-only mode does not
see merges); the specification finder carries a product name down over the empty cells below it."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import openpyxl

from crawlers.documents.archive import check_container
from crawlers.documents.model import DEFAULT_LIMITS, DocumentError, ExtractedDocument, Limits, Table

MAX_COLUMNS = 100
"""Columns read per sheet: a specification never has more, and a bogus dimension (``A1:XFD1048576``) would
otherwise pad every row to 16,384 cells."""


def cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "да" if value else "нет"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    return str(value).strip()


def extract_xlsx(name: str, data: bytes, media_type: str, limits: Limits = DEFAULT_LIMITS) -> ExtractedDocument:
    check_container(name, data, limits)
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True, keep_vba=False)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, TypeError) as exc:
        raise DocumentError("error", "broken-xlsx", f"таблица {name} повреждена: {exc}") from exc
    result = ExtractedDocument(name=name, media_type=media_type)
    if b"vbaProject" in data:
        result.warnings.append("книга содержит макросы: они не выполнялись, прочитаны только значения")
    chars = 0
    try:
        for number, sheet in enumerate(workbook.worksheets, start=1):
            rows: list[list[str]] = []
            row_numbers: list[int] = []
            declared = sheet.max_column or 0
            if declared > MAX_COLUMNS:
                result.warnings.append(f"лист «{sheet.title}»: прочитаны первые {MAX_COLUMNS} столбцов из {declared}")
            columns = min(declared, MAX_COLUMNS) or MAX_COLUMNS
            for row_number, values in enumerate(sheet.iter_rows(max_col=columns, values_only=True), start=1):
                cells = [cell_text(value) for value in values]
                while cells and not cells[-1]:
                    cells.pop()
                if not cells:
                    continue
                rows.append(cells)
                row_numbers.append(row_number)
                chars += sum(len(cell) for cell in cells)
                if chars > limits.max_chars:
                    result.warnings.append(f"текст обрезан на {limits.max_chars} символах")
                    break
            result.pages += 1
            if rows:
                result.blocks.append(
                    Table(index=number, rows=rows, page=number, sheet=sheet.title, row_numbers=row_numbers)
                )
            if chars > limits.max_chars:
                break
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise DocumentError("error", "broken-xlsx", f"таблица {name} повреждена: {exc}") from exc
    finally:
        workbook.close()
    return result
