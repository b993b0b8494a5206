"""A specification table's value cell (+ unit cell) as a :class:`store.schema.Characteristic`.

This is the minimal, table-cell mapping: bounds written as «не менее 24», «от 8 до 16», «≥ 370», «менее 5»,
«10 - 20», an exact number, presence («наличие»), alternatives («A или B», «A; B»); anything else stays free
text (kind ``text``) for the matcher's free-text requirement parser (``matching/requirements.py``), which
``matching/attachments.py`` applies when it is available.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from store.schema import Characteristic

_NUMBER = r"(\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)"
_UNIT_TAIL = r"\s*([^\d\s;,][^\d;]{0,20}?)?\s*\.?"

# (pattern, bound, inclusive): order matters, «не менее» before «менее».
_BOUNDS: tuple[tuple[str, str, bool], ...] = (
    (r"не\s+менее|не\s+меньше|не\s+ниже|минимум|min\.?|≥|>=|=>", "min", True),
    (r"не\s+более|не\s+больше|не\s+выше|не\s+свыше|максимум|max\.?|≤|<=|=<", "max", True),
    (r"более|больше|свыше|выше|>", "min", False),
    (r"менее|меньше|ниже|<", "max", False),
)
_BOUND_RE = [(re.compile(rf"^(?:{words})\s*{_NUMBER}{_UNIT_TAIL}$", re.I), bound, inc) for words, bound, inc in _BOUNDS]
_RANGE_RE = re.compile(rf"^(?:от\s+)?{_NUMBER}{_UNIT_TAIL}\s*(?:до|-|–|—|\.\.\.?)\s*{_NUMBER}{_UNIT_TAIL}$", re.I)
_FROM_RE = re.compile(rf"^от\s+{_NUMBER}{_UNIT_TAIL}$", re.I)
_UPTO_RE = re.compile(rf"^до\s+{_NUMBER}{_UNIT_TAIL}$", re.I)
_EXACT_RE = re.compile(rf"^(?:=\s*)?{_NUMBER}{_UNIT_TAIL}$", re.I)
_PRESENCE = frozenset({"наличие", "есть", "да", "имеется", "требуется", "обязательно", "поддержка"})
_ALTERNATIVES = re.compile(r"\s*;\s*|\s+или\s+", re.I)
_CONNECTIVE = re.compile(r"\s*(?:;|,?\s+и\s+)\s*", re.I)


def number(text: str) -> str | None:
    cleaned = re.sub(r"[ \u00a0\u202f]", "", text).replace(",", ".")
    try:
        return format(Decimal(cleaned), "f")
    except InvalidOperation:
        return None


def _unit(found: str | None, given: str | None) -> str | None:
    if given and given.strip():
        return given.strip()
    if found and found.strip(" .") and not re.search(r"[<>≤≥=]", found):
        return found.strip(" .")
    return None


def _bounds(text: str) -> tuple[dict[str, object], str | None] | None:
    """Bounds of one numeric constraint (``{"min": .., "min_inclusive": ..}``, unit found), or None."""
    text = text.strip().rstrip(".").strip()
    if match := _RANGE_RE.match(text):
        low, unit_low, high, unit_high = match.groups()
        return {"min": number(low), "min_inclusive": True, "max": number(high), "max_inclusive": True}, (
            unit_high or unit_low
        )
    for pattern, bound, inclusive in _BOUND_RE:
        if match := pattern.match(text):
            return {bound: number(match.group(1)), f"{bound}_inclusive": inclusive}, match.group(2)
    if match := _FROM_RE.match(text):
        return {"min": number(match.group(1)), "min_inclusive": True}, match.group(2)
    if match := _UPTO_RE.match(text):
        return {"max": number(match.group(1)), "max_inclusive": True}, match.group(2)
    if match := _EXACT_RE.match(text):
        value = number(match.group(1))
        return {"min": value, "min_inclusive": True, "max": value, "max_inclusive": True}, match.group(2)
    return None


def cell_characteristic(
    name: str, value: str, unit: str | None = None, instruction: str | None = None
) -> Characteristic:
    """Map one specification row to a characteristic; never fails (unknown forms become ``text``)."""
    value = " ".join(value.split())
    common = {"name": name.strip(), "fill_instruction": instruction or None}
    # One bound, or several joined by «;» / «и» («не менее 8; не более 16»).
    parts = [part for part in _CONNECTIVE.split(value) if part]
    found = [_bounds(part) for part in parts] if parts else []
    if found and all(found):
        merged: dict[str, object] = {}
        units = []
        for bounds, found_unit in found:  # type: ignore[misc]
            merged.update(bounds)
            units.append(found_unit)
        return Characteristic(kind="range", unit=_unit(next((u for u in units if u), None), unit), **merged, **common)
    lowered = value.lower().strip(" .")
    if lowered in _PRESENCE:
        return Characteristic(kind="values", unit=unit or None, values=["наличие"], **common)
    alternatives = [part.strip(" .") for part in _ALTERNATIVES.split(value) if part.strip(" .")]
    if 1 < len(alternatives) <= 20 and all(len(part) <= 60 for part in alternatives):
        return Characteristic(kind="values", unit=unit or None, values=alternatives, **common)
    if value and len(value) <= 60 and not re.search(r"\d", value) and " " not in value.strip():
        return Characteristic(kind="values", unit=unit or None, values=[value.strip(" .")], **common)
    return Characteristic(kind="text", unit=unit or None, text=value or None, **common)
