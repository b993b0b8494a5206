"""A limit a requirement's name asks («Предельная плотность бумаги», «Минимальная температура») stated by a spec of
the plain name as a range («Плотность бумаги: 52–300 г/м²»: the upper end is the limit, the lower end the minimum) or
an upper bound («до 300 г/м²»). A single value states no limit: «Оперативная память: 128 ГБ» is no «Максимальный
объем оперативной памяти» (`alignment.json` `scope_qualifiers`)."""

from __future__ import annotations

import re
from functools import lru_cache

from matching.alignment import vocabulary
from matching.units import Quantity, make_quantity, parse_quantities

_RANGE_RE = re.compile(
    r"^\s*(?:от\s*)?(?P<lo>\d+(?:[.,]\d+)?)\s*(?P<lo_unit>[^\d\s–—-]*)\s*(?:[–—-]|\.{2,3}|…|до)\s*(?P<hi>\d+(?:[.,]\d+)?)"
    r"\s*(?P<unit>[^\s,;()]*)\s*$",
    re.IGNORECASE,
)
_UP_TO_RE = re.compile(
    r"^\s*(?:[^\W\d_]+(?:-[^\W\d_]+)?\s+)?до\s+(?P<hi>\d+(?:[.,]\d+)?)\s*(?P<unit>[^\s,;()]*)\s*(?:\([^()]*\))?\s*$",
    re.IGNORECASE,
)
"""«до 300 г/м²», also with a remark in brackets («до 1775 Мбит/с (574 + 1201)»: the sum of two bands) or after one
word naming the kind bounded («microSD до 256 ГБ»: the largest card taken)."""


def asked_limit(name_tokens: tuple[str, ...] | frozenset[str], spec_tokens: frozenset[str]) -> str | None:
    """ "upper" or "lower" when the requirement's name asks a limit the spec's name does not name, else None."""
    v = vocabulary()
    words = set(name_tokens) - spec_tokens
    if words & v.limit_words:
        return None if words & v.low_limit_words else "upper"
    return "lower" if words & v.low_limit_words else None


@lru_cache(maxsize=16_384)
def limit_of(value: str, side: str) -> Quantity | None:
    """The end of a range value («52–300 г/м²», «от 10 до 35 °C») on the asked side, or the bound of «до 300 г/м²»
    for the upper side; None for any other value (a single number states no limit)."""
    m = _RANGE_RE.match(value)
    if m is not None:
        unit = m.group("unit") or None
        if m.group("lo_unit") and m.group("lo_unit") != m.group("unit"):
            return None
        number = m.group("hi") if side == "upper" else m.group("lo")
        found = parse_quantities(f"{number} {unit}" if unit else number)
        return found[0] if found else make_quantity(float(number.replace(",", ".")), None)
    m = _UP_TO_RE.match(value)
    if m is not None and side == "upper":
        found = parse_quantities(f"{m.group('hi')} {m.group('unit')}".strip())
        return found[0] if found else None
    return None
