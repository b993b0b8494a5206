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

import json
import re
from functools import lru_cache

from matching.alignment import in_total, named_thing, owners_in_plural, per_unit, redundant, vocabulary
from matching.cards import ProductCard, SpecCard, value_shape
from matching.normalise import lemma, tokens
from matching.ranges import in_range
from matching.requirements import Requirement
from matching.units import DATA_DIR

_COUNTED_RE = re.compile(r"(?<![\w.,/-])(?P<n>\d{1,3})\s+(?P<noun>[а-яё]{3,})(?![\w-])", re.IGNORECASE)
_COUNT = "количество"
_BOUNDED_RE = re.compile(r"(?:не\s+)?(?:менее|более|от|до|свыше|минимум|максимум)\s*$", re.IGNORECASE)


@lru_cache(maxsize=16_384)
def _counts(value: str) -> dict[str, frozenset[int]]:
    """The counts a value states by noun lemma ("16 ядер, до 5,2 ГГц" → {"ядро": {16}})."""
    found: dict[str, set[int]] = {}
    bounded: set[str] = set()
    for m in _COUNTED_RE.finditer(value):
        noun = lemma(m.group("noun").lower())
        if _BOUNDED_RE.search(value[: m.start()]):
            bounded.add(noun)  # "не менее 4 ядер" bounds the count, never states it: 6 cores may be there
        found.setdefault(noun, set()).add(int(m.group("n")))
    return {k: frozenset(v) for k, v in found.items() if k not in bounded}


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
        for spec in owner_specs(card, owner):
            counts = _counts(spec.spec.value).get(thing)
            if counts and len(counts) == 1:
                (n,) = counts
                return _decide(req, spec, n, _parts(card, spec, owner))
    return None


def owner_specs(card: ProductCard, owner: str) -> list[SpecCard]:
    """The specs named by the owner alone («Процессор»); without one, the one spec whose value names a model of
    the owner (`alignment.json` `part_models`: «Платформа: Intel Core i7-13700 (16 ядер …)»)."""
    named = [spec for spec in card.specs if spec.tokens == {owner}]
    if named:
        return named
    models = _models().get(owner)
    by_value = [spec for spec in card.specs if models and not models.isdisjoint(spec.value_tokens)]
    return by_value if len(by_value) == 1 else []


@lru_cache(maxsize=1)
def _models() -> dict[str, frozenset[str]]:
    data = json.loads((DATA_DIR / "alignment.json").read_text(encoding="utf-8"))["part_models"]
    owners = {owner: words for owner, words in data.items() if owner[0] != "_"}
    return {lemma(owner): frozenset(t for w in words for t in tokens(w)) for owner, words in owners.items()}


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
