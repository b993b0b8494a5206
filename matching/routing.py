"""Routing of switches and wired routers read from the whole card: the switching level («Уровень коммутатора: L3»,
«Коммутатор L3» in a line's name) and dynamic routing («Поддержка протоколов динамической маршрутизации: OSPF, BGP»,
«Поддержка протокола OSPF»). A card says them in any spec or its name («Маршрутизация: статическая, RIP, OSPF,
BGP», «Функциональность: L3: статическая маршрутизация, OSPFv2», «Коммутатор L3 …»), so no name alignment finds
them reliably. Vocabulary: `value_classes.json` `routing` (protocols, static and level words) and `management`.

- Level: «yes» when the card states one level among the asked ones; «no» when it states only lower ones («L2+» is
  no L3) or is unmanaged (an unmanaged switch routes nothing); a reduced level («L3 Lite») or several levels
  decide nothing.
- Dynamic routing: «yes» when the card names every asked protocol (a version asked, «OSPFv2», must be named too),
  or any dynamic protocol when none is named; «no» when the card names no dynamic protocol and is unmanaged or
  says its routing is static only. A card naming some of the asked protocols, or an L2+ card saying nothing of
  routing, stays «unknown».
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache

from matching.cards import ProductCard, SpecCard
from matching.normalise import phrase_tokens, tokens
from matching.offered import offered_clauses
from matching.requirements import Requirement, as_bool
from matching.units import DATA_DIR

_LEVEL_RE = re.compile(r"(?<![\w])L(?P<l>[234])(?P<plus>\+?)(?![\w+])(?P<tail>[\s-]*\w+)?", re.IGNORECASE)
_Found = tuple[str, str, SpecCard | None]


def _rank(m: re.Match[str]) -> float:
    """A level as a number: «L2+» 2.5, between L2 and L3."""
    return int(m.group("l")) + (0.5 if m.group("plus") else 0.0)


@dataclass(frozen=True)
class _Vocabulary:
    protocols: tuple[tuple[str, re.Pattern[str]], ...]
    static: tuple[str, ...]
    dynamic: frozenset[str]
    routing: frozenset[str]
    level: frozenset[str]
    level_subjects: frozenset[str]
    reduced: frozenset[str]
    unmanaged: frozenset[str]


@lru_cache(maxsize=1)
def _vocabulary() -> _Vocabulary:
    data = json.loads((DATA_DIR / "value_classes.json").read_text(encoding="utf-8"))
    routing = data["routing"]
    version = r"(?:[\s-]*v?(?P<v>\d)(?:\s*/\s*v?(?P<v2>\d))?)?"
    protocols = tuple(
        (name, re.compile(rf"(?<![^\W\d_])(?:{spelling}){version}(?![^\W\d_])", re.IGNORECASE))
        for name, spelling in routing["protocols"].items()
    )
    unmanaged = phrase_tokens(data["families"]["management"]["неуправляемый"])
    return _Vocabulary(
        protocols, tuple(routing["static_words"]), frozenset(routing["dynamic_words"]),
        frozenset(routing["routing_words"]), frozenset(routing["level_words"]), frozenset(routing["level_subjects"]),
        frozenset(routing["reduced_level_words"]), unmanaged,
    )  # fmt: skip


def _protocols(text: str) -> set[tuple[str, str]]:
    """(protocol, version or "") named in a text: «OSPFv2/v3» → ospf, ospf v2, ospf v3."""
    found = set()
    for name, pattern in _vocabulary().protocols:
        for m in pattern.finditer(text):
            found.add((name, ""))
            found.update((name, v) for v in (m.group("v"), m.group("v2")) if v and name != "bgp")
    return found


def _texts(card: ProductCard) -> list[tuple[str, SpecCard | None]]:
    """The product's name and each spec with what its value offers as it is (not «OSPF, BGP — при установке
    лицензии», `matching.offered`)."""
    offered = ((s, offered_clauses(s.spec.value)) for s in card.specs)
    return [(card.product.name, None)] + [(f"{s.spec.name}: {'; '.join(kept)}", s) for s, kept in offered if kept]


def _asked_levels(req: Requirement) -> frozenset[float] | None:
    v = _vocabulary()
    names = set(req.name_tokens)
    if req.kind != "values" or not names & v.level or not names & v.level_subjects or not req.values:
        return None
    levels = set()
    for value in req.values:
        m = _LEVEL_RE.fullmatch(value.strip())
        if m is None:
            return None
        levels.add(_rank(m))
    return frozenset(levels)


def _asked_protocols(req: Requirement) -> frozenset[tuple[str, str]] | None:
    """The protocols asked (empty: any dynamic one), None when the requirement asks no routing."""
    v = _vocabulary()
    names = set(req.name_tokens)
    named = _protocols(req.name)
    if req.kind == "values":
        listed = set().union(*(_protocols(value) for value in req.values))
        if names & v.routing and listed:
            return frozenset(_most_specific(listed))
        if named and all(as_bool(value) is True for value in req.values):
            return frozenset(_most_specific(named))
        if names & v.routing and names & v.dynamic and all(as_bool(value) is True for value in req.values):
            return frozenset()
        return None
    if req.kind == "presence" and req.present:
        if named and not names & v.level:
            return frozenset(_most_specific(named))
        if names & v.routing and names & v.dynamic:
            return frozenset()
    return None


def _most_specific(found: set[tuple[str, str]]) -> set[tuple[str, str]]:
    """«OSPFv2» asks ospf v2 (the bare ospf it implies is no separate demand)."""
    versioned = {name for name, version in found if version}
    return {(name, version) for name, version in found if version or name not in versioned}


def asks_routing(req: Requirement) -> bool:
    """The requirement asks a switching level or dynamic routing (decided once per requirement)."""
    levels = req.lookup["routing_levels"] = _asked_levels(req)
    protocols = req.lookup["routing_protocols"] = None if levels is not None else _asked_protocols(req)
    return levels is not None or protocols is not None


def _unmanaged(card: ProductCard) -> SpecCard | bool | None:
    """The place (spec, or None for the name) saying the product is unmanaged; False when none does."""
    unmanaged = _vocabulary().unmanaged
    if unmanaged & set(tokens(card.product.name)):
        return None
    return next((s for s in card.specs if unmanaged & set(tokens(s.spec.value))), False)


def _where(spec: SpecCard | None, card: ProductCard) -> str:
    return f"{spec.spec.name} — {spec.spec.value}" if spec is not None else f"наименование: {card.product.name}"


def _level(req: Requirement, card: ProductCard) -> _Found | None:
    asked: frozenset[float] = req.lookup["routing_levels"]
    stated: dict[float, SpecCard | None] = {}
    for text, spec in _texts(card):
        for m in _LEVEL_RE.finditer(text):
            tail = set(tokens(m.group("tail") or ""))
            if tail & _vocabulary().reduced:
                return None  # «L3 Lite»: a reduced level, the specialist decides
            stated.setdefault(_rank(m), spec)
    if len(stated) > 1:
        return None
    if stated:
        ((level, spec),) = stated.items()
        said = f"в карточке ({_where(spec, card)}): уровень L{level:g}".replace("L2.5", "L2+")
        if level in asked:
            return "yes", said, spec
        return ("no", said, spec) if level < min(asked) else None
    place = _unmanaged(card)
    if place is not False and min(asked) > 2:
        return "no", f"в карточке ({_where(place, card)}): коммутатор неуправляемый", place
    return None


def _routing(req: Requirement, card: ProductCard) -> _Found | None:
    asked: frozenset[tuple[str, str]] = req.lookup["routing_protocols"]
    stated: set[tuple[str, str]] = set()
    first: SpecCard | None = None
    for text, spec in _texts(card):
        if spec is not None and as_bool(spec.spec.value) is False:
            continue  # «OSPF: нет» names a protocol it lacks
        found = _protocols(text)
        if found and not stated:
            first = spec
        stated |= found
    if stated:
        if asked - stated:
            return None  # some asked protocols unnamed: the specialist decides
        names = ", ".join(sorted({name.upper() for name, _ in stated}))
        return "yes", f"в карточке ({_where(first, card)}): маршрутизация {names}", first
    place = _unmanaged(card)
    if place is not False:
        return "no", f"в карточке ({_where(place, card)}): коммутатор неуправляемый, маршрутизации нет", place
    static = _static_only(card)
    if static is not None:
        return "no", f"в карточке ({_where(static, card)}): только статическая маршрутизация", static
    return None


def _static_only(card: ProductCard) -> SpecCard | None:
    """The spec saying the product's routing is static (the card names no dynamic protocol anywhere)."""
    v = _vocabulary()
    for spec in card.specs:
        text = f"{spec.spec.name} {spec.spec.value}".lower()
        words = set(tokens(text))
        if words & v.routing and not words & v.dynamic and any(w in text for w in v.static):
            return spec
    return None


def routing_stated(req: Requirement, card: ProductCard) -> _Found | None:
    """(status, reason, spec) of a level or routing requirement on the card; None when the card decides nothing.
    Only after :func:`asks_routing`."""
    if req.lookup.get("routing_levels") is not None:
        return _level(req, card)
    return _routing(req, card)
