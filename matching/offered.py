"""What a spec's value says the product has, clause by clause (clauses split at «;» and «,»): not a clause offering
a thing as an option or an accessory bought apart («SNMP-карта приобретается отдельно», «ADF — опция»), nor, beside
other clauses, one saying the product lacks a thing («STP, RSTP, без VRRP», «VRRP не поддерживается»); and a slot or
bay «для» a thing states room for it, not the thing («слот для SNMP-карты»). Word lists in `requirements.json`
`presence_words` (`optional`, `denials`, `room`)."""

from __future__ import annotations

import json
import re
from functools import lru_cache

from matching.normalise import tokens
from matching.units import DATA_DIR

_CLAUSES_RE = re.compile(r"\s*[;,]\s*")


@lru_cache(maxsize=1)
def _words() -> dict[str, tuple[str, ...]]:
    data = json.loads((DATA_DIR / "requirements.json").read_text(encoding="utf-8"))["presence_words"]
    return {key: tuple(data[key]) for key in ("optional", "denials", "room")}


def is_optional(text: str) -> bool:
    """The text offers a thing as an option or an accessory bought apart."""
    lowered = text.lower()
    return any(word in lowered for word in _words()["optional"])


def _denies(clause: str) -> bool:
    lowered = clause.lower().strip()
    return any(lowered.startswith(w) if w.endswith(" ") else w in lowered for w in _words()["denials"])


def clauses(text: str) -> list[str]:
    """The text's clauses, split at «;» and «,»."""
    return [c for c in _CLAUSES_RE.split(text) if c]


@lru_cache(maxsize=65_536)
def offered_clauses(value: str) -> tuple[str, ...] | None:
    """The clauses of a value that offer nothing as an option or under a condition («USB, RS-232; SNMP-карта
    приобретается отдельно» → USB, RS-232; «статическая; OSPF, BGP — при установке лицензии» → статическая: a marker
    holds for its whole «;» segment), without brackets excluding items («PPTP (без SSTP)» → PPTP); the whole value
    when none does; None when every clause does («Внешние батарейные модули: опционально»)."""
    if not is_optional(value) and not _EXCLUDED_RE.search(value):
        return (value,)
    kept = tuple(c for seg in _SEGMENTS_RE.split(_EXCLUDED_RE.sub(" ", value)) for c in _offered_in(seg.strip()))
    return kept or None


def _offered_in(segment: str) -> list[str]:
    """The clauses of one «;» segment offered as they are: a marker after a dash holds for the list before it
    («OSPF, BGP — опционально»), any other only for its own clause («USB, RS-232, SNMP-карта опционально»)."""
    parts = clauses(segment)
    dashed = [i for i, c in enumerate(parts) if is_optional(c) and _DASH_RE.search(c)]
    start = dashed[-1] + 1 if dashed else 0
    return [c for c in parts[start:] if not is_optional(c)]


_SEGMENTS_RE = re.compile(r"\s*;\s*")
_DASH_RE = re.compile(r"\s[—–-]\s")
_EXCLUDED_RE = re.compile(r"\((?:без|кроме)\s[^()]*\)", re.IGNORECASE)
"""A bracket excluding items from a list («0, 1, 50 (кроме RAID 5 и RAID 10)»): they are not offered."""


@lru_cache(maxsize=65_536)
def stated_clauses(value: str) -> tuple[str, ...] | None:
    """:func:`offered_clauses` without the clauses denying a thing beside others («STP, RSTP, без VRRP» → STP,
    RSTP); a value that is one denial («нет») stays as it is: it is the spec's own answer."""
    kept = offered_clauses(value)
    if kept is None:
        return None
    clauses = tuple(c for part in kept for c in _CLAUSES_RE.split(part) if c)
    affirmed = tuple(c for c in clauses if not _denies(c))
    if not affirmed or len(affirmed) == len(clauses):
        return kept
    return affirmed


def room_for(value: str) -> frozenset[str]:
    """Tokens of the things a value states room for («USB, слот для SNMP-карты» → snmp, карта), unless the same
    clause says the thing comes with the product («слот для SNMP-карты (карта в комплекте)»)."""
    found: set[str] = set()
    for clause in _CLAUSES_RE.split(value.lower()):
        for room in _words()["room"]:
            at = clause.find(room)
            if at >= 0 and "в комплект" not in clause and "установлен" not in clause:
                found |= set(tokens(clause[at + len(room) :]))
    return frozenset(found)


@lru_cache(maxsize=20_000)
def room_on_card(values: tuple[str, ...]) -> frozenset[str]:
    """:func:`room_for` over every value of a card."""
    return frozenset().union(*(room_for(v) for v in values))


ROOM_NOUNS = frozenset({"слот", "отсек", "место"})
"""A requirement naming the room itself («Наличие слота для SNMP-карты») is proven by it."""
