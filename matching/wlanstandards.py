"""Wi-Fi standards as a ranked family: 802.11n = Wi-Fi 4 < 802.11ac = Wi-Fi 5 < 802.11ax = Wi-Fi 6 < Wi-Fi 6E <
802.11be = Wi-Fi 7 (`value_classes.json` `wlan_generations`), read before any name alignment for a requirement on
the wireless standard («Стандарт беспроводной связи», «Поддерживаемые стандарты беспроводной связи: IEEE 802.11ax»,
«не ниже Wi-Fi 6») against the generations the card states (its name and its values).

The card's highest stated generation is what it can do: an asked generation above it is "no" («802.11ax» on a card
stating «802.11ac Wave 2»); a minimum («не ниже Wi-Fi 6») at or below it is "yes". A card stating 802.11ax may still
be a Wi-Fi 6E one (6E is 802.11ax in the 6 ГГц band): it never fails 6E by rank, and only a card stating 6E (or
higher, for a minimum) proves it. An exact standard is proven only where the card states it, each one of a list
(«802.11a/b/g/n/ac/ax»): a Wi-Fi 7 card does not state 802.11ax. Values listed apart may be alternatives, so a
"no" needs every one of them above the card.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache

from matching.cards import ProductCard
from matching.normalise import tokens
from matching.requirements import Requirement
from matching.units import DATA_DIR


@dataclass(frozen=True, slots=True)
class _Vocabulary:
    ranks: dict[str, float]
    may_be: dict[str, str]  # a stated generation → a higher one the card may still be
    labels: dict[str, str]
    name_words: frozenset[str]  # a name on the standard holds one of these…
    standard_words: frozenset[str]  # …and one of these
    at_least: re.Pattern[str]


@lru_cache(maxsize=1)
def _vocabulary() -> _Vocabulary:
    data = json.loads((DATA_DIR / "value_classes.json").read_text(encoding="utf-8"))["wlan_generations"]
    at_least = re.compile(r"(?<![\w])(?:" + "|".join(data["at_least"]) + r")(?![\w])", re.IGNORECASE)
    return _Vocabulary(
        {t: float(r) for t, r in data["ranks"].items()}, dict(data["may_be"]), dict(data["labels"]),
        frozenset(data["name_words"]),
        frozenset(data["standard_words"]), at_least,
    )  # fmt: skip


@dataclass(frozen=True, slots=True)
class _Asked:
    values: tuple[frozenset[str], ...]  # each asked value's standard tokens
    minimum: bool


def _asked(req: Requirement) -> _Asked | None:
    v = _vocabulary()
    name = set(req.name_tokens)
    if name.isdisjoint(v.standard_words) or name.isdisjoint(v.name_words):
        return None
    texts = [req.text] if req.kind == "text" and req.text else list(req.values) if req.kind == "values" else []
    if not texts:
        return None
    values = tuple(frozenset(t for t in tokens(x) if t.startswith("wlan") and t != "wlan") for x in texts)
    if not all(any(t in v.ranks for t in value) for value in values):
        return None  # a value naming no generation («Bluetooth 5.0»): not this reading's
    minimum = [bool(v.at_least.search(x)) for x in texts]
    if any(minimum) and len(texts) > 1:
        return None
    return _Asked(values, any(minimum))


def asks_wlan_standard(req: Requirement) -> bool:
    """The requirement asks a Wi-Fi standard by generation (decided once per requirement)."""
    asked = req.lookup["wlan standard"] = _asked(req)
    return asked is not None


def _rank(value: frozenset[str]) -> float:
    ranks = _vocabulary().ranks
    return max(ranks[t] for t in value if t in ranks)


def wlan_standard_met(req: Requirement, card: ProductCard) -> tuple[str, str, None] | None:
    """("yes" | "no", reason, None) on the generations the card states; None when it states none or the ranks
    do not decide. Only after :func:`asks_wlan_standard`."""
    v = _vocabulary()
    asked: _Asked = req.lookup["wlan standard"]
    stated = {t for t in card.stated if t.startswith("wlan")}
    generations = [t for t in stated if t in v.ranks]
    if not generations:
        return None
    top = max(v.ranks[t] for t in generations)
    could_be = max(v.ranks.get(v.may_be.get(t, t), v.ranks[t]) for t in generations)
    named = ", ".join(v.labels[t] for t in sorted(generations, key=v.ranks.__getitem__))
    said = f"в карточке стандарты Wi-Fi: {named}; требуется {req.describe()}"
    if asked.minimum:
        wanted = _rank(asked.values[0])
        if top >= wanted:
            return "yes", said, None
        return ("no", said, None) if could_be < wanted else None
    if all(value <= stated for value in asked.values):
        return "yes", said, None
    if all(_rank(value) > could_be for value in asked.values):
        return "no", said, None
    return None
