"""Ports counted at a speed the card has none as fast as ("24 порта 10G" on a switch whose port specs each name
1 Гбит/с): a closed-world "no" (issue 15: left "unknown"). Decided only when every count of those things on the card
names its speed; a count naming no speed ("Порты SFP+", "Порты 10GBase-T") may hold the asked one, and a count of
powered ports ("Количество портов PoE+") counts some of the others again. Also the speed of the wired network
interface a card names in a list of its interfaces (`wired_speed`)."""

from __future__ import annotations

import json
import re
from functools import lru_cache

from matching.cards import ProductCard, SpecCard, denies, slash_listed
from matching.normalise import feature_tokens, implied, tables, tokens
from matching.ranges import in_range
from matching.requirements import Requirement
from matching.units import DATA_DIR, parse_quantities
from matching.valuelabels import value_clauses

_RATE_RE = re.compile(r"rate\d+")
_GENERIC = frozenset({"количество", "число"})


@lru_cache(maxsize=1)
def _named_speeds() -> dict[str, float]:
    """Canonical tokens of speeds written in words, in bit/s ("gigabit" for "1G", "1 Гбит/с", "rate1000000000")."""
    named = {canon: float(key[0][4:]) for key, canon in tables().phrases.items()
             if len(key) == 1 and _RATE_RE.fullmatch(key[0])}  # fmt: skip
    data = json.loads((DATA_DIR / "ports.json").read_text(encoding="utf-8"))["wired_speed"]["word_speeds"]
    return named | {word: float(speed) for word, speed in data.items()}


def _speed(token: str) -> float | None:
    return float(token[4:]) if _RATE_RE.fullmatch(token) else _named_speeds().get(token)


def speeds(words: frozenset[str] | tuple[str, ...]) -> dict[str, float]:
    """The speeds the words name, in bit/s."""
    return {t: v for t in implied(frozenset(words)) if (v := _speed(t)) is not None}


def other_speeds_only(req: Requirement, card: ProductCard, power: frozenset[str]) -> SpecCard | None:
    """The first of the card's counts of the things a speed count asks ("24 порта 10G"), when each of them names
    a speed and all are slower than the asked one; None when the card may have ports that fast. ``power``:
    features of powered ports (PoE), whose counts repeat other ports."""
    if req.kind != "range" or req.dimension not in (None, "count") or not req.min:
        return None
    asked = speeds(req.name_tokens)
    if len(asked) != 1:
        return None
    (least,) = asked.values()
    things = frozenset(req.name_tokens) - _GENERIC - set(asked) - feature_tokens(req.name_tokens)
    counts = [s for s in card.specs if things and things <= s.tokens and _a_count(s)]
    counts = [s for s in counts if speeds(s.tokens) or not (feature_tokens(s.tokens) & power)]
    if not counts or any(not speeds(s.tokens) for s in counts):
        return None
    if any(v >= least for s in counts for v in speeds(s.tokens).values()):
        return None  # ports as fast or faster may serve: the count, or the specialist, decides
    return counts[0]


def speed_named_by_counts(req: Requirement, card: ProductCard) -> tuple[bool, SpecCard] | None:
    """A speed asked of ports of a kind ("Скорость передачи данных портов SFP+: не менее 10000 Мбит/с") that the
    card's counts of those ports name ("Порты SFP+ 10 Гбит/с: 4 шт"): (met, the count) when every such count names
    one speed and all meet the bound or none does; None when a count names no speed or they disagree."""
    if req.kind != "range" or req.dimension != "rate":
        return None
    kinds = feature_tokens(req.name_tokens) - set(speeds(req.name_tokens))
    counts = [s for s in card.specs if kinds and kinds <= s.tokens and _a_count(s) and s.quantity.value > 0]
    named = [speeds(s.tokens) for s in counts]
    if not counts or any(len(n) != 1 for n in named):
        return None
    met = {in_range(req, v) for n in named for v in n.values()}
    return (met.pop(), counts[0]) if len(met) == 1 else None


def _a_count(spec: SpecCard) -> bool:
    return spec.quantity is not None and spec.quantity.dimension in (None, "count") and spec.flag is None


@lru_cache(maxsize=1)
def _wired() -> dict[str, frozenset[str]]:
    data = json.loads((DATA_DIR / "ports.json").read_text(encoding="utf-8"))["wired_speed"]
    return {key: frozenset(words) for key, words in data.items() if isinstance(words, list)}


def wired_speed(req: Requirement, card: ProductCard) -> tuple[str, str, SpecCard] | None:
    """The speed of the wired network interface («Скорость передачи данных сетевого интерфейса (адаптера): не менее
    1000 Мбит/с») where the card names it in a list: «Интерфейсы: USB 2.0, Ethernet 10/100/1000Base-T», «Сеть: 1 ×
    RJ-45 10/100/1000 Мбит/с», «Порты: …, RJ-45 (1 Гбит/с)». ("yes" | "no", reason, spec) when every clause naming
    the copper interface with a speed names the same fastest one. A clause of another port or link («1 × SFP
    1 Гбит/с», «Wi-Fi до 867 Мбит/с») never proves it, but one meeting the bound leaves a slower copper port
    undecided (the card may call it its network interface); two copper speeds (1G and 10G ports) decide nothing."""
    if req.kind != "range" or req.dimension != "rate":
        return None
    words = _wired()
    name = frozenset(req.name_tokens)
    if not name <= words["name"] or name.isdisjoint(words["network"]):
        return None
    found: dict[float, SpecCard] = {}
    others = False  # another port or link meeting the bound: maybe the interface asked, no proof of "no"
    for spec in card.specs:
        if denies(spec):
            continue
        for clause in value_clauses(spec.spec.value):
            said = frozenset(tokens(clause)) | spec.tokens
            fast = speeds(said)
            if fast and not said.isdisjoint(words["other"]):
                others = others or in_range(req, max(fast.values()))
            elif fast and not said.isdisjoint(words["wired"]):
                found.setdefault(max(fast.values()), spec)
    if len(found) != 1:
        return None
    ((speed, spec),) = found.items()
    met = in_range(req, speed)
    if not met and others:
        return None
    said = f"в карточке ({spec.spec.name}): {spec.spec.value}, требуется {req.describe()}"
    return ("yes" if met else "no"), said, spec


@lru_cache(maxsize=1)
def _module_words() -> tuple[frozenset[str], frozenset[str], dict[float, float]]:
    data = json.loads((DATA_DIR / "ports.json").read_text(encoding="utf-8"))["module_rate"]
    factors = {float(speed): float(factor) for speed, factor in data["line_rate_factor"].items()}
    return frozenset(data["name"]), frozenset(data["module"]), factors


def asks_module_rate(req: Requirement) -> bool:
    """A data rate asked under no port's or interface's name ("Скорость передачи данных: 10 Гбит/с"), or bare in a
    line's name («Модуль SFP+ 10G многомодовый»: «10 G»); :func:`module_rate` reads it of a module's card only."""
    name, _, _ = _module_words()
    if req.kind != "range" or req.dimension != "rate":
        return False
    return set(req.name_tokens) <= name and (bool(req.name_tokens) or req.source == "name-bare")


def _one_rate(speed: float, factors: dict[float, float]) -> tuple[float, ...]:
    """A rate and the other way it is written: a nominal speed's line rate, a line rate's nominal speed."""
    rates = [speed]
    for nominal, factor in factors.items():
        if abs(speed - nominal) <= 0.01 * nominal:
            rates.append(nominal * factor)
        elif abs(speed - nominal * factor) <= 0.01 * nominal * factor:
            rates.append(nominal)
    return tuple(rates)


def _rate_list(spec: SpecCard) -> bool:
    """The spec lists rates by slashes («Скорость: 10/100/1000 Мбит/с»): the module's rates, whatever its name."""
    quantities = parse_quantities(spec.spec.value)
    return bool(quantities) and quantities[-1].dimension == "rate" and slash_listed(spec.spec.value) is not None


def _listed_rates(req: Requirement, spec: SpecCard) -> tuple[str, str, SpecCard]:
    """A module running at each of the rates its spec lists («10/100/1000 Мбит/с»): met when one of them is."""
    met = any(in_range(req, rate) for rate in slash_listed(spec.spec.value) or ())
    said = f"в карточке ({spec.spec.name} — {spec.spec.value}): одна из скоростей, требуется {req.describe()}"
    return ("yes" if met else "no"), said, spec


def module_rate(req: Requirement, card: ProductCard) -> tuple[str, str, SpecCard | None] | None:
    """("yes" | "no", reason, spec) of a module's rate («Скорость передачи данных» of an SFP) read from its one
    rate spec named in the requirement's words («Скорость: 1,25 Гбит/с»), else, when the card states no rate, from
    its standard or its name's speed («Стандарт: 10GBASE-SR», «Трансивер SFP+ 10G SR») when it names one speed
    only. A nominal speed and its line rate (1 and 1,25 Гбит/с) are one rate. Only after :func:`asks_module_rate`."""
    words, module, factors = _module_words()
    name = frozenset(tokens(card.product.name))
    if not name & module:
        return None
    rated = [s for s in card.specs if (s.quantity is not None and s.quantity.dimension == "rate") or _rate_list(s)]
    found: dict[float, SpecCard | None] = {}
    if len(rated) == 1 and _rate_list(rated[0]) and rated[0].tokens <= words:
        return _listed_rates(req, rated[0])
    if rated:
        if len(rated) > 1 or not rated[0].tokens <= words or len(parse_quantities(rated[0].spec.value)) > 1:
            return None  # several rates, or one of a thing the requirement does not name: the alignment decides
        found[rated[0].quantity.base] = rated[0]
    else:
        found.update(dict.fromkeys(speeds(name).values()))
        for spec in card.specs:
            if not denies(spec):
                for speed in speeds(spec.tokens | frozenset(tokens(spec.spec.value))).values():
                    found.setdefault(speed, spec)
    if len(found) != 1:
        return None
    ((speed, spec),) = found.items()
    met = any(in_range(req, rate) for rate in _one_rate(speed, factors))
    where = f"{spec.spec.name} — {spec.spec.value}" if spec is not None else f"наименование: {card.product.name}"
    rate = f"{speed / 1e9:g}".replace(".", ",")
    return ("yes" if met else "no"), f"в карточке ({where}): {rate} Гбит/с, требуется {req.describe()}", spec
