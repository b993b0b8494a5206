"""A card's spec stating two things in one value, split into one spec per thing: two names with a value each
(:func:`paired_specs`), or one name whose value gives its parts in their own units (:func:`unit_parts`).

A value stating one thing in two units of its parts ("Выходная мощность: 3000 ВА / 2700 Вт"): the unit tells
which part each number is (`alignment.json` `unit_parts`: ВА the apparent power, Вт the active one), so the spec
is read as one spec per part, named with its word ("Выходная мощность (полная): 3000 ВА"). Read whole, the first
number answered for both parts and the name matched neither "… полная" nor "… активная". A closing note naming no
part, the power factor ("3000 ВА / 3000 Вт (PF = 1,0)", `alignment.json` `part_notes`), is left out of the parts."""

from __future__ import annotations

import re

from matching.alignment import vocabulary
from matching.normalise import tokens
from matching.units import first_quantity, parse_quantities
from store.schema import ProductSpec

_NAME_PAIR_RE = re.compile(r"\s*/\s*")
_VALUE_PAIR_RE = re.compile(r"\s*/\s*(?=\d)")
_BARE_NUMBER_RE = re.compile(r"\d+(?:[.,]\d+)?")


def paired_specs(spec: ProductSpec) -> tuple[ProductSpec, ...]:
    """A spec naming two things with a value for each, «Оперативная / встроенная память: 6 ГБ / 128 ГБ», «Скорость
    чтения/записи: 550/520 МБ/с», as one spec per thing (a one-word part takes the other part's noun); any other
    spec as it is. Read whole, the first value answered for both."""
    if "/" not in spec.name or "/" not in spec.value:
        return (spec,)
    names, values = _NAME_PAIR_RE.split(spec.name.strip()), _VALUE_PAIR_RE.split(spec.value.strip())
    if len(names) != 2 or len(values) != 2 or not all(names) or not all(first_quantity(v, None) for v in values):
        return (spec,)
    first, second = names[0].split(), names[1].split()
    if len(first) == 1 and len(second) > 1:  # «Оперативная / встроенная память»: the adjective takes the noun
        first = first + second[1:]
    elif len(second) == 1 and len(first) > 1:  # «Скорость чтения/записи»: the noun is the first part's
        second = first[:-1] + second
    if _BARE_NUMBER_RE.fullmatch(values[0]):  # «550/520 МБ/с»: the unit is written once, after the last
        values[0] += _BARE_NUMBER_RE.sub("", values[1], count=1)
    pairs = zip((first, second), values, strict=True)
    return tuple(ProductSpec(name=" ".join(n), value=v, unit=spec.unit) for n, v in pairs)


def split_spec(spec: ProductSpec) -> tuple[ProductSpec, ...]:
    """The spec as one spec per thing it states (paired names first, then parts named by their units)."""
    return tuple(part for pair in paired_specs(spec) for part in unit_parts(pair))


def unit_parts(spec: ProductSpec) -> tuple[ProductSpec, ...]:
    """The spec split by the units of its parts when every part of its value is one number in a unit naming a part
    of its own (and the name names none of them yet); else the spec as it is."""
    if "/" not in spec.value or spec.unit:
        return _sole_part(spec)
    named = vocabulary().unit_parts
    values = _VALUE_PAIR_RE.split(vocabulary().part_note_re.sub("", spec.value).strip())
    found = [parse_quantities(v) for v in values]
    if len(values) < 2 or any(len(q) != 1 or q[0].dimension not in named for q in found):
        return (spec,)
    words = [named[q[0].dimension] for q in found]
    have = set(tokens(spec.name))
    if len(set(words)) != len(words) or any(set(tokens(w)) & have for w in words):
        return (spec,)
    return tuple(ProductSpec(name=f"{spec.name} ({w})", value=v) for w, v in zip(words, values, strict=True))


def _sole_part(spec: ProductSpec) -> tuple[ProductSpec, ...]:
    """«Выходная мощность: 6000 ВА» named «Выходная мощность (полная)» when its value is one quantity in a unit that
    names its part alone (`alignment.json` `sole_unit_parts`) and the name names no part yet; else the spec as it
    is. «6000 Вт» stays unnamed: Вт is the plain power of most things, so it never answers «(полная)»."""
    v = vocabulary()
    found = parse_quantities(f"{spec.value} {spec.unit}" if spec.unit else spec.value)
    if len(found) != 1 or found[0].dimension not in v.sole_unit_parts:
        return (spec,)
    word = v.unit_parts[found[0].dimension]
    if set(tokens(word)) & set(tokens(spec.name)):
        return (spec,)
    return (ProductSpec(name=f"{spec.name} ({word})", value=spec.value, unit=spec.unit),)
