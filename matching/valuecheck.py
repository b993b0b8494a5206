"""Values against one spec: numbers in a range, allowed values and value lists, qualitative values (classes,
codes, bracketed equivalents, alternatives), with the reason in Russian. The decisions :mod:`matching.compliance`
builds its verdicts from."""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal
from functools import lru_cache
from typing import Literal

from rapidfuzz import fuzz

from matching import ru_format
from matching.cards import SpecCard
from matching.normalise import clean, tokens
from matching.requirements import Requirement, phrases
from matching.specmatch import SURE_SPEC_SCORE, conflicts
from matching.units import Quantity, make_quantity, parse_quantities
from matching.values import alternatives, compare_classes, is_unlimited, rival_codes, same_code

Status = Literal["yes", "no", "unknown"]
Reason = str | Callable[[], str]
_RES_RE = re.compile(r"(\d{3,5})\s*[xх×*]\s*(\d{3,5})")
EPS = 1e-9


def offered_value(spec: SpecCard) -> str:
    """The catalogue's value as a specialist reads it: ``1,75 кг``, ``16 ГБ``; text values as written."""
    value, unit = spec.spec.value, spec.spec.unit
    try:
        number = Decimal(value.strip().replace(",", "."))
    except (ArithmeticError, ValueError):
        return f"{value} {unit}".strip() if unit else value
    return ru_format.quantity(number, unit) if number.is_finite() else value


def offered_text(spec: SpecCard) -> str:
    """The offered value as the catalogue writes it, with its unit."""
    return f"{spec.spec.value} {spec.spec.unit}".strip() if spec.spec.unit else spec.spec.value


def _in_range(req: Requirement, value: float) -> bool:
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


def miss_gap(req: Requirement, value: float) -> float:
    if req.min is not None and value < req.min:
        return (req.min - value) / max(abs(req.min), 1e-12)
    if req.max is not None and value > req.max:
        return (value - req.max) / max(abs(req.max), 1e-12)
    return 0.0


def check_range(req: Requirement, spec: SpecCard) -> tuple[Status, Reason]:
    q = spec.quantity
    if q is None and is_unlimited(spec.spec.value):
        if req.max is None:
            return "yes", lambda: f"«{spec.spec.value}» (не ограничено) соответствует требованию {req.describe()}"
        return "no", lambda: f"«{spec.spec.value}» (не ограничено) превышает {req.describe()}"
    if q is None:
        return "unknown", lambda: f"значение «{spec.spec.value}» не числовое"
    if req.dimension and q.dimension and req.dimension != q.dimension:
        return "unknown", lambda: f"единицы несопоставимы: {req.unit} и {q.unit}"
    if req.dimension and not q.dimension:
        # "Блоки питания: 2 × 1200 Вт": the bare 2 counts them, each is 1200 Вт.
        measured = next((x for x in parse_quantities(spec.spec.value) if x.dimension == req.dimension), None)
        q = measured or make_quantity(q.value, req.unit)
        value = q.base
    elif not req.dimension and q.dimension:
        value = q.value
    else:
        value = q.base
    if _in_range(req, value):
        return "yes", lambda: f"{offered_value(spec)} соответствует требованию {req.describe()}"
    return "no", lambda: f"{offered_value(spec)} не соответствует требованию {req.describe()}"


_ALTERNATIVES_RE = re.compile(r"(?<=[^\W\d])\s*/\s*(?=[^\W\d])")


def _value_matches(required: str, spec: SpecCard) -> bool:
    """The offered value is the required one (or one of ``A/B`` alternatives: "SATA/NVMe"; or the bracketed
    equivalent: "RJ-45 (8P8C)")."""
    for option in alternatives(required):
        if compare_classes(option, spec.spec.value) is False:
            continue  # "U/UTP" against "F/UTP": two classes of one family, whatever words they share
        # A one-letter part is a code's prefix ("U/UTP", "S/FTP"), not an alternative.
        parts = [a for a in _ALTERNATIVES_RE.split(option) if len(a.strip()) > 1]
        if len(parts) > 1 and any(_one_value_matches(a, spec) for a in parts):
            return True
        if _one_value_matches(option, spec):
            return True
    return False


def _one_value_matches(required: str, spec: SpecCard) -> bool:
    want = clean(required)
    if not want:
        return False
    meets = resolution_meets(required, spec.spec.value)
    if meets is not None:
        return meets  # two resolutions: the numbers decide, not the words they share
    if want in spec.parts or want == spec.value_clean:
        return True
    if is_unlimited(required) and is_unlimited(spec.spec.value):
        return True
    if any(same_code(required, part) for part in (spec.spec.value, *alternatives(spec.spec.value))):
        return True
    if compare_classes(required, spec.spec.value):
        return True
    want_tokens = set(tokens(required))
    if want_tokens and want_tokens <= spec.value_tokens:
        return True
    if want_tokens and spec.flag is True and want_tokens <= spec.tokens:
        return True  # "Wi-Fi" against "Wi-Fi: Да" (never against "Wi-Fi: нет")
    if len(want) >= 4 and re.search(rf"(?<![\w]){re.escape(want)}(?![\w])", spec.value_clean):
        return True
    # A typo is forgiven in words, never in numbers: "wlan6 wlan" is not "wlan5 wlan" at 90 %.
    digits = _DIGITS_RE.findall(want)
    return any(fuzz.ratio(want, part) >= 90 and _DIGITS_RE.findall(part) == digits for part in spec.parts)


_DIGITS_RE = re.compile(r"\d+")


def _is_list_name(req: Requirement) -> bool:
    return bool(set(req.name_tokens) & phrases().list_lemmas)


def _mismatch_status(req: Requirement, spec: SpecCard, confidence: float) -> Status:
    """A value that differs fails, on the one confidence threshold that also makes a match "yes", when the
    difference is proven: rival qualifiers (SFP+ against RJ-45, wired against wireless), different classes of
    one value family (IPS against VA), different resolutions or codes of one kind. Two words that merely do not
    match ("Фиксированные" against "встроенный") prove nothing: "unknown"."""
    if confidence < SURE_SPEC_SCORE:
        return "unknown"
    offered = spec.spec.value
    for value in req.values:
        options = alternatives(value)
        wanted = {t for v in options for t in tokens(v)}
        if conflicts(wanted, spec.value_tokens):
            return "no"
        if any(compare_classes(v, offered) is False for v in options):
            return "no"
        if resolution_meets(value, offered) is False:
            return "no"
        if any(rival_codes(v, part) for v in options for part in (offered, *spec.parts)):
            return "no"
    return "unknown"


def check_values(req: Requirement, spec: SpecCard, confidence: float) -> tuple[Status, Reason]:
    wanted = [q for v in req.values for q in parse_quantities(v)[:1]] if req.numeric_values else []
    if any(_measured(q) for q in wanted) and not _has_unit(spec):
        # "6а" (6 A, or category 6A with a Cyrillic а) against a bare "6": the unit is not proven, the value is
        # compared as written.
        wanted = []
    offered = _offered_quantities(spec.spec.value, spec.spec.unit) if wanted else []
    if len(wanted) > 1 and len(offered) > 1:
        return _check_value_sets(req, spec, wanted, offered, confidence)
    if wanted and spec.quantity is not None:
        have = spec.quantity.base if spec.quantity.dimension else spec.quantity.value
        bases = [make_quantity(q.value, q.unit if q.dimension else req.unit).base for q in wanted]
        if any(abs(w - have) <= EPS * max(1.0, abs(w)) for w in bases):
            return "yes", lambda: f"{offered_value(spec)} входит в допустимые значения"
        return "no", lambda: f"{offered_value(spec)} не входит в допустимые значения {req.describe()}"
    hits = [v for v in req.values if _value_matches(v, spec)]
    multi = _is_list_name(req) and len(spec.parts) > 1 and len(req.values) > 1
    if multi:
        missing = [v for v in req.values if v not in hits]
        if not missing:
            return "yes", lambda: f"{offered_value(spec)} включает все требуемые значения"
        status: Status = "no" if confidence >= SURE_SPEC_SCORE else "unknown"
        return status, lambda: f"в «{offered_value(spec)}» нет: {', '.join(missing)}"
    if hits:
        return "yes", lambda: f"{offered_value(spec)} соответствует значению «{hits[0]}»"
    status = _mismatch_status(req, spec, confidence)
    if status == "unknown":
        return status, lambda: f"{offered_value(spec)} не совпадает дословно с требуемым ({req.describe()}): проверьте"
    return status, lambda: f"{offered_value(spec)} не совпадает с требуемым ({req.describe()})"


def _measured(q: Quantity) -> bool:
    """A quantity with a physical unit (not a bare count)."""
    return q.dimension not in (None, "count")


def _has_unit(spec: SpecCard) -> bool:
    """The card says what its number measures: a unit of the spec, or one in its value ("2,4 и 5 ГГц")."""
    if spec.quantity is not None and spec.quantity.dimension:
        return True
    return any(_measured(q) for q in parse_quantities(spec.spec.value))


def _offered_quantities(value: str, unit: str | None) -> list[float]:
    """Every number of an offered value in base units; a bare number takes the next number's unit, as a
    list is written: "2,4 и 5 ГГц" offers 2,4 ГГц and 5 ГГц."""
    found = parse_quantities(value)
    result: list[float] = []
    after = unit
    for q in reversed(found):
        if q.unit:
            after = q.unit
        result.append(q.base if q.unit else make_quantity(q.value, after).base if after else q.value)
    return result[::-1]


def _check_value_sets(
    req: Requirement, spec: SpecCard, wanted: list, offered: list[float], confidence: float
) -> tuple[Status, Reason]:
    """Several required numbers against several offered ones: all present proves it, none present disproves
    it (when the spec is surely the one), a part leaves it to the specialist."""
    bases = [make_quantity(q.value, q.unit if q.dimension else req.unit).base if (q.unit or req.unit) else q.value
             for q in wanted]  # fmt: skip
    found = [any(abs(w - o) <= EPS * max(1.0, abs(w)) for o in offered) for w in bases]
    if all(found) and _list_of_values(spec, wanted):
        return "yes", lambda: f"{offered_value(spec)} включает все требуемые значения"
    if not any(found) and confidence >= SURE_SPEC_SCORE:
        return "no", lambda: f"{offered_value(spec)} не входит в допустимые значения {req.describe()}"
    return "unknown", lambda: f"{offered_value(spec)} включает не все значения {req.describe()}: проверьте"


_COUNTS_RE = re.compile(r"\d\s*[×xх*]\s*[^\W\d]|[^\W\d]\s*[×*]\s*\d")


def _list_of_values(spec: SpecCard, wanted: list[Quantity]) -> bool:
    """The offered numbers are a list of values of the asked kind, strong enough to prove a set: each measured
    required number's dimension is stated by the card ("2,4 и 5 ГГц"), and the value does not count things
    ("2 × USB 3.0, 4 × USB 2.0": its numbers are counts and versions, not one list)."""
    if _COUNTS_RE.search(spec.spec.value):
        return False
    stated = {q.dimension for q in parse_quantities(spec.spec.value)}
    if spec.quantity is not None:
        stated.add(spec.quantity.dimension)
    return all(q.dimension in stated for q in wanted if _measured(q))


def resolution(text: str) -> tuple[int, int] | None:
    """A resolution written "1920x1080" as (1920, 1080) (None without one)."""
    m = _RES_RE.search(text)
    return (int(m.group(1)), int(m.group(2))) if m else None


AT_LEAST_RE = re.compile(r"не\s+ниже|не\s+менее|не\s+хуже|≥|>=|^\s*от\b", re.IGNORECASE)


@lru_cache(maxsize=50_000)
def resolution_meets(required: str, offered: str) -> bool | None:
    """Whether an offered resolution meets a required one, side by side: "не менее 1200 x 1200" is not met by
    2400x600 (as many dots, fewer of them vertically), "1920x1080" only by 1920x1080. None without both."""
    want, have = resolution(clean(required)), resolution(clean(offered))
    if want is None or have is None:
        return None
    if AT_LEAST_RE.search(required):
        return have[0] >= want[0] and have[1] >= want[1]
    return have == want
