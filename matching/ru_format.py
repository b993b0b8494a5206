"""Numbers, money and units as a Russian reader expects them, for every document a user reads.

Numbers go through babel's ``ru`` locale (decimal comma, thousands grouped with the no-break space babel gives):
``298 800,00 ₽``, ``1,75``. Units are abbreviated when the unit has a usual abbreviation (``5 шт.``, ``1,75 кг``)
and otherwise put in the case the number asks for with pymorphy3 (``3 лицензии``, ``23,8 дюйма``), never the
register's capitalised nominative (``5 Штука``). Used by the digest and the bid package alike.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache
from typing import TYPE_CHECKING

from babel import Locale
from babel.numbers import (
    format_currency,
    format_decimal,
    get_decimal_symbol,
    get_group_symbol,
    get_minus_sign_symbol,
)

LOCALE = "ru_RU"
_LOCALE = Locale.parse(LOCALE)
"""Parsed once: babel parses a locale name on every call, which cost more than the formatting itself."""
NBSP = "\u00a0"
if TYPE_CHECKING:
    import pymorphy3

_SYMBOL_CURRENCIES = frozenset({"RUB", "EUR", "USD"})
"""Shown by their sign (₽ € $); any other currency by its ISO code (``1 311 264,00 MXN``): a reader knows the
code, while babel's local symbols (``MX$``, ``CN¥``) would be guesses."""

# OKEI names (as published, lowercase) -> the usual abbreviation.
UNIT_ABBREVIATIONS: dict[str, str] = {
    "штука": "шт.", "штук": "шт.", "шт": "шт.", "килограмм": "кг", "грамм": "г", "тонна": "т",
    "тонна; метрическая тонна (1000 кг)": "т", "метр": "м", "сантиметр": "см", "миллиметр": "мм",
    "километр": "км", "километр; тысяча метров": "км", "литр": "л", "литр; кубический дециметр": "л", "миллилитр": "мл",
    "квадратный метр": "м²", "метр квадратный": "м²", "кубический метр": "м³", "метр кубический": "м³",
    "погонный метр": "пог. м", "метр погонный": "пог. м", "упаковка": "упак.", "комплект": "компл.",
    "пачка": "пач.", "рулон": "рул.",
    "набор": "наб.", "условная единица": "усл. ед.", "единица": "ед.", "час": "ч", "минута": "мин",
    "сутки": "сут.", "месяц": "мес.", "год": "г.", "лист": "л.", "пара (2 шт.)": "пар", "человеко-час": "чел.-ч",
    "киловатт-час": "кВт·ч", "гигакалория": "Гкал", "мегабайт": "МБ", "гигабайт": "ГБ", "терабайт": "ТБ",
}  # fmt: skip


_DEFINITION = re.compile(r"\s*\([^()]*\)\s*$")


def to_decimal(value: object) -> Decimal | None:
    """A contract decimal string (or Decimal/int) as ``Decimal``; ``None`` and ``""`` stay ``None``."""
    if value is None or value == "":
        return None
    if isinstance(value, Decimal):
        return value
    if isinstance(value, float):
        raise TypeError("money and quantities must not be floats")
    return Decimal(str(value))


def number(value: Decimal | None, places: int | None = None) -> str:
    """``1234567.891`` -> ``1 234 567,891``; with ``places`` rounded half up to that many decimals."""
    if value is None:
        return "—"
    if type(value) is Decimal:
        return _number(str(value), places)  # the exact text as key: Decimal("-0") == Decimal("0") reads apart
    return _format_number(value, places)


@lru_cache(maxsize=65_536)
def _number(text: str, places: int | None) -> str:
    """Memoised: the matcher formats the same few thousand catalogue values hundreds of thousands of times."""
    return _format_number(Decimal(text), places)


def _format_number(value: Decimal, places: int | None) -> str:
    if places is not None:
        value = value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
        if value == 0:
            value = abs(value)  # no "-0,00"
        if value.is_finite():
            return fixed(value)
        pattern = "#,##0" + ("." + "0" * places if places else "")
        return format_decimal(value, format=pattern, locale=_LOCALE)
    value = value.normalize() if value == value.to_integral() else value
    text = format(value, "f")
    decimals = len(text.partition(".")[2].rstrip("0"))
    pattern = "#,##0" + ("." + "#" * decimals if decimals else "")
    return format_decimal(value, format=pattern, locale=_LOCALE)


_FIXED_SYMBOLS = str.maketrans(
    {",": get_group_symbol(_LOCALE), ".": get_decimal_symbol(_LOCALE), "-": get_minus_sign_symbol(_LOCALE)}
)


def fixed(value: Decimal) -> str:
    """A finite decimal with the places it has, as babel's ``#,##0.00…`` pattern writes it in the locale
    (``-1 234 567,89``): Python's grouping with the locale's symbols, ~20× faster than babel's formatter, which
    the matcher's money notes (a few distinct sums per line, thousands per batch) called on every number."""
    return format(value, ",f").translate(_FIXED_SYMBOLS)


@lru_cache(maxsize=64)
def currency_sign(currency: str | None) -> str:
    code = (currency or "RUB").upper()
    if code == "RUR":
        code = "RUB"
    if code in _SYMBOL_CURRENCIES:
        return format_currency(0, code, locale=_LOCALE).split(NBSP)[-1]
    return code


def money(value: Decimal | None, currency: str | None = "RUB") -> str:
    """``298 800,00 ₽``, ``500 000,00 €``, ``1 311 264,00 MXN``; unknown -> ``—``."""
    if value is None:
        return "—"
    return f"{number(value, 2)}{NBSP}{currency_sign(currency)}"


@lru_cache(maxsize=1)
def _morph() -> pymorphy3.MorphAnalyzer:
    import pymorphy3  # its dictionaries only when a unit is put in case (not for plain numbers: crawl reports)

    return pymorphy3.MorphAnalyzer()


@lru_cache(maxsize=4096)
def _agreed(unit: str, count: int | None) -> str:
    """Each Cyrillic word of ``unit`` agreed with ``count`` (``None``: a fraction, genitive singular)."""
    words = []
    for word in unit.split(" "):
        parsed = _morph().parse(word)[0] if word.isalpha() and not word.isascii() else None
        if parsed is None or not ({"NOUN", "ADJF"} & set(parsed.tag.grammemes)):
            words.append(word)
            continue
        inflected = parsed.make_agree_with_number(count) if count is not None else parsed.inflect({"gent", "sing"})
        words.append(inflected.word if inflected is not None else word)
    return " ".join(words)


def unit_for(quantity: Decimal | None, unit: str | None) -> str:
    """The unit as it reads after ``quantity``: abbreviated (``шт.``) or agreed (``лицензии``)."""
    if not unit:
        return ""
    key = " ".join(unit.split()).lower()
    if key in UNIT_ABBREVIATIONS:
        return UNIT_ABBREVIATIONS[key]
    defined = _DEFINITION.sub("", unit).strip()  # OKEI "Дюйм (25,4 мм)": the definition is not read aloud
    if defined and defined != unit.strip():
        return unit_for(quantity, defined)
    if unit.isupper() or any(ch.isdigit() for ch in unit) or unit.isascii():
        return unit  # an abbreviation already (ГБ, Вт, Mbit/s) or a code: kept as published
    lowered = key if unit[:1].isupper() and unit[1:2].islower() else unit
    if quantity is None:
        return lowered
    is_whole = quantity == quantity.to_integral()
    return _agreed(lowered, int(abs(quantity)) if is_whole else None)


def quantity(value: Decimal | None, unit: str | None = None) -> str:
    """``5 шт.``, ``1,75 кг``, ``23,8 дюйма``, ``3 лицензии``; unknown quantity -> ``—``."""
    if value is None:
        return "—"
    if type(value) is Decimal:
        return _quantity(str(value), unit)
    return _format_quantity(value, unit)


@lru_cache(maxsize=65_536)
def _quantity(text: str, unit: str | None) -> str:
    return _format_quantity(Decimal(text), unit)


def _format_quantity(value: Decimal, unit: str | None) -> str:
    word = unit_for(value, unit)
    return f"{number(value)}{NBSP}{word}" if word else number(value)
