"""A count of a product part's own parts written inside the part's spec: «Количество ядер процессора: не менее 16»
against «Процессор: Intel Core i7-13700 (16 ядер, до 5,2 ГГц)».

The spec must be named by the rest of the requirement's name alone («Процессор»), and its value must count the
asked thing once, a number right before the thing's noun («16 ядер»); «6 P-ядер + 8 E-ядер» counts no plain
cores, and two different counts of the thing decide nothing. «каждого» («ядер каждого процессора») asks the count of
one part, which is what the part's spec states («2 × Xeon Silver 4310 (12 ядер)»: 12), as does a name of one part
(«ядер процессора»). A total («Общее количество ядер установленных процессоров», «Суммарное количество ядер
процессоров»: :func:`matching.alignment.in_total`) counts the parts the value's leading multiplier counts: 2 × 12 =
24; a value without one («Intel Xeon E-2334 (4 ядра), 1 шт») is one part. Parts named in the plural without a total
word («Количество ядер процессоров») may ask either: decided only when both readings agree. Parts said to back each
other up («(1+1)») are never summed.
"""

from __future__ import annotations

import re
from functools import lru_cache

from matching.alignment import in_total, named_thing, owners_in_plural, per_unit, redundant, vocabulary
from matching.cards import ProductCard, SpecCard, value_shape
from matching.normalise import lemma
from matching.ranges import in_range
from matching.requirements import Requirement

_COUNTED_RE = re.compile(r"(?<![\w.,/-])(?P<n>\d{1,3})\s+(?P<noun>[а-яё]{3,})(?![\w-])", re.IGNORECASE)
_COUNT = "количество"


@lru_cache(maxsize=16_384)
def _counts(value: str) -> dict[str, frozenset[int]]:
    """The counts a value states by noun lemma ("16 ядер, до 5,2 ГГц" → {"ядро": {16}})."""
    found: dict[str, set[int]] = {}
    for m in _COUNTED_RE.finditer(value):
        found.setdefault(lemma(m.group("noun").lower()), set()).add(int(m.group("n")))
    return {k: frozenset(v) for k, v in found.items()}


def _words(req: Requirement) -> tuple[str, ...]:
    """The name without words saying the count holds for each part («ядер каждого процессора»: one part's)."""
    return tuple(t for t in req.name_tokens if t not in vocabulary().per_unit)


def asks_part_count(req: Requirement) -> bool:
    """A count named by two words after «количество» («ядер процессора», «ядер каждого процессора»): a thing and
    the part owning it."""
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
                return _decide(req, spec, n, _parts(card, spec, owner))
    return None


def _parts(card: ProductCard, spec: SpecCard, owner: str) -> int:
    """How many of the part the card has: the leading multiplier of its spec («2 × Intel Xeon …»), else a count of
    the part of its own («Количество установленных процессоров: 2»), else one."""
    if value_shape(spec.spec.value) == "counted" and spec.quantity is not None:
        return int(spec.quantity.value)
    counts = [s for s in card.specs if named_thing(s.tokens) == {owner} and value_shape(s.spec.value) == "number"]
    return int(counts[0].quantity.value) if len(counts) == 1 and counts[0].quantity is not None else 1


def _decide(req: Requirement, spec: SpecCard, each: int, parts: int) -> tuple[str, str, SpecCard] | None:
    """The count ``each`` of one part, or of all the ``parts`` together, as the requirement's name asks."""
    said = f"в карточке ({spec.spec.name}): {each} — {spec.spec.value}, требуется {req.describe()}"
    if parts == 1 or per_unit(req.name_tokens):
        return ("yes" if in_range(req, float(each)) else "no"), said, spec
    if redundant(spec.spec.value):
        return None  # some parts held in reserve: their total is not what the product gives
    total_ok = in_range(req, float(each * parts))
    total = f"в карточке ({spec.spec.name}): {parts} × {each} = {each * parts}, требуется {req.describe()}"
    if in_total(req.name):
        return ("yes" if total_ok else "no"), total, spec
    each_ok = in_range(req, float(each))
    if not owners_in_plural(req.name) or each_ok == total_ok:
        return ("yes" if each_ok else "no"), said, spec
    return "unknown", f"{spec.spec.value}: требование {req.describe()} к каждому или ко всем? проверьте", spec
