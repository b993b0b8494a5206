"""Which product spec a characteristic of the notice talks about.

Names are compared as weighted token sets (weights = inverse document frequency over the catalogue's spec
names, so ``количество`` counts little and ``sfp`` much), with synonyms already folded by normalisation and a
fuzzy fallback for typos; the unit's dimension must agree when both sides have one.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

from rapidfuzz import fuzz

from matching.alignment import adds_only_body, missing_qualifiers, named_thing, vocabulary
from matching.cards import ProductCard, Signature, SpecCard, stated_units, value_shape
from matching.normalise import implied, tables, tokens
from matching.requirements import Requirement
from matching.units import unit_info
from matching.values import is_unlimited

MIN_SPEC_SCORE = 0.5
FALLBACK_SCORE = 0.5
"""A spec chosen among several of the requirement's dimension by a weak name match: probably the one."""
UNIQUE_DIMENSION_SCORE = 0.7
"""The product's only spec measured in the requirement's unit (kVA, inches, TB): surely the one."""
SURE_SPEC_SCORE = 0.65
"""Below this a spec is only probably the one meant: a failed check on it is reported as unknown."""
NOT_A_QUANTITY = 0.6
"""Factor on the name score of a spec whose value is not a quantity when a number is asked (or a number when a
word is asked): probably another thing of the same name."""


class SpecVocabulary:
    """IDF weights of spec-name tokens over a catalogue (hashed by identity, for memoisation)."""

    __hash__ = object.__hash__

    def __init__(self, cards: Iterable[ProductCard]) -> None:
        counts: Counter[str] = Counter()
        total = 0
        cards_list = list(cards)
        for card in cards_list:
            for spec in card.specs:
                counts.update(spec.tokens)
                total += 1
        self.total = max(total, 1)
        self.counts = counts
        known: set[str] = set()
        for card in cards_list:
            known |= card.bag
        self.known = frozenset(known)
        """Every token of the catalogue (names, spec names, values): words a product card can contain."""

    def weight(self, token: str) -> float:
        return math.log(1 + self.total / (1 + self.counts.get(token, 0)))


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def partial_hit(token: str, others: frozenset[str]) -> bool:
    """Same stem (``пакетный`` ~ ``пакет``) or a typo (``коммутотор`` ~ ``коммутатор``)."""
    if len(token) < 4 or token[0].isdigit():
        return False
    for other in others:
        if len(other) < 4 or other[0].isdigit():
            continue
        prefix = _common_prefix(token, other)
        if prefix >= 4 and prefix >= 0.8 * min(len(token), len(other)):
            return True
        if min(len(token), len(other)) >= 5 and fuzz.ratio(token, other) >= 86:
            return True
    return False


@lru_cache(maxsize=1)
def _conflict_groups() -> tuple[frozenset[str], ...]:
    groups = []
    for group in tables().conflicts:
        members = {tokens(m)[-1] for m in group if tokens(m)}
        groups.append(frozenset(members))
    return tuple(groups)


def conflicts(a: Iterable[str], b: Iterable[str]) -> bool:
    """Both sides name a qualifier of one family and they differ (SFP+ against RJ-45, DDR4 against DDR5).
    ``a`` is what is required, ``b`` what is offered (with what it includes: SFP+ offers SFP)."""
    return conflicting_named(named_qualifiers(set(a)), implied(set(b)))


def named_qualifiers(a: set[str] | frozenset[str]) -> tuple[tuple[frozenset[str], frozenset[str]], ...]:
    """The qualifier families ``a`` names, each with the qualifiers it names (most lines name none): a caller
    that checks one line against many products prepares them once for :func:`conflicting_named`."""
    return tuple((group, frozenset(named)) for group in _conflict_groups() if (named := a & group))


def conflicting_named(named: tuple[tuple[frozenset[str], frozenset[str]], ...], offered: frozenset[str]) -> bool:
    """:func:`conflicts` of the families :func:`named_qualifiers` found on the required side, against the offered
    side with its included tokens added already (a caller that checks one product against many lines prepares
    them once)."""
    for group, qa in named:
        qb = offered & group
        if qb and not qa & qb:
            return True
    return False


def name_similarity(req_tokens: tuple[str, ...], spec_tokens: frozenset[str], vocab: SpecVocabulary) -> float:
    """Half weighted Dice, half containment of the requirement's tokens (0..1); typos and stems tolerated."""
    a = set(req_tokens)
    if not a or not spec_tokens:
        return 0.0
    wa = sum(vocab.weight(t) for t in a)
    wb = sum(vocab.weight(t) for t in spec_tokens)
    common = 0.0
    for t in a:
        if t in spec_tokens:
            common += vocab.weight(t)
        elif partial_hit(t, spec_tokens):
            common += 0.85 * vocab.weight(t)
    dice = min(1.0, 2 * common / (wa + wb))
    containment = min(1.0, common / wa)
    score = 0.5 * dice + 0.5 * containment
    if conflicts(a, spec_tokens) or missing_qualifiers(req_tokens, spec_tokens):
        score *= 0.3
    return score


GENERIC_NAME_WORDS = frozenset({"наличие", "поддержка", "возможность", "функция", "механизм", "тип", "вид"})
PER_UNIT = vocabulary().per_unit
WEIGHTLESS = vocabulary().weightless
DIMENSION_NAMES = vocabulary().dimension_names
LIMIT_WORDS = vocabulary().limit_words | vocabulary().low_limit_words
"""Words bounding each of several things ("каждого"): they say how to read a value, not which spec holds it."""
UPPER_LIMIT_WORDS = vocabulary().limit_words
LIMITS_BY_NATURE = vocabulary().limits
"""Things whose value is an upper limit by nature ("Дальность: 10 км" is the maximum reach)."""


def spec_score(req: Requirement, spec: SpecCard, vocab: SpecVocabulary) -> float:
    q = spec.quantity
    numeric_values = any(v.strip()[:1].isdigit() for v in req.values)
    has_quantity = q is not None or is_unlimited(spec.spec.value)
    entry = (spec.tokens, q.dimension if q else None, has_quantity, spec.value_clean.replace(".", "").isdigit(),
             value_shape(spec.spec.value), stated_units(spec))  # fmt: skip
    return _entry_score(req.name_tokens, req.kind, req.dimension, numeric_values, entry, vocab)


def _entry_score(name_tokens, kind, dimension, numeric_values, entry, vocab: SpecVocabulary) -> float:
    spec_tokens, q_dimension, has_quantity, numeric_value, shape, _ = entry
    if _same_thing(name_tokens, spec_tokens, kind, dimension, shape):
        score = 1.0  # "Количество портов HDMI" is "HDMI: 2", "Объем оперативной памяти" is "Оперативная память"
    else:
        # Words that say how to read a value, or never change which one is meant ("Номинальная мощность" is the
        # card's "Мощность"), do not tell which spec holds it.
        # A limit asked of a range ("Предельная плотность бумаги" on "52–300 г/м²") is the range's end.
        limits = LIMIT_WORDS if shape == "range" else frozenset()
        if not limits and not spec_tokens.isdisjoint(LIMITS_BY_NATURE):
            limits = UPPER_LIMIT_WORDS  # "Максимальная дальность передачи" is the card's "Дальность: 10 км"
        name = tuple(t for t in name_tokens if t not in GENERIC_NAME_WORDS and t not in PER_UNIT and t not in limits
                     and (t in spec_tokens or t not in WEIGHTLESS)) or name_tokens  # fmt: skip
        spec_tokens = (spec_tokens - GENERIC_NAME_WORDS) or spec_tokens
        # A value in a unit says what it measures: "Диапазоны: 2,4 и 5 ГГц" is a «Диапазон частот».
        # Only as a complement: the rest of the name is the spec's ("Емкость" alone is no spec's name).
        measured = set(DIMENSION_NAMES.get(q_dimension or "", ()))
        rest = set(name) - measured
        if measured and measured <= set(name) and rest and rest <= spec_tokens:
            spec_tokens = spec_tokens | measured
        score = name_similarity(name, spec_tokens, vocab)
    if score == 0:
        return 0.0
    if kind == "range":
        if not has_quantity:
            score *= NOT_A_QUANTITY
        elif dimension and q_dimension:
            score = score * 0.35 if dimension != q_dimension else min(1.0, score + 0.12)
    elif kind == "values" and has_quantity and numeric_value and not numeric_values:
        score *= NOT_A_QUANTITY
    return score


def _same_thing(name_tokens, spec_tokens: frozenset[str], kind: str, dimension: str | None, shape: str | None) -> bool:
    """The requirement names the spec's thing with measure words only ("Количество портов HDMI" for "HDMI"), and
    the spec's value can be that measure: any value for a presence, else a bare number (a version, "HDMI: 2.0",
    is then no count: :func:`matching.ranges.check_range`), or things counted by kind or by one leading count for a
    count ("Розетки: IEC C13 × 4", "Процессоры: 2 × Intel Xeon Silver 4310"). A value with words ("PoE: PoE+
    (802.3at)", "Процессор: Intel Xeon 4310") is no measure."""
    if kind == "presence":
        readable = True
    elif kind in ("range", "values"):
        readable = shape == "number" or (shape in ("kinds", "counted") and dimension in (None, "count"))
    else:
        readable = False
    if not readable:
        return False
    thing = named_thing(name_tokens)
    return bool(thing) and thing == named_thing(spec_tokens)


def best_spec(req: Requirement, card: ProductCard, vocab: SpecVocabulary) -> tuple[SpecCard | None, float]:
    """The product's spec the requirement talks about (None below :data:`MIN_SPEC_SCORE`).

    Memoised on the requirement per interned card signature: variants of one product family share lookups."""
    key = (card.signature, vocab)
    found = req.lookup.get(key)
    if found is None:
        numeric_values = any(v.strip()[:1].isdigit() for v in req.values)
        found = req.lookup[key] = _best_index(
            req.name_tokens, req.kind, req.dimension, numeric_values, card.signature, vocab, req.unit
        )
    index, score = found
    return (None, score) if index is None else (card.specs[index], score)


@lru_cache(maxsize=500_000)
def _best_index(name_tokens, kind, dimension, numeric_values, signature: Signature, vocab: SpecVocabulary, unit=None):
    """Memoised per interned signature: variants of one product family share the lookups."""
    best, best_score = None, 0.0
    for i, entry in enumerate(signature.entries):
        score = _entry_score(name_tokens, kind, dimension, numeric_values, entry, vocab)
        if score > best_score:
            best, best_score = i, score
    if best_score < MIN_SPEC_SCORE:
        if kind == "range" and dimension not in (None, "count"):
            # The unit says what is measured: the only spec in that dimension, or clearly the best-named one.
            same = [(_entry_score(name_tokens, kind, dimension, numeric_values, e, vocab), i)
                    for i, e in enumerate(signature.entries) if e[2] and e[1] == dimension]  # fmt: skip
            same.sort(reverse=True)
            if len(same) == 1 and not _stated_elsewhere(signature, same[0][1], dimension, unit):
                return same[0][1], UNIQUE_DIMENSION_SCORE
            if same and same[0][0] >= 0.25 and (len(same) == 1 or same[0][0] > same[1][0]):
                return same[0][1], FALLBACK_SCORE
        return None, best_score
    if best_score < SURE_SPEC_SCORE and adds_only_body(name_tokens, signature.entries[best][0]):
        return best, SURE_SPEC_SCORE  # «Степень защиты оболочки» is the card's «Степень защиты»: the same thing
    if best_score < SURE_SPEC_SCORE and kind == "range" and dimension not in (None, "count"):
        # A name half-matched ("Длина кабеля" on "Длина: 3 м") on the card's only spec in the unit's dimension,
        # whose value is one bare number (not "6 ГБ / 128 ГБ"): the unit confirms it, as it alone would below
        # MIN_SPEC_SCORE.
        same = [i for i, e in enumerate(signature.entries) if e[2] and e[1] == dimension]
        if (
            same == [best]
            and signature.entries[best][4] == "number"
            and not _stated_elsewhere(signature, best, dimension, unit)
        ):
            return best, UNIQUE_DIMENSION_SCORE
    return best, best_score


def _stated_elsewhere(signature: Signature, index: int, dimension: str, unit: str | None) -> bool:
    """Another spec than the one at ``index`` states a quantity in the requirement's very unit after words of its
    value: "PoE: 802.3af/at, бюджет 370 Вт" beside "Питание: 500 Вт", "Монтаж: 19\", 1U" beside "Длина шнура: 2,5
    м" (for 19"): the unit then does not tell which spec is meant. Another unit of the dimension ("падение с 1,5 м"
    beside a screen's 8") does not count."""
    info = unit_info(unit)
    wanted = info if info is not None and info[0] == dimension else None
    return any(
        i != index and any(u == wanted if wanted else u[0] == dimension for u in e[5])
        for i, e in enumerate(signature.entries)
    )
