"""Qualitative values: classes of synonyms per characteristic family, bracketed equivalents, special values, codes.

The classes are data (``matching/data/value_classes.json``, versioned): "в стойку" and "стоечный 19\"" are one
mounting, "ПВХ" and "PVC" one sheath; two classes of one family exclude each other. A value in brackets is an
equivalent ("RJ-45 (8P8C)"), not an extra requirement. "Бессрочная", "не ограничено" are the special value
*unlimited*. Codes compare letter by letter after script repair ("С13" = "C13", "6А" = "6A").
"""

from __future__ import annotations

import json
import re
from functools import lru_cache

from matching.normalise import clean, tokens
from matching.units import DATA_DIR

_BRACKET_RE = re.compile(r"^(?P<head>[^()]+?)\s*\((?P<inner>[^()]+)\)\s*$")
_CODE_CHARS_RE = re.compile(r"[^0-9a-zа-я+]+")
_CYR_TO_LAT = str.maketrans("асеорхукавснкмті", "aceopxykabchkmti")  # і: the Ukrainian look-alike of i


class _Classes:
    def __init__(self) -> None:
        data = json.loads((DATA_DIR / "value_classes.json").read_text(encoding="utf-8"))
        self.version = int(data["version"])
        self.variants: list[tuple[str, str, frozenset[str]]] = []
        indirect = data["indirect"]
        self.indirect_classes = frozenset((f, c) for f, names in indirect["classes"].items() for c in names)
        self.indirect_variants = frozenset(frozenset(tokens(v)) for v in indirect["variants"])
        for family, classes in data["families"].items():
            for name, variants in classes.items():
                for variant in variants:
                    vt = frozenset(tokens(variant))
                    if vt:
                        self.variants.append((family, name, vt))
        self.variants.sort(key=lambda v: -len(v[2]))
        self.proving = [v for v in self.variants if not self.indirect(v)]
        special = [clean(v) for v in data["special"]["unlimited"]]
        self.unlimited = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(v) for v in special) + r")", re.I)

    def indirect(self, variant: tuple[str, str, frozenset[str]]) -> bool:
        family, name, vt = variant
        return (family, name) in self.indirect_classes or vt in self.indirect_variants


@lru_cache(maxsize=1)
def _classes() -> _Classes:
    return _Classes()


def classes_version() -> int:
    return _classes().version


@lru_cache(maxsize=100_000)
def value_classes(text: str, proving: bool = False) -> dict[str, frozenset[str]]:
    """``{family: classes}`` a value names (the longest variants first; a variant inside a longer one is not
    counted again): "19\\" стоечное 1U" → {"mounting": {"стоечный"}}. ``proving``: only the classes and variants
    that may prove two values the same (not the ``indirect`` ones of the data, which only tell them apart)."""
    have = set(tokens(text))
    found: dict[str, set[str]] = {}
    used: set[str] = set()
    for family, name, vt in _classes().proving if proving else _classes().variants:
        if vt <= have and not vt <= used:
            found.setdefault(family, set()).add(name)
            used |= vt
    return {family: frozenset(names) for family, names in found.items()}


@lru_cache(maxsize=10_000)
def phrase_class(words: tuple[str, ...]) -> tuple[str, str] | None:
    """``(family, class)`` when normalised words are exactly one class's variant ("неуправляемый" → management,
    неуправляемый): a feature written as a value, which the card's value of that family decides."""
    have = frozenset(words)
    for family, name, vt in _classes().variants:
        if vt == have:
            return family, name
    return None


def compare_classes(required: str, offered: str) -> bool | None:
    """True when both values name one class of a family, False when they name only different classes of one
    family, None when the classes say nothing."""
    want, have = value_classes(required), value_classes(offered)
    verdict: bool | None = None
    for family, names in want.items():
        if family not in have:
            continue
        if names & have[family]:
            if value_classes(required, True).get(family, frozenset()) & value_classes(offered, True).get(family, set()):
                return True
            continue  # one class through an indirect variant ("интерактивный"): says nothing, never "yes"
        verdict = False
    return verdict


def is_unlimited(text: str) -> bool:
    """ "бессрочная", "не ограничено", "без ограничения срока", "perpetual"."""
    return bool(_classes().unlimited.search(clean(text)))


def alternatives(value: str) -> list[str]:
    """The value and its bracketed equivalents: "RJ-45 (8P8C)" → ["RJ-45 (8P8C)", "RJ-45", "8P8C"];
    "IPS (PLS, ADS)" → [..., "IPS", "PLS", "ADS"]."""
    m = _BRACKET_RE.match(value.strip())
    if not m:
        return [value]
    inner = [part.strip() for part in m.group("inner").split(",") if part.strip()]
    return [value, m.group("head").strip(), *inner]


_CODE_SHAPE_RE = re.compile(r"^([a-z]+)(\d[0-9a-z.+]*)$")


def rival_codes(required: str, offered: str) -> bool:
    """Two codes of one kind that differ: "IP54" against "IP65", "Cat5e" against "Cat6" (same letters, other
    digits) — a proof of difference, unlike two words that merely do not match."""
    want, have = code_form(required), code_form(offered)
    if _GRADE_RE.match(want) and _GRADE_RE.match(have):
        return want != have  # "6" against "5e" (a category written without its prefix)
    a, b = _CODE_SHAPE_RE.match(want), _CODE_SHAPE_RE.match(have)
    return bool(a and b) and a.group(1) == b.group(1) and a.group(2) != b.group(2)


_GRADE_RE = re.compile(r"^\d[a-z]$|^\d$")


def code_form(text: str) -> str:
    """A code compared letter by letter: Cyrillic look-alikes as Latin, punctuation and spaces dropped
    ("Кат. 6А" → "кат6a", "С13" → "c13")."""
    return _CODE_CHARS_RE.sub("", text.lower().replace("ё", "е").translate(_CYR_TO_LAT))


def same_code(required: str, offered: str) -> bool:
    """Both values are short codes with digits and letters, equal letter by letter."""
    a, b = code_form(required), code_form(offered)
    return bool(a) and a == b and any(ch.isdigit() for ch in a) and any(not ch.isdigit() for ch in a)
