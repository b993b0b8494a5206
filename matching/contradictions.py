"""Closed world: what a product card clearly contradicts, for requirements the name alignment left "unknown".

Every rule here can only turn an "unknown" into "no" (issue 15: the catalogue decides where it says so, and an
"unknown" where the card decides is as wrong as a false "no"); none proves "yes":

- a spec denying a feature the requirement names ("PoE: нет" decides every PoE requirement);
- a class the requirement's name asks against a rival class the card states ("неуправляемый" against
  "Управление: управляемый", "Скорость цветной печати" against "Цветность: черно-белая"), or a single-mode class
  its name states ("МФУ … монохромное" against "Время выхода первого цветного отпечатка ≤ 12 с": any bound);
- a class asked as a value ("Цветность печати: Черно-белая") against the rival class the card's name and specs state;
- a spec saying the product has none of the thing ("Операционная система: нет" against "Astra Linux");
- an ingress protection code lower than the one asked ("не ниже IP54" against IP20);
- a cable category graded outside the asked range ("Категория 6" against "5e");
- a screen or print resolution other than the asked one, on the card's only spec of that name;
- ports counted at a speed all of the card's port counts are slower than (:mod:`matching.portspeeds`);
- fewer ports of the asked kind (or none, for a presence) on a card whose port list is a spec of its own
  (:func:`matching.ports.fewer_listed`);
- a member of a closed list the card's one list of that kind leaves out («Диапазоны частот: 2,4 ГГц и 5 ГГц» against
  «Поддержка диапазона 6 ГГц»);
- what only another kind of the product's type has, on a card whose name states its kind («Категория», «Поддержка
  10GBASE-T» against «Патч-корд оптический LC–LC»).
"""

from __future__ import annotations

import json
import re

from matching.cards import ProductCard, SpecCard
from matching.categories import category_rank
from matching.classmodes import single_mode
from matching.closedlists import closed_lists, list_specs, member, members
from matching.namegrammar import POWER_FEATURES
from matching.normalise import feature_tokens, implied, tokens
from matching.ports import fewer_listed
from matching.portspeeds import other_speeds_only
from matching.qualifiers import added_qualifiers
from matching.requirements import Requirement, name_tokens, phrases
from matching.resolutions import asks_at_least, resolution, resolution_meets
from matching.specmatch import NOT_A_QUANTITY, SURE_SPEC_SCORE
from matching.units import DATA_DIR
from matching.values import (
    asked_classes,
    card_kinds,
    code_form,
    ingress_below,
    limited_term,
    named_classes,
    value_classes,
)

_NONE_VALUES = frozenset({"нет", "отсутствует", "не установлен", "не установлена", "не предустановлена", "без ос"})
_CONDITIONS = json.loads((DATA_DIR / "requirements.json").read_text(encoding="utf-8"))["condition_words"]["words"]
_CONDITION_RE = re.compile(r"\s+(?:" + "|".join(_CONDITIONS) + r")\s+", re.IGNORECASE)
_CATEGORY_WORD = "категория"
_GRADE_RE = re.compile(r"^(?:cat|кат)?(\d+)([a-z]{1,2})$")
"""A graded code ("5e", "6a"): between its number and the next."""


def denial(req: Requirement, card: ProductCard) -> SpecCard | None:
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


def demands(req: Requirement) -> bool:
    """The requirement demands something exists (not an upper bound, not an absence)."""
    if req.kind == "presence":
        return req.present
    if req.kind == "range":
        return req.min is not None and req.min > 0
    return True


def contradiction(
    req: Requirement, card: ProductCard, spec: SpecCard | None, confidence: float
) -> tuple[SpecCard | None, str] | None:
    """The spec by which the card clearly contradicts a requirement left "unknown" (None: its name), and why
    (Russian), or None."""
    if req.kind == "range" or (req.kind == "presence" and demands(req)):
        found = _rival_class(req, card)  # a bound on a class's mode ("≤ 12 с" of a colour print) asks the class too
        if found is not None:
            return found
    if not demands(req):
        return None
    if req.kind == "values":
        found = _rival_value_class(req, card)
        if found is not None:
            return found
    kind = _other_kind(req, card)
    if kind is not None:
        return None, kind
    fewer = fewer_listed(req, card)
    if fewer is not None:
        said = "меньше портов" if req.kind == "range" else "нет портов"
        return fewer, f"в карточке {said} требуемого вида: {fewer.spec.name} — {fewer.spec.value}"
    unlisted = _unlisted(req, card) if req.kind in ("presence", "values") else None
    if unlisted is not None:
        return unlisted, f"в карточке перечислены другие: {unlisted.spec.name} — {unlisted.spec.value}"
    other = other_speeds_only(req, card, POWER_FEATURES)
    if other is not None:
        return other, f"в карточке только порты меньшей скорости: {other.spec.name} — {other.spec.value}"
    sure = spec if spec is not None and confidence >= SURE_SPEC_SCORE else None
    wanted = _wanted_texts(req)
    if sure is not None:
        reason = _none_offered(req, sure) or _lower_ingress(req, sure, wanted) or _lower_category(req, sure)
        reason = reason or _limited_term(req, sure)
        if reason is not None:
            return sure, reason
    if req.kind == "range" and spec is not None and confidence >= SURE_SPEC_SCORE * NOT_A_QUANTITY:
        reason = _grade_outside(req, spec)
        if reason is not None:
            return spec, reason
    if wanted and any(resolution(w) for w in wanted):
        found_spec = _other_resolution(req, card, wanted)
        if found_spec is not None:
            return found_spec, f"разрешение {found_spec.spec.value} не соответствует требуемому ({req.describe()})"
    return None


def _other_kind(req: Requirement, card: ProductCard) -> str | None:
    """Why the requirement is another kind's, when it names (or asks as a value) what only another kind of the
    product's type has and the card's name states its own kind (`value_classes.json` `card_kinds`): «Категория: не
    ниже 6», «Экранирование: F/UTP», «Поддержка 10GBASE-T» are a copper cord's, never met by «Патч-корд оптический
    LC/UPC–LC/UPC». A card also saying one of those words (a hybrid) is left alone; an absence asked
    («Экранирование: нет») demands nothing and never comes here."""
    kinds = req.lookup.get("other kinds")
    if kinds is None:  # the kinds whose other kind's words the requirement says: mostly none, decided once
        asked = frozenset(req.name_tokens).union(*req.value_tokens)
        kinds = req.lookup["other kinds"] = [(n, k) for n, k in card_kinds().items() if asked & k.foreign]
    if not kinds:
        return None
    types = set(card.tokens[:1]) | set(tokens(card.product.category or ""))
    for name, kind in kinds:
        if kind.card <= set(card.tokens) and types & kind.types and kind.foreign.isdisjoint(card.stated):
            return f"товар другого вида — {name} ({card.product.name}): «{req.name}» бывает только у {kind.rival}"
    return None


def _unlisted(req: Requirement, card: ProductCard) -> SpecCard | None:
    """The card's one spec listing the members of a kind («Диапазоны частот: 2,4 ГГц и 5 ГГц», «Частоты»; not
    «Частота процессора») without one the presence asks («Поддержка диапазона 6 ГГц»), or one of the values a name
    asking every one lists («Поддерживаемые частотные диапазоны: 2,4 ГГц; 5 ГГц; 6 ГГц»); `requirements.json`
    `closed_lists`. A list written with one unit after the last number («2,4 / 5 ГГц») is in that unit."""
    if req.kind == "values" and not set(req.name_tokens) & phrases().all_lemmas:
        return None
    for closed in closed_lists()[0]:
        prefix = closed.members
        if closed.word not in req.name_tokens:
            continue
        said = req.name_tokens if req.kind == "presence" else [t for v in req.values for t in tokens(v)]
        asked = {member(t[len(prefix) :]) for t in said if t.startswith(prefix)}
        if not asked or None in asked:
            continue
        lists = list_specs(card, closed)
        if len(lists) == 1 and not asked <= members(lists[0], prefix):
            return lists[0]
    return None


def _none_offered(req: Requirement, spec: SpecCard) -> str | None:
    """The card says the product has none ("Операционная система: нет") of a value asked by name (not a value
    that is itself an absence, nor one of a value class such as "U/UTP" against "Экран: нет")."""
    if req.kind != "values" or spec.value_clean not in _NONE_VALUES:
        return None
    if any(v.strip().lower() in _NONE_VALUES or value_classes(v) for v in req.values):
        return None
    return f"в карточке: {spec.spec.name} — {spec.spec.value}"


def _limited_term(req: Requirement, spec: SpecCard) -> str | None:
    """An unlimited term asked («Срок действия лицензии: Бессрочная») against the term the card states, on the
    requirement's spec or the thing's own one («Лицензия: подписка на 36 мес. (продлевается)»)."""
    if req.kind != "values" or not req.values or not all(limited_term(v, spec.spec.value) for v in req.values):
        return None
    return f"в карточке срок ограничен: {spec.spec.name} — {spec.spec.value}, требуется {req.describe()}"


def _lower_ingress(req: Requirement, spec: SpecCard, wanted: tuple[str, ...]) -> str | None:
    if wanted and all(ingress_below(w, spec.spec.value) for w in wanted):
        return f"степень защиты {spec.spec.value} ниже требуемой ({req.describe()})"
    return None


def _wanted_texts(req: Requirement) -> tuple[str, ...]:
    if req.kind == "text":
        return (req.text,) if req.text else ()
    return req.values if req.kind == "values" else ()


def _rival_class(req: Requirement, card: ProductCard) -> tuple[SpecCard, str] | None:
    """A rival class the card states of a family the requirement's name names; only a single-mode rival
    ("монохромный") for a bound that asks nothing to exist (a maximum) or for a single mode asked ("Скорость
    черно-белой печати": a colour printer prints black and white too)."""
    named = req.lookup.get("named classes")
    if named is None:
        named = req.lookup["named classes"] = named_classes(req.name_tokens)
    if not named:
        return None
    in_name = value_classes(card.product.name)
    for family, asked in named.items():
        if asked & in_name.get(family, frozenset()):
            continue
        only = in_name.get(family, frozenset())
        if only and only <= single_mode(family):  # "МФУ лазерное монохромное": its only mode, whatever else is colour
            stating = [s for s in card.specs if only & value_classes(s.spec.value).get(family, frozenset())]
            if stating:
                return stating[0], f"в карточке: {stating[0].spec.name} — {stating[0].spec.value}"
        rivals = [s for s in card.specs if family in value_classes(s.spec.value)]
        stated = frozenset().union(*(value_classes(s.spec.value)[family] for s in rivals))
        if not stated <= single_mode(family) and (not demands(req) or asked <= single_mode(family)):
            continue  # a colour printer prints black and white too: no rival of "Скорость черно-белой печати"
        if rivals and not stated & asked:
            rival = rivals[0]
            return rival, f"в карточке: {rival.spec.name} — {rival.spec.value}"
    return None


def _rival_value_class(req: Requirement, card: ProductCard) -> tuple[SpecCard, str] | None:
    """The product's class asked as a value ("Цветность печати: Черно-белая") against a card whose name and every
    spec stating the family state rival classes only ("МФУ цветное лазерное", "Тип: цветное лазерное МФУ")."""
    for family, asked in asked_classes(req.name_tokens, req.values).items():
        in_name = value_classes(card.product.name).get(family, frozenset())
        stating = [s for s in card.specs if family in value_classes(s.spec.value)]
        if not in_name or in_name & asked or not stating:
            continue
        if not any(asked & value_classes(s.spec.value)[family] for s in stating):
            return stating[0], f"в карточке: {stating[0].spec.name} — {stating[0].spec.value}"
    return None


def _grade_outside(req: Requirement, spec: SpecCard) -> str | None:
    """A graded code ("5e") lies between its number and the next: outside the asked range as a whole."""
    m = _GRADE_RE.match(code_form(spec.spec.value)) if spec.quantity is None else None
    if m is None or req.dimension not in (None, "count"):
        return None
    low = float(m.group(1))
    if (req.min is not None and low + 1 <= req.min) or (req.max is not None and low > req.max):
        return f"в карточке: {spec.spec.name} — {spec.spec.value}, требуется {req.describe()}"
    return None


def _unconditioned(req: Requirement) -> tuple[str, ...]:
    """The requirement's name without its condition ("Разрешение экрана при частоте обновления 144 Гц": a
    resolution): the native resolution bounds the resolution under any condition, so a minimum above it fails."""
    found = req.lookup.get("unconditioned")
    if found is None:
        head = _CONDITION_RE.split(req.name, maxsplit=1)[0]
        found = req.lookup["unconditioned"] = name_tokens(head) if head != req.name else req.name_tokens
    return found


def _lower_category(req: Requirement, spec: SpecCard) -> str | None:
    """A cable category below every asked one ("кат. 6А" against "Категория: 6"): a lower category never meets a
    higher one, whether the asked one is exact or a minimum; a higher one stays for the specialist."""
    if req.kind != "values" or _CATEGORY_WORD not in req.name_tokens:
        return None
    asked = [category_rank(v) for v in req.values]
    have = category_rank(spec.spec.value)
    if have is None or not asked or None in asked or not all(have < a for a in asked if a is not None):
        return None
    return f"в карточке: {spec.spec.name} — {spec.spec.value}, ниже требуемой ({req.describe()})"


def _other_resolution(req: Requirement, card: ProductCard, wanted: tuple[str, ...]) -> SpecCard | None:
    """The card's only resolution spec sharing a word of the requirement's name and adding no qualifier of the
    requirement (a print resolution is not the scanner's), when it meets none of the asked resolutions; a minimum
    asked under a condition is compared with the card's plain resolution (the native one bounds every mode)."""
    asked = _unconditioned(req) if all(asks_at_least(w) for w in wanted) else req.name_tokens
    named = [
        s for s in card.specs
        if resolution(s.value_clean) and s.tokens & set(asked) and not added_qualifiers(asked, s.tokens)
    ]  # fmt: skip
    if len(named) != 1:
        return None
    offered = named[0]
    if all(resolution_meets(w, offered.spec.value) is False for w in wanted):
        return offered
    return None
