"""A switch's, router's or firewall's own power supplies read from the card (issue 15: «Количество блоков питания:
не менее 2», «Горячая замена блоков питания», «Резервирование блоков питания» left "unknown" on «Блоки питания:
2 × 550 Вт, горячая замена», «Питание: 2 × 600 Вт, горячая замена; …» or a name's «2 БП»). Vocabulary:
`value_classes.json` `power_supplies`.

Their count is the «N ×» a supply spec's value opens with, or the «N БП» / «N блока питания» of the card's name; one
built-in supply («Блок питания: встроенный», «один встроенный БП») is one. Hot swap is said in a supply spec («без
горячей замены» says it is not); two supplies or «резервирование» in one are redundant, one is not. Anything else
decides nothing.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache

from matching.cards import ProductCard, SpecCard
from matching.normalise import phrase_tokens, tokens
from matching.ranges import in_range
from matching.requirements import Requirement
from matching.units import DATA_DIR

_OPENING_COUNT_RE = re.compile(r"^\s*(?P<n>[1-8])\s*[×xх*]\s*\S")
_NAMED_COUNT_RE = re.compile(r"(?<![\w.,])(?P<n>[1-8])\s*(?:×\s*)?(?:бп|блок\w*\s+питани\w*)(?![\w])", re.IGNORECASE)
_NOT_HOT_RE = re.compile(r"без\s+(?:возможности\s+)?горяч", re.IGNORECASE)
_Found = tuple[str, str, SpecCard | None]


@dataclass(frozen=True)
class _Words:
    units: tuple[frozenset[str], ...]
    hot: tuple[frozenset[str], ...]
    redundant: frozenset[str]
    single: frozenset[str]
    asked: frozenset[str]


@lru_cache(maxsize=1)
def _words() -> _Words:
    data = json.loads((DATA_DIR / "value_classes.json").read_text(encoding="utf-8"))["power_supplies"]

    flat = phrase_tokens
    units = tuple(frozenset(tokens(p)) for p in data["units"])
    hot = tuple(frozenset(tokens(p)) for p in data["hot_swap"])
    return _Words(units, hot, flat(data["redundant"]), flat(data["single"]), flat(data["asked"]))


def _asked(req: Requirement) -> str | None:
    w = _words()
    names = frozenset(req.name_tokens)
    # the supplies named («блоков питания», «БП»), or power alone when its redundancy is asked («Резервирование
    # электропитания»): the longest name of them the requirement's name holds
    units = [u for u in w.units if u <= names and (len(u) > 1 or u != {"питание"} or names & w.redundant)]
    if not units:
        return None
    unit = max(units, key=len)
    hot = next((h for h in w.hot if h <= names), frozenset())
    rest = names - unit - hot - w.redundant - w.asked
    if rest:
        return None
    if req.kind == "range" and req.dimension in (None, "count") and "количество" in names:
        return "count-hot" if hot else "count"
    if req.kind != "presence" or not req.present:
        return None
    if hot and not names & w.redundant:
        return "hot"
    return "redundant" if names & w.redundant and not hot else None


def asks_power_supplies(req: Requirement) -> bool:
    """A count, hot swap or redundancy of the device's power supplies (decided once per requirement)."""
    asked = req.lookup["power_supplies"] = _asked(req)
    return asked is not None


def _supply_specs(card: ProductCard) -> list[SpecCard]:
    return [s for s in card.specs if any(s.tokens == u or (len(u) > 1 and u <= s.tokens) for u in _words().units)]


def _stated(card: ProductCard) -> tuple[int | None, bool | None, bool, SpecCard | None]:
    """(count, hot swap, redundancy said, the spec saying them) of the card's supplies."""
    w = _words()
    count: int | None = None
    hot: bool | None = None
    redundant = False
    where: SpecCard | None = None
    for spec in _supply_specs(card):
        value = spec.spec.value
        said = frozenset(tokens(value))
        m = _OPENING_COUNT_RE.match(value)
        if m is not None:
            count, where = int(m.group("n")), spec
        elif said & w.single and (spec.tokens != {"питание"} or "один" in said):
            count, where = 1, spec
        if _NOT_HOT_RE.search(value):
            hot, where = False, spec
        elif any(h <= said for h in w.hot):
            hot, where = True, where or spec
        redundant = redundant or bool(said & w.redundant)
    if count is None:
        m = _NAMED_COUNT_RE.search(card.product.name)
        count = int(m.group("n")) if m else None
    return count, hot, redundant, where


def supplies_stated(req: Requirement, card: ProductCard) -> _Found | None:
    """(status, reason, spec) of the asked count, hot swap or redundancy of the supplies; None when the card decides
    nothing. Only after :func:`asks_power_supplies`."""
    asked: str = req.lookup["power_supplies"]
    count, hot, redundant, spec = _stated(card)
    where = f"{spec.spec.name} — {spec.spec.value}" if spec is not None else f"наименование: {card.product.name}"
    said = f"в карточке ({where})"
    if asked.startswith("count") and count is not None:
        if not in_range(req, count):
            return "no", f"{said}: блоков питания {count}", spec
        if asked == "count" or hot:
            return "yes", f"{said}: блоков питания {count}{', горячая замена' if hot else ''}", spec
        return None
    if asked == "hot" and hot is not None:
        return ("yes" if hot else "no"), f"{said}: {'с горячей заменой' if hot else 'без горячей замены'}", spec
    if asked == "hot" and count == 1 and spec is not None:
        return "no", f"{said}: один встроенный блок питания", spec
    if asked == "redundant" and (redundant or count is not None):
        ok = redundant or (count or 0) >= 2
        return ("yes" if ok else "no"), f"{said}: {'резервирование' if ok else 'один блок питания'}", spec
    return None
