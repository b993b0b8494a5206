"""Whether a switch is managed, and the SNMP version it speaks, read from the whole card (issue 15: «Коммутатор
неуправляемый» left "unknown" against «Коммутатор управляемый …», «управляемый» against «Управление: CLI, Web,
SNMP v2c/v3», «SNMP не ниже v3» against «SNMP v1/v2c/v3»). Vocabulary: `value_classes.json` `management` (the
classes' words) and `management_means`.

- Managed asked: «yes» when the card says «управляемый» or names full management (SNMP, CLI, an L2+ or L3 level);
  «no» when it says «неуправляемый». Web-only management («Web-управляемый», «Smart») proves no managed switch:
  «unknown», the specialist decides.
- Unmanaged asked: «yes» when the card says «неуправляемый»; «no» when it names any management, web-only too.
- A card saying both decides nothing.
- SNMP version: «не ниже v3» met when the card lists v3 (or later) after «SNMP»; «no» when the versions it lists
  are all older; «SNMP» without versions decides nothing.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache

from matching.cards import ProductCard, SpecCard, denies
from matching.normalise import phrase_tokens, tokens
from matching.requirements import Requirement, as_bool
from matching.units import DATA_DIR
from matching.valuelabels import value_clauses
from matching.versions import asks_at_least

_VERSION_RE = re.compile(r"(?<![^\W\d_])v\s*(?P<v>[123])c?(?![\w])", re.IGNORECASE)
_Found = tuple[str, str, SpecCard | None]


@dataclass(frozen=True)
class _Words:
    managed: frozenset[str]
    unmanaged: frozenset[str]
    full: frozenset[str]
    partial: frozenset[str]
    name: frozenset[str]
    snmp_list: re.Pattern[str]


@lru_cache(maxsize=1)
def _words() -> _Words:
    data = json.loads((DATA_DIR / "value_classes.json").read_text(encoding="utf-8"))
    classes, means = data["families"]["management"], data["management_means"]

    words = phrase_tokens

    snmp = re.compile(rf"(?<![^\W\d_]){means['snmp']}(?P<list>(?:[\s/,-]*v?[123]c?(?![\w]))+)", re.IGNORECASE)
    managed = frozenset(tokens("управляемый")) | frozenset(tokens("managed"))
    return _Words(managed, words(classes["неуправляемый"]), words(means["full"]), words(means["partial"]),
                  words(means["name_words"]), snmp)  # fmt: skip


def _asked_management(req: Requirement) -> str | None:
    w = _words()
    names = set(req.name_tokens)
    wanted = names & (w.managed | w.unmanaged)
    if len(wanted) != 1 or not names <= w.name | wanted:
        return None
    if req.kind == "presence" and req.present and names == wanted:
        flag: bool | None = True
    elif req.kind == "values" and len(req.values) == 1:
        flag = as_bool(req.values[0])
    else:
        return None
    if flag is None:
        return None
    unmanaged = bool(wanted & w.unmanaged)
    return "managed" if unmanaged != flag else "unmanaged"


def _asked_snmp(req: Requirement) -> tuple[int, bool] | None:
    """(version, or a later one too) of an SNMP version asked."""
    if "snmp" not in req.name_tokens:
        return None
    text = req.text if req.kind == "text" else " ".join(req.values) if req.kind == "values" else ""
    found = {int(m.group("v")) for m in _VERSION_RE.finditer(text or "")}
    if len(found) != 1:
        return None
    return found.pop(), asks_at_least(text or "")


def asks_management(req: Requirement) -> bool:
    """The requirement asks a managed or unmanaged switch, or an SNMP version (decided once per requirement)."""
    req.lookup["management"] = _asked_management(req)
    req.lookup["snmp"] = None if req.lookup["management"] else _asked_snmp(req)
    return req.lookup["management"] is not None or req.lookup["snmp"] is not None


def _places(card: ProductCard) -> list[tuple[str, SpecCard | None]]:
    places: list[tuple[str, SpecCard | None]] = [(card.product.name, None)]
    for spec in card.specs:
        if not denies(spec):
            places.extend((f"{spec.spec.name} {clause}", spec) for clause in value_clauses(spec.spec.value))
    return places


def _means(card: ProductCard) -> dict[str, tuple[str, SpecCard | None]]:
    """The first place of each kind of management the card says: unmanaged, full, partial."""
    w = _words()
    found: dict[str, tuple[str, SpecCard | None]] = {}
    for text, spec in _places(card):
        said = set(tokens(text))
        if said & w.unmanaged:
            found.setdefault("unmanaged", (text, spec))
        elif said & w.partial and said & (w.managed | {"управление"}) and not said & w.full:
            found.setdefault("partial", (text, spec))
        elif said & w.full or (said & w.managed and not said & w.partial):
            found.setdefault("full", (text, spec))
    return found


def _where(spec: SpecCard | None, card: ProductCard) -> str:
    return f"{spec.spec.name} — {spec.spec.value}" if spec is not None else f"наименование: {card.product.name}"


def _management(asked: str, card: ProductCard) -> _Found | None:
    means = _means(card)
    if "unmanaged" in means and ("full" in means or "partial" in means):
        return None  # the card says both: the specialist decides
    kind = "unmanaged" if "unmanaged" in means else "full" if "full" in means else "partial" if means else None
    if kind is None:
        return None
    spec = means[kind][1]
    said = f"в карточке ({_where(spec, card)})"
    if asked == "unmanaged":
        return (
            ("yes" if kind == "unmanaged" else "no"),
            f"{said}: {'не' if kind == 'unmanaged' else ''}управляемый",
            spec,
        )
    if kind == "partial":  # web-only management: no proof of a managed switch, nor of an unmanaged one
        return "unknown", f"{said}: управление только через веб-интерфейс, проверьте вручную", spec
    return ("yes" if kind == "full" else "no"), f"{said}: {'' if kind == 'full' else 'не'}управляемый", spec


def _snmp(asked: tuple[int, bool], card: ProductCard) -> _Found | None:
    version, later = asked
    stated: dict[int, SpecCard | None] = {}
    for text, spec in [(card.product.name, None)] + [(s.spec.value, s) for s in card.specs if not denies(s)]:
        for m in _words().snmp_list.finditer(text):
            for v in re.findall(r"[123]", m.group("list")):
                stated.setdefault(int(v), spec)
    if not stated:
        return None
    met = [v for v in stated if v == version or (later and v > version)]
    spec = stated[met[0]] if met else next(iter(stated.values()))
    listed = "/".join(f"v{v}" for v in sorted(stated))
    return ("yes" if met else "no"), f"в карточке ({_where(spec, card)}): SNMP {listed}", spec


def management_stated(req: Requirement, card: ProductCard) -> _Found | None:
    """(status, reason, spec) of a managed / unmanaged or SNMP version requirement on the card; None when the card
    decides nothing. Only after :func:`asks_management`."""
    if req.lookup.get("management") is not None:
        return _management(req.lookup["management"], card)
    return _snmp(req.lookup["snmp"], card)
