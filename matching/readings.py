"""Readings of a whole requirement on a card, tried before any name alignment (each module says what it reads and
what it never decides): a certificate's class (class 1 the strongest), a named product's version, none of a thing's
examples, a part's count inside its spec ("16 ядер" of «Процессор»)."""

from __future__ import annotations

from matching.cards import ProductCard, SpecCard
from matching.certclasses import certificate_class
from matching.examples import none_of_examples
from matching.partcounts import part_count
from matching.requirements import Requirement
from matching.versions import version_at_least

_READINGS = (certificate_class, version_at_least, none_of_examples, part_count)


def whole_reading(req: Requirement, card: ProductCard) -> tuple[str, str, SpecCard | None] | None:
    """(status, reason, spec) of the first reading that decides the requirement on the card; None when none does."""
    return next((r for f in _READINGS if (r := f(req, card)) is not None), None)
