"""KTRU and text-form characteristics of EIS purchase objects -> contract 4.1 ``Characteristic`` dicts.

A ``characteristics`` element holds ``characteristicsUsingReferenceInfo`` (taken from the KTRU position)
and ``characteristicsUsingTextForm`` (added by the customer), each with ``name``, ``values/value``
(``qualityDescription`` | ``valueSet/concreteValue`` | ``rangeSet/valueRange/{minMathNotation, min,
maxMathNotation, max}``, with an ``OKEI`` unit) and ``characteristicsFillingInstruction/name``.

Mapping: a range -> kind "range" (``greaterOrEqual``/``lessOrEqual`` inclusive, ``greater``/``less``
exclusive); concrete values and qualitative values -> kind "values"; a single qualitative value that is
itself a requirement sentence ("не менее 200 000 часов", "≥1000:1") or a long text -> kind "text";
non-numeric bounds -> kind "text". Unknown parts are omitted (the model's None defaults).

This is the parser's hot loop (hundreds of characteristics per ICT notice): one C-level ``iter()`` over
the wanted tags of the whole ``characteristics`` subtree, instead of a Python walk per characteristic.
The tree must come from :func:`crawlers.parsers.xmlsafe.parse_xml` (no comments / PIs / entities).
"""

from __future__ import annotations

import re
from typing import Any

from lxml import etree

from crawlers.parsers.eis_values import clean, decimal

_MIN_INCLUSIVE = {"greaterOrEqual": True, "greater": False}
_MAX_INCLUSIVE = {"lessOrEqual": True, "less": False}
_REQUIREMENT_TEXT = re.compile(
    r"\b(?:не\s+(?:менее|более|ниже|выше|хуже|меньше|больше)|от\s+\d[\d\s,.]*\s*до)\b|[≥≤]|>=|<=",
    re.IGNORECASE,
)

_MARK, _NAME, _VALUE, _BOUND, _NATIONAL, _UNIT, _FILL = range(7)
_KINDS = {
    "characteristicsUsingReferenceInfo": _MARK,
    "characteristicsUsingTextForm": _MARK,
    "name": _NAME,
    "qualityDescription": _VALUE,
    "concreteValue": _VALUE,
    "min": _BOUND,
    "max": _BOUND,
    "minMathNotation": _BOUND,
    "maxMathNotation": _BOUND,
    "nationalCode": _NATIONAL,
    "OKEI": _UNIT,
    "characteristicsFillingInstruction": _FILL,
}
_STREAM = tuple("{*}" + name for name in _KINDS)
# Namespaced tag -> (kind, local name): the few namespaces seen make this tiny, and it spares slicing
# every tag string in the loop.
_BY_TAG: dict[str, tuple[int, str]] = {}


def _classify(tag: str) -> tuple[int, str]:
    local = tag[tag.find("}") + 1 :]
    found = (_KINDS[local], local)
    if len(_BY_TAG) < 256:  # bounded: a hostile document may invent namespaces
        _BY_TAG[tag] = found
    return found


class _Raw:
    __slots__ = ("bounds", "fill", "name", "national", "unit", "values")

    def __init__(self) -> None:
        self.name: str | None = None
        self.unit: str | None = None
        self.national: str | None = None
        self.fill: str | None = None
        self.values: list[str] = []
        self.bounds: dict[str, str | None] | None = None


def parse_characteristics(holder: etree._Element | None) -> list[dict[str, Any]]:
    """All characteristics of a ``characteristics`` element, in document order."""
    if holder is None:
        return []
    found: list[_Raw] = []
    current: _Raw | None = None
    # Whose ``name`` comes next: the characteristic's (right after its start, as the schema orders it),
    # its unit's (after ``OKEI``) or its filling instruction's.
    owner = _MARK
    by_tag = _BY_TAG
    for node in holder.iter(*_STREAM):
        tag = node.tag
        kind, local = by_tag.get(tag) or _classify(tag)
        if kind == _MARK:
            current = _Raw()
            found.append(current)
            owner = _MARK
        elif current is None:
            continue
        elif kind == _VALUE:
            if node.text:
                current.values.append(node.text)
        elif kind == _NAME:
            if owner == _MARK:
                current.name = node.text
            elif owner == _UNIT:
                current.unit = current.unit or node.text
            elif owner == _FILL:
                current.fill = node.text
            owner = _NAME
        elif kind == _BOUND:
            if current.bounds is None:
                current.bounds = {}
            current.bounds.setdefault(local, node.text)
        elif kind == _NATIONAL:
            current.national = current.national or node.text
        else:  # OKEI or filling instruction: their ``name`` follows
            owner = kind
    return [parsed for parsed in map(_finish, found) if parsed is not None]


def _finish(raw: _Raw) -> dict[str, Any] | None:
    name = clean(raw.name)
    if not name:
        return None
    result: dict[str, Any] = {"name": name}
    unit = clean(raw.unit) or clean(raw.national)
    if unit:
        result["unit"] = unit
    fill = clean(raw.fill)
    if fill:
        result["fill_instruction"] = fill
    bounds = raw.bounds
    if bounds is not None:
        low, high = _strip(bounds.get("min")), _strip(bounds.get("max"))
        low_value, high_value = decimal(low), decimal(high)
        if (low and low_value is None) or (high and high_value is None):  # non-numeric bounds
            result["kind"] = "text"
            result["text"] = " – ".join(v for v in (low, high) if v)
            return result
        result["kind"] = "range"
        if low:
            result["min"] = low_value
            inclusive = _MIN_INCLUSIVE.get(_strip(bounds.get("minMathNotation")) or "")
            if inclusive is not None:
                result["min_inclusive"] = inclusive
        if high:
            result["max"] = high_value
            inclusive = _MAX_INCLUSIVE.get(_strip(bounds.get("maxMathNotation")) or "")
            if inclusive is not None:
                result["max_inclusive"] = inclusive
        return result
    values = [value for value in map(clean, raw.values) if value]
    if len(values) == 1 and (len(values[0]) > 150 or _REQUIREMENT_TEXT.search(values[0])):
        result["kind"] = "text"
        result["text"] = values[0]
        return result
    result["kind"] = "values"
    result["values"] = values
    return result


def _strip(value: str | None) -> str | None:
    if value is None:
        return None
    return value.strip() or None
