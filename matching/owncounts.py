"""A count of a thing the card states as a multiple in the thing's own spec: «Количество процессоров: не менее 2» or
«два процессора» in a line's name against «Процессоры: 2 × Intel Xeon Silver 4310 (12 ядер, …)»; «Количество блоков
питания» against «Блоки питания: 2 × 1200 Вт, горячая замена».

The spec's name must be the counted thing alone, and its value one multiple («N × …») at its head, with no other
multiple outside brackets («24 × RJ-45, 4 × SFP» counts two kinds: nothing is decided). A value without a multiple
(«Процессор: Intel Xeon Silver 4310») proves no count.
"""

from __future__ import annotations

import re

from matching.cards import ProductCard, SpecCard
from matching.ranges import in_range
from matching.requirements import Requirement

_COUNT = "количество"
_HEAD_RE = re.compile(r"^\s*(?P<n>\d{1,3})\s*[×xх*]\s*(?=\S)", re.IGNORECASE)
_MULTIPLE_RE = re.compile(r"(?<![\w.,])\d{1,3}\s*[×xх*]\s*(?=\S)", re.IGNORECASE)
_BRACKETED_RE = re.compile(r"\([^()]*\)")


def asks_own_count(req: Requirement) -> bool:
    """A count of one thing («Количество процессоров», «два процессора»): «количество» and the thing's words."""
    words = req.name_tokens
    return req.kind == "range" and req.dimension in (None, "count") and len(words) >= 2 and words[0] == _COUNT


def _multiple(value: str) -> int | None:
    """N of a value that is one multiple «N × …» (brackets aside); None for any other value."""
    m = _HEAD_RE.match(value)
    if m is None or len(_MULTIPLE_RE.findall(_BRACKETED_RE.sub(" ", value))) != 1:
        return None
    return int(m.group("n"))


def own_count(req: Requirement, card: ProductCard) -> tuple[str, str, SpecCard] | None:
    """("yes" | "no", reason, spec) when the card's one spec named by the counted thing states it as a multiple.
    Only for a requirement :func:`asks_own_count` accepted."""
    thing = frozenset(req.name_tokens[1:])
    found = [(s, n) for s in card.specs if s.tokens == thing and (n := _multiple(s.spec.value)) is not None]
    if len(found) != 1:
        return None
    ((spec, n),) = found
    said = f"в карточке ({spec.spec.name}): {n} — {spec.spec.value}, требуется {req.describe()}"
    return ("yes" if in_range(req, float(n)) else "no"), said, spec
