"""A quantity a spec's value names with the rest of the requirement's name: «Бюджет PoE ≥ 370 Вт» (or «Суммарная
мощность PoE», a switch's budget) on «PoE: 802.3af/at, бюджет 370 Вт». The spec's name must be part of the
requirement's («PoE»), and one part of its value (between commas) must say the rest of the name («бюджет») with one
quantity of the asked dimension and no other word than those of the name, «до» or a total («общий бюджет 60 Вт»);
the words naming what the unit measures need not be said («Время автономной работы от батареи» on «Батарея: 53 Вт·ч,
до 9 ч автономной работы», `alignment.json` `unit_measures`).
Tried only when the alignment leaves the requirement undecided; one such quantity on the card, or nothing is read:
«до 30 Вт на порт» is no budget, and a budget is no «Мощность PoE на порт»."""

from __future__ import annotations

import re
from functools import lru_cache

from matching.alignment import neutral_qualifier, per_unit, vocabulary
from matching.cards import ProductCard, SpecCard
from matching.normalise import clean, implied, tokens
from matching.ranges import in_range
from matching.requirements import Requirement
from matching.units import Quantity, parse_quantities, unit_info
from matching.unitthings import drive_kinds, names_rival_thing

_LATIN = re.compile(r"^[a-z0-9.+]+$")
_ALSO = frozenset({"до", "общий", "суммарно", "всего"})
_SENTENCES_RE = re.compile(r"\s*;\s*")
"""Words a value's part may add to the name's: an upper bound or a total ("общий бюджет до 60 Вт")."""
_CLAUSES_RE = re.compile(r"\s*;\s*|\s*,(?!\d)\s*")
"""Clauses of a value: commas and semicolons, but not a decimal comma ("до 4,6 ГГц")."""


def value_clauses(value: str) -> list[str]:
    """A value's clauses: split at commas and semicolons, but not at a decimal comma ("до 4,6 ГГц")."""
    return _CLAUSES_RE.split(value)


_COMBINED = 3
"""Dimensions a spec's value states for it to be a combined spec of several measures («Матрица»)."""
_BOUNDS = frozenset({"до", "от", "макс", "максимальная", "максимальный", "max", "turbo", "boost"})
"""Words making a value's quantity a bound of what it measures, not its value."""


@lru_cache(maxsize=16_384)
def _parts(value: str, dimension: str) -> tuple[tuple[frozenset[str], Quantity], ...]:
    """The value's parts with one quantity in the dimension, as (their words without numbers, the quantity)."""
    found = []
    for part in value_clauses(value):
        quantities = [q for q in parse_quantities(part) if q.dimension == dimension]
        if len(quantities) == 1:
            words = frozenset(t for t in tokens(part) if not any(ch.isdigit() for ch in t))
            found.append((words, quantities[0]))
    return tuple(found)


def named_in_value(req: Requirement, card: ProductCard) -> tuple[str, str, SpecCard] | None:
    """("yes" | "no", reason, spec) when one quantity of the card is named in a spec's value as the requirement
    names it; None otherwise."""
    if req.kind != "range" or req.dimension in (None, "count"):
        return None
    name = frozenset(t for t in req.name_tokens if not neutral_qualifier(t))
    also = _ALSO | vocabulary().total
    found: list[tuple[Quantity, SpecCard]] = []
    kind = name - vocabulary().measure  # "Общий объем накопителей SSD": the kind asked, its dimension the measure
    measure = vocabulary().unit_measures.get(req.dimension, frozenset())  # «Время …»: the unit ч says it
    for spec in card.specs:
        rest = name - spec.tokens
        said = rest - measure
        if spec.tokens and spec.tokens < name and said:
            found += [(q, spec) for words, q in _parts(spec.spec.value, req.dimension) if said <= words <= rest | also]
        elif spec.tokens and kind and not spec.tokens & kind:
            # "Накопитель: SSD 512 ГБ M.2 NVMe": the value's part names a kind of the spec's thing (SSD is a drive)
            # with one quantity, and nothing else than Latin codes of its make (interface, form factor).
            found += [(q, spec) for words, q in _parts(spec.spec.value, req.dimension)
                      if kind <= words and spec.tokens <= implied(words) and not (words - kind) & drive_kinds()
                      and all(_LATIN.match(w) for w in words - kind)]  # fmt: skip («SSD + HDD 1 ТБ»: the HDD's)
    if not found:
        found = _in_sentences(req, name - measure - also, card)
    if not found or len({round(q.base, 6) for q, _ in found}) != 1:
        return None
    q, spec = found[0]
    said = f"в карточке ({spec.spec.name}): {spec.spec.value}, требуется {req.describe()}"
    return ("yes" if in_range(req, q.base) else "no"), said, spec


def _in_sentences(req: Requirement, wanted: frozenset[str], card: ProductCard) -> list[tuple[Quantity, SpecCard]]:
    """A quantity named in a sentence of another spec's value («Питание: 2 × 600 Вт, горячая замена; PoE 802.3af/at,
    бюджет 740 Вт» for «Бюджет PoE»): the sentence (up to «;») says every word the requirement's name asks beyond its
    measure (two at least), holds one quantity of the dimension, and bounds no single thing («30 Вт на порт»)."""
    if len(wanted) < 2:
        return []
    found = []
    for spec in card.specs:
        for sentence in _SENTENCES_RE.split(spec.spec.value):
            quantities = [q for q in parse_quantities(sentence) if q.dimension == req.dimension]
            words = frozenset(tokens(sentence))
            if len(quantities) == 1 and wanted <= implied(words) and not per_unit(tuple(words - wanted)):
                found.append((quantities[0], spec))
    return found


def only_quantity_in_unit(req: Requirement, card: ProductCard) -> tuple[str, str, SpecCard] | None:
    """«Размер диагонали ≥ 27 дюйм» on «Матрица: 27" IPS, 1920 × 1080, 75 Гц, 4 мс (GtG)»: when no spec is named like
    the requirement, the card's only quantity in the requirement's very unit (inches, Гц, мс: the same scale, so no
    processor's ГГц for a refresh rate) says what the requirement measures. Nothing is read when the name qualifies
    another part, a mode or a limit («Частота процессора базовая»), names a word of the quantity's clause («выход
    первой страницы 6,4 с» is a mono page, judged by its words), the quantity is a bound («до 4,6 ГГц»), or the
    holding spec is no combined one (fewer than three dimensions: «Встроенные динамики: 2 × 2 Вт» is the speakers'
    power, not the product's). The holding spec may name the requirement's thing: «Частота обновления экрана» on
    «Экран: 21,5" IPS, 1920×1080, 75 Гц, 5 мс», «Емкость аккумулятора» on «Аккумулятор: 10 200 мА·ч (39 Вт·ч),
    быстрая зарядка 45 Вт» (its only energy)."""
    if req.kind != "range" or req.dimension in (None, "count") or not req.unit:
        return None
    wanted = unit_info(req.unit)
    v = vocabulary()
    if (
        wanted is None
        or wanted[0] != req.dimension
        or not (v.components | v.mode | v.scope).isdisjoint(req.name_tokens)
    ):
        return None
    found: list[tuple[str, Quantity, SpecCard]] = []
    for spec in card.specs:
        parts = [(part, q) for part in _CLAUSES_RE.split(spec.spec.value) for q in parse_quantities(part)]
        found += [(part, q, spec) for part, q in parts if q.dimension and unit_info(q.unit) == wanted]
        if not parts and spec.quantity is not None and unit_info(spec.quantity.unit) == wanted:
            found.append((spec.spec.value, spec.quantity, spec))
    if len(found) != 1:
        return None
    part, q, spec = found[0]
    dimensions = {u.dimension for u in parse_quantities(spec.spec.value) if u.dimension}
    words = frozenset(tokens(part))
    if (
        len(dimensions) < _COMBINED
        or not words.isdisjoint(req.name_tokens)
        or not _BOUNDS.isdisjoint(clean(part).split())
        or names_rival_thing(req, spec)  # «Видеокарта: …, 4 ГБ GDDR6» holds no RAM
    ):
        return None
    said = f"в карточке ({spec.spec.name}): {spec.spec.value}, требуется {req.describe()}"
    return ("yes" if in_range(req, q.base) else "no"), said, spec
