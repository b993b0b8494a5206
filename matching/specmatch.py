"""Which product spec a characteristic of the notice talks about.

Names are compared as weighted token sets (weights = inverse document frequency over the catalogue's spec
names, so ``количество`` counts little and ``sfp`` much), with synonyms already folded by normalisation and a
fuzzy fallback for typos; the unit's dimension must agree when both sides have one.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

from rapidfuzz import fuzz

from matching.alignment import component_noun, missing_qualifiers, neutral_qualifier, other_scope
from matching.cards import ProductCard, Signature, SpecCard
from matching.normalise import implied, is_noun, tables, tokens
from matching.requirements import Requirement
from matching.values import is_unlimited

MIN_SPEC_SCORE = 0.5
FALLBACK_SCORE = 0.5
"""A spec chosen among several of the requirement's dimension by a weak name match: probably the one."""
UNIQUE_DIMENSION_SCORE = 0.7
"""The product's only spec measured in the requirement's unit (kVA, inches, TB): surely the one."""
SURE_SPEC_SCORE = 0.65
"""Below this a spec is only probably the one meant: a failed check on it is reported as unknown."""


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


def _partial_hit(token: str, others: frozenset[str]) -> bool:
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
    a, b = set(a), implied(set(b))
    for group in _conflict_groups():
        qa, qb = a & group, b & group
        if qa and qb and not qa & qb:
            return True
    return False


def name_similarity(
    req_tokens: tuple[str, ...], spec_tokens: frozenset[str], vocab: SpecVocabulary, contained: bool = True
) -> float:
    """Half weighted Dice, half containment of the requirement's tokens (0..1); typos and stems tolerated.
    ``contained``: a name containing the spec's whole name scores at least :data:`CONTAINED_SPEC_SCORE`."""
    a = set(req_tokens)
    if not a or not spec_tokens:
        return 0.0
    wa = sum(vocab.weight(t) for t in a)
    wb = sum(vocab.weight(t) for t in spec_tokens)
    common = 0.0
    for t in a:
        if t in spec_tokens:
            common += vocab.weight(t)
        elif _partial_hit(t, spec_tokens):
            common += 0.85 * vocab.weight(t)
    dice = min(1.0, 2 * common / (wa + wb))
    containment = min(1.0, common / wa)
    score = 0.5 * dice + 0.5 * containment
    if contained and _names_whole_spec(a, spec_tokens):
        score = max(score, CONTAINED_SPEC_SCORE)
    if conflicts(a, spec_tokens) or missing_qualifiers(req_tokens, spec_tokens):
        score *= 0.3
    elif other_scope(a, spec_tokens):
        score *= 0.5
    return score


CONTAINED_SPEC_SCORE = 0.7
"""The requirement's name says every word of the spec's name and more ("Общий объем накопителей SSD" against
"SSD", "Цветность печати" against "Цветность"): a more specific wording of that spec."""


def _names_whole_spec(req_tokens: set[str], spec_tokens: frozenset[str]) -> bool:
    """Every telling word of the spec's name is in the requirement's name (not a lone generic word such as
    "Количество" or "Тип", which names no characteristic by itself), and the rest of it are words."""
    telling = spec_tokens - GENERIC_NAME_WORDS - _COUNT_WORDS
    if not telling or not spec_tokens <= implied(req_tokens):
        return False  # spec names carry what their words include ("SSD" → накопитель): so does the requirement
    extra = req_tokens - spec_tokens - _COUNT_WORDS - _MEASURE_WORDS
    # A number beyond the spec's name is a value the spec must hold ("Поддержка RAID 6"), not a wording; two
    # more nouns name another thing ("Объем кэш-памяти процессора" is not the card's "Память").
    return not any(t[:1].isdigit() for t in extra) and sum(1 for t in extra if is_noun(t)) <= 1


def extra_noun(req: Requirement, spec: SpecCard, vocab: SpecVocabulary) -> str | None:
    """The noun a requirement's name adds to a spec name it contains when only the contained-name rule makes
    the spec surely the one ("Мощность блока питания" against "Блоки питания: 2 × 1200 Вт"): the noun may name
    another part, so the spec's value can disprove the requirement and never prove it. None when the names
    (with the unit's dimension) agree well enough without that rule ("Высота в стойке" against "Высота, U")."""
    noun = _extra_noun(req.name_tokens, spec.tokens)
    if noun is None or _entry_score(*_score_args(req), _entry(req, spec), vocab, contained=False) >= SURE_SPEC_SCORE:
        return None
    return noun


@lru_cache(maxsize=100_000)
def _extra_noun(req_tokens: tuple[str, ...], spec_tokens: frozenset[str]) -> str | None:
    name = tuple(t for t in req_tokens if t not in GENERIC_NAME_WORDS) or req_tokens
    a = set(name)
    spec = (spec_tokens - GENERIC_NAME_WORDS) or spec_tokens
    if not _names_whole_spec(a, spec):
        return None
    extra = a - spec - _COUNT_WORDS - _MEASURE_WORDS
    return next((t for t in sorted(extra) if is_noun(t) and not neutral_qualifier(t)), None)


_COUNT_WORDS = frozenset({"количество", "число", "значение", "параметр", "характеристика"})
_MEASURE_WORDS = frozenset({"емкость", "объем", "размер", "величина"})

GENERIC_NAME_WORDS = frozenset({"наличие", "поддержка", "возможность", "функция", "механизм", "тип", "вид"})


def spec_score(req: Requirement, spec: SpecCard, vocab: SpecVocabulary) -> float:
    return _entry_score(*_score_args(req), _entry(req, spec), vocab)


def _score_args(req: Requirement) -> tuple:
    return req.name_tokens, req.kind, req.dimension, any(v.strip()[:1].isdigit() for v in req.values)


def _entry(req: Requirement, spec: SpecCard) -> tuple:
    q = spec.quantity
    has_quantity = q is not None or is_unlimited(spec.spec.value)
    return spec.tokens, q.dimension if q else None, has_quantity, spec.value_clean.replace(".", "").isdigit()


def _entry_score(
    name_tokens, kind, dimension, numeric_values, entry, vocab: SpecVocabulary, contained: bool = True
) -> float:
    spec_tokens, q_dimension, has_quantity, numeric_value = entry
    name = tuple(t for t in name_tokens if t not in GENERIC_NAME_WORDS) or name_tokens
    spec_tokens = (spec_tokens - GENERIC_NAME_WORDS) or spec_tokens
    score = name_similarity(name, spec_tokens, vocab, contained)
    if score == 0:
        return 0.0
    if kind == "range":
        if not has_quantity:
            score *= 0.6
        elif dimension and q_dimension:
            score = score * 0.35 if dimension != q_dimension else min(1.0, score + 0.12)
    elif kind == "values" and has_quantity and numeric_value and not numeric_values:
        score *= 0.6
    return score


def best_spec(req: Requirement, card: ProductCard, vocab: SpecVocabulary) -> tuple[SpecCard | None, float]:
    """The product's spec the requirement talks about (None below :data:`MIN_SPEC_SCORE`).

    Memoised on the requirement per interned card signature as (spec index, score, chosen by its unit alone):
    variants of one product family share lookups; :mod:`matching.indirect` reads the third."""
    key = (card.signature, vocab)
    found = req.lookup.get(key)
    if found is None:
        numeric_values = any(v.strip()[:1].isdigit() for v in req.values)
        found = req.lookup[key] = _best_index(
            req.name_tokens, req.kind, req.dimension, numeric_values, card.signature, vocab
        )
    index, score = found[0], found[1]
    return (None, score) if index is None else (card.specs[index], score)


@lru_cache(maxsize=500_000)
def _best_index(name_tokens, kind, dimension, numeric_values, signature: Signature, vocab: SpecVocabulary):
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
            if len(same) == 1:
                return same[0][1], UNIQUE_DIMENSION_SCORE, True
            if same and same[0][0] >= 0.25 and same[0][0] > same[1][0]:
                return same[0][1], FALLBACK_SCORE, True
        return None, best_score, False
    return best, best_score, False


_CYRILLIC = frozenset("абвгдеёжзийклмнопрстуфхцчшщъыьэюя")


@lru_cache(maxsize=100_000)
def added_qualifiers(required: tuple[str, ...], offered: frozenset[str]) -> tuple[str, ...]:
    """Qualifying words (Russian adjectives, participles) the requirement's name adds to the spec's name and
    that may change which value is meant: "базовый" in "Частота процессора базовая" against "Частота процессора",
    "цветной" in "Скорость цветной печати" against "Скорость печати", a Latin kind or code ("Количество розеток
    Schuko" against "Розетки"), a noun naming another part ("видеокарта", "ядро"). Filler and neutral words,
    words of the spec's name in another form ("пакетный" for "пакет") and other nouns (left to the name score)
    are not among them."""
    have = implied(offered)
    return tuple(
        t for t in required
        if t not in have and not neutral_qualifier(t) and not _partial_hit(t, have) and _qualifying(t)
    )


def _qualifying(word: str) -> bool:
    if _LATIN_RE.fullmatch(word) or component_noun(word):
        return True
    return word[:1] in _CYRILLIC and not any(ch.isdigit() for ch in word) and not is_noun(word)


_LATIN_RE = re.compile(r"[a-z][a-z0-9+.\-]*")
"""A Latin word or code ("schuko", "c13", "hdr"): a kind of the thing the spec counts or measures."""
