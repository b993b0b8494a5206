"""A card's one spec listing every member of a kind («Диапазоны частот: 2,4 ГГц и 5 ГГц», «Частоты», «Частотные
диапазоны»; `requirements.json` `closed_lists`) read as the whole list. :mod:`matching.contradictions` fails a member
it leaves out; here, before any name alignment, it proves the members a name asking every one lists
(«Поддерживаемые частотные диапазоны: 2,4 ГГц; 5 ГГц») and decides how many there are («Количество одновременно
работающих частотных диапазонов ≥ 2»): fewer members than asked is "no"; enough is "yes", and when the name asks
them working together («одновременно») only where the list's spec says so too («2,4 ГГц и 5 ГГц (одновременная
работа)»): a dual-band radio may run one band at a time.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache

from matching.cards import ProductCard, SpecCard, denies, list_unit
from matching.normalise import tokens
from matching.requirements import Requirement, phrases
from matching.units import DATA_DIR, make_quantity, parse_quantities


@dataclass(frozen=True, slots=True)
class ClosedList:
    word: str  # the word of a requirement's name naming the kind («диапазон»)
    members: str  # the token prefix (a measure's kind) of the listed members («frequency»)
    names: frozenset[str]  # the only words the list spec's name may hold


@lru_cache(maxsize=1)
def closed_lists() -> tuple[tuple[ClosedList, ...], frozenset[str]]:
    """The closed lists, and the words of a name asking members to work together («одновременно»)."""
    data = json.loads((DATA_DIR / "requirements.json").read_text(encoding="utf-8"))["closed_lists"]
    lists = tuple(ClosedList(w, c["members"], frozenset(c["names"])) for w, c in data["lists"].items())
    return lists, frozenset(data["together"])


def member(base: str) -> float | None:
    try:
        return round(float(base), 3)
    except ValueError:
        return None


def members(spec: SpecCard, dimension: str) -> set[float | None]:
    """The members a list spec states, in base units; a list writing its unit once («2,4 / 5 ГГц») is in it."""
    unit = spec.spec.unit or list_unit(spec.spec.value)
    found = [q if q.dimension else make_quantity(q.value, unit) for q in parse_quantities(spec.spec.value)]
    return {round(q.base, 3) for q in found if q.dimension == dimension}


def list_specs(card: ProductCard, closed: ClosedList) -> list[SpecCard]:
    """The card's specs listing members of the kind: named only with the list's words, stating a member."""
    prefix = closed.members
    return [s for s in card.specs if s.tokens <= closed.names and any(t.startswith(prefix) for t in s.value_tokens)]


def _asked(req: Requirement) -> ClosedList | None:
    for closed in closed_lists()[0]:
        if closed.word not in req.name_tokens or any(t.startswith(closed.members) for t in req.name_tokens):
            continue
        if req.kind == "range" and req.dimension == "count" and req.min is not None:
            return closed
        if req.kind == "values" and set(req.name_tokens) & phrases().all_lemmas:
            return closed
    return None


def asks_listed(req: Requirement) -> bool:
    """The requirement asks every listed member or their count (decided once per requirement)."""
    closed = req.lookup["closed list"] = _asked(req)
    return closed is not None


def listed_members(req: Requirement, card: ProductCard) -> tuple[str, str, SpecCard] | None:
    """("yes" | "no", reason, spec) on the card's one list of the kind; None when it has none or several, or the
    list does not decide. Only after :func:`asks_listed`."""
    closed: ClosedList = req.lookup["closed list"]
    specs = [s for s in list_specs(card, closed) if not denies(s)]
    if len(specs) != 1:
        return None
    spec = specs[0]
    listed = members(spec, closed.members)
    if not listed or None in listed:
        return None
    said = f"в карточке ({spec.spec.name}): {spec.spec.value}, требуется {req.describe()}"
    if req.kind == "values":
        prefix = closed.members
        asked = {member(t[len(prefix) :]) for v in req.values for t in tokens(v) if t.startswith(prefix)}
        return ("yes", said, spec) if asked and None not in asked and asked <= listed else None
    if len(listed) < req.min:
        return "no", said, spec
    if req.max is not None and len(listed) > req.max:
        return None
    together = closed_lists()[1]
    if not together.isdisjoint(req.name_tokens) and together.isdisjoint(tokens(spec.spec.value)):
        return None  # together asked, the card does not say its members work at once
    return "yes", said, spec
