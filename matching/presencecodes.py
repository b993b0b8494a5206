"""A presence named by a code, said by a card in one clause: «Поддержка протокола VRRP» is the card's «Уровень
коммутации: L3 (OSPF, RIP, VRRP, статическая маршрутизация)», «Поддержка сетей LTE» its «Модем: встроенный LTE Cat.6».

A code is a token with a Latin letter that is no measure (``vrrp``, ``ieee8021x``, ``wlan11k``, ``ecc``); a number
right after it in the name belongs to it («USB 3.2») and must follow it in the card's clause too. Where the code is
said, the words that only say what kind of thing it is (``requirements.json`` ``presence_words`` ``codes``
``class_nouns``: протокол, стандарт, сеть, порт…) may go unsaid; every other word of the name must be said in that
place (the spec, or the product's name with its description), in other word forms too: «модуль», «адаптер»,
«слот» name a thing the product has, so «Наличие модуля SFP» is no card's «2 порта SFP». A bracket of only codes
names the feature by them («Поддержка коррекции ошибок (ECC)», «бесшовного роуминга (IEEE 802.11k/v/r)»): the
bracket's codes said prove it.

The clause saying the code (between commas or semicolons) must offer it: not optional («карта опционально»), not
denied («без VRRP», a spec «Wi-Fi: нет»), and not a place for it («слот SNMP» takes a card, it says no SNMP).
A code inside a longer one is another code (``wlan5`` is no ``wlan11a``, ``poeplus`` no ``poe``). Proves only "yes".
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from matching.cards import ProductCard, denies, offered_tokens
from matching.normalise import implied, phrase_tokens, tokens
from matching.offered import clauses, is_optional
from matching.requirements import Requirement, name_tokens
from matching.units import DATA_DIR, dimensions

Said = Callable[[frozenset[str], frozenset[str]], bool]
"""Whether words are said in a place, in other word forms too (:func:`matching.presencewords.said_in_other_words`)."""

_BRACKET_RE = re.compile(r"^(?P<head>[^()]+?)\s*\((?P<alt>[^()]+)\)\s*$")
_CYRILLIC_RE = re.compile(r"[а-яё]", re.IGNORECASE)
_WORD_RE = re.compile(r"\w+")
_LETTER_RE = re.compile(r"[a-wyz]|(?<!\d)x|x(?!\d)")
"""A Latin letter that is no multiplication sign («2x2», «1920x1080» are counts, «802.1x» no longer ends in one)."""
_MEASURE_RE = re.compile(r"^([a-z_]+)\d")
_RUSSIAN_WORD_RE = re.compile(r"[\w-]*[бвгджзийлмнпфцчшщъыьэюяБГДЖЗИЙЛПФЦЧШЩЪЫЬЭЮЯ][\w-]*")
"""A word with a Cyrillic letter no Latin one looks like: Russian, no code («LТЕ» with Cyrillic Т, Е is one)."""


@dataclass(frozen=True, slots=True)
class _Settings:
    class_nouns: frozenset[str]
    negations: frozenset[str]
    holders: frozenset[str]
    included: frozenset[str]
    aliases: dict[str, tuple[frozenset[str], ...]]
    spelled: tuple[tuple[tuple[str, ...], str], ...]
    said_by: dict[str, frozenset[str]]
    names: dict[str, tuple[str, ...]]


@lru_cache(maxsize=1)
def _settings() -> _Settings:
    data = json.loads((DATA_DIR / "requirements.json").read_text(encoding="utf-8"))["presence_words"]
    codes = data["codes"]
    return _Settings(
        class_nouns=frozenset(codes["class_nouns"]),
        negations=frozenset(codes["negations"]),
        holders=frozenset(codes["holders"]),
        included=phrase_tokens(codes["included"]),
        aliases={code: tuple(frozenset(tokens(a)) for a in names) for code, names in codes["aliases"].items()},
        spelled=tuple((tokens(phrase), code) for phrase, code in codes["spelled"].items()),
        said_by={word: phrase_tokens(by) for word, by in codes["said_by"].items()},
        names={code: tuple(n.lower() for n in names) for code, names in codes["names"].items()},
    )


def is_code(token: str) -> bool:
    """A token with a Latin letter that is no measure's (``frequency5000000000``, ``count4``)."""
    if not _LETTER_RE.search(token):
        return False
    m = _MEASURE_RE.match(token)
    return m is None or m.group(1) not in dimensions()


def _runs(words: tuple[str, ...]) -> list[tuple[str, ...]]:
    """The codes of a name in order, each with the numbers right after it («usb 3.2»); numbers before any code
    belong to none («маршрутизация 3 уровня» has no code)."""
    runs: list[list[str]] = []
    for i, word in enumerate(words):
        if is_code(word):
            runs.append([word])
        elif word[:1].isdigit() and runs and i and words[i - 1] in runs[-1]:
            runs[-1].append(word)
    return [tuple(r) for r in runs]


def _offers(clause: str) -> bool:
    """The clause states a thing the product has: no option, no denial, no place for it unless the thing is
    included («слот SNMP» takes a card; «слот SNMP (карта в комплекте)» has it)."""
    settings = _settings()
    if is_optional(clause):
        return False
    said = frozenset(tokens(clause))
    if not settings.negations.isdisjoint(_WORD_RE.findall(clause.lower())):
        return False
    return settings.holders.isdisjoint(said) or not settings.included.isdisjoint(said)


def _said_in_clause(run: tuple[str, ...], clause: str) -> bool:
    """The code (with its numbers) written in the clause as a code: not read into a Russian word («Гигабитный
    оптический модуль» is no RJ-45), nor denied by its «non-» form («non-ECC UDIMM (плата поддерживает ECC)»)."""
    if any(f"non{w}" in tokens(clause) for w in run):
        return False
    said = tokens(_RUSSIAN_WORD_RE.sub(" ", clause))
    if len(run) == 1:
        names = _settings().names.get(run[0], ())  # a BMC by its vendor's name: «iDRAC9», «iLO 5»
        return run[0] in implied(frozenset(said)) or any(t.startswith(names) for t in said if names)
    n = len(run)
    return any(said[i : i + n] == run for i in range(len(said) - n + 1))


def offering_places(card: ProductCard) -> Iterator[tuple[frozenset[str], list[str]]]:
    """(words, clauses offering things) of each place: the product's name with its description, each spec."""
    product = card.product
    own = f"{product.name}, {product.description or ''}"
    yield frozenset(tokens(own)), [c for c in clauses(own) if _offers(c)]
    for spec in card.specs:
        value = offered_tokens(spec)
        if value is not None and not denies(spec):
            yield spec.tokens | value, [c for c in clauses(spec.spec.value) if _offers(c)]


def _proven(runs: list[tuple[str, ...]], rest: frozenset[str], card: ProductCard, said: Said) -> bool:
    """Every code run said in an offering clause of one place, and the other words in that place."""
    if not runs:
        return False
    said_by = _settings().said_by
    for place, offering in offering_places(card):
        if all(any(_said_in_clause(run, c) for c in offering) for run in runs):
            unsaid = frozenset(w for w in rest if place.isdisjoint(said_by.get(w, ())))  # «SNMP-адаптер»: «карта»
            if not unsaid or said(unsaid, place):
                return True
    return False


def _spelled(words: tuple[str, ...]) -> tuple[str, ...]:
    """The name's words with a code spelled in Russian read as the code («маршрутизации 3 уровня»: L3)."""
    for phrase, code in _settings().spelled:
        n = len(phrase)
        for i in range(len(words) - n + 1):
            if words[i : i + n] == phrase:
                return _spelled((*words[:i], code, *words[i + n :]))
    return words


def said_by_code(req: Requirement, words: frozenset[str], card: ProductCard, said: Said) -> bool:
    """The presence's code said in one clause of the card, the words naming its kind unsaid (``words``: the name's
    words the card must say, fillers and owned words left out); or the codes of a bracket of codes said."""
    settings = _settings()
    m = _BRACKET_RE.match(req.name)
    if m is not None and not _CYRILLIC_RE.search(m.group("alt")):
        alt = name_tokens(m.group("alt"))
        head = frozenset(name_tokens(m.group("head")))
        if alt and all(is_code(w) or w[:1].isdigit() for w in alt):
            coded = [w for w in head if is_code(w)]
            if not coded:  # «коррекции ошибок (ECC)»: the codes name what the words say
                return _proven(_runs(alt), frozenset(), card, said)
            if any(set(alt) <= alias for w in coded for alias in settings.aliases.get(w, ())):
                words &= head  # «разъема VGA (D-Sub)»: the bracket is the code's other name
    ordered = _spelled(tuple(w for w in req.name_tokens if w in words))
    runs = _runs(ordered)
    rest = frozenset(ordered) - {w for run in runs for w in run} - settings.class_nouns
    return _proven(runs, rest, card, said)
