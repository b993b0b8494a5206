"""A requirement naming the single mode a card's product works in ("Скорость черно-белой печати" on a monochrome
MFU) is the card's plain spec ("Скорость печати"): the product has no other mode whose value the plain spec could
be. Classes allowing several modes (colour printers print black and white too) never are (issue 15)."""

from __future__ import annotations

import dataclasses

from matching.cards import ProductCard
from matching.requirements import Requirement
from matching.values import class_words, named_classes, single_mode_classes, value_classes


def single_mode(family: str) -> frozenset[str]:
    """The classes of a family leaving a product one mode of work ("монохромный")."""
    return single_mode_classes().get(family, frozenset())


def without_own_mode(req: Requirement, card: ProductCard) -> Requirement | None:
    """The requirement without the words of a single-mode class it names, when the card states that class and no
    other of its family (in its name or a spec's value); None otherwise."""
    variant = req.lookup.get("without mode")
    if variant is None:
        variant = req.lookup["without mode"] = _variant(req)
    if not variant:
        return None
    family, names, stripped = variant
    stated: set[str] = set(value_classes(card.product.name).get(family, ()))
    for spec in card.specs:
        stated |= value_classes(spec.spec.value).get(family, frozenset())
    return stripped if stated == names else None


def _variant(req: Requirement) -> tuple[str, frozenset[str], Requirement] | tuple[()]:
    named = named_classes(req.name_tokens)
    single = [(f, names) for f, names in named.items() if names and names <= single_mode(f)]
    if len(single) != 1:
        return ()
    family, names = single[0]
    words = class_words(family, names)
    rest = tuple(t for t in req.name_tokens if t not in words)
    if not rest or rest == req.name_tokens:
        return ()
    return family, names, dataclasses.replace(req, name_tokens=rest, lookup={})
