"""Qualifiers a requirement's name adds to the name of the spec it is aligned with ("Скорость цветной печати"
against "Скорость печати"): the card must state them, or the spec's value proves nothing either way (issue 15: a
false "yes" costs a bid)."""

from __future__ import annotations

import re
from functools import lru_cache

from matching.alignment import component_noun, mode_qualifier, neutral_qualifier, other_scope, per_unit, vocabulary
from matching.cards import ProductCard, SpecCard, counted_each, kinds_counted_for
from matching.limits import asked_limit, limit_of
from matching.normalise import implied, is_noun
from matching.requirements import Requirement
from matching.specmatch import partial_hit

_CYRILLIC = frozenset("абвгдеёжзийклмнопрстуфхцчшщъыьэюя")
_LATIN_RE = re.compile(r"[a-z][a-z0-9+.\-]*")
"""A Latin word or code ("schuko", "c13", "hdr"): a kind of the thing the spec counts or measures."""


@lru_cache(maxsize=100_000)
def added_qualifiers(required: tuple[str, ...], offered: frozenset[str]) -> tuple[str, ...]:
    """Qualifying words the requirement's name adds to the spec's name and that may change which value is meant:
    a Russian adjective or participle ("базовый" in "Частота процессора базовая" against "Частота процессора",
    "цветной" in "Скорость цветной печати" against "Скорость печати"), a Latin kind or code ("Количество розеток
    Schuko" against "Розетки"), a noun naming another part ("видеокарта", "ядро"). Filler and neutral words,
    words of the spec's name in another form ("пакетный" for "пакет") and other nouns (left to the name score)
    are not among them."""
    have = implied(offered)
    return tuple(
        t for t in required
        if t not in have and not neutral_qualifier(t) and not partial_hit(t, have) and _qualifying(t)
    )  # fmt: skip


def _qualifying(word: str) -> bool:
    if _LATIN_RE.fullmatch(word) or component_noun(word):
        return True
    return word[:1] in _CYRILLIC and not any(ch.isdigit() for ch in word) and not is_noun(word)


def unqualified(req: Requirement, spec: SpecCard, card: ProductCard) -> str | None:
    """Why the spec's value proves nothing of the requirement (Russian, for the specialist), or None: a
    qualifier the requirement's name adds and the card does not state (in its name or a spec's value), or a
    scope the spec's name adds ("Максимальный объем оперативной памяти" is not the installed memory). What the
    names add is memoised on the requirement per spec name: most pairs add nothing and cost one lookup."""
    key = ("qualifiers", spec.tokens)
    found = req.lookup.get(key)
    if found is None:
        found = req.lookup[key] = (added_qualifiers(req.name_tokens, spec.tokens),
                                   other_scope(req.name_tokens, spec.tokens))  # fmt: skip
    added, scope = found
    if added and counted_each(spec) is not None:
        # "Мощность каждого блока питания" on "2 × 1200 Вт": the value counts the things "каждого" speaks of.
        added = tuple(w for w in added if not per_unit((w,)))
    latin = frozenset(w for w in added if _LATIN_RE.fullmatch(w))
    if latin and kinds_counted_for(spec.spec.value, latin):
        # "Розетки: IEC C13 × 4": the Latin kind a count asks ("Schuko", "C13") is decided by the value's kinds.
        added = tuple(w for w in added if w not in latin)
    if added and (side := asked_limit(added, spec.tokens)) and limit_of(spec.spec.value, side) is not None:
        # "Предельная плотность бумаги" on "Плотность бумаги: 52–300 г/м²": the range states its limits.
        limits = vocabulary().limit_words | vocabulary().low_limit_words
        added = tuple(w for w in added if w not in limits)
    if added and not spec.tokens.isdisjoint(vocabulary().limits):
        # "Максимальная дальность передачи" on "Дальность: 10 км": a reach is its maximum by nature.
        added = tuple(w for w in added if w not in vocabulary().limit_words)
    if added:
        word = next((w for w in added if w not in card.stated or mode_qualifier(w)), None)
        if word is not None:
            return f"«{spec.spec.name}» без уточнения «{word}» из названия характеристики; проверьте вручную"
    if scope is not None:
        return f"«{spec.spec.name}» — другое значение (уточнение «{scope}»); проверьте вручную"
    return None
