"""Spans against spans: a required range a product must work over ("Диапазон рабочих температур: от -40 до +70 °C",
"Напряжение питания: от 100 до 240 В") is met by an offered range covering it ("-40…+75 °C"), and not by one that
leaves a part of it out ("0 … +70 °C" against "от -40 до +85 °C").

Only when both sides are spans in one dimension: a single offered value ("220 В") is no span, and a required span
with one offered value is the range check's business (a value inside the bounds).

A span of operating conditions («Диапазон рабочих температур: от -40 до +50 °C», or a range with both bounds) is also
read where the card states it in a clause of another spec («Исполнение: уличное, IP65, рабочая температура от −45 до
+60 °C»), before any name alignment: a KTRU range with both bounds there asks the product to work over all of it,
not a card value inside it. Words in `requirements.json` `operating_spans`.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache

from matching.cards import ProductCard, SpecCard, denies
from matching.normalise import tokens
from matching.requirements import Requirement
from matching.units import DATA_DIR, make_quantity, unit_info
from matching.valuelabels import value_clauses

_SIGNED = r"[-−–+]?\s?\d+(?:[.,]\d+)?"
_SPAN_RE = re.compile(
    rf"(?:(?<![\w])от\s*)?(?P<a>{_SIGNED})\s*(?P<ua>°?\s?[^\W\d_]*\.?)\s*(?:до|…|\.\.\.|–|—|-|~)\s*(?P<b>{_SIGNED})"
    r"\s*(?P<ub>°?\s?[^\W\d_]+(?:/[^\W\d_]+)?)?",
    re.IGNORECASE,
)


def _number(text: str) -> float:
    return float(re.sub(r"\s", "", text).replace("−", "-").replace("–", "-").replace(",", "."))


@lru_cache(maxsize=65_536)
def span(text: str) -> tuple[float, float, str] | None:
    """The text's one span as (low, high, dimension) in base units, both ends in one unit; None when it has none,
    several, or no unit."""
    found = list(_SPAN_RE.finditer(text))
    if len(found) != 1:
        return None
    m = found[0]
    unit_b = (m.group("ub") or "").replace(" ", "")
    unit_a = (m.group("ua") or "").replace(" ", "").rstrip(".") or unit_b
    info_a, info_b = unit_info(unit_a), unit_info(unit_b)
    if info_a is None or info_b is None or info_a[0] != info_b[0] or info_a[0] in ("count", "percent"):
        return None
    lo, hi = make_quantity(_number(m.group("a")), unit_a), make_quantity(_number(m.group("b")), unit_b)
    if lo.base > hi.base:
        return None
    return lo.base, hi.base, info_a[0]


def span_covers(required: str, offered: str) -> bool | None:
    """Whether the offered span covers the required one; None unless both are spans of one dimension."""
    want, have = span(required), span(offered)
    if want is None or have is None or want[2] != have[2]:
        return None
    return have[0] <= want[0] + 1e-9 and have[1] >= want[1] - 1e-9


@lru_cache(maxsize=1)
def _operating() -> tuple[dict[str, frozenset[str]], frozenset[str], frozenset[str]]:
    data = json.loads((DATA_DIR / "requirements.json").read_text(encoding="utf-8"))["operating_spans"]
    things = {dim: frozenset(words) for dim, words in data["things"].items()}
    return things, frozenset(data["operating"]), frozenset(data["other"])


def _asked_span(req: Requirement) -> tuple[float, float, str] | None:
    """The span a requirement asks the product to work over: its name names an operating condition of a thing
    («Диапазон рабочих температур», «Температура эксплуатации»), its value one span or both bounds of a range."""
    things, operating, other = _operating()
    name = frozenset(req.name_tokens)
    if name.isdisjoint(operating) or not name.isdisjoint(other):
        return None
    if req.kind == "range" and req.min is not None and req.max is not None and req.dimension in things:
        asked: tuple[float, float, str] | None = (req.min, req.max, req.dimension)
    elif req.kind in ("values", "text"):
        texts = [req.text] if req.kind == "text" else list(req.values)
        asked = span(texts[0]) if len(texts) == 1 and texts[0] else None
    else:
        asked = None
    return asked if asked is not None and asked[2] in things and not name.isdisjoint(things[asked[2]]) else None


def asks_operating_span(req: Requirement) -> bool:
    """The requirement asks a span of operating conditions (decided once per requirement)."""
    asked = req.lookup["operating_span"] = _asked_span(req)
    return asked is not None


def _stated_spans(spec: SpecCard, dimension: str) -> list[tuple[float, float, str]]:
    """The spans of operating conditions a spec states: its whole value when its name says it is one («Рабочая
    температура: -45…+60 °C»), else a clause saying so («Исполнение: уличное, рабочая температура от −45 до +60 °C»);
    never a storage one («Температура хранения»)."""
    _, operating, other = _operating()
    name = frozenset(tokens(spec.spec.name))
    if not name.isdisjoint(other):
        return []
    found = []
    for clause in value_clauses(spec.spec.value):
        words = name | frozenset(tokens(clause))
        stated = span(clause) if words.isdisjoint(other) and not words.isdisjoint(operating) else None
        if stated is not None and stated[2] == dimension:
            found.append(stated)
    return found


def operating_span_met(req: Requirement, card: ProductCard) -> tuple[str, str, SpecCard | None] | None:
    """("yes" | "no", reason, spec) on the one span of the asked operating condition the card states: it must cover
    the asked span at both ends («-30…+55 °C» fails «от -40 до +50 °C»). None when the card states none or several.
    Only after :func:`asks_operating_span`."""
    want = req.lookup["operating_span"]
    found = [(s, spec) for spec in card.specs if not denies(spec) for s in _stated_spans(spec, want[2])]
    if not found or len({(round(s[0], 6), round(s[1], 6)) for s, _ in found}) != 1:
        return None
    have, spec = found[0]
    ok = have[0] <= want[0] + 1e-9 and have[1] >= want[1] - 1e-9
    said = f"в карточке ({spec.spec.name}): {spec.spec.value}; требуется работа во всём диапазоне {req.describe()}"
    return ("yes" if ok else "no"), said, spec
