"""Numeric decisions: an offered quantity against a required range, and the offered value as a specialist reads
it (``1,75 кг``, ``16 ГБ``). A value counting things of one size ("2 × 1200 Вт") is decided only when the
per-unit and the total reading agree."""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal
from functools import lru_cache
from typing import Literal

from matching import ru_format
from matching.alignment import implicit_only, in_total, named_thing, per_unit, redundant
from matching.cards import (
    ProductCard,
    SpecCard,
    counted_each,
    counted_kinds,
    is_version,
    kinds_counted_for,
    slash_listed,
    value_shape,
)
from matching.limits import asked_limit, limit_of
from matching.normalise import feature_tokens, tokens
from matching.requirements import Requirement
from matching.sizeaxes import axis_sizes
from matching.units import Quantity, make_quantity, parse_quantities
from matching.values import compare_classes, is_unlimited

Status = Literal["yes", "no", "unknown"]
Reason = str | Callable[[], str]
EPS = 1e-9
_CODE_RE = re.compile(r"[a-z][a-z0-9+.\-]*")
_UP_TO_RE = re.compile(r"^\D*\bдо\s*\d", re.IGNORECASE)
"""A value's part whose first number is an upper bound («расширение до 64 ГБ», «до 128 ГБ»)."""
"""A Latin word or code of a requirement's name ("schuko", "c13"): the kind of the things it counts."""


def offered(spec: SpecCard) -> str:
    """The catalogue's value as a specialist reads it: ``1,75 кг``, ``16 ГБ``; text values as written."""
    return _offered_value(spec.spec.value, spec.spec.unit)


def offered_class(spec: SpecCard) -> str:
    """The offered value with the class the value classes add to it, where a class decides: a server's «2U
    (стоечный)» (:func:`matching.values.rack_mounted`)."""
    added = spec.class_text.startswith(spec.spec.value) and not spec.spec.unit
    return spec.class_text if added else offered(spec)


@lru_cache(maxsize=65_536)
def _offered_value(value: str, unit: str | None) -> str:
    try:
        number = Decimal(value.strip().replace(",", "."))
    except (ArithmeticError, ValueError):
        return f"{value} {unit}".strip() if unit else value
    return ru_format.quantity(number, unit) if number.is_finite() else value


def offered_text(spec: SpecCard) -> str:
    """The offered value as the catalogue writes it, with its unit."""
    return f"{spec.spec.value} {spec.spec.unit}".strip() if spec.spec.unit else spec.spec.value


def in_range(req: Requirement, value: float) -> bool:
    tol = EPS * max(1.0, abs(value))
    if req.min is not None:
        if req.min_inclusive and value < req.min - tol:
            return False
        if not req.min_inclusive and value <= req.min + tol:
            return False
    if req.max is not None:
        if req.max_inclusive and value > req.max + tol:
            return False
        if not req.max_inclusive and value >= req.max - tol:
            return False
    return True


def gap(req: Requirement, value: float) -> float:
    if req.min is not None and value < req.min:
        return (req.min - value) / max(abs(req.min), 1e-12)
    if req.max is not None and value > req.max:
        return (value - req.max) / max(abs(req.max), 1e-12)
    return 0.0


def check_range(req: Requirement, spec: SpecCard) -> tuple[Status, Reason]:
    sizes = axis_sizes(req, spec)  # "Ширина × глубина: 600 × 1000 мм": no count × size
    if sizes is not None:
        return _check_sizes(req, spec, sizes)
    q = spec.quantity
    side = asked_limit(req.name_tokens, spec.tokens)
    limit = limit_of(spec.spec.value, side) if side else None
    if limit is not None:  # "Предельная плотность бумаги" on "52–300 г/м²": the range's upper end
        q = limit
    if q is None and is_unlimited(spec.spec.value):
        if req.max is None:
            return "yes", lambda: f"«{spec.spec.value}» (не ограничено) соответствует требованию {req.describe()}"
        return "no", lambda: f"«{spec.spec.value}» (не ограничено) превышает {req.describe()}"
    if q is None:
        return "unknown", lambda: f"значение «{spec.spec.value}» не числовое"
    if req.dimension == "count" and is_version(spec.spec.value, spec.spec.unit):
        return "unknown", lambda: f"«{spec.spec.value}» — версия, а не количество; проверьте вручную"
    if req.dimension and q.dimension and req.dimension != q.dimension:
        return "unknown", lambda: f"единицы несопоставимы: {req.unit} и {q.unit}"
    kinds = _kinds_for(req, spec) if req.dimension in (None, "count") else ()
    if kinds:
        return _check_kind_count(req, spec, kinds)
    counted = counted_each(spec) if req.dimension and not q.dimension else None
    if counted is not None and counted[1].dimension == req.dimension:
        return _check_each_and_total(req, spec, *counted)
    stated = _stated_in(req.dimension, spec) if req.dimension and not q.dimension else ()
    if req.dimension == "count" and value_shape(spec.spec.value) == "counted":
        stated = ()  # "2 × Intel Xeon Gold 6330 (28 ядер)": two processors; the cores are counted of each
    if len(stated) > 1:
        return "unknown", lambda: f"в «{spec.spec.value}» несколько значений; проверьте вручную"
    if stated:  # "1 × RJ-45, 2,5 Гбит/с": the rate is what it says in the asked unit, not the leading count
        value = stated[0].base
    elif req.dimension and not q.dimension:
        q = make_quantity(q.value, req.unit)
        value = q.base
    elif not req.dimension and q.dimension:
        value = q.value
    else:
        value = q.base
        several = _parts_stating(req.dimension, spec.spec.value) if req.dimension and not side else ()
        if len(several) > 1:
            return _check_labelled(req, spec, several)
    members = slash_listed(spec.spec.value) if req.min is not None and req.min == req.max else None
    if members and req.dimension:  # «= 100 Мбит/с» on «10/100/1000 Мбит/с»: one of the port's rates
        value = next((m for m in members if in_range(req, m)), value)
    if in_range(req, value):
        return "yes", lambda: f"{offered(spec)} соответствует требованию {req.describe()}"
    return "no", lambda: f"{offered(spec)} не соответствует требованию {req.describe()}"


def _check_sizes(req: Requirement, spec: SpecCard, sizes: tuple[Quantity, ...]) -> tuple[Status, Reason]:
    """A size tuple (:mod:`matching.sizeaxes`): the asked axis's length decides; of several lengths that may each be
    the asked one, "no" only when none meets the bound."""
    if len(sizes) == 1:
        ok = in_range(req, sizes[0].base)
        said = "соответствует" if ok else "не соответствует"
        return ("yes" if ok else "no"), lambda: f"{offered_text(spec)}: {said} требованию {req.describe()}"
    if not sizes:
        return "unknown", lambda: f"«{spec.spec.name}: {offered_text(spec)}» не называет требуемый размер; проверьте"
    if not any(in_range(req, q.base) for q in sizes):
        return "no", lambda: f"{offered_text(spec)}: ни один размер не соответствует требованию {req.describe()}"
    return "unknown", lambda: f"«{spec.spec.name}: {offered_text(spec)}»: какой из размеров требуется? проверьте"


def _top_parts(value: str) -> list[str]:
    """A value's parts between commas and semicolons outside brackets ("32 ГБ DDR4 (2 × 16 ГБ, 4 слота); SSD 1 ТБ")."""
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(value):
        depth += (ch in "([") - (ch in ")]")
        if ch in ",;" and depth <= 0:
            parts.append(value[start:i])
            start = i + 1
    parts.append(value[start:])
    return [p.strip() for p in parts if p.strip()]


@lru_cache(maxsize=16_384)
def _parts_stating(dimension: str, value: str) -> tuple[tuple[frozenset[str], Quantity], ...]:
    """The value's parts stating a quantity of the dimension, as (their words, the part's first such quantity);
    a part bounding it («расширение до 64 ГБ») states no value of the product's."""
    found = []
    for part in _top_parts(value):
        quantities = [q for q in parse_quantities(part) if q.dimension == dimension]
        if quantities and not _UP_TO_RE.search(part):
            found.append((frozenset(tokens(part)), quantities[0]))
    return tuple(found)


def _check_labelled(
    req: Requirement, spec: SpecCard, parts: tuple[tuple[frozenset[str], Quantity], ...]
) -> tuple[Status, Reason]:
    """One spec stating several things in the asked dimension ("Память и накопители: 32 ГБ DDR4 …; SSD 1 ТБ"):
    the quantity of the one part labelled by a word the requirement's name adds to the spec's ("SSD" of "Объем
    накопителя SSD") decides; without such a part, "no" only when every stated quantity fails (the first one may
    be another thing's) and "yes" only when every one meets the requirement."""
    label = {t for t in req.name_tokens if t not in spec.tokens and not t[:1].isdigit()}
    labelled = [q for words, q in parts if label & words]
    if len(labelled) == 1:
        ok = in_range(req, labelled[0].base)
        said = "соответствует" if ok else "не соответствует"
        return ("yes" if ok else "no"), lambda: f"{offered_text(spec)}: {said} требованию {req.describe()}"
    met = [in_range(req, q.base) for _, q in parts]
    if all(met):
        return "yes", lambda: f"{offered_text(spec)} соответствует требованию {req.describe()}"
    if not any(met):
        return "no", lambda: f"{offered_text(spec)} не соответствует требованию {req.describe()}"
    return "unknown", lambda: f"в «{spec.spec.value}» несколько значений; какое из них требуется? проверьте"


def _stated_in(dimension: str, spec: SpecCard) -> tuple[Quantity, ...]:
    """The quantities a value with a bare leading number states in a dimension ("1 × RJ-45, 2,5 Гбит/с": 2,5 Гбит/с)."""
    return tuple(q for q in parse_quantities(spec.spec.value) if q.dimension == dimension)


def kind_counting_spec(req: Requirement, card: ProductCard) -> SpecCard | None:
    """The card's one spec counting by kind in its value ("Розетки: IEC C13 × 4") the thing a count of one Latin
    kind names ("Количество выходных розеток Schuko"): the kind is in the value, not in the spec's name."""
    asked_thing = req.lookup.get("kind_counted")
    if asked_thing is None:
        asked_thing = req.lookup["kind_counted"] = _kind_counted(req)
    asked, thing = asked_thing
    if not asked:
        return None
    if thing:
        found = [s for s in card.specs if counted_kinds(s.spec.value) and _plain(named_thing(s.tokens)) == thing]
    elif feature_tokens(asked):  # "портов 10/100/1000BASE-T", "портов HDMI": ports by feature, :mod:`matching.ports`
        return None
    else:  # "Количество выходных разъемов IEC 320 С13": any spec counting that kind («Розетки: 8 × C13, 1 × C19»)
        codes = " ".join(sorted(asked))  # as written: «разъем» implies RJ-45 in the aligned name, not here
        found = [s for s in card.specs if any(_same_kind(asked, codes, kind) for kind, _ in _kinds_for(req, s))]
    return found[0] if len(found) == 1 else None


def _kinds_for(req: Requirement, spec: SpecCard) -> tuple[tuple[frozenset[str], int], ...]:
    """The kinds a spec's value counts for the requirement (the Latin kinds its name adds to the spec's)."""
    asked = frozenset(t for t in req.name_tokens if _CODE_RE.fullmatch(t) and t not in spec.tokens)
    return kinds_counted_for(spec.spec.value, asked)


def _plain(thing: frozenset[str]) -> frozenset[str]:
    """The thing without its feature words ("Сетевые порты" implies copper ports, "rj45"): the kinds a value
    counts ("2 × 1 Гбит/с") say which ports they are."""
    return thing - feature_tokens(thing)


def _kind_counted(req: Requirement) -> tuple[frozenset[str], frozenset[str]]:
    """The Latin kind a count asks and the thing it counts ("Количество розеток Schuko" → {schuko}, {розетка});
    no thing for a connector word alone ("разъемов IEC 320 С13": the kind says what is counted); no kind, else."""
    if req.kind != "range" or req.dimension not in (None, "count"):
        return frozenset(), frozenset()
    written = frozenset(tokens(req.name))
    asked = frozenset(t for t in req.name_tokens if _CODE_RE.fullmatch(t) and t in written)
    # A bare number among the codes is the standard's ("IEC 320 C13"), not a word of the thing counted; a
    # qualifier the alignment implied («разъем» → RJ-45) is no word of it either.
    implicit = implicit_only(tuple(written), frozenset(req.name_tokens))
    rest = tuple(t for t in req.name_tokens if t not in asked and not t.isdigit() and t not in implicit)
    return (asked, _plain(named_thing(rest))) if asked else (frozenset(), frozenset())


def _check_kind_count(
    req: Requirement, spec: SpecCard, kinds: tuple[tuple[frozenset[str], int], ...]
) -> tuple[Status, Reason]:
    """ "IEC C13 × 4, Schuko × 2": a count of one kind ("розеток Schuko", a Latin code the requirement's name adds
    to the spec's) counts that kind only; a count naming nothing but the spec's thing ("Количество выходных
    розеток" for "Розетки") counts them all; any other word ("розеток евростандарта") may pick some: unknown."""
    asked = frozenset(t for t in req.name_tokens if _CODE_RE.fullmatch(t) and t not in spec.tokens)
    if not asked and named_thing(req.name_tokens) != named_thing(spec.tokens):
        return "unknown", lambda: f"{offered_text(spec)}: какие из них считает требование {req.describe()}? проверьте"
    named = " ".join(req.name_tokens)
    same = [(_same_kind(asked, named, kind), n) for kind, n in kinds]
    count = sum(n for verdict, n in same if verdict)
    if not count and any(verdict is None and asked & kind for (verdict, _), (kind, _) in zip(same, kinds, strict=True)):
        # "IEC C13" asked, "C13 × 4" listed: the same kind written otherwise, or another one?
        return "unknown", lambda: f"{offered_text(spec)}: тот ли вид, что в требовании {req.describe()}? проверьте"
    if in_range(req, count):
        return "yes", lambda: f"{offered_text(spec)} соответствует требованию {req.describe()}"
    return "no", lambda: f"{offered_text(spec)} не соответствует требованию {req.describe()}"


def _same_kind(asked: frozenset[str], named: str, kind: frozenset[str]) -> bool | None:
    """Whether a listed kind ("IEC C13") is the one a count asks: its codes all listed, or the value classes of
    one family (sockets: "CEE 7/4 (Schuko)" is Schuko, C19 is no C13) saying so; None when neither decides."""
    if asked <= kind:
        return True
    return compare_classes(named, " ".join(sorted(kind)))


def _check_each_and_total(req: Requirement, spec: SpecCard, count: int, each: Quantity) -> tuple[Status, Reason]:
    """ "2 × 1200 Вт" against a bound that may mean each supply or all of them: decided when both readings agree."""
    each_ok, total_ok = in_range(req, each.base), in_range(req, each.base * count)
    if per_unit(req.name_tokens):
        total_ok = each_ok  # "Мощность каждого блока питания": one of them, never their total
    elif in_total(req.name) and not redundant(spec.spec.value):
        each_ok = total_ok  # "Суммарная мощность блоков питания": all of them together (none held in reserve)
    if each_ok and total_ok:
        return "yes", lambda: f"{offered_text(spec)} соответствует требованию {req.describe()}"
    if not each_ok and not total_ok:
        return "no", lambda: f"{offered_text(spec)} не соответствует требованию {req.describe()}"
    if in_total(req.name):  # kept apart above only when some of them are held in reserve
        return (
            "unknown",
            lambda: f"{offered_text(spec)}: часть в резерве, суммарно {req.describe()} не доказано; проверьте",
        )
    return "unknown", lambda: f"{offered_text(spec)}: требование {req.describe()} к каждому или ко всем? проверьте"
