"""Spans against spans: a required range a product must work over ("Диапазон рабочих температур: от -40 до +70 °C",
"Напряжение питания: от 100 до 240 В") is met by an offered range covering it ("-40…+75 °C"), and not by one that
leaves a part of it out ("0 … +70 °C" against "от -40 до +85 °C").

Only when both sides are spans in one dimension: a single offered value ("220 В") is no span, and a required span
with one offered value is the range check's business (a value inside the bounds).
"""

from __future__ import annotations

import re
from functools import lru_cache

from matching.units import make_quantity, unit_info

_SIGNED = r"[-−–+]?\s?\d+(?:[.,]\d+)?"
_SPAN_RE = re.compile(
    rf"(?:(?<![\w])от\s*)?(?P<a>{_SIGNED})\s*(?P<ua>°?\s?[^\W\d_]*\.?)\s*(?:до|…|\.\.\.|–|—|-)\s*(?P<b>{_SIGNED})"
    r"\s*(?P<ub>°?\s?[^\W\d_]+(?:/[^\W\d_]+)?)?",
    re.IGNORECASE,
)


def _number(text: str) -> float:
    return float(re.sub(r"\s", "", text).replace("−", "-").replace("–", "-").replace(",", "."))


@lru_cache(maxsize=65_536)
def span(text: str) -> tuple[float, float, str] | None:
    """The text's one span as (low, high, dimension) in base units, both ends in one unit; None when it has none,
    several, or no unit."""
    found = list(_SPAN_RE.finditer(text))
    if len(found) != 1:
        return None
    m = found[0]
    unit_b = (m.group("ub") or "").replace(" ", "")
    unit_a = (m.group("ua") or "").replace(" ", "").rstrip(".") or unit_b
    info_a, info_b = unit_info(unit_a), unit_info(unit_b)
    if info_a is None or info_b is None or info_a[0] != info_b[0] or info_a[0] in ("count", "percent"):
        return None
    lo, hi = make_quantity(_number(m.group("a")), unit_a), make_quantity(_number(m.group("b")), unit_b)
    if lo.base > hi.base:
        return None
    return lo.base, hi.base, info_a[0]


def span_covers(required: str, offered: str) -> bool | None:
    """Whether the offered span covers the required one; None unless both are spans of one dimension."""
    want, have = span(required), span(offered)
    if want is None or have is None or want[2] != have[2]:
        return None
    return have[0] <= want[0] + 1e-9 and have[1] >= want[1] - 1e-9
