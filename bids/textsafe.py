"""Untrusted text going into DOCX/XLSX: strip XML-illegal control characters, neutralise spreadsheet formulas."""

from __future__ import annotations

import re

_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"^[-+]?\d+(?:[.,]\d+)?$")


def clean(text: object) -> str:
    """Text safe for an XML document part (python-docx / openpyxl refuse control characters)."""
    if text is None:
        return ""
    return _ILLEGAL.sub("", str(text))


def neutralise(text: object) -> str:
    """Spreadsheet-safe cell text: a leading ``= + - @`` (tab, CR) gets a ``'`` so it is never a formula.

    Plain signed numbers ("-20") cannot be formulas and are left as they are.
    """
    value = clean(text)
    if value.startswith(_FORMULA_START) and not _PLAIN_NUMBER.match(value):
        return "'" + value
    return value
