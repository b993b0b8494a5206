"""Ports giving power, counted by a spec of power over the ports rather than by the port list: «PoE: 802.3af/at на 24
портах, бюджет 370 Вт», «PoE: PoE+ (802.3at) на всех 24 портах», «PoE: порты 1–4, 802.3af/at» (issue 15: a count
of PoE ports on such a card stayed "unknown", the port list «24 × 10/100/1000BASE-T (RJ-45)» naming no power).

The spec is named by a power word (``ports.json`` ``power``), denies nothing, takes no power («вход PoE») and
states one count of ports (``powered_ports`` ``counts``); the power it names (PoE, PoE+ by 802.3at, PoE++) is the
power of those ports: «802.3af на 24 портах» counts no PoE+ port. Which ports they are is left to
:func:`matching.ports.counted`: powered ports are copper ports, and a count asking more of them (their speed) is met
only when every copper port of a port list is of the asked kind.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache

from matching.cards import ProductCard, SpecCard, denies
from matching.normalise import implied
from matching.units import DATA_DIR


@lru_cache(maxsize=1)
def _vocabulary() -> tuple[tuple[re.Pattern[str], ...], frozenset[str], frozenset[str], frozenset[str]]:
    data = json.loads((DATA_DIR / "ports.json").read_text(encoding="utf-8"))
    patterns = tuple(re.compile(p, re.IGNORECASE) for p in data["powered_ports"]["counts"])
    power, taking = frozenset(data["power"]), frozenset(data["power_input"])
    return patterns, power, taking, frozenset(data["powered_ports"]["copper"])


def copper() -> frozenset[str]:
    """The kind tokens every powered port has (an RJ-45 port)."""
    return _vocabulary()[3]


def _stated_count(value: str) -> int | None:
    """The one count of ports a value states («на всех 24 портах»: 24, «порты 1–4»: 4); None for none or two."""
    patterns = _vocabulary()[0]
    found: dict[int, int] = {}
    for pattern in patterns:
        for m in pattern.finditer(value):
            if m.groupdict().get("n") is not None:
                found[m.start()] = int(m.group("n"))
            else:
                first, last = int(m.group("a")), int(m.group("b"))
                if last > first:
                    found[m.start()] = last - first + 1
    return next(iter(found.values())) if len(found) == 1 else None


def powered_ports(card: ProductCard, power: frozenset[str]) -> tuple[int, SpecCard] | None:
    """The most ports giving the asked power (``power``: {"poeplus"} for PoE+) one power spec of the card counts,
    with that spec; None when no such spec states a count."""
    _, words, taking, _ = _vocabulary()
    best: tuple[int, SpecCard] | None = None
    for spec in card.specs:
        if not spec.tokens & words or denies(spec) or (spec.tokens | spec.value_tokens) & taking:
            continue
        if not power <= implied(spec.tokens | spec.value_tokens):
            continue  # «802.3af на 24 портах» gives no PoE+
        n = _stated_count(spec.spec.value)
        if n and (best is None or n > best[0]):
            best = (n, spec)
    return best
