"""A UPS's runtime stated at several loads in one value («Время работы: 12 мин при 50 % нагрузки, 4 мин при 100 %»,
«Автономия: 5 мин при полной нагрузке, 14 мин при половинной (встроенные АКБ)»): a requirement naming its load
(«Время автономной работы при нагрузке 50 %») is decided on the clause stating the time at that load (dev7: read
whole, the value was «несколько значений» or its name «не уверены»). Vocabulary: `value_classes.json`
`load_runtimes`.

Never decided: a requirement naming anything beside the runtime and its load («… с внешними батареями»); a spec
whose value has a clause stating anything else than one time at one load, or the UPS's own batteries («с внешними
батареями», «с 2 батарейными блоками», «до 12 мин»); a card stating the asked load's time in two specs that differ.
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
from matching.units import DATA_DIR, Quantity, parse_quantities

_MEASURE_RE = re.compile(r"^[a-z]+\d")
"""A token of a quantity («time720», «percent50»)."""
_LOAD_RE = re.compile(r"^percent\d")
_CLAUSES_RE = re.compile(r"\s*[;,](?!\d)\s*")
_UP_TO_RE = re.compile(r"\bдо\b", re.IGNORECASE)


@dataclass(frozen=True)
class _Words:
    runtime: frozenset[str]
    loads: dict[str, str]
    load: frozenset[str]
    own: frozenset[str]
    battery: frozenset[str]


@lru_cache(maxsize=1)
def _words() -> _Words:
    entry = json.loads((DATA_DIR / "value_classes.json").read_text(encoding="utf-8"))["load_runtimes"]
    loads = {t: v for k, v in entry["loads"].items() for t in tokens(k)}
    words = phrase_tokens
    return _Words(words(entry["runtime"]), loads, words(entry["load"]), words(entry["own_battery"]),
                  words(entry["battery"]))  # fmt: skip


def _load_of(words: frozenset[str]) -> frozenset[str]:
    """The loads a clause's or a name's words state («percent50»; «полная» as percent100)."""
    loads = _words().loads
    return frozenset(loads.get(t, t) for t in words if _LOAD_RE.match(loads.get(t, t)))


def asks_load_runtime(req: Requirement) -> bool:
    """A runtime at a named load and nothing else (decided once per requirement)."""
    if req.kind != "range" or req.dimension != "time":
        return False
    w, names = _words(), frozenset(req.name_tokens)
    rest = frozenset(t for t in names if t not in w.runtime and t not in w.loads and not _LOAD_RE.match(t))
    return bool(names & w.load) and len(_load_of(names)) == 1 and not rest


def _times_at_loads(value: str) -> dict[str, Quantity | None] | None:
    """The value's time per load when every clause states one time at one load (None for a load whose time is
    stated with another configuration or as a bound: «12 мин при 50 % с внешними батареями», «до 12 мин»); None
    when a clause states no such pair."""
    w, found = _words(), {}
    for clause in _CLAUSES_RE.split(value.strip()):
        words = frozenset(tokens(clause))
        times = [q for q in parse_quantities(clause) if q.dimension == "time"]
        loads = _load_of(words)
        if len(times) != 1 or len(loads) != 1 or next(iter(loads)) in found:
            return None
        rest = {t for t in words if not _MEASURE_RE.match(t) and t not in w.loads} - w.load
        own = not rest or (rest & w.battery and rest & w.own and rest <= w.battery | w.own)  # «(встроенные АКБ)»
        found[next(iter(loads))] = times[0] if own and not _UP_TO_RE.search(clause) else None
    return found if len(found) > 1 else None


def load_runtime(req: Requirement, card: ProductCard) -> tuple[str, str, SpecCard] | None:
    """(status, reason, spec) on the card's one runtime stated at the asked load («unknown» when it is stated only
    with another configuration); None otherwise."""
    w = _words()
    (load,) = _load_of(frozenset(req.name_tokens))
    found: list[tuple[Quantity | None, SpecCard]] = []
    for spec in card.specs:
        if not spec.tokens or not spec.tokens <= w.runtime or spec.spec.unit:
            continue
        times = _times_at_loads(spec.spec.value)
        if times is not None and load in times:
            found.append((times[load], spec))
    if not found:
        return None
    at = f"в карточке ({found[0][1].spec.name}): {found[0][1].spec.value}"
    if any(q is None for q, _ in found):
        return "unknown", f"{at}: время при требуемой нагрузке указано с оговоркой; проверьте", found[0][1]
    if len({round(q.base, 6) for q, _ in found if q is not None}) != 1:
        return None
    q, spec = found[0]
    ok = q is not None and in_range(req, q.base)
    said = "соответствует" if ok else "не соответствует"
    return ("yes" if ok else "no"), f"{at}: время при требуемой нагрузке {said} требованию {req.describe()}", spec
