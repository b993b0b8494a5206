"""Classes written inside a regulator's certificate: "Сертификат ФСТЭК: МЭ типа А, Б 4 класса; СОВ 4 класса; УД 4"
against "Класс защиты межсетевого экрана (тип А) по требованиям ФСТЭК России: не ниже 4".

Class 1 is the strongest, so "не ниже 4" is met by classes 1 to 4 and never by 6 (although 6 > 4). The class is
read only where the card's certificate says both the regulator and the kind the requirement names (a firewall
class is not the intrusion detection class of the same certificate), and a type the requirement asks ("тип А")
must be among the types the certificate names; otherwise nothing is decided here. Vocabulary:
``value_classes.json`` ``certificate_classes``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache

from matching.cards import ProductCard, SpecCard
from matching.requirements import Requirement
from matching.units import DATA_DIR

_TYPES_RE = re.compile(r"тип\w*\s+(?P<t>[а-дab](?:\s*(?:,|и)\s*[а-дab])*)(?![\w])")
_ASKED_TYPE_RE = re.compile(r"тип[аеу]?\s+(?P<t>[а-дab])(?![\w])", re.IGNORECASE)
_AT_LEAST_TEXT_RE = re.compile(
    r"^\s*не\s+ниже\s+(?:уд\s*-?\s*)?(?P<n>[1-6])(?:\s*-?го)?(?:\s+класс\w*|\s+уровн\w*)?\s*$", re.IGNORECASE
)
_LATIN_TYPES = str.maketrans({"a": "а", "b": "в"})
_PARTS_RE = re.compile(r"\s*;\s*")
_TYPE_LIST_RE = re.compile(r"\s*(?:,|и)\s*")


@dataclass(frozen=True, slots=True)
class _Kind:
    name: str
    name_words: tuple[frozenset[str], ...]
    card_re: re.Pattern[str]
    class_word: bool


@lru_cache(maxsize=1)
def _vocabulary() -> tuple[str, tuple[_Kind, ...]]:
    data = json.loads((DATA_DIR / "value_classes.json").read_text(encoding="utf-8"))["certificate_classes"]
    kinds = tuple(
        _Kind(name, tuple(frozenset(w.split()) for w in spec["name"]),
              re.compile(r"(?<![\w])(?:" + "|".join(spec["card"]) + r")(?![\w])(?P<between>[^;:\d]{0,40}?)"
                         r"(?P<n>[1-6])(?![\d.,])(?P<after>\s*(?:-?го\s+)?класс)?"),
              bool(spec["class_word"]))
        for name, spec in data["kinds"].items()
    )  # fmt: skip
    return data["regulator"], kinds


@dataclass(frozen=True, slots=True)
class _Asked:
    kind: _Kind
    types: frozenset[str]
    at_least: int


def _asked(req: Requirement) -> _Asked | None:
    """The class a requirement asks as a minimum ("не ниже 4"), with its kind and type; None for any other."""
    regulator, kinds = _vocabulary()
    words = frozenset(req.name_tokens)
    if regulator not in words:
        return None
    kind = next((k for k in kinds if any(w <= words for w in k.name_words)), None)
    if kind is None:
        return None
    if req.kind == "range" and req.min is not None and req.max is None and req.dimension in (None, "count"):
        number = req.min if req.min_inclusive and float(req.min).is_integer() else None
    elif req.kind == "text" and req.text and (m := _AT_LEAST_TEXT_RE.match(req.text)):
        number = float(m.group("n"))
    else:
        number = None
    if number is None or not 1 <= number <= 6:
        return None
    types = frozenset(t.lower().translate(_LATIN_TYPES) for t in _ASKED_TYPE_RE.findall(req.name))
    return _Asked(kind, types, int(number))


@lru_cache(maxsize=16_384)
def _classes(kind: _Kind, spec_name: str, value: str) -> tuple[tuple[int, frozenset[str]], ...]:
    """The classes of one kind a spec's certificate states, as (class, types) pairs; only the parts of the value
    said of the regulator (or all of it when the spec's name says the regulator)."""
    regulator, _ = _vocabulary()
    whole = regulator in spec_name.lower()
    found = []
    for part in _PARTS_RE.split(value.lower()):
        if not (whole or regulator in part):
            continue
        for m in kind.card_re.finditer(part):
            between = m.group("between")
            if kind.class_word and "класс" not in between and not m.group("after"):
                continue
            if not kind.class_word and between.strip(" -"):
                continue
            typed = _TYPES_RE.search(between)
            types = frozenset(_TYPE_LIST_RE.split(typed.group("t").translate(_LATIN_TYPES))) if typed else frozenset()
            found.append((int(m.group("n")), types))
    return tuple(found)


def asks_class(req: Requirement) -> bool:
    """The requirement asks a certificate's class as a minimum (decided once per requirement)."""
    asked = req.lookup["certificate_class"] = _asked(req)
    return asked is not None


def certificate_class(req: Requirement, card: ProductCard) -> tuple[str, str, SpecCard] | None:
    """("yes" | "no", reason, spec) when the card's certificate states the asked kind's class (of the asked
    types); None when the card does not state it. Only for a requirement :func:`asks_class` accepted."""
    asked: _Asked = req.lookup["certificate_class"]
    stated = [(n, spec) for spec in card.specs for n, types in _classes(asked.kind, spec.spec.name, spec.spec.value)
              if asked.types <= types]  # fmt: skip
    if not stated:
        return None
    best, spec = min(stated, key=lambda found: found[0])
    said = f"в карточке ({spec.spec.name}): {best} класс, требуется не ниже {asked.at_least} (1 — высший)"
    return ("yes" if best <= asked.at_least else "no"), said, spec
