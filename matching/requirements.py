"""Requirements: what a purchase line demands, from KTRU characteristics and from free text.

A :class:`Requirement` is one checkable demand: a numeric range (bounds inclusive or not, in the base unit of
its dimension), a set of allowed values, a presence (``наличие PoE+``) or absence, or a free text that can only
be compared by words. Phrases are in ``matching/data/requirements.json``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property, lru_cache
from typing import Literal

from matching import ru_format
from matching.alignment import align
from matching.normalise import clean, tokens
from matching.units import DATA_DIR, Quantity, expand_multipliers, make_quantity, parse_quantities, unit_info
from store.schema import Characteristic

Kind = Literal["range", "values", "presence", "text"]
_NUMBER = r"(?P<num>\d+(?:[.,]\d+)?)(?!\s*[xх×*]\s*\d)(?![\d.,])"
_THOUSANDS_RE = re.compile(r"(?<![\d.,])(\d{1,3})[\s\u00a0\u202f](\d{3})(?!\d)")
_RATIO_RE = re.compile(r"(\d)\s*:\s*1(?!\d)")
_UNIT_GROUP = r"(?P<unit>[^\s\d;,()/]*(?:\s*/\s*[^\s;,()]+)?)"
"""A unit after a number: letters, then what follows one slash, digits included ("кд/м2", "стр/мин", "Мбит/с")."""


@dataclass(frozen=True)
class Requirement:
    name: str
    kind: Kind
    min: float | None = None
    min_inclusive: bool = True
    max: float | None = None
    max_inclusive: bool = True
    dimension: str | None = None
    unit: str | None = None
    values: tuple[str, ...] = ()
    present: bool = True
    text: str | None = None
    source: str = "characteristic"
    name_tokens: tuple[str, ...] = field(default=(), compare=False)
    value_tokens: tuple[frozenset[str], ...] = field(default=(), compare=False)
    numeric_values: bool = field(default=False, compare=False)
    lookup: dict = field(default_factory=dict, compare=False, repr=False)
    """Memo of spec lookups per product-card signature (see ``matching.specmatch.best_spec``)."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "value_tokens", tuple(frozenset(tokens(v)) for v in self.values))
        object.__setattr__(self, "numeric_values", bool(self.values) and all(is_numeric(v) for v in self.values))

    def describe(self) -> str:
        """The requirement in the words a specialist uses (for reasons and explanations): Russian numbers and
        units that agree with them (``≥ 16 ГБ``, ``> 23,8 дюйма``, ``≥ 2 шт.``)."""
        return self.description

    @cached_property
    def description(self) -> str:
        """:meth:`describe`, computed once per requirement (every candidate's verdicts and reasons use it)."""
        if self.kind == "range":
            parts = []
            if self.min is not None:
                parts.append(f"{'≥' if self.min_inclusive else '>'} {_fmt(self.min, self)}")
            if self.max is not None:
                parts.append(f"{'≤' if self.max_inclusive else '<'} {_fmt(self.max, self)}")
            return " и ".join(parts)
        if self.kind == "values":
            return " / ".join(self.values)
        if self.kind == "presence":
            if self.present and self.min is not None:
                return f"наличие (не менее {self.min:g} шт.)"
            return "наличие" if self.present else "отсутствие"
        return self.text or ""


def _fmt(base_value: float, req: Requirement) -> str:
    info = unit_info(req.unit)
    value = base_value / info[1] if info else base_value
    return ru_format.quantity(Decimal(f"{value:g}"), req.unit)


class _Phrases:
    def __init__(self) -> None:
        data = json.loads((DATA_DIR / "requirements.json").read_text(encoding="utf-8"))
        self.range_res = [re.compile(p, re.IGNORECASE) for p in data["range_patterns"]]
        self.comparators = [
            (
                re.compile(rf"(?<![\w])(?:{p})\s*:?\s*{_NUMBER}\s*{_UNIT_GROUP}", re.I),
                b,
                inc,
            )
            for p, b, inc in data["comparators"]
        ]
        self.comparators += [  # "8 ГБ и более"
            (re.compile(rf"(?<![\w.,]){_NUMBER}\s*{_UNIT_GROUP}\s*(?:{p})(?![\w])", re.I), b, inc)
            for p, b, inc in data.get("postfix_comparators", [])
        ]
        self.lower_is_better = tuple(data["lower_is_better"])
        self.presence_re = re.compile(r"(?<![\w])(?:" + "|".join(data["presence"]) + r")(?![\w])", re.I)
        self.absence_re = re.compile(r"(?<![\w])(?:" + "|".join(data["absence"]) + r")(?![\w])", re.I)
        self.yes = frozenset(data["yes_values"])
        self.no = frozenset(data["no_values"])
        self.list_lemmas = frozenset(data["list_name_lemmas"])
        self.all_lemmas = frozenset(data["all_values_lemmas"]["lemmas"])
        self.counted_units = tuple(
            (frozenset(tokens(phrase)), unit, entry["name"])
            for unit, entry in data["counted_units"].items() if unit != "_doc" for phrase in entry["things"]
        )  # fmt: skip


@lru_cache(maxsize=1)
def phrases() -> _Phrases:
    return _Phrases()


def as_bool(value: str) -> bool | None:
    """``Да`` / ``есть`` → True, ``Нет`` / ``отсутствует`` → False, anything else → None."""
    text = clean(value).strip()
    p = phrases()
    if text in p.yes or value.strip() == "+":
        return True
    if text in p.no or value.strip() in ("-", "—"):
        return False
    return None


def lower_is_better(name: str) -> bool:
    lemmas = " ".join(tokens(name))
    return any(word in lemmas for word in phrases().lower_is_better)


_CODE_NAME_RE = re.compile(r"\s*(?:категори|класс|cat\b|формат|степень защиты)", re.IGNORECASE)
_CODE_VALUE_RE = re.compile(r"\s*[^\W\d_]{0,3}\d+[^\W\d_]{1,2}\s*$")
_PAREN_UNIT_RE = re.compile(r"\(([^()]{1,20})\)\s*$")
_GRADED_MIN_RE = re.compile(
    r"\s*(?:не\s+ниже|не\s+менее|не\s+хуже|≥|>=)\s*[^\W\d_]{0,3}\d+[^\W\d_]{1,2}\s*", re.IGNORECASE
)
"""A minimum of a graded code ("не ниже 5е" of a category): no number with a unit ("5 е", "6 А")."""


def _unit_from_name(name: str) -> str | None:
    """``Время отклика, мс`` → ``мс``; ``Яркость, кд/м2`` → ``кд/м2``; ``Объем памяти (Гб)`` → ``Гб``."""
    if "," in name:
        tail = name.rsplit(",", 1)[1].strip()
        if unit_info(tail):
            return tail
    m = _PAREN_UNIT_RE.search(name)
    if m and unit_info(m.group(1)):
        return m.group(1)
    return None


def _counted_unit(name: str, unit: str | None) -> str | None:
    """A count of a unit's things («Количество монтажных единиц: 42 шт») is a quantity in that unit (42 U)."""
    if unit is not None and (unit_info(unit) or ("count", 1.0))[0] != "count":
        return unit
    words = set(tokens(name))
    return next((counted for phrase, counted, _ in phrases().counted_units if phrase <= words), unit)


def measure_of(name: str, unit: str | None) -> str:
    """The measure a requirement counting a unit's things asks in that unit («Количество монтажных единиц» in U is the
    height «Высота: 42U» states), aligned with the card's spec of that measure; else the name."""
    words = set(tokens(name))
    return next((of for phrase, counted, of in phrases().counted_units if counted == unit and phrase <= words), name)


def _bound(value: str | float | None, unit: str | None) -> tuple[float | None, str | None]:
    if value is None:
        return None, None
    q = make_quantity(float(Decimal(str(value))), unit)
    return q.base, q.dimension


def _make(name: str, **kwargs) -> Requirement:
    return Requirement(name=name, name_tokens=name_tokens(measure_of(name, kwargs.get("unit"))), **kwargs)


def name_tokens(name: str, category: str = "*") -> tuple[str, ...]:
    """Tokens of a characteristic name without a trailing unit (``Время отклика, мс`` → время, отклик)."""
    if "," in name:
        head, tail = name.rsplit(",", 1)
        if unit_info(tail.strip()):
            name = head
    m = _PAREN_UNIT_RE.search(name)
    if m and unit_info(m.group(1)):
        name = name[: m.start()]
    return align(tokens(_METHOD_RE.sub(" ", name)), category)


_METHOD_RE = re.compile(
    r"\(?\bпо\s+(?:стандарту\s+)?(?:iso|iec|гост|ansi)(?:\s*[/-]?\s*(?:iso|iec|р|r)\b)*(?:\s*[\d.:-]+)*\)?",
    re.IGNORECASE,
)
"""A measurement method in a name («Скорость печати … по ISO/IEC 24734», «(по ГОСТ Р 50.1)»): how the value is
measured, not which value (vendors state a printer's speed by that standard without saying so)."""


def _range(name: str, lo: Quantity | None, lo_inc: bool, hi: Quantity | None, hi_inc: bool, source: str):
    unit = (lo.unit if lo and lo.dimension else None) or (hi.unit if hi and hi.dimension else None)
    dim = (lo.dimension if lo else None) or (hi.dimension if hi else None)
    return _make(
        name, kind="range", min=lo.base if lo else None, min_inclusive=lo_inc, max=hi.base if hi else None,
        max_inclusive=hi_inc, dimension=dim, unit=unit, source=source,
    )  # fmt: skip


def _quantity(number: str, unit: str | None, default_unit: str | None) -> Quantity:
    value = float(number.replace(",", "."))
    unit = (unit or "").strip(" .:")
    if unit and unit_info(unit):
        return make_quantity(value, unit)
    return make_quantity(value, default_unit)


_CLAUSE_SPLIT = re.compile(r"[;\n]+|,(?!\d)\s*(?=[^\d])|\.\s+(?=[А-ЯA-Z])")


def parse_free_text(text: str, name: str | None = None, unit: str | None = None, source: str = "text"):
    """Requirements stated in words: ``не менее 24 портов``, ``от 8 до 16 ГБ``, ``≥ 370 Вт``, ``наличие PoE+``."""
    found: list[Requirement] = []
    text = expand_multipliers(text)  # "не менее 16K записей"
    for clause in _CLAUSE_SPLIT.split(_RATIO_RE.sub(r"\1", _THOUSANDS_RE.sub(r"\1\2", text))):
        clause = clause.strip(" .:-")
        if clause:
            found.extend(_parse_clause(clause, name, unit, source))
    return found


def _residual_name(clause: str, span: tuple[int, int], unit_word: str, default: str | None) -> str:
    rest = (clause[: span[0]] + " " + clause[span[1] :]).strip(" ,.:;-–")
    rest = re.sub(r"\s+", " ", rest)
    rest = re.sub(r"(?:^|\s)(?:и|или|а также)(?=\s|$)", " ", rest).strip(" ,.:;-–")
    info = unit_info(unit_word) if unit_word else None
    if unit_word and info and info[0] == "count" and not unit_word.lower().startswith(("шт", "ед", "тыс")):
        rest = f"{rest} {unit_word}".strip()
    if default and (not rest or len(tokens(rest)) == 0):
        return default
    if default and rest and not set(tokens(rest)) & set(tokens(default)):
        return f"{default} {rest}"
    return rest or (default or "")


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    """The text with the other comparisons blanked out (same length, so spans stay valid)."""
    for a, b in spans:
        text = text[:a] + " " * (b - a) + text[b:]
    return text


def _parse_clause(clause: str, name: str | None, unit: str | None, source: str) -> list[Requirement]:
    p = phrases()
    for pattern in p.range_res:
        m = pattern.search(clause)
        if m and (m.group("ua") or unit_info((m.group("ub") or "").strip(" .")) or "от" in m.group(0).lower()):
            ub = m.group("ub") or m.group("ua")
            lo = _quantity(m.group("a"), m.group("ua") or ub, unit)
            hi = _quantity(m.group("b"), ub, unit)
            req_name = _residual_name(clause, m.span(), ub, name)
            return [_range(req_name, lo, True, hi, True, source)]
    found: list[tuple[re.Match[str], str, bool]] = []
    consumed: list[tuple[int, int]] = []
    for pattern, bound, inclusive in p.comparators:
        for m in pattern.finditer(clause):
            if any(a <= m.start() < b or m.start() <= a < m.end() for a, b in consumed):
                continue
            consumed.append(m.span())
            found.append((m, bound, inclusive))
    found.sort(key=lambda f: f[0].start())
    results = []
    for m, bound, inclusive in found:
        q = _quantity(m.group("num"), m.group("unit"), unit)
        req_name = _residual_name(_blank(clause, [f[0].span() for f in found if f[0] is not m]), m.span(),
                                  m.group("unit"), name)  # fmt: skip
        if bound == "better":
            bound = "max" if lower_is_better(req_name) else "min"
        if bound == "min":
            results.append(_range(req_name, q, inclusive, None, True, source))
        else:
            results.append(_range(req_name, None, True, q, inclusive, source))
    if results:
        return results
    absence = p.absence_re.search(clause)
    presence = p.presence_re.search(clause)
    if absence or presence:
        m = absence or presence
        subject = (clause[: m.start()] + " " + clause[m.end() :]).strip(" ,.:;-–")
        if subject:
            return [_make(subject, kind="presence", present=absence is None, source=source)]
    if name is not None:
        return [_make(name, kind="text", text=clause, source=source)]
    return []


def is_numeric(value: str) -> bool:
    """``"24"``, ``"370 Вт"``, ``"2,5 ТБ"`` yes; ``"802.11ax"``, ``"5e"`` no (the tail must be a known unit)."""
    m = re.fullmatch(r"\s*\d+(?:[.,]\d+)?\s*(\S*(?:\s+\S+)?)\s*", value)
    return bool(m) and (not m.group(1) or unit_info(m.group(1)) is not None)


def from_characteristic(ch: Characteristic) -> list[Requirement]:
    """Requirements of one KTRU / text-form characteristic (memoised: KTRU characteristics repeat a lot)."""
    key = (ch.name, ch.unit, ch.kind, ch.min, ch.min_inclusive, ch.max, ch.max_inclusive, tuple(ch.values), ch.text)
    return list(_from_characteristic(key))


@lru_cache(maxsize=100_000)
def _from_characteristic(key: tuple) -> tuple[Requirement, ...]:
    name, unit, kind, lo, lo_inc, hi, hi_inc, values, text = key
    ch = Characteristic(
        name=name, unit=unit, kind=kind, min=lo, min_inclusive=lo_inc, max=hi, max_inclusive=hi_inc,
        values=list(values), text=text,
    )  # fmt: skip
    return tuple(_requirements_of(ch))


def _requirements_of(ch: Characteristic) -> list[Requirement]:
    name = ch.name.strip()
    unit = _counted_unit(name, ch.unit or _unit_from_name(name))
    if ch.kind == "range" and (ch.min is not None or ch.max is not None):
        lo, dim_lo = _bound(ch.min, unit)
        hi, dim_hi = _bound(ch.max, unit)
        return [
            _make(
                name, kind="range", min=lo, min_inclusive=ch.min_inclusive is not False, max=hi,
                max_inclusive=ch.max_inclusive is not False, dimension=dim_lo or dim_hi, unit=unit,
            )
        ]  # fmt: skip
    values = [v.strip() for v in ch.values if v and v.strip()]
    if ch.kind == "values" and values:
        if len(values) == 1:
            flag = as_bool(values[0])
            if flag is not None:
                return [_make(name, kind="presence", present=flag)]
            if _CODE_NAME_RE.match(name) and _GRADED_MIN_RE.fullmatch(values[0]):
                return [_make(name, kind="text", text=values[0], source="characteristic")]
            parsed = parse_free_text(values[0], name=name, unit=unit, source="characteristic")
            if parsed and parsed[0].kind == "range":
                return parsed
        qs = [q for v in values for q in parse_quantities(v)[:1]]
        if _CODE_NAME_RE.match(name) and all(_CODE_VALUE_RE.match(v) for v in values):
            return [_make(name, kind="values", values=tuple(values), unit=unit)]  # "Категория: 6А" is a code
        if all(is_numeric(v) for v in values) and len(qs) == len(values):
            unit_qs = [_quantity(str(q.value), q.unit, unit) for q in qs]
            if len(unit_qs) == 1:
                q = unit_qs[0]
                return [_range(name, q, True, q, True, "characteristic")]
            return [_make(name, kind="values", values=tuple(values), unit=unit, dimension=unit_qs[0].dimension)]
        return [_make(name, kind="values", values=tuple(values), unit=unit)]
    text = ch.text or (values[0] if values else None)
    if text and as_bool(text) is not None:
        return [_make(name, kind="presence", present=bool(as_bool(text)))]
    if text and _CODE_NAME_RE.match(name) and _GRADED_MIN_RE.fullmatch(text):
        return [_make(name, kind="text", text=text, source="text")]  # "Категория: не ниже 5е": no 5 of a unit
    if text:
        parsed = parse_free_text(text, name=name, unit=unit, source="text")
        if parsed:
            return parsed
        return [_make(name, kind="text", text=text, source="text")]
    return []
