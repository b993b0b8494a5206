"""Numbers with units: parse ``"1 Гбит/с"``, ``"2,5 ТБ"``, ``"27\\""`` and convert to a base unit per dimension.

The table is ``matching/data/units.json``. Storage uses decimal prefixes (1 ТБ = 1000 ГБ) as vendors label drives
and memory; binary units (ГиБ, ТиБ) are separate entries. Two quantities compare only within one dimension.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"


@dataclass(frozen=True, slots=True)
class Quantity:
    value: float
    unit: str | None
    dimension: str | None
    base: float
    """``value`` in the base unit of ``dimension`` (``value`` when the unit is unknown)."""


@lru_cache(maxsize=1)
def _unit_table() -> dict[str, tuple[str, float]]:
    data = json.loads((DATA_DIR / "units.json").read_text(encoding="utf-8"))
    return {key: (dim, float(factor)) for key, (dim, factor) in data["units"].items()}


def _unit_key(unit: str) -> str:
    key = unit.strip().lower().replace("ё", "е").replace("²", "2").replace("\u00a0", " ")
    key = re.sub(r"\s*/\s*", "/", key)
    key = re.sub(r"\s*[·*.]\s*(?=[чh]$)", "·", key)
    return key.rstrip(".").strip()


@lru_cache(maxsize=10_000)
def unit_info(unit: str | None) -> tuple[str, float] | None:
    """(dimension, factor to base) of a unit as written, or None when unknown."""
    if not unit:
        return None
    table = _unit_table()
    key = _unit_key(unit)
    for candidate in (key, key.replace(" ", ""), key.split("(")[0].strip(), key.split(";")[0].strip()):
        if candidate in table:
            return table[candidate]
    return None


def unit_keys() -> list[str]:
    """Every unit spelling of the table (lowercase)."""
    return list(_unit_table())


def _sorted_units() -> list[str]:
    return sorted(_unit_table(), key=len, reverse=True)


@lru_cache(maxsize=1)
def _quantity_re() -> re.Pattern[str]:
    units = "|".join(re.escape(u) for u in _sorted_units())
    return re.compile(
        r"(?<![\w.])(\d+(?:[.,]\d+)?)\s*(" + units + r")?(?![а-яa-z0-9])",
        re.IGNORECASE,
    )


def make_quantity(value: float, unit: str | None) -> Quantity:
    info = unit_info(unit)
    if info is None:
        return Quantity(value, unit, None, value)
    dim, factor = info
    return Quantity(value, unit, dim, value * factor)


def _to_number(text: str) -> float:
    return float(text.replace(",", "."))


_THOUSANDS_RE = re.compile(r"(?<=\d)[\s\u00a0\u202f](?=\d{3}(?!\d))")
"""A space between digit groups of one number ("60 000", "2 000 000")."""


@lru_cache(maxsize=1)
def _multipliers() -> tuple[re.Pattern[str], float, frozenset[str]]:
    data = json.loads((DATA_DIR / "units.json").read_text(encoding="utf-8"))["count_multipliers"]
    letters = "".join(data["letters"])
    nouns = "|".join(data["nouns"])
    pattern = re.compile(
        rf"(?<![\w.,])(\d{{1,3}})[{letters}](?:(?=\s+(?:{nouns}))|(?P<bare>(?=\s*(?:$|[;,)]))))", re.IGNORECASE
    )
    return pattern, float(data["factor"]), frozenset(str(n) for n in data["bare"])


def expand_multipliers(text: str) -> str:
    """Thousands written with a letter ("16K записей", a bare "32K"): the number they mean ("16000 записей")."""
    pattern, factor, bare = _multipliers()

    def expanded(m: re.Match[str]) -> str:
        if m.group("bare") is not None and m.group(1) not in bare:
            return m.group(0)
        return str(int(int(m.group(1)) * factor))

    return pattern.sub(expanded, text) if "k" in text.lower() or "к" in text.lower() else text


@lru_cache(maxsize=1)
def _calendar_years() -> tuple[frozenset[str], int, int]:
    data = json.loads((DATA_DIR / "units.json").read_text(encoding="utf-8"))["calendar_years"]
    return frozenset(data["words"]), int(data["from"]), int(data["to"])


def is_calendar_year(number: str, unit: str | None) -> bool:
    """«2024 года», «с 2025 года»: a date, not a duration of 2024 years (``units.json`` ``calendar_years``)."""
    if unit is None or not number.isdigit():
        return False
    words, first, last = _calendar_years()
    return first <= int(number) <= last and _unit_key(unit) in words


@lru_cache(maxsize=50_000)
def parse_quantities(text: str) -> tuple[Quantity, ...]:
    """Every number in the text with the unit written right after it (if any); a calendar year is none."""
    text = _THOUSANDS_RE.sub("", expand_multipliers(text.replace("ё", "е")))  # "2 000 000": every group
    found = []
    for match in _quantity_re().finditer(text):
        if not is_calendar_year(match.group(1), match.group(2)):
            found.append(make_quantity(_to_number(match.group(1)), match.group(2)))
    return tuple(found)


def first_quantity(text: str, default_unit: str | None = None) -> Quantity | None:
    """The first number of a value (``"24"``, ``"370 Вт"``); a bare number takes ``default_unit``."""
    quantities = parse_quantities(text)
    if not quantities:
        return None
    # "19\" стоечное 1U": 19" is the rack standard's width, the height in units is what the value says.
    q = next((x for x in quantities if x.dimension == "rack_units"), quantities[0])
    if q.dimension is None and default_unit:
        return make_quantity(q.value, default_unit)
    return q


def format_base(q: Quantity) -> str:
    """A canonical token for a quantity (``rate1000000000``), so 1 Гбит/с and 1000 Мбит/с index alike."""
    base = round(q.base, 6)
    text = str(int(base)) if base == int(base) else f"{base:g}"
    return f"{q.dimension}{text}" if q.dimension else text


def replace_quantities(text: str) -> str:
    """Replace every number written with a known unit by its canonical token (see :func:`format_base`)."""

    def repl(match: re.Match[str]) -> str:
        if not match.group(2) or is_calendar_year(match.group(1), match.group(2)):
            return match.group(0)
        q = make_quantity(_to_number(match.group(1)), match.group(2))
        return f" {format_base(q)} " if q.dimension else match.group(0)

    return _quantity_re().sub(repl, text)


_MEASURE_RE = re.compile(r"(\d+(?:[.,]\d+)?)\s*([^\d\s,;()]+)")


def one_measure(value: str) -> bool:
    """One number with its unit and nothing else ("3 м", "54 Вт·ч"; not "2 шт", a count): as plain as a bare number."""
    m = _MEASURE_RE.fullmatch(value)
    info = unit_info(m.group(2)) if m else None
    return info is not None and info[0] != "count"
