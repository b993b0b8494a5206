"""A UPS's outlets counted in its one output spec («Количество выходных розеток: не менее 4», «… CEE 7/4 (Schuko)»)
on a card listing them by kind in any spec named by its outputs («Выходы: 4 x Schuko (CEE 7/4), все с
резервированием», «Выход: чистая синусоида, 8 x C13 + 1 x C19», «Выходные разъёмы: 8 x IEC 320 C13»): the total,
or the outlets of the asked kind, decide (dev7: «характеристика не найдена» on every such card). Vocabulary:
`value_classes.json` `backed_outlets`.

Never decided: a count asking anything beside the outlets and their kind (outlets on battery are
:mod:`matching.backedoutlets`'); a list with a surge-only part («2 × Schuko (только фильтр)») when no kind is asked
(the total holds outlets without battery power); a part counting an unknown kind («8 евророзеток») or several; a
card with no such list or more than one.
"""

from __future__ import annotations

import re

from matching.backedoutlets import outlet_words
from matching.cards import ProductCard, SpecCard, kind_counted
from matching.normalise import tokens
from matching.ranges import in_range
from matching.requirements import Requirement

_PARTS_RE = re.compile(r"\s*[,;+]\s*|\s+и\s+")
_CODE_RE = re.compile(r"^[a-z0-9]+$")
"""A Latin word or a bare number of a kind's standard («CEE 7/4», «IEC 320»)."""
_COUNT_WORDS = frozenset(tokens("количество число"))


def asks_outlet_count(req: Requirement) -> bool:
    """A count of output outlets, of a kind or in all, and nothing else (decided once per requirement)."""
    if req.kind != "range" or req.dimension not in (None, "count") or req.min is None:
        return False
    w, written = outlet_words(), frozenset(tokens(req.name))
    names = written | frozenset(req.name_tokens)
    if not written & w.outlets or names & (w.backed | w.inputs | w.surge):
        return False
    if not all(t in w.outlets or t in _COUNT_WORDS or _CODE_RE.match(t) for t in written):
        return False
    latin = {t for t in written if re.search(r"[a-z]", t)}  # «IEC C21»: a kind no list is read for
    return not latin or (len(latin & w.kinds) == 1 and latin <= w.kinds | w.standards)


def _counted(value: str) -> list[tuple[str, int, bool]] | None:
    """(kind, count, surge-only) of each outlet part of an output list; None when a part counts an unknown kind,
    or states a number it does not count by kind («8 евророзеток»)."""
    w, found = outlet_words(), []
    for part in _PARTS_RE.split(value.strip()):
        counted = kind_counted(part)
        said = frozenset(tokens(counted[0] if counted else part))
        if counted is None:
            if re.search(r"\d", part) or said & (w.kinds | w.outlets):
                return None
            continue  # «чистая синусоида», «все с резервированием»: said of the outputs, no outlet
        kinds = said & w.kinds
        if len(kinds) != 1:
            return None
        found.append((next(iter(kinds)), counted[1], bool(said & w.surge)))
    return found or None


def outlet_count(req: Requirement, card: ProductCard) -> tuple[str, str, SpecCard | None] | None:
    """("yes" | "no", reason, spec) of the outlets the card's one output list counts; None otherwise. Only after
    :func:`asks_outlet_count`."""
    w = outlet_words()
    lists = []
    for spec in card.specs:
        if spec.tokens & w.outlets and not spec.tokens & w.inputs and not spec.spec.unit:
            counted = _counted(spec.spec.value)
            if counted is not None:
                lists.append((spec, counted))
    if len(lists) != 1:
        return None
    spec, counted = lists[0]
    asked = frozenset(tokens(req.name)) & w.kinds
    if len(asked) > 1 or (not asked and any(surge for _, _, surge in counted)):
        return None
    total = sum(n for kind, n, _ in counted if not asked or kind in asked)
    ok = in_range(req, total)
    said = f"в карточке ({spec.spec.name} — {spec.spec.value}): {'требуемого вида ' if asked else ''}{total} шт."
    return ("yes" if ok else "no"), said, spec
