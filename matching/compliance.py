"""Compliance: one requirement against one product card → yes / no / unknown, with the reason in Russian."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from matching.alignment import derived_for, scope_side
from matching.cards import ProductCard, SpecCard
from matching.indirect import indirect_reason
from matching.normalise import feature_tokens, implied, tokens
from matching.requirements import Requirement, name_tokens
from matching.specmatch import GENERIC_NAME_WORDS, SURE_SPEC_SCORE, SpecVocabulary, added_qualifiers, best_spec
from matching.units import make_quantity, unit_info
from matching.valuecheck import (
    AT_LEAST_RE,
    Reason,
    Status,
    check_range,
    check_values,
    miss_gap,
    offered_value,
    resolution_meets,
)
from matching.values import (
    code_form,
    phrase_class,
    value_classes,
)

_GENERIC = frozenset({"наличие", "поддержка", "количество", "функция", "возможность", "тип", "встроенный"})


@dataclass(frozen=True, slots=True)
class Verdict:
    requirement: Requirement
    status: Status
    reason_text: Reason
    """The reason, or a function making it: formatting is deferred until someone reads it."""
    spec: SpecCard | None = None
    gap: float = 0.0
    """How far a failed numeric requirement is missed, relative to the bound (0 when met or not numeric)."""
    alignment: float | None = None
    """The score (0..1) of the name alignment requirement → spec the verdict rests on (the evidence shown)."""

    @property
    def spec_name(self) -> str | None:
        return self.spec.spec.name if self.spec else None

    @property
    def offered(self) -> str | None:
        return offered_value(self.spec) if self.spec else None

    @property
    def reason(self) -> str:
        return self.reason_text() if callable(self.reason_text) else self.reason_text

    def to_dict(self) -> dict[str, str | float | None]:
        return {
            "alignment": None if self.alignment is None else round(self.alignment, 2),
            "name": self.requirement.name,
            "required": self.requirement.describe(),
            "status": self.status,
            "reason": self.reason,
            "spec": self.spec_name,
            "offered": self.offered,
        }


def _check_presence(
    req: Requirement, spec: SpecCard | None, card: ProductCard, confidence: float
) -> tuple[Status, Reason]:
    named = req.lookup.get("numbers")
    if named is None:
        named = req.lookup["numbers"] = frozenset(t for t in req.name_tokens if t[:1].isdigit())
    numbers = named - spec.tokens if named and spec is not None else named
    if spec is not None and numbers and confidence >= SURE_SPEC_SCORE:
        # "Поддержка RAID 6" against "Поддержка RAID: 0, 1, 5, 6, 10": the number is a value the spec must list.
        if numbers <= spec.value_tokens:
            return "yes", lambda: f"в карточке: {spec.spec.name} — {spec.spec.value}"
        # Not among the spec's values: not proven (never by a "5" found elsewhere on the card).
        return "unknown", lambda: f"в карточке: {spec.spec.name} — {spec.spec.value}; проверьте вручную"
    elif spec is not None and confidence >= SURE_SPEC_SCORE:
        counted = spec.quantity is not None and spec.quantity.dimension in (None, "count") and spec.flag is None
        if req.min is not None and req.present and counted:
            # "24 порта PoE+" against "Количество портов PoE+: 8": the card counts them, the count decides.
            ok = spec.quantity.value >= req.min - 1e-9
            return ("yes" if ok else "no"), lambda: f"в карточке: {spec.spec.name} — {spec.spec.value}"
        flag = spec.flag
        single = len(spec.parts) <= 1
        if flag is None and single and spec.quantity is not None and not spec.value_clean.startswith("нет"):
            flag = spec.quantity.value > 0
        if flag is None and spec.value_clean and not spec.value_clean.startswith(("нет", "без")):
            flag = True
        if flag is not None:
            ok = flag == req.present
            state = "есть" if flag else "нет"
            return ("yes" if ok else "no"), lambda: f"в карточке: {spec.spec.name} — {spec.spec.value} ({state})"
    subject = req.lookup.get("subject")
    if subject is None:
        subject = req.lookup["subject"] = frozenset(req.name_tokens) - _GENERIC - GENERIC_NAME_WORDS
    found = bool(subject) and subject <= card.evidence
    if found and named:
        found = _said_together(subject, card)
    if req.present:
        if found:
            return "yes", "указано в описании товара"
        return "unknown", "в карточке товара не указано"
    if found:
        return "no", "указано в карточке товара, а требуется отсутствие"
    return "unknown", "в карточке товара не указано, отсутствие не подтверждено"


_IP_RE = re.compile(r"ip(\d)(\d)")


@lru_cache(maxsize=50_000)
def _ip_code(text: str) -> tuple[int, int] | None:
    """The two digits of the first word that is an IP code once look-alike letters are repaired ("IР54")."""
    for word in text.split():
        m = _IP_RE.fullmatch(code_form(word))
        if m:
            return int(m.group(1)), int(m.group(2))
    return None


def _check_protection(text: str, spec: SpecCard) -> tuple[Status, Reason] | None:
    """An ingress protection code (IEC 60529) against the offered one, digit by digit: "не ниже IР54" (with a
    Cyrillic Р) is met by IP65 and not by IP20; an exact "IP54" is met by IP54 only, a lower code fails it."""
    w, h = _ip_code(text), _ip_code(spec.spec.value)
    if w is None or h is None:
        return None
    offered = f"IP{h[0]}{h[1]}"
    if h == w or (AT_LEAST_RE.search(text) and h[0] >= w[0] and h[1] >= w[1]):
        return "yes", lambda: f"{offered} соответствует требованию «{text}»"
    if h[0] < w[0] or h[1] < w[1]:
        return "no", lambda: f"{offered} ниже требуемого «{text}»"
    return None


def _check_text(req: Requirement, spec: SpecCard | None, card: ProductCard) -> tuple[Status, Reason]:
    text = req.text or ""
    want = req.lookup.get("text_tokens")
    if want is None:
        want = req.lookup["text_tokens"] = frozenset(tokens(text))
    if spec is not None:
        # Decided by the spec's value alone: memoised on the requirement per value, like the other kinds.
        key = ("text", spec.spec.value, spec.spec.unit)
        decided = req.lookup.get(key, _UNDECIDED)
        if decided is _UNDECIDED:
            decided = req.lookup[key] = _text_on_spec(text, want, spec)
        if decided is not None:
            return decided
    if _telling(want) and want <= card.evidence:
        return "yes", lambda: f"«{text}» есть в описании товара"
    where = f" ({spec.spec.name}: {spec.spec.value})" if spec else ""
    return "unknown", lambda: f"текстовое требование, нужна ручная проверка{where}"


_UNDECIDED = object()


def _text_on_spec(text: str, want: frozenset[str], spec: SpecCard) -> tuple[Status, Reason] | None:
    meets = resolution_meets(text, spec.spec.value)
    if meets is not None:
        return ("yes" if meets else "no"), lambda: f"разрешение {spec.spec.value} против «{text}»"
    protection = _check_protection(text, spec)
    if protection is not None:
        return protection
    if want and want <= spec.value_tokens:
        return "yes", lambda: f"{offered_value(spec)} соответствует «{text}»"
    return None


def _said_together(words: frozenset[str], card: ProductCard) -> bool:
    """Words with a number are said of one thing: "RAID 5" by one spec or the product's name, not "RAID" here
    and "5 кг" there. Words without one may come from anywhere on the card."""
    if not any(w[:1].isdigit() for w in words):
        return True
    return words <= implied(frozenset(card.tokens)) or any(words <= s.tokens | s.value_tokens for s in card.specs)


def _denial(req: Requirement, card: ProductCard) -> SpecCard | None:
    """The spec by which the catalogue says the product lacks a feature the requirement names ("PoE: нет"
    decides every PoE requirement: the catalogue is a closed world where it says so)."""
    if not card.denied:
        return None
    wanted = req.lookup.get("features")
    if wanted is None:
        wanted = req.lookup["features"] = implied(feature_tokens(req.name_tokens))
    if not wanted:
        return None
    for features, spec in card.denied:
        if wanted & features:
            return spec
    return None


def _demands(req: Requirement) -> bool:
    """The requirement demands something exists (not an upper bound, not an absence)."""
    if req.kind == "presence":
        return req.present
    if req.kind == "range":
        return req.min is not None and req.min > 0
    return True


def _telling(words: set[str]) -> bool:
    """Words that can prove a text requirement anywhere on the card: not a lone short code or number."""
    return len(words) >= 2 or any(len(w) >= 4 and not w[:1].isdigit() for w in words)


def check(req: Requirement, card: ProductCard, vocab: SpecVocabulary) -> Verdict:
    """Decide one requirement for one product: "yes" only when proven, "no" when disproved, else "unknown"."""
    verdict = _check(req, card, vocab)
    if verdict.status == "yes" and verdict.spec is not None:
        why = indirect_reason(req, verdict.spec, card, vocab)
        if why is not None:
            return Verdict(req, "unknown", why, verdict.spec, alignment=verdict.alignment)
    return verdict


def _check(req: Requirement, card: ProductCard, vocab: SpecVocabulary) -> Verdict:
    denied = _denial(req, card) if card.denied else None
    if denied is not None:
        if _demands(req):
            return Verdict(req, "no", f"в карточке: {denied.spec.name} — {denied.spec.value}", denied)
        if req.kind == "presence":
            return Verdict(req, "yes", f"в карточке: {denied.spec.name} — {denied.spec.value}", denied)
    spec, confidence = best_spec(req, card, vocab)
    if spec is not None and req.kind in ("range", "values"):
        if confidence < SURE_SPEC_SCORE:
            return Verdict(req, "unknown", _unsure(spec, confidence), spec, alignment=confidence)
        classed = req.lookup.get("name_classes")
        if classed is None:
            classed = req.lookup["name_classes"] = bool(value_classes(" ".join(req.name_tokens)))
        other = _other_class(req, spec, card) if classed else None
        if other is not None:
            why = f"требуется {req.name}, а в карточке: {other.spec.name} — {other.spec.value}; проверьте вручную"
            return Verdict(req, "unknown", why, spec, alignment=confidence)
        # The outcome depends only on which spec (by signature) and its value: memoised on the requirement,
        # so repeated KTRU characteristics against products sharing values are decided once.
        key = ("verdict", card.signature, vocab, spec.spec.value, spec.spec.unit)
        found = req.lookup.get(key)
        if found is None:
            added = added_qualifiers(req.name_tokens, spec.tokens)
            found = req.lookup[key] = (*_decide_spec(req, spec, confidence), added)
        status, reason, gap, added = found
        unstated = _unstated_qualifier(added, card) if added else None
        if unstated is not None and not _proven_one_way(req, unstated, status):
            why = f"«{spec.spec.name}» без уточнения «{unstated}» из названия характеристики; проверьте вручную"
            return Verdict(req, "unknown", why, spec, alignment=confidence)
        return Verdict(req, status, reason, spec, gap, confidence)
    if req.kind == "presence":
        status, reason = _check_presence(req, spec, card, confidence)
        added = added_qualifiers(req.name_tokens, spec.tokens) if status == "yes" and spec is not None else ()
        unstated = _unstated_qualifier(added, card) if added else None
        if unstated is not None and spec is not None:
            status, reason = "unknown", f"«{spec.spec.name}» без уточнения «{unstated}» из названия; проверьте вручную"
        if status == "unknown":
            by_class = _class_presence(req, card)
            if by_class is not None:
                return by_class
        if status == "unknown" and req.present:
            derived = _derived(req, card, vocab)
            if derived is not None:
                return derived
    elif req.kind == "text":
        status, reason = _check_text(req, spec if confidence >= SURE_SPEC_SCORE else None, card)
    elif req.kind == "values" and all(vt and vt <= card.evidence and _said_together(vt, card)
                                      for vt in req.value_tokens):  # fmt: skip
        status, reason = "yes", "требуемые значения есть в описании товара"
    else:
        status, reason = "unknown", "характеристика не найдена в карточке товара"
    return Verdict(req, status, reason, spec, alignment=confidence if spec is not None else None)


def _unstated_qualifier(added: tuple[str, ...], card: ProductCard) -> str | None:
    """Of the qualifiers a requirement's name adds to its spec's name ("базовая" частота, "цветной" печати), one
    the card does not state (in its name, a value, or a value of the class the words name): the spec's value is
    then not proven to be the one asked, whichever way it points."""
    missing = tuple(word for word in added if word not in card.stated)
    if not missing:
        return None
    # "черно-белой" печати on a card saying "Цветность: монохромная": the class the words name is stated.
    named = phrase_class(missing)
    if named is not None and any(named[1] in value_classes(s.spec.value, True).get(named[0], ()) for s in card.specs):
        return None
    return missing[0]


def _proven_one_way(req: Requirement, qualifier: str, status: Status) -> bool:
    """A maximum asked of a value the card states unqualified is at least that value: a lower bound the value
    meets is met by the maximum, an upper bound it exceeds is exceeded by it, and a qualitative value (a
    format, a resolution) is the card's maximum. A minimum the other way round. Nothing else is proven."""
    side = scope_side(qualifier)
    if side == "upper" and req.kind == "values":
        return True
    if side is None or req.kind != "range":
        return False
    if side == "lower":
        return (status == "yes" and req.min is None) or (status == "no" and req.max is None)
    return (status == "yes" and req.max is None) or (status == "no" and req.min is None)


def _other_class(req: Requirement, spec: SpecCard, card: ProductCard) -> SpecCard | None:
    """A spec of the card stating another class than the one the requirement's name adds to its spec's name
    ("Скорость цветной печати" against "Скорость печати" of a card saying "Цветность: черно-белая"): the spec's
    value is then not proven to be the one asked."""
    key = ("added_classes", spec.tokens)
    named = req.lookup.get(key)
    if named is None:
        named = req.lookup[key] = value_classes(" ".join(t for t in req.name_tokens if t not in spec.tokens))
    if not named:
        return None
    for other in card.specs:
        if other is spec:
            continue
        for family, classes in value_classes(other.spec.value).items():
            if family in named and not named[family] & classes:
                return other
    return None


def _class_presence(req: Requirement, card: ProductCard) -> Verdict | None:
    """A feature named by a value class ("неуправляемый") disproved by the card's one value of that family
    ("Управление: управляемый"): the catalogue states which class the product has (closed world). The same
    class leaves it "unknown": the feature is inferred from a class, and a class is a paraphrase."""
    named = phrase_class(tuple(t for t in req.name_tokens if t not in _GENERIC))
    if named is None:
        return None
    family, wanted = named
    found = [(spec, value_classes(spec.spec.value)[family]) for spec in card.specs
             if family in value_classes(spec.spec.value)]  # fmt: skip
    if len(found) != 1:
        return None
    spec, offered = found[0]
    if (wanted in offered) != req.present:
        return Verdict(req, "no", f"в карточке: {spec.spec.name} — {spec.spec.value}", spec)
    # The class agrees, but the feature was read from a value of its family, not stated: never proven so.
    return Verdict(req, "unknown", f"в карточке: {spec.spec.name} — {spec.spec.value}; проверьте вручную", spec)


def _derived(req: Requirement, card: ProductCard, vocab: SpecVocabulary) -> Verdict | None:
    """A feature that implies a value ("порт 10 Gigabit Ethernet" → скорость ≥ 10 Гбит/с) decided on that value."""
    derived = req.lookup.get("derived")
    if derived is None:
        derived = req.lookup["derived"] = tuple(
            Requirement(name=d.spec, kind="range", min=make_quantity(d.min, d.unit).base,
                        dimension=make_quantity(d.min, d.unit).dimension, unit=d.unit, source="derived",
                        name_tokens=name_tokens(d.spec))
            for d in derived_for(req.name_tokens)
        )  # fmt: skip
    for implied_req in derived:
        verdict = check(implied_req, card, vocab)
        if verdict.status != "unknown":
            why = verdict.reason
            return Verdict(req, verdict.status, lambda why=why: f"{why} (следует из «{req.name}»)", verdict.spec)
    return None


def _unsure(spec: SpecCard, confidence: float) -> Reason:
    return lambda: (
        f"не уверены, что «{spec.spec.name}» ({offered_value(spec)}) — та же характеристика "
        f"(сходство названий {confidence:.2f}); проверьте вручную"
    )


def _decide_spec(req: Requirement, spec: SpecCard, confidence: float) -> tuple[Status, Reason, float]:
    if req.kind == "values":
        status, reason = check_values(req, spec, confidence)
        return status, reason, 0.0
    status, reason = check_range(req, spec)
    if status == "no" and spec.quantity is not None:
        q = spec.quantity
        value = q.base if (q.dimension or not req.dimension) else make_quantity(q.value, req.unit).base
        return status, reason, min(miss_gap(req, q.value if (q.dimension and not req.dimension) else value), 1.0)
    return status, reason, 0.0


def overall(verdicts: list[Verdict]) -> Status:
    """ "no" when one requirement fails, "yes" only when every one is proven (none at all proves nothing)."""
    if not verdicts:
        return "unknown"
    if any(v.status == "no" for v in verdicts):
        return "no"
    if all(v.status == "yes" for v in verdicts):
        return "yes"
    return "unknown"


__all__ = ["Verdict", "check", "overall", "unit_info"]
