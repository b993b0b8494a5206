"""The compliance table (таблица соответствия): one row per characteristic of every purchase line.

Verdicts come from the matching engine through an injected compliance function
``(characteristic, product) -> (verdict, reason, spec)``; this module only decides how the offered value is
written (RULES.md §7.2): a single concrete value where the filling instruction asks for one (never "не менее"),
the customer's value verbatim where the participant may not change it, in the customer's unit.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill

from bids.textsafe import neutralise
from bids.words import quantity_text
from matching import ru_format
from store.schema import Characteristic, Item, NoticeRecord, Product, ProductSpec

Verdict = tuple[str, str, ProductSpec | None]
ComplianceFn = Callable[[Characteristic, Product], Verdict]
UnitInfo = Callable[[str | None], tuple[str, float] | None]

VERDICT_LABELS = {"yes": "да", "no": "нет", "unknown": "не определено"}
_RANGE_WORDS = ("не менее", "не более", "менее", "более", "≥", "≤", ">", "<", "от ", "до ")


@dataclass
class ComplianceRow:
    item_index: int
    item_name: str
    codes: str
    characteristic: str
    requirement: str
    unit: str
    instruction: str
    mode: str
    """specific | fixed | all | free"""
    offered: str
    compliant: str
    reason: str
    evidence: str
    source: str
    """Where the requirement comes from: the notice, or an attached file with its table and row."""
    trade_mark: str
    country: str
    registry_number: str
    sku: str

    @property
    def compliant_label(self) -> str:
        return VERDICT_LABELS.get(self.compliant, self.compliant)

    @property
    def flagged(self) -> bool:
        """Not shown to comply: the package is not ready while such a row remains."""
        return self.compliant != "yes"

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def fill_mode(ch: Characteristic) -> str:
    """What the filling instruction asks of the participant (EIS codes "2" specific, "6" unchangeable)."""
    text = (ch.fill_instruction or "").strip().lower()
    if text == "6" or "не может изменяться" in text:
        return "fixed"
    if text == "2" or "конкретное значение" in text:
        return "specific"
    if "все значения" in text:
        return "all"
    return "free"


def _num(value: str | None) -> str:
    return (value or "").replace(".", ",")


def requirement_text(ch: Characteristic) -> str:
    """The customer's requirement as the EIS prints it: "≥ 8 и < 16", "IPS; VA", "наличие"."""
    if ch.kind == "range":
        parts = []
        if ch.min is not None:
            parts.append(f"{'≥' if ch.min_inclusive is not False else '>'} {_num(ch.min)}")
        if ch.max is not None:
            parts.append(f"{'≤' if ch.max_inclusive is not False else '<'} {_num(ch.max)}")
        return " и ".join(parts) or (ch.text or "")
    if ch.kind == "values":
        return "; ".join(ch.values) or (ch.text or "")
    return ch.text or "; ".join(ch.values)


def _decimal(text: str) -> Decimal | None:
    try:
        return Decimal(text.strip().replace("\u00a0", "").replace(" ", "").replace(",", "."))
    except (InvalidOperation, AttributeError):
        return None


def _plain(value: Decimal) -> str:
    text = format(value.normalize(), "f")
    return text.replace(".", ",")


def convert(value: str, from_unit: str | None, to_unit: str | None, unit_info: UnitInfo | None) -> str | None:
    """``value`` expressed in ``to_unit``; None when it cannot be converted (unknown or different dimensions)."""
    if not from_unit or not to_unit or from_unit.strip().lower() == to_unit.strip().lower():
        number = _decimal(value)
        return _plain(number) if number is not None else value.strip()
    if unit_info is None:
        return None
    source, target, number = unit_info(from_unit), unit_info(to_unit), _decimal(value)
    if source is None or target is None or number is None or source[0] != target[0]:
        return None
    return _plain(number * Decimal(str(source[1])) / Decimal(str(target[1])))


def offered_value(
    ch: Characteristic, verdict: str, spec: ProductSpec | None, unit_info: UnitInfo | None
) -> tuple[str, list[str]]:
    """(offered value, notes) for one characteristic."""
    mode = fill_mode(ch)
    notes: list[str] = []
    if mode == "fixed" and verdict == "yes":
        return requirement_text(ch), notes
    if mode == "fixed":
        notes.append("значение не может изменяться, а товар ему не соответствует: указано значение товара")
    if mode == "all" and ch.kind == "values" and verdict == "yes":
        return "; ".join(ch.values), notes
    if spec is None:
        if verdict == "yes" and ch.kind == "text":
            return ch.text or "наличие", notes
        notes.append("в каталоге нет значения: укажите конкретное значение по документации производителя")
        return "", notes
    if ch.kind == "range" or (ch.unit and spec.unit):
        value = convert(spec.value, spec.unit, ch.unit, unit_info)
        if value is None:
            notes.append(f"значение каталога в «{spec.unit}», требование в «{ch.unit}»: пересчитайте вручную")
            value = quantity_text(spec.value, spec.unit)
    else:
        value = spec.value.strip()
    if mode == "specific" and any(w in value.lower() for w in _RANGE_WORDS):
        notes.append("нужно одно конкретное значение, без «не менее/не более»: уточните значение")
    return value, notes


def _codes(item: Item) -> str:
    return " / ".join(c for c in (item.ktru, item.okpd2) if c) or ""


def _evidence(spec: ProductSpec | None, product: Product | None) -> str:
    if spec is None or product is None:
        return ""
    number = _decimal(spec.value)
    value = ru_format.quantity(number, spec.unit) if number is not None else f"{spec.value} {spec.unit or ''}".strip()
    return f"{product.sku}: «{spec.name}» = {value}"


def _trade_mark(product: Product | None) -> str:
    if product is None:
        return ""
    return " ".join(p for p in (product.vendor, product.model) if p) or product.name


def build_rows(
    notice: NoticeRecord,
    products_by_line: Mapping[int, Product | None],
    compliance: ComplianceFn,
    unit_info: UnitInfo | None = None,
) -> list[ComplianceRow]:
    rows: list[ComplianceRow] = []
    for item in notice.items:
        product = products_by_line.get(item.index)
        base = {
            "item_index": item.index,
            "item_name": item.name,
            "codes": _codes(item),
            "trade_mark": _trade_mark(product),
            "country": (product.country or "") if product else "",
            "registry_number": (product.registry_number or "") if product else "",
            "sku": product.sku if product else "",
        }
        characteristics = item.characteristics or []
        if not characteristics:
            rows.append(
                ComplianceRow(
                    characteristic="(характеристики в извещении не указаны)",
                    requirement="",
                    unit=ru_format.unit_for(None, item.unit),
                    instruction="",
                    mode="free",
                    offered="",
                    compliant="unknown" if product else "no",
                    reason="" if product else "товар не подобран",
                    evidence="",
                    source="извещение",
                    **base,
                )
            )
            continue
        for ch in characteristics:
            if product is None:
                verdict, reason, spec = "no", "товар не подобран", None
            else:
                verdict, reason, spec = compliance(ch, product)
            offered, notes = offered_value(ch, verdict, spec, unit_info) if product else ("", [])
            reason_text = "; ".join(x for x in [reason, *notes] if x)
            rows.append(
                ComplianceRow(
                    characteristic=ch.name,
                    requirement=requirement_text(ch),
                    unit=ru_format.unit_for(None, ch.unit),
                    instruction=ch.fill_instruction or "",
                    mode=fill_mode(ch),
                    offered=offered,
                    compliant=verdict,
                    reason=reason_text,
                    evidence=_evidence(spec, product),
                    source=ch.origin or "извещение",
                    **base,
                )
            )
    return rows


COLUMNS = [
    ("item_index", "№ позиции", 8),
    ("item_name", "Наименование позиции", 30),
    ("codes", "КТРУ / ОКПД2", 22),
    ("characteristic", "Характеристика", 30),
    ("requirement", "Требование заказчика", 24),
    ("unit", "Ед. изм.", 10),
    ("instruction", "Инструкция по заполнению", 30),
    ("offered", "Предлагаемое значение", 22),
    ("compliant_label", "Соответствие", 12),
    ("reason", "Пояснение", 36),
    ("evidence", "Обоснование (характеристика каталога)", 36),
    ("source", "Источник требования", 28),
    ("trade_mark", "Товарный знак / модель", 24),
    ("country", "Страна происхождения", 16),
    ("registry_number", "Номер реестровой записи", 20),
]
_FILLS = {"no": PatternFill("solid", fgColor="F8D7DA"), "unknown": PatternFill("solid", fgColor="FFF3CD")}


def write_xlsx(rows: list[ComplianceRow], notice: NoticeRecord, path: Path) -> Path:
    """XLSX with every text cell neutralised against formula injection."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Соответствие"
    ws.append([neutralise(f"Таблица соответствия: извещение № {notice.number}. {notice.title or ''}")])
    ws.append([title for _, title, _ in COLUMNS])
    for cell in ws[2]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for row in rows:
        values = []
        for key, _, _ in COLUMNS:
            value = getattr(row, key)
            values.append(value if isinstance(value, int) else neutralise(value))
        ws.append(values)
        for cell in ws[ws.max_row]:
            if isinstance(cell.value, str):
                cell.data_type = "s"
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            if row.compliant in _FILLS:
                cell.fill = _FILLS[row.compliant]
    for index, (_, _, width) in enumerate(COLUMNS, start=1):
        ws.column_dimensions[ws.cell(row=2, column=index).column_letter].width = width
    ws.freeze_panes = "A3"
    ws.auto_filter.ref = f"A2:{ws.cell(row=2, column=len(COLUMNS)).column_letter}{max(ws.max_row, 2)}"
    wb.save(path)
    return path


def groups(rows: list[ComplianceRow]) -> list[dict[str, Any]]:
    """Rows grouped by purchase line, in notice order (for the HTML table)."""
    grouped: dict[int, list[ComplianceRow]] = {}
    for row in rows:
        grouped.setdefault(row.item_index, []).append(row)
    return [{"index": index, "rows": items} for index, items in grouped.items()]


def summary(rows: list[ComplianceRow]) -> dict[str, int]:
    counts = {"yes": 0, "no": 0, "unknown": 0}
    for row in rows:
        counts[row.compliant] = counts.get(row.compliant, 0) + 1
    counts["total"] = len(rows)
    return counts


def flagged_lines(rows: list[ComplianceRow]) -> list[int]:
    """Purchase lines with a characteristic the offered product is not shown to meet."""
    return sorted({row.item_index for row in rows if row.flagged})
