"""A value stating one thing in two units of its parts ("Выходная мощность: 3000 ВА / 2700 Вт"): the unit tells
which part each number is (`alignment.json` `unit_parts`: ВА the apparent power, Вт the active one), so the spec
is read as one spec per part, named with its word ("Выходная мощность (полная): 3000 ВА"). Read whole, the first
number answered for both parts and the name matched neither "… полная" nor "… активная"."""

from __future__ import annotations

import re

from matching.alignment import vocabulary
from matching.normalise import tokens
from matching.units import parse_quantities
from store.schema import ProductSpec

_PART_RE = re.compile(r"\s*/\s*(?=\d)")


def unit_parts(spec: ProductSpec) -> tuple[ProductSpec, ...]:
    """The spec split by the units of its parts when every part of its value is one number in a unit naming a part
    of its own (and the name names none of them yet); else the spec as it is."""
    if "/" not in spec.value or spec.unit:
        return (spec,)
    named = vocabulary().unit_parts
    values = _PART_RE.split(spec.value.strip())
    found = [parse_quantities(v) for v in values]
    if len(values) < 2 or any(len(q) != 1 or q[0].dimension not in named for q in found):
        return (spec,)
    words = [named[q[0].dimension] for q in found]
    have = set(tokens(spec.name))
    if len(set(words)) != len(words) or any(set(tokens(w)) & have for w in words):
        return (spec,)
    return tuple(ProductSpec(name=f"{spec.name} ({w})", value=v) for w, v in zip(words, values, strict=True))
