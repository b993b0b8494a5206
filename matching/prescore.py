"""The line's side of the name pre-score (``Matcher._prescore``), prepared once per line.

A line is pre-scored against each of up to 24 products of its block; what it contributes (its words' weights,
its misleading-context words, the rival qualifiers it names) is the same against every one of them, so it is
computed once when the line is read and only the product's side is looked at per pair.
"""

from __future__ import annotations

from dataclasses import dataclass

from matching.cards import ProductCard
from matching.index import CatalogueIndex
from matching.specmatch import named_qualifiers, partial_hit


@dataclass(frozen=True, slots=True)
class LineWords:
    negative: frozenset[str]
    """The line's words of a misleading context (``data/misleading.json``): the product must have them too."""
    weighted: tuple[tuple[str, float], ...]
    """Each distinct word of the line with its weight (the head noun counting triple), in the order
    :func:`word_coverage` adds them."""
    total: float
    """The sum of those weights."""
    qualifiers: tuple[tuple[frozenset[str], frozenset[str]], ...]
    """The rival-qualifier families the line names (:func:`matching.specmatch.named_qualifiers`)."""


def line_words(
    index: CatalogueIndex, negative: frozenset[str], line_tokens: tuple[str, ...], head: str | None
) -> LineWords:
    """The line's side of the pre-score: ``negative`` the misleading-context terms, ``head`` its head noun."""
    item_tokens = set(line_tokens)
    total = 0.0
    weighted = []
    for t in item_tokens:
        w = index.weight(t) * (3 if t == head else 1)
        total += w
        weighted.append((t, w))
    return LineWords(frozenset(item_tokens & negative), tuple(weighted), total, named_qualifiers(item_tokens))


def word_coverage(line: LineWords, card: ProductCard, words: frozenset[str]) -> float:
    """Share (by word weight, the head noun counting triple) of the line's words found in the product card
    (``words``: the card's tokens as a set)."""
    hit = 0.0
    bag = card.bag
    for t, w in line.weighted:
        if t in bag:
            hit += w
        elif partial_hit(t, words):
            hit += 0.8 * w
    return hit / line.total if line.total else 0.0
