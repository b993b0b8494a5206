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

from matching.cards import ProductCard, SpecCard
from matching.normalise import tables, tokens
from matching.requirements import Requirement

MIN_SPEC_SCORE = 0.5


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
    """Both sides name a qualifier of one family and they differ (SFP+ against RJ-45, DDR4 against DDR5)."""
    a, b = set(a), set(b)
    for group in _conflict_groups():
        qa, qb = a & group, b & group
        if qa and qb and not qa & qb:
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
        elif _partial_hit(t, spec_tokens):
            common += 0.85 * vocab.weight(t)
    dice = min(1.0, 2 * common / (wa + wb))
    containment = min(1.0, common / wa)
    score = 0.5 * dice + 0.5 * containment
    if conflicts(a, spec_tokens):
        score *= 0.3
    return score


GENERIC_NAME_WORDS = frozenset({"наличие", "поддержка", "возможность", "функция", "механизм", "тип", "вид"})


def spec_score(req: Requirement, spec: SpecCard, vocab: SpecVocabulary) -> float:
    name = req.name_tokens
    if req.kind == "presence":
        name = tuple(t for t in name if t not in GENERIC_NAME_WORDS) or name
    score = name_similarity(name, spec.tokens, vocab)
    if score == 0:
        return 0.0
    q = spec.quantity
    if req.kind == "range":
        if q is None:
            score *= 0.6
        elif req.dimension and q.dimension:
            score = score * 0.35 if req.dimension != q.dimension else min(1.0, score + 0.12)
    elif (
        req.kind == "values"
        and q is not None
        and spec.value_clean.replace(".", "").isdigit()
        and not any(v.strip()[:1].isdigit() for v in req.values)
    ):
        score *= 0.6
    return score


def best_spec(req: Requirement, card: ProductCard, vocab: SpecVocabulary) -> tuple[SpecCard | None, float]:
    """The product's spec the requirement talks about (None below :data:`MIN_SPEC_SCORE`), memoised."""
    return _best_spec(req.name_tokens, req.kind, req.dimension, card, vocab)


@lru_cache(maxsize=500_000)
def _best_spec(name_tokens, kind, dimension, card: ProductCard, vocab: SpecVocabulary):
    req = Requirement(name="", kind=kind, dimension=dimension, name_tokens=name_tokens)
    best: SpecCard | None = None
    best_score = 0.0
    for spec in card.specs:
        score = spec_score(req, spec, vocab)
        if score > best_score:
            best, best_score = spec, score
    if best_score < MIN_SPEC_SCORE:
        if kind == "range" and dimension not in (None, "count"):
            same = [s for s in card.specs if s.quantity is not None and s.quantity.dimension == dimension]
            if len(same) == 1:
                return same[0], MIN_SPEC_SCORE
        return None, best_score
    return best, best_score
