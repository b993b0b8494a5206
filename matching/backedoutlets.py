"""A UPS's outlets on battery («Количество выходных разъемов с резервным питанием: не менее 4») counted in the
card's outlet list (issue 15: left "unknown" on «Розетки: 6 × IEC 320 C13 (с резервным питанием)» and on an online
UPS's «Выходные розетки: 8 × IEC C13, 1 × IEC C19»). Vocabulary: `value_classes.json` `backed_outlets`.

- Parts of the list marked as backed count («6 × C13 (с резервным питанием)»); parts marked surge-only never do
  («4 × Schuko (только фильтр)»); unmarked parts count when the UPS is online (double conversion feeds every outlet
  from the inverter), else they may or may not: only a list too short even with them is «no».
- One outlet spec counting every part by kind, or nothing is decided.

Also outlets of a kind («Количество выходных разъемов IEC 320 С13: не менее 6», «Тип выходных розеток: Schuko»)
the card's one output spec lists without («Выходные разъёмы: клеммная колодка», «Выход: клеммная колодка +
2 × C19», «8 × IEC C13»): «no»; what such a list has is left to the spec's own reading.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache

from matching.cards import ProductCard, SpecCard, kind_counted, kinds_counted_in
from matching.normalise import phrase_tokens, tokens
from matching.ranges import in_range
from matching.requirements import Requirement
from matching.units import DATA_DIR


@dataclass(frozen=True)
class _Words:
    outlets: frozenset[str]
    backed: frozenset[str]
    surge: frozenset[str]
    online: frozenset[str]
    kinds: frozenset[str]
    terminal: frozenset[str]
    inputs: frozenset[str]
    standards: frozenset[str]


@lru_cache(maxsize=1)
def _words() -> _Words:
    data = json.loads((DATA_DIR / "value_classes.json").read_text(encoding="utf-8"))
    entry = data["backed_outlets"]

    words = phrase_tokens

    online = frozenset(tokens(entry["online"]))  # the class's own word: a card's value reads to it
    return _Words(words(entry["outlets"]), words(entry["backed"]), words(entry["surge"]), online,
                  frozenset(entry["kinds"]), words(entry["terminal"]), words(entry["inputs"]),
                  words(entry["standards"]))  # fmt: skip


def outlet_words() -> _Words:
    """The outlet vocabulary (`value_classes.json` `backed_outlets`), for the other outlet readings."""
    return _words()


def asks_backed_outlets(req: Requirement) -> bool:
    """A count of the outlets on battery (decided once per requirement)."""
    w = _words()
    names = set(req.name_tokens)
    return req.kind == "range" and req.dimension in (None, "count") and bool(names & w.outlets and names & w.backed)


def _outlet_spec(card: ProductCard) -> SpecCard | None:
    found = [s for s in card.specs if s.tokens & _words().outlets and kinds_counted_in(s.spec.value)[0]]
    if len(found) != 1 or kinds_counted_in(found[0].spec.value)[1] is not None:
        return None  # several lists, or a part not counted («клеммная колодка»)
    return found[0]


def backed_outlets(req: Requirement, card: ProductCard) -> tuple[str, str, SpecCard | None] | None:
    """("yes" | "no", reason, spec) of the count of outlets on battery; None when the card decides nothing. Only
    after :func:`asks_backed_outlets`."""
    spec = _outlet_spec(card)
    if spec is None:
        return None
    w = _words()
    backed = surge = unmarked = 0
    for kind, count in kinds_counted_in(spec.spec.value)[0]:
        if kind & w.backed:
            backed += count
        elif kind & w.surge:
            surge += count
        else:
            unmarked += count
    online = bool(card.stated & w.online)
    low = backed + (unmarked if online and not backed else 0)
    high = backed + unmarked
    said = f"в карточке ({spec.spec.name} — {spec.spec.value}{', онлайн' if online else ''})"
    if low == high or (req.max is None and in_range(req, low)):
        return ("yes" if in_range(req, low) else "no"), f"{said}: с резервным питанием {low} шт.", spec
    if req.min is not None and high < req.min:
        return "no", f"{said}: не более {high} розеток с резервным питанием", spec
    return None


_PARTS_RE = re.compile(r"\s*[,;+]\s*|\s+и\s+")


def _asked_kinds(req: Requirement) -> frozenset[str]:
    w = _words()
    names = set(req.name_tokens)
    if not names & w.outlets or names & (w.backed | w.inputs):
        return frozenset()
    if req.kind == "range" and req.dimension in (None, "count") and req.min:
        return frozenset(names & w.kinds)
    if req.kind == "values" and all(vt & w.kinds for vt in req.value_tokens):
        return frozenset().union(*(vt & w.kinds for vt in req.value_tokens))
    return frozenset()


def asks_outlet_kind(req: Requirement) -> bool:
    """A count or a type of outlets of a kind (decided once per requirement)."""
    asked = req.lookup["outlet_kinds"] = _asked_kinds(req)
    return bool(asked)


def _listed_kinds(value: str) -> set[str] | None:
    """The kinds an output list holds; None when a part is neither counted by kind nor a terminal block."""
    w = _words()
    found: set[str] = set()
    for part in _PARTS_RE.split(value.strip()):
        counted = kind_counted(part)
        said = set(tokens(counted[0] if counted else part))
        if counted is None and not said & w.terminal:
            return None
        if counted is not None and not said & w.kinds:
            return None  # «8 евророзеток», «4 × розетки»: a kind not among the known codes, maybe the asked one
        found |= said & w.kinds if counted else set()
    return found


def outlet_kind_missing(req: Requirement, card: ProductCard) -> tuple[str, str, SpecCard | None] | None:
    """("no", reason, spec) when the card's one output spec lists none of the asked outlet kinds; None otherwise.
    Only after :func:`asks_outlet_kind`."""
    w = _words()
    outputs = []
    for spec in card.specs:
        listed = _listed_kinds(spec.spec.value) if spec.tokens & w.outlets and not spec.tokens & w.inputs else None
        if listed is not None:
            outputs.append((spec, listed))
    if len(outputs) != 1 or outputs[0][1] & req.lookup["outlet_kinds"]:
        return None
    spec = outputs[0][0]
    return "no", f"в карточке ({spec.spec.name} — {spec.spec.value}): розеток требуемого вида нет", spec
