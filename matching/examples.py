"""A presence asked of a thing named with its examples in brackets («Наличие беспроводных интерфейсов (Wi-Fi,
Bluetooth): Отсутствие») is decided by the card's spec of that very thing saying it has none («Беспроводные
интерфейсы: нет»): none of the thing is none of its examples. Only a spec whose whole name is the thing's (without
the generic words «наличие», «поддержка») and whose value denies it; a spec listing some of the thing decides
nothing here (the card's own words do, elsewhere).
"""

from __future__ import annotations

import re

from matching.cards import ProductCard, SpecCard, denies
from matching.requirements import Requirement, name_tokens
from matching.specmatch import GENERIC_NAME_WORDS

_EXAMPLES_RE = re.compile(r"^(?P<head>[^()]+?)\s*\((?P<inner>[^()]+[,;/][^()]+)\)\s*$")


def asks_examples(req: Requirement) -> bool:
    """A presence requirement naming a thing before a bracket of examples (its tokens kept on the requirement)."""
    m = _EXAMPLES_RE.match(req.name) if req.kind == "presence" else None
    thing = req.lookup["examples"] = frozenset(name_tokens(m.group("head"))) - GENERIC_NAME_WORDS if m else None
    return bool(thing)


def none_of_examples(req: Requirement, card: ProductCard) -> tuple[str, str, SpecCard] | None:
    """("yes" for an absence, "no" for a presence, reason, spec) when the card's spec of the thing says it has none;
    None otherwise. Only for a requirement :func:`asks_examples` accepted."""
    thing = req.lookup["examples"]
    spec = next((s for s in card.specs if s.tokens == thing and denies(s)), None)
    if spec is None:
        return None
    return ("no" if req.present else "yes"), f"в карточке: {spec.spec.name} — {spec.spec.value}", spec
