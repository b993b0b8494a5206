"""A seller's SHORT spec name for a requirement's thing («Клиенты: до 128» for «Максимальное количество клиентов»,
«Каналы: 32 IP-канала» for «Количество каналов», «Контрастность: 3000:1 (статическая)» for «Статическая
контрастность»): the spec's name is the requirement's name without words that only say how to read the value
(a measure, a limit, «поддерживаемые») or that the spec's own value states. The name score of such a pair is low
(the requirement's words weigh against it), yet the card means nothing else, provided it is the card's only spec
named so (two specs of that kind: nothing is sure). A qualifier neither measure nor stated («Разрешение
веб-камеры» on a screen's «Разрешение», «Динамическая контрастность» on «3000:1 (статическая)») keeps the pair
unsure; limits are still checked by :func:`matching.qualifiers.unqualified` («до N» is a maximum, a plain value is
none). Words read as aspects: `alignment.json` `aspect_words`."""

from __future__ import annotations

import re

from matching.alignment import component_noun, mode_qualifier, neutral_qualifier, vocabulary
from matching.cards import ProductCard, SpecCard, denies
from matching.normalise import is_noun
from matching.requirements import Requirement
from matching.specmatch import GENERIC_NAME_WORDS, partial_hit
from matching.units import parse_quantities

_RATIO_RE = re.compile(r"(?<=\d):\s*1\b")
"""The «:1» of a ratio («3000:1»): no quantity of its own."""
_LEADING_NUMBER_RE = re.compile(r"^\s*(?:[^\W\d_]+(?:-[^\W\d_]+)?\s+)?(?:до\s+|от\s+)?\d")
"""A value led by its number, maybe after a bound («до 128») or one word of the kind («microSD до 256 ГБ»)."""


def short_spec(req: Requirement, card: ProductCard) -> SpecCard | None:
    """The card's only spec whose name is the requirement's thing alone, when the requirement's other words only
    say how to read its value or are stated in it; else None."""
    if req.kind not in ("range", "values"):
        return None
    named = [s for s in card.specs if s.tokens and _within(s.tokens, req.name_tokens)]
    if len(named) != 1:
        return None  # two specs of the short name's kind (or none): nothing is sure
    spec = named[0]
    if spec.flag is not None or denies(spec) or spec.tokens == frozenset(req.name_tokens):
        return None
    if any(other is not spec and _within(spec.tokens, tuple(other.tokens)) for other in card.specs):
        return None  # «Каналы» beside «Каналы записи»: the short name is one of several
    if req.kind == "range" and not _one_quantity(req, spec):
        return None  # «802.3af/at на 8 портах, бюджет 120 Вт», «SSD 1 ТБ + HDD 2 ТБ»: which number is meant?
    rest = [t for t in req.name_tokens if t not in spec.tokens and not partial_hit(t, spec.tokens)]
    return spec if rest and all(_reads_value(t, spec) for t in rest) else None


def _one_quantity(req: Requirement, spec: SpecCard) -> bool:
    """The value states one quantity, the spec's own, in the requirement's dimension («до 128», «32 IP-канала»,
    «microSD до 256 ГБ», a ratio «3000:1»), and no other number at all (a labelled part, «бюджет 120 Вт» beside
    «802.3af/at на 8 портах», is read by :mod:`matching.valuelabels`)."""
    q = spec.quantity
    if not _LEADING_NUMBER_RE.match(spec.spec.value):
        return False  # «Intel Core i5-12500»: a number of a model code, not the value
    if q is None or (q.dimension or "count") != (req.dimension or "count"):
        return False
    return len(parse_quantities(_RATIO_RE.sub("", spec.spec.value))) == 1


def _within(short: frozenset[str], name: tuple[str, ...]) -> bool:
    """Every word of the short name is one of the name's (or the same stem)."""
    have = frozenset(name)
    return all(t in have or partial_hit(t, have) for t in short)


def _reads_value(word: str, spec: SpecCard) -> bool:
    """The word only says how to read the value, or the value states it («статическая» in «3000:1 (статическая)»)."""
    v = vocabulary()
    readers = v.aspects | v.measure | v.limit_words | v.low_limit_words | GENERIC_NAME_WORDS
    if word in v.total or word in v.plural_total or word in v.per_unit:
        return False  # «Суммарная скорость» on a per-band rate, «каждого» on a total: another value
    if word in readers or (neutral_qualifier(word) and word in v.weightless):
        return True
    if is_noun(word) or component_noun(word) or mode_qualifier(word) or not word.isalpha() or word.isascii():
        # A thing («ядро» of «Intel Core i5»), a mode, a Latin kind among others («4 × C13, Schuko»): no qualifier
        # the value states of the whole of the spec's thing.
        return False
    return word in spec.value_tokens or partial_hit(word, spec.value_tokens)
