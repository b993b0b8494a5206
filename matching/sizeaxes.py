"""A size written as a tuple of lengths: «Ширина × глубина: 600 × 1000 мм», «Размеры (Ш×Г): 600 × 450 мм»,
«Габариты (В × Ш × Г): 2055 × 600 × 1000 мм». Every number is a length of its own axis, never a count of things of
one size («2 × 1200 Вт»: :func:`matching.cards.counted_each`). A requirement naming one axis («Ширина», «Глубина не
менее 800 мм») reads the number at that axis's place in the order the spec's name lists the axes in; without such an
order («Размеры: 600 × 1000 мм») any number could be the asked one: the reader gets them all
(:func:`matching.ranges.check_range` then never says «yes», and «no» only when none meets); an axis the name's order
leaves out («Высота» on «Ширина × глубина») is not stated.
Axis words: `value_classes.json` `size_axes`."""

from __future__ import annotations

import json
import re
from functools import lru_cache

from matching.cards import ProductCard, SpecCard
from matching.normalise import lemma, phrase_tokens
from matching.requirements import Requirement
from matching.units import DATA_DIR, Quantity, make_quantity, parse_quantities

_SEPARATOR = r"\s*[×*]\s*|\s+[xх]\s+"
_SEPARATOR_RE = re.compile(_SEPARATOR)
_AXES_LIST_RE = re.compile(rf"[^\W\d_]+\.?(?:(?:{_SEPARATOR})[^\W\d_]+\.?)+")
_LETTERS_RE = re.compile(r"(?<![^\W\d_])[^\W\d_](?:[xх][^\W\d_])+(?![^\W\d_])")
"""Axis letters run together with a letter x between them («ШхГхВ»)."""
_VALUE_SEPARATOR_RE = re.compile(r"\s*[×xх*]\s*")
_NUMBER_RE = re.compile(r"\d+(?:[.,]\d+)?")


@lru_cache(maxsize=1)
def _axis_words() -> tuple[dict[str, str], frozenset[str], frozenset[str]]:
    """Every axis word or letter → its axis, the full words (the ones a requirement's name asks an axis by) and the
    words naming a size of several axes."""
    data = json.loads((DATA_DIR / "value_classes.json").read_text(encoding="utf-8"))["size_axes"]
    words = {w: axis for axis, names in data["axes"].items() for w in names}
    sizes = phrase_tokens(data["size_names"])
    return words, frozenset(lemma(w) for w in words if len(w) > 1), sizes


@lru_cache(maxsize=16_384)
def size_tuple(value: str, unit: str | None = None) -> tuple[Quantity, ...]:
    """The lengths of a value written as «600 × 1000 мм» or «2055 × 600 × 1000 мм» (one unit after the last number,
    or ``unit``, the spec's own); empty for any other value."""
    parts = _VALUE_SEPARATOR_RE.split(value.strip())
    if not 2 <= len(parts) <= 3 or not all(_NUMBER_RE.fullmatch(p) for p in parts[:-1]):
        return ()
    last = parse_quantities(parts[-1])
    if len(last) != 1 or _NUMBER_RE.match(parts[-1]) is None:
        return ()
    unit = last[0].unit or unit
    if make_quantity(1, unit).dimension != "length":
        return ()
    return tuple(make_quantity(float(p.replace(",", ".")), unit) for p in (*parts[:-1], str(last[0].value)))


@lru_cache(maxsize=16_384)
def axes_order(spec_name: str) -> tuple[str, ...]:
    """The axes a spec's name lists between × signs, in order («Габариты (В × Ш × Г)» → height, width, depth);
    empty when it lists none (or a word that is no axis)."""
    words = _axis_words()[0]
    text = _LETTERS_RE.sub(lambda m: " × ".join(re.split("[xх]", m[0])), spec_name.lower().replace("ё", "е"))
    for found in _AXES_LIST_RE.finditer(text):
        named = [p.strip(". ") for p in _SEPARATOR_RE.split(found[0])]
        axes = [words.get(p) or words.get(lemma(p)) for p in named]
        if all(axes) and len(set(axes)) == len(axes):
            return tuple(a for a in axes if a)
    return ()


def asked_axis(req: Requirement) -> str | None:
    """The one axis a requirement's name asks by its full word («Ширина», «Глубина шкафа»), else None."""
    words, full, _ = _axis_words()
    asked = {words.get(t) for t in req.name_tokens if t in full}
    return next(iter(asked)) if len(asked) == 1 else None


def axis_sizes(req: Requirement, spec: SpecCard) -> tuple[Quantity, ...] | None:
    """The lengths of a size tuple the requirement may ask: the one at its axis's place, all of them when the spec's
    name lists no order (or the requirement names no axis), none when the name's order leaves the asked axis out
    («Высота» on «Ширина × глубина»); None when the value is no size tuple of a spec named as a size (its axes or
    «Размеры», «Габариты»), or the requirement asks no length."""
    if req.kind != "range" or req.dimension != "length":
        return None
    order = axes_order(spec.spec.name)
    if not order and spec.tokens.isdisjoint(_axis_words()[2]):
        return None
    sizes = _sizes(spec)
    if not sizes:
        return None
    axis = asked_axis(req)
    if axis is None or len(order) != len(sizes):
        return sizes
    return (sizes[order.index(axis)],) if axis in order else ()


def _sizes(spec: SpecCard) -> tuple[Quantity, ...]:
    return size_tuple(spec.spec.value, spec.quantity.unit if spec.quantity is not None else None)


def axis_spec(req: Requirement, card: ProductCard) -> SpecCard | None:
    """The card's one size tuple whose spec name lists the axis the requirement asks («Глубина» on «Размеры (Ш×Г):
    600 × 450 мм»), for a requirement no spec is named like."""
    axis = asked_axis(req) if req.kind == "range" and req.dimension == "length" else None
    if axis is None:
        return None
    found = [s for s in card.specs if axis in axes_order(s.spec.name) and _sizes(s)]
    return found[0] if len(found) == 1 else None
