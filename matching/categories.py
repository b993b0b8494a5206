"""Cable categories, graded 5 < 5e < 6 < 6A < 7 < 7A < 8: «Категория: 6А», «не ниже 5е», «Cat.6а» in a line's name,
against the card's «Категория: 6A (500 МГц)» or its name's «кат.6A».

A category is a graded code, not a number: «5е» is no 5 and «6А» no 6 amperes (both were read so: "не ниже 5е" asked
at least 5, and «6A (500 МГц)» failed «6А» by its megahertz). The card's category is read in a spec named by the
category (the bracket a remark) or after a category word in its name or a value; two different categories on one
card decide nothing. An exact category higher than the asked one is left to the other rules (the specialist
decides whether 6A serves for «Категория: 6»). Words: `value_classes.json` `cable_categories`.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache

from matching.cards import ProductCard, SpecCard
from matching.requirements import Requirement
from matching.units import DATA_DIR
from matching.values import code_form

_WORD = "категория"
_CODE_RE = re.compile(r"^(?:cat|kat|кат)?([3-8])([ea]?)$")
_HEAD_RE = re.compile(r"^\s*([^()]+?)\s*(?:\(.*\))?\s*$")
_AT_LEAST_RE = re.compile(r"^\s*(?:не\s+ниже|не\s+менее|не\s+хуже|≥|>=)\s*", re.IGNORECASE)
_WRITTEN_RE = re.compile(r"(?<![\w])(?:кат(?:егори[яиюей])?|cat)\.?\s*(\d[a-zа-я]?)(?![\w])", re.IGNORECASE)
"""A category after its word, as a card's name or value writes it ("кат.6A", "Cat.6a", "категории 5е")."""

Rank = tuple[int, int]


@lru_cache(maxsize=1)
def _with_words() -> frozenset[str]:
    data = json.loads((DATA_DIR / "value_classes.json").read_text(encoding="utf-8"))["cable_categories"]
    return frozenset(data["with"])


def category_rank(value: str) -> Rank | None:
    """A cable category as (number, graded): "5e" → (5, 1), "6" → (6, 0), "6A (500 МГц)" → (6, 1), "Cat.6а" → (6, 1);
    None for any other value."""
    head = _HEAD_RE.match(value)
    m = _CODE_RE.match(code_form(head.group(1))) if head else None
    return (int(m.group(1)), 1 if m.group(2) else 0) if m else None


def _named_category(name_tokens: tuple[str, ...] | frozenset[str]) -> bool:
    """A name that is the category's ("Категория", "Категория кабеля"), not another category's ("Категория
    энергоэффективности")."""
    return _WORD in name_tokens and set(name_tokens) - {_WORD} <= _with_words()


def _asked(req: Requirement) -> tuple[tuple[Rank, ...], bool] | None:
    """(the asked categories, whether as a minimum) of a category requirement; None for any other."""
    if not _named_category(req.name_tokens):
        return None
    if req.kind == "values" and req.values:
        ranks = tuple(category_rank(v) for v in req.values)
        return (ranks, False) if None not in ranks else None  # type: ignore[return-value]
    if req.kind == "text" and req.text:
        minimum = _AT_LEAST_RE.match(req.text)
        rank = category_rank(req.text[minimum.end() :] if minimum else req.text)
        return ((rank,), minimum is not None) if rank else None
    if req.kind == "range" and req.dimension is None and req.min is not None and req.min_inclusive:
        rank = category_rank(f"{req.min:g}")  # "не ниже 6": a plain number read as a range
        if rank is not None and (req.max is None or req.max == req.min):
            return (rank,), req.max is None
    return None


def asks_category(req: Requirement) -> bool:
    """The requirement asks a cable category (decided once per requirement)."""
    asked = req.lookup["category"] = _asked(req)
    return asked is not None


def _stated(card: ProductCard) -> dict[Rank, SpecCard | None]:
    """The categories the card states, each with the spec saying it (None: its name)."""
    found: dict[Rank, SpecCard | None] = {}
    for spec in card.specs:
        rank = category_rank(spec.spec.value) if _named_category(spec.tokens) else None
        if rank is not None:
            found.setdefault(rank, spec)
        for m in _WRITTEN_RE.finditer(spec.spec.value):
            if (rank := category_rank(m.group(1))) is not None:
                found.setdefault(rank, spec)
    for m in _WRITTEN_RE.finditer(card.product.name):
        if (rank := category_rank(m.group(1))) is not None:
            found.setdefault(rank, None)
    return found


def category_meets(req: Requirement, card: ProductCard) -> tuple[str, str, SpecCard | None] | None:
    """("yes" | "no", reason, spec) when the card states one category; None when it states none or several, or an
    exact category above the asked one. Only for a requirement :func:`asks_category` accepted."""
    asked, minimum = req.lookup["category"]
    stated = _stated(card)
    if len(stated) != 1:
        return None
    ((have, spec),) = stated.items()
    where = f"{spec.spec.name} — {spec.spec.value}" if spec is not None else f"наименование: {card.product.name}"
    if have in asked or (minimum and have >= asked[0]):
        return "yes", f"в карточке ({where}) категория соответствует требуемой ({req.describe()})", spec
    if all(have < a for a in asked):
        return "no", f"в карточке ({where}) категория ниже требуемой ({req.describe()})", spec
    return None
