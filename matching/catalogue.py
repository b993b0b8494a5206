"""Catalogue loading (contract 4.2): XLSX (sheets ``products`` + ``specs``) or ``products.csv`` + ``specs.csv``.

Pure: paths in, :class:`store.schema.Product` records out. Every error names the file, the row (as a spreadsheet
shows it: the header is row 1) and the column, in Russian, because the user fixes the file by hand.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from store.schema import Product, ProductSpec, to_decimal_str

PRODUCT_COLUMNS = (
    "sku", "name", "vendor", "model", "category", "okpd2", "ktru", "price", "vat_rate", "country",
    "registry_number", "warranty_months", "description",
)  # fmt: skip
SPEC_COLUMNS = ("sku", "name", "value", "unit")
REQUIRED = {"products": ("sku", "name", "price"), "specs": ("sku", "name", "value")}
MAX_REPORTED = 20


@dataclass(frozen=True)
class CellError:
    file: str
    row: int
    column: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}: строка {self.row}, столбец «{self.column}»: {self.message}"


class CatalogueError(ValueError):
    """The catalogue cannot be imported; ``errors`` lists every bad cell found (first ones)."""

    def __init__(self, errors: Sequence[CellError]) -> None:
        self.errors = list(errors)
        more = f" (и ещё ошибок: {len(self.errors) - 1})" if len(self.errors) > 1 else ""
        super().__init__(f"{self.errors[0]}{more}")


@dataclass
class _Sheet:
    """Rows of one table: the file label for messages and (row number, {column: value}) pairs."""

    label: str
    header: list[str]
    rows: list[tuple[int, dict[str, Any]]]


def _cell_text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, float):
        value = Decimal(repr(value))
        if value == value.to_integral_value():
            value = value.quantize(Decimal(1))
    text = str(value).strip()
    return text or None


def _read_csv(path: Path) -> _Sheet:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise CatalogueError([CellError(path.name, 0, "-", f"файл не читается: {exc.strerror}")]) from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CatalogueError([CellError(path.name, 0, "-", "файл не в кодировке UTF-8")]) from exc
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header: list[str] = []
    rows: list[tuple[int, dict[str, Any]]] = []
    for number, record in enumerate(reader, start=1):
        if number == 1:
            header = [h.strip().lower() for h in record]
            continue
        if not any(cell.strip() for cell in record):
            continue
        rows.append((number, dict(zip(header, record, strict=False))))
    return _Sheet(path.name, header, rows)


def _read_xlsx(path: Path) -> tuple[_Sheet, _Sheet]:
    import openpyxl

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for a broken file
        raise CatalogueError([CellError(path.name, 0, "-", f"не удаётся открыть книгу XLSX ({exc})")]) from exc
    sheets = {name.strip().lower(): book[name] for name in book.sheetnames}
    result = []
    for wanted in ("products", "specs"):
        if wanted not in sheets:
            raise CatalogueError([CellError(path.name, 0, "-", f"нет листа «{wanted}»")])
        header: list[str] = []
        rows: list[tuple[int, dict[str, Any]]] = []
        for number, record in enumerate(sheets[wanted].iter_rows(values_only=True), start=1):
            if number == 1:
                header = [str(h).strip().lower() if h is not None else "" for h in record]
                continue
            if all(cell is None or str(cell).strip() == "" for cell in record):
                continue
            rows.append((number, dict(zip(header, record, strict=False))))
        result.append(_Sheet(f"{path.name}, лист {wanted}", header, rows))
    book.close()
    return result[0], result[1]


def _check_header(sheet: _Sheet, kind: str) -> None:
    missing = [c for c in REQUIRED[kind] if c not in sheet.header]
    if missing:
        raise CatalogueError([CellError(sheet.label, 1, c, "нет обязательного столбца") for c in missing])


def _products(sheet: _Sheet, errors: list[CellError]) -> dict[str, dict[str, Any]]:
    products: dict[str, dict[str, Any]] = {}
    first_row: dict[str, int] = {}
    for number, row in sheet.rows:
        data = {c: _cell_text(row.get(c)) for c in PRODUCT_COLUMNS}
        for column in REQUIRED["products"]:
            if data[column] is None:
                errors.append(CellError(sheet.label, number, column, "пустое обязательное значение"))
        for column in ("price", "vat_rate"):
            if data[column] is not None:
                try:  # a rate may carry its sign, as price lists write it («22%», «22 %»)
                    text = data[column].removesuffix("%").rstrip() if column == "vat_rate" else data[column]
                    value = to_decimal_str(text)
                except ValueError:
                    errors.append(CellError(sheet.label, number, column, f"не число: «{data[column]}»"))
                    continue
                if value is not None and Decimal(value) < 0:
                    errors.append(CellError(sheet.label, number, column, "отрицательное значение"))
                data[column] = value
        if data["warranty_months"] is not None:
            try:
                data["warranty_months"] = int(Decimal(data["warranty_months"].replace(",", ".")))
            except ArithmeticError:
                errors.append(
                    CellError(sheet.label, number, "warranty_months", f"не целое: «{data['warranty_months']}»")
                )
        sku = data["sku"]
        if sku is None:
            continue
        if sku in products:
            errors.append(
                CellError(sheet.label, number, "sku", f"артикул «{sku}» повторяется (уже в строке {first_row[sku]})")
            )
            continue
        first_row[sku] = number
        products[sku] = data
    return products


def _attach_specs(sheet: _Sheet, products: dict[str, dict[str, Any]], errors: list[CellError]) -> None:
    for number, row in sheet.rows:
        data = {c: _cell_text(row.get(c)) for c in SPEC_COLUMNS}
        for column in REQUIRED["specs"]:
            if data[column] is None:
                errors.append(CellError(sheet.label, number, column, "пустое обязательное значение"))
        sku = data["sku"]
        if sku is None or data["name"] is None or data["value"] is None:
            continue
        if sku not in products:
            errors.append(CellError(sheet.label, number, "sku", f"артикул «{sku}» отсутствует в листе products"))
            continue
        products[sku].setdefault("specs", []).append(
            ProductSpec(name=data["name"], value=data["value"], unit=data["unit"])
        )


def parse_catalogue(products_sheet: _Sheet, specs_sheet: _Sheet) -> list[Product]:
    _check_header(products_sheet, "products")
    _check_header(specs_sheet, "specs")
    errors: list[CellError] = []
    products = _products(products_sheet, errors)
    _attach_specs(specs_sheet, products, errors)
    if errors:
        raise CatalogueError(errors[:MAX_REPORTED])
    return [Product(**data) for data in products.values()]


def _resolve(paths: Sequence[Path]) -> tuple[Path, Path] | Path:
    if len(paths) == 1:
        path = paths[0]
        if path.is_dir():
            return path / "products.csv", path / "specs.csv"
        if path.suffix.lower() in (".xlsx", ".xlsm"):
            return path
        if path.name.lower() == "products.csv":
            return path, path.with_name("specs.csv")
        raise CatalogueError([CellError(path.name, 0, "-", "ожидается книга XLSX, папка или products.csv + specs.csv")])
    if len(paths) == 2:
        by_name = {p.name.lower(): p for p in paths}
        if "products.csv" in by_name and "specs.csv" in by_name:
            return by_name["products.csv"], by_name["specs.csv"]
        return paths[0], paths[1]
    raise CatalogueError([CellError("-", 0, "-", "укажите книгу XLSX, папку или два файла CSV")])


def load_catalogue(paths: Path | str | Iterable[Path | str]) -> list[Product]:
    """Products with their specs from an XLSX workbook, a folder, or the two CSV files."""
    if isinstance(paths, str | Path):
        paths = [paths]
    resolved = _resolve([Path(p) for p in paths])
    if isinstance(resolved, Path):
        products_sheet, specs_sheet = _read_xlsx(resolved)
    else:
        for path in resolved:
            if not path.is_file():
                raise CatalogueError([CellError(path.name, 0, "-", f"файл не найден: {path}")])
        products_sheet, specs_sheet = _read_csv(resolved[0]), _read_csv(resolved[1])
    return parse_catalogue(products_sheet, specs_sheet)
