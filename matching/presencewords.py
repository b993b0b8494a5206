"""A presence said by the card in other word forms, all in one place: «Одновременная работа в диапазонах 2,4 ГГц и
5 ГГц» is a card's «Диапазоны частот: 2,4 ГГц и 5 ГГц (одновременно)» (an adverb where the name has an adjective);
«Возможность поворота экрана по вертикали (портретный режим)» its «Эргономика: …, разворот в портретный режим».

Unlike the plain presence check (every word anywhere on the card), the words must be said in one place: one spec
(its name and value) or the product's name with its description. Russian words match by a common beginning
(`requirements.json` `presence_words` `stem`); numbers and Latin codes only as they are. A bracket of the name
without digits or Latin letters names the feature in other words: it proves it where the same place also says a
word of the name before it («поворот»); after a Latin code with its number («RAID 1 (зеркалирование)») it is the
code's name, and the code said in one place proves it («Уровни RAID: 0, 1, 5»). Fillers («работа») say nothing of
the feature, and the part a feature is always of need not be named («автоподача сканера» is the card's
«Автоподатчик: DSDF, 100 листов»). A phrase of the name may be said as cards say it (``paraphrases``: «замена
батарей без отключения нагрузки» is «Батареи: …, горячая замена»; «без» is read, so «с отключением» is not). A name
with a code may leave the words of the code's kind unsaid (:mod:`matching.presencecodes`); an adjustment is said by
a range of its thing («регулировка наклона»: «наклон −5°…+15°»). Proves only "yes".
"""

from __future__ import annotations

import json
import re
from functools import lru_cache

from matching.cards import ProductCard, denies, offered_tokens
from matching.normalise import tokens
from matching.presencecodes import offering_places, said_by_code
from matching.requirements import Requirement, name_tokens
from matching.units import DATA_DIR, dimensions

_BRACKET_RE = re.compile(r"^(?P<head>[^()]+?)\s*\((?P<alt>[^()]+)\)\s*$")
_PLAIN_RE = re.compile(r"^[а-яё -]+$", re.IGNORECASE)
_RUSSIAN_RE = re.compile(r"^[а-яё]+$")
_LATIN_RE = re.compile(r"^[a-z]+$")


@lru_cache(maxsize=1)
def _settings() -> tuple[frozenset[str], int, int]:
    data = json.loads((DATA_DIR / "requirements.json").read_text(encoding="utf-8"))["presence_words"]
    return frozenset(data["fillers"]), int(data["stem"]["common"]), int(data["stem"]["tail"])


@lru_cache(maxsize=1)
def _owners() -> dict[str, frozenset[str]]:
    data = json.loads((DATA_DIR / "requirements.json").read_text(encoding="utf-8"))["presence_words"]
    return {word: frozenset(owned) for word, owned in data["owners"].items()}


@lru_cache(maxsize=1)
def _said_by() -> dict[str, frozenset[str]]:
    data = json.loads((DATA_DIR / "requirements.json").read_text(encoding="utf-8"))["presence_words"]
    return {word: frozenset(by) for word, by in data["said_by"].items()}


_KIND_RE = re.compile(r"^([a-z_]+)\d")
"""A measure's token: its kind before its value in base units («frequency5000000000»)."""


def _owner(word: str) -> str:
    """The key a word owns by: itself, or a measure's kind («диапазон 5 ГГц»: a frequency names its band)."""
    m = _KIND_RE.match(word)
    return m.group(1) if m else word


def _unowned(words: frozenset[str]) -> frozenset[str]:
    """The words without those a feature among them makes go without saying («автоподача сканера»: the feeder's
    scanner; «порт SFP»: an SFP is a port)."""
    owners = _owners()
    owned = frozenset().union(*(owners[_owner(w)] for w in words if _owner(w) in owners))
    return words - owned


def _same_word(want: str, have: str) -> bool:
    if want == have:
        return True
    if not (_RUSSIAN_RE.match(want) and _RUSSIAN_RE.match(have)):
        return False
    _, common, tail = _settings()
    n = 0
    for a, b in zip(want, have, strict=False):
        if a != b:
            break
        n += 1
    return n >= common and len(want) - n <= tail and len(have) - n <= tail


def _said(words: frozenset[str], place: frozenset[str]) -> bool:
    return all(any(_same_word(w, p) for p in place) or not place.isdisjoint(_said_by().get(w, ())) for w in words)


def _places(card: ProductCard) -> list[frozenset[str]]:
    product = card.product
    own = frozenset(tokens(f"{product.name} {product.description or ''}"))
    offered = ((s, offered_tokens(s)) for s in card.specs if not denies(s))
    return [own, *(s.tokens | value for s, value in offered if value is not None)]  # not what is optional


def said_in_other_words(req: Requirement, subject: frozenset[str], card: ProductCard) -> bool:
    """The presence's words (``subject``: its name without generic words) said in one place of the card, in other
    word forms; or, for a name with a plain bracket, the bracket's words and a word of the name before it."""
    fillers = _settings()[0]
    words = _unowned(subject - fillers)
    if len(words) > 1:  # the product's own kind goes without saying («веб-интерфейс управления коммутатором»)
        words -= frozenset(tokens(card.product.name)[:1])
    places = _places(card)
    if words and any(_said(words, place) for place in places):
        return True
    if _ranged(words, card):  # «регулировка наклона» on «Подставка: наклон −5°…+15°»: a range is an adjustment
        return True
    other = _paraphrased(req.name, words)  # «замена без отключения нагрузки» is the card's «горячая замена»
    if other is not None and any(
        _said(other[0], place) and any(other[1] <= frozenset(tokens(c)) for c in clauses)  # not «горячая замена: нет»
        for place, clauses in offering_places(card)
    ):
        return True
    if said_by_code(req, words, card, _said):  # «протокол VRRP» on «L3 (OSPF, RIP, VRRP)»: the code says its kind
        return True
    m = _BRACKET_RE.match(req.name)
    if m is None or not _PLAIN_RE.match(m.group("alt")):
        return False
    alt = frozenset(name_tokens(m.group("alt"))) - fillers
    head = frozenset(name_tokens(m.group("head"))) & subject
    if _coded(head):  # «RAID 1 (зеркалирование)»: the bracket is the code's Russian name, the code says it all
        return any(_said(head - fillers, p) for p in places)
    return bool(alt) and any(_said(alt, p) and any(_said(frozenset({w}), p) for w in head) for p in places)


@lru_cache(maxsize=1)
def _paraphrases() -> tuple[tuple[re.Pattern[str], frozenset[str], frozenset[str]], ...]:
    data = json.loads((DATA_DIR / "requirements.json").read_text(encoding="utf-8"))["presence_words"]["paraphrases"]
    return tuple(
        (re.compile(rf"(?<!\w){re.escape(said)}(?!\w)"), frozenset(tokens(said)), frozenset(tokens(other)))
        for said, other in data.items()
    )


def _paraphrased(name: str, words: frozenset[str]) -> tuple[frozenset[str], frozenset[str]] | None:
    """(the words, the card's words for the phrase) with a phrase of the name said as a card says it (its words,
    «без» too, replaced), or None."""
    text = name.lower().replace("ё", "е")
    for pattern, said, other in _paraphrases():
        if pattern.search(text):
            return (words - said) | other, other
    return None


_RANGE_RE = re.compile(r"±\s*\d|\d\s*\S{0,3}?\s*(?:…|\.\.\.|–|—|-)\s*[+−-]?\s*\d")
"""A range written in a value: «−5°…+15°», «0–130 мм», «±45°»."""


def _ranged(words: frozenset[str], card: ProductCard) -> bool:
    """An adjustment's thing stated with a measured range in one clause of the card: «регулировка наклона» on
    «Подставка: наклон −5°…+15°» (``requirements.json`` ``presence_words`` ``adjusting``); one value («наклон 5°»)
    is a fixed one."""
    adjusting = words & _adjusting()
    thing = words - adjusting
    if not adjusting or not thing:
        return False
    for _, clauses in offering_places(card):
        for clause in clauses:
            said = frozenset(tokens(clause))
            measured = any(_KIND_RE.match(t) and _owner(t) in dimensions() for t in said)
            if measured and _RANGE_RE.search(clause) and _said(thing, said):
                return True
    return False


@lru_cache(maxsize=1)
def _adjusting() -> frozenset[str]:
    data = json.loads((DATA_DIR / "requirements.json").read_text(encoding="utf-8"))["presence_words"]
    return frozenset(data["adjusting"])


def _coded(words: frozenset[str]) -> bool:
    """The words are a Latin code with its number and nothing else («RAID 1»)."""
    latin = [w for w in words if _LATIN_RE.match(w)]
    numbers = [w for w in words if w.isdigit()]
    return len(latin) == 1 and len(numbers) == 1 and len(words) == 2
