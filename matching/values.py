"""Qualitative values: classes of synonyms per characteristic family, bracketed equivalents, special values, codes.

The classes are data (``matching/data/value_classes.json``, versioned): "в стойку" and "стоечный 19\"" are one
mounting, "ПВХ" and "PVC" one sheath; two classes of one family exclude each other. A value in brackets is an
equivalent ("RJ-45 (8P8C)"), not an extra requirement. "Бессрочная", "не ограничено" are the special value
*unlimited*. Codes compare letter by letter after script repair ("С13" = "C13", "6А" = "6A").
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache

from matching.normalise import clean, phrase_tokens, tokens
from matching.units import DATA_DIR, parse_quantities

_BRACKET_RE = re.compile(r"^(?P<head>[^()]+?)\s*\((?P<inner>[^()]+)\)\s*$")
_INNER_BRACKET_RE = re.compile(r"\s*\([^()]+\)\s*(?=\S)")
_CODE_CHARS_RE = re.compile(r"[^0-9a-zа-я+]+")
_GENERIC_NAME = frozenset({"наличие", "поддержка", "тип", "вид", "режим"})
_CYR_TO_LAT = str.maketrans("асеорхукавснкмт", "aceopxykabchkmt")


@dataclass(frozen=True, slots=True)
class CardKind:
    """A kind of product within its type the card's name states (``card_kinds``): the product types it is read
    for, the words of the card's name stating it, the words only another kind has and that kind (genitive)."""

    types: frozenset[str]
    card: frozenset[str]
    foreign: frozenset[str]
    rival: str


class _Classes:
    def __init__(self) -> None:
        data = json.loads((DATA_DIR / "value_classes.json").read_text(encoding="utf-8"))
        self.version = int(data["version"])
        self.variants: list[tuple[str, str, frozenset[str]]] = []
        for family, classes in data["families"].items():
            for name, variants in classes.items():
                for variant in variants:
                    vt = frozenset(tokens(variant))
                    if vt:
                        self.variants.append((family, name, vt))
        self.variants.sort(key=lambda v: -len(v[2]))
        self.distinguish_only = frozenset(data.get("distinguish_only", ()))
        self.named = {family: phrase_tokens(words)
                      for family, words in data.get("named_in_requirements", {}).items()}  # fmt: skip
        self.none_names = {tokens(k): v for k, v in data["none_names"]["names"].items()}
        self.read_in_names = {family: (entry["spec"], phrase_tokens(entry["types"]))
                              for family, entry in data["read_in_names"]["families"].items()}  # fmt: skip
        self.single_mode = {family: frozenset(names) for family, names in data["single_mode"]["classes"].items()}
        racked = data["rack_units_mounting"]
        self.rack_types = phrase_tokens(racked["types"])
        self.rack_class = racked["class"]
        self.card_kinds = {
            kind: CardKind(
                types=phrase_tokens(entry["types"]),
                card=phrase_tokens(entry["card"]),
                foreign=phrase_tokens(entry["foreign"]),
                rival=entry["rival"],
            )
            for kind, entry in data["card_kinds"]["kinds"].items()
        }
        special = [clean(v) for v in data["special"]["unlimited"]]
        self.unlimited = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(v) for v in special) + r")", re.I)
        tails = "|".join(r"\s+".join(map(re.escape, t.split())) for t in data["equivalent_tails"]["tails"])
        self.equivalent_tail = re.compile(r"[\s,;(]+(?:" + tails + r")\s*\)?\s*$", re.I)


@lru_cache(maxsize=1)
def _classes() -> _Classes:
    return _Classes()


def classes_read_in_names() -> dict[str, tuple[str, frozenset[str]]]:
    """Families whose class a line's name states as a requirement: family → (the spec name, the line types)."""
    return _classes().read_in_names


def single_mode_classes() -> dict[str, frozenset[str]]:
    """Per family, the classes leaving a product one mode of work ("монохромный"; ``single_mode``)."""
    return _classes().single_mode


@lru_cache(maxsize=1)
def single_mode_words() -> frozenset[str]:
    """Every token of the single-mode classes' variants ("черно", "белый", "монохромный", …): in a spec's name
    («Скорость черно-белой печати») they name the mode a value is measured in, which colour devices state too."""
    return frozenset().union(*(class_words(f, names) for f, names in single_mode_classes().items()))


def classes_version() -> int:
    return _classes().version


@lru_cache(maxsize=100_000)
def value_classes(text: str) -> dict[str, frozenset[str]]:
    """``{family: classes}`` a value names (the longest variants first; a variant inside a longer one is not
    counted again): "19\\" стоечное 1U" → {"mounting": {"стоечный"}}."""
    have = set(tokens(text))
    found: dict[str, set[str]] = {}
    used: set[str] = set()
    claimed: set[frozenset[str]] = set()  # one variant listed in two families: "s ftp" is shielded and S/FTP
    for family, name, vt in _classes().variants:
        if vt <= have and (not vt <= used or vt in claimed):
            found.setdefault(family, set()).add(name)
            used |= vt
            claimed.add(vt)
    return {family: frozenset(names) for family, names in found.items()}


def class_text(name: str, value: str, denies: bool, racked: bool = False) -> str:
    """What the value classes read of a spec: its value, or the class its "нет" is under one of the names listed
    in ``none_names`` ("Экран: нет" → "неэкранированный"); any other "нет" names no class ("Монтаж в стойку:
    нет" is not rack mounting). Of a product whose type is racked (``rack_units_mounting``), a height in rack
    units naming no mounting class is rack mounting too ("Форм-фактор: 2U" of a server)."""
    if denies:
        return _classes().none_names.get(tokens(name), value)
    return rack_mounted(value) if racked else value


def racked_types() -> frozenset[str]:
    """The product types whose height in rack units is rack mounting (``rack_units_mounting``)."""
    return _classes().rack_types


def rack_mounted(text: str) -> str:
    """The text with the rack-mounting class added when it states a height in rack units and no mounting class
    ("Сервер … 2U"), for a product of a racked type; else the text."""
    if "mounting" in value_classes(text) or not any(q.dimension == "rack_units" for q in parse_quantities(text)):
        return text
    return f"{text} ({_classes().rack_class})"


def card_kinds() -> dict[str, CardKind]:
    """Kinds of product within a type a card's name states (``card_kinds``: an optical patch cord)."""
    return _classes().card_kinds


def compare_classes(required: str, offered: str) -> bool | None:
    """False when the values name only different classes of a family they share (whatever another family says:
    "S/FTP" and "F/UTP" are both shielded, rival constructions), True when they name one class of a family, None
    when the classes say nothing (a family that only tells values apart never says True)."""
    want, have = value_classes(required), value_classes(offered)
    verdict: bool | None = None
    for family, names in want.items():
        if family not in have:
            continue
        if not names & have[family]:
            return False
        if family not in _classes().distinguish_only:
            verdict = True
    return verdict


def named_classes(name_tokens: tuple[str, ...]) -> dict[str, frozenset[str]]:
    """Classes a requirement's name names as what it asks ("неуправляемый", "Скорость цветной печати"), in the
    families ``named_in_requirements`` lists: the class word alone, or qualifying one of the family's words."""
    found: dict[str, frozenset[str]] = {}
    for family, names in value_classes(" ".join(name_tokens)).items():
        qualified = _classes().named.get(family)
        if qualified is None:
            continue
        if qualified & set(name_tokens) or (not qualified and _only_class_words(name_tokens, family)):
            found[family] = names
    return found


def asked_classes(name_tokens: tuple[str, ...], values: tuple[str, ...]) -> dict[str, frozenset[str]]:
    """Classes every asked value names ("Цветность печати: Черно-белая" → colour: монохромный), in the families whose
    ``named_in_requirements`` words the requirement's name says ("печать"): what the product must be."""
    found: dict[str, frozenset[str]] = {}
    for family, qualified in _classes().named.items():
        if not qualified & set(name_tokens):
            continue
        named = [value_classes(v).get(family) for v in values]
        if named and all(named):
            found[family] = frozenset().union(*named)
    return found


def class_words(family: str, names: frozenset[str]) -> frozenset[str]:
    """Every token of the variants of those classes of a family ("черно", "белый", "монохромный", …)."""
    return frozenset(t for f, name, vt in _classes().variants if f == family and name in names for t in vt)


def _only_class_words(name_tokens: tuple[str, ...], family: str) -> bool:
    rest = set(name_tokens) - _GENERIC_NAME
    return bool(rest) and all(family in value_classes(t) for t in rest)


def is_unlimited(text: str) -> bool:
    """ "бессрочная", "не ограничено", "без ограничения срока", "perpetual"."""
    return bool(_classes().unlimited.search(clean(text)))


def limited_term(required: str, offered: str) -> bool:
    """An unlimited term asked ("Бессрочная") against an offered term of so many months or years ("подписка на 36
    мес. (продлевается)"): a renewable subscription is still a term, never perpetual."""
    if not is_unlimited(required) or is_unlimited(offered):
        return False
    return any(q.dimension == "time" for q in parse_quantities(offered))


_LATIN_RE = re.compile(r"[a-z]", re.IGNORECASE)
_MEMBERS_RE = re.compile(r"\s*[,;]\s*|\s+и\s+")


def list_members(value: str) -> tuple[str, ...]:
    """The members one asked value lists ("HDMI, DisplayPort", "IPsec, SSL VPN"): names of interfaces, standards or
    protocols, written in Latin letters, each one needed. The value itself when it lists none, when a part is a
    quantity ("Gigabit Ethernet, 2 порта": a count) or a word qualifying the rest ("LC-LC, полированные": no member
    of the list). "A/B" stays one member: its alternatives (:func:`alternatives`) are read where it is matched."""
    parts = tuple(p for p in _MEMBERS_RE.split(value.strip()) if p)
    if len(parts) < 2 or not all(_LATIN_RE.search(p) for p in parts):
        return (value,)
    if any(q.dimension for p in parts for q in parse_quantities(p)):
        return (value,)
    return parts


def alternatives(value: str) -> list[str]:
    """The value and its bracketed equivalents: "RJ-45 (8P8C)" → ["RJ-45 (8P8C)", "RJ-45", "8P8C"];
    "IPS (PLS, ADS)" → [..., "IPS", "PLS", "ADS"]; a bracket inside the value repeats a word of it: "одномодовое (SM)
    9/125 мкм" → [..., "одномодовое 9/125 мкм"]."""
    m = _BRACKET_RE.match(value.strip())
    if not m:
        inner = _INNER_BRACKET_RE.search(value)  # "одномодовое (SM) 9/125 мкм": the bracket repeats the word
        return [value, _INNER_BRACKET_RE.sub(" ", value).strip()] if inner else [value]
    inner = [part.strip() for part in m.group("inner").split(",") if part.strip()]
    return [value, m.group("head").strip(), *inner]


def equivalent_met(required: str, parts: tuple[str, ...]) -> bool:
    """An asked value allowing an equivalent ("Astra Linux Special Edition 1.7 или эквивалент", ``equivalent_tails``)
    met by a card value whose first clause (cleaned ``parts``) is that very value and the rest only adds its terms
    ("Astra Linux Special Edition 1.7, бессрочная лицензия"); never by shared words ("L3 Lite" is no "L3", "1.6" no
    "1.7", "Windows 11 Home" no "Windows 11 Pro"): the equivalence is the specialist's to judge."""
    named = _classes().equivalent_tail.sub("", required).strip()
    return bool(named) and named != required.strip() and bool(parts) and clean(named) == parts[0]


_CODE_SHAPE_RE = re.compile(r"^([a-z]+)(\d[0-9a-z.+]*)$")


def rival_codes(required: str, offered: str) -> bool:
    """Two codes of one kind that differ: "IP54" against "IP65", "Cat5e" against "Cat6" (same letters, other
    digits) — a proof of difference, unlike two words that merely do not match."""
    a, b = _CODE_SHAPE_RE.match(code_form(required)), _CODE_SHAPE_RE.match(code_form(offered))
    return bool(a and b) and a.group(1) == b.group(1) and a.group(2) != b.group(2)


_STANDARD_FORM_RE = re.compile(r"^(\d+g?)base([a-z0-9]+)$")
_STANDARD_SUFFIX_RE = re.compile(r"^[a-z]{1,3}\d?$")
_STANDARD_PARTS_RE = re.compile(r"\s*[,;/]\s*|\s+и\s+")


def _standards(text: str) -> frozenset[str]:
    """The Ethernet physical-layer standards a value lists ("10GBASE-LR / LW" → 10gbaselr, 10gbaselw); empty when
    any part is something else."""
    found, prefix = set(), None
    for part in _STANDARD_PARTS_RE.split(text.strip()):
        form = code_form(part)
        m = _STANDARD_FORM_RE.match(form)
        if m:
            prefix = m.group(1)
            found.add(form)
        elif prefix and _STANDARD_SUFFIX_RE.match(form):
            found.add(f"{prefix}base{form}")  # "/ LW": the same speed's other standard
        else:
            return frozenset()
    return frozenset(found)


def codes_differ(required: str, offered: str, parts: tuple[str, ...]) -> bool:
    """A code proven different: rival codes of one kind in the value or one of its parts ("IP54" against
    "IP65"), or a list of Ethernet standards without the asked one ("1000BASE-T" against "1000BASE-LX")."""
    return any(rival_codes(required, part) for part in (offered, *parts)) or other_standards(required, offered)


def other_standards(required: str, offered: str) -> bool:
    """The card lists Ethernet standards ("1000BASE-LX", "10GBASE-LR / LW") and not the asked one ("1000BASE-T"):
    each standard is one physical layer (copper, a fibre and wavelength), so a list without it proves the
    difference."""
    asked, listed = _standards(required), _standards(offered)
    return len(asked) == 1 and bool(listed) and not asked <= listed


def code_form(text: str) -> str:
    """A code compared letter by letter: Cyrillic look-alikes as Latin, punctuation and spaces dropped
    ("Кат. 6А" → "кат6a", "С13" → "c13")."""
    return _CODE_CHARS_RE.sub("", text.lower().replace("ё", "е")).translate(_CYR_TO_LAT)


def same_code(required: str, offered: str) -> bool:
    """Both values are short codes with digits and letters, equal letter by letter."""
    a, b = code_form(required), code_form(offered)
    return bool(a) and a == b and any(ch.isdigit() for ch in a) and any(not ch.isdigit() for ch in a)


_IP_RE = re.compile(r"(?<![^\W\d_])[iі][pр]\s*-?\s*([0-6xх])([0-9xх])(?![0-9])")
"""An ingress protection code, with look-alike Cyrillic letters ("IР54", "IPХ4")."""


def ingress_below(required: str, offered: str) -> bool:
    """An offered ingress protection code is below a required one: a digit lower, or unstated ("X") where one is
    asked; with a code on both sides only ("IP20" against "не ниже IP54"). Lower under either reading of a bare
    code (exact or at least), so it can only disprove."""
    want, have = _IP_RE.search(required.lower()), _IP_RE.search(offered.lower())
    if want is None or have is None:
        return False
    digits = [(w.replace("х", "x"), h.replace("х", "x")) for w, h in zip(want.groups(), have.groups(), strict=True)]
    return any(h == "x" or h < w for w, h in digits if w != "x")


_AT_LEAST_RE = re.compile(r"не\s*ниже|не\s*менее|не\s*хуже|≥|>=", re.IGNORECASE)


def ingress_at_least(required: str, offered: str) -> bool:
    """An offered ingress protection code meets a required minimum ("не ниже IP54" by IP65) digit by digit: each
    asked digit met by one equal or higher, as notices mean «не ниже» (IP67 meets «не ниже IP65": the labelled
    parts read it so, though IEC 60529 tests immersion apart from jets). Only under words or signs of a minimum: a
    bare code ("IP54") may mean exactly that code, so IP65 against it stays for the specialist."""
    if not _AT_LEAST_RE.search(required):
        return False
    want, have = _IP_RE.search(required.lower()), _IP_RE.search(offered.lower())
    if want is None or have is None:
        return False
    digits = [(w.replace("х", "x"), h.replace("х", "x")) for w, h in zip(want.groups(), have.groups(), strict=True)]
    return all(w == "x" or (h != "x" and h >= w) for w, h in digits)
