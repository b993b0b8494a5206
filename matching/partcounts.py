"""A count of a product part's own parts written inside the part's spec: «Количество ядер процессора: не менее 16»
against «Процессор: Intel Core i7-13700 (16 ядер, до 5,2 ГГц)».

The spec must be named by the rest of the requirement's name alone («Процессор»), and its value must count the
asked thing once, a number right before the thing's noun («16 ядер»); «6 P-ядер + 8 E-ядер» counts no plain
cores, and two different counts of the thing decide nothing.
"""

from __future__ import annotations

import re
from functools import lru_cache

from matching.alignment import per_unit
from matching.cards import ProductCard, SpecCard
from matching.normalise import lemma
from matching.ranges import in_range
from matching.requirements import Requirement

_COUNTED_RE = re.compile(r"(?<![\w.,/-])(?P<n>\d{1,3})\s+(?P<noun>[а-яё]{3,})(?![\w-])", re.IGNORECASE)
_COUNT = "количество"


def _words(req: Requirement) -> tuple[str, ...]:
    return tuple(t for t in req.name_tokens if not per_unit((t,)))


@lru_cache(maxsize=16_384)
def _counts(value: str) -> dict[str, frozenset[int]]:
    """The counts a value states by noun lemma ("16 ядер, до 5,2 ГГц" → {"ядро": {16}})."""
    found: dict[str, set[int]] = {}
    for m in _COUNTED_RE.finditer(value):
        found.setdefault(lemma(m.group("noun").lower()), set()).add(int(m.group("n")))
    return {k: frozenset(v) for k, v in found.items()}


def asks_part_count(req: Requirement) -> bool:
    """A count named by two words after «количество» («ядер процессора»): a thing and the part owning it; «каждого»
    («ядер каждого процессора») says the count is of one part, as the part's spec states it."""
    words = _words(req)
    return req.kind == "range" and req.dimension in (None, "count") and len(words) == 3 and words[0] == _COUNT


def part_count(req: Requirement, card: ProductCard) -> tuple[str, str, SpecCard] | None:
    """("yes" | "no", reason, spec) when one spec named by the owner states one count of the asked thing. Only
    for a requirement :func:`asks_part_count` accepted."""
    rest = _words(req)[1:]
    for thing, owner in ((rest[0], rest[1]), (rest[1], rest[0])):
        for spec in card.specs:
            if spec.tokens != {owner}:
                continue
            counts = _counts(spec.spec.value).get(thing)
            if counts and len(counts) == 1:
                (n,) = counts
                said = f"в карточке ({spec.spec.name}): {n} — {spec.spec.value}, требуется {req.describe()}"
                return ("yes" if in_range(req, float(n)) else "no"), said, spec
    return None
