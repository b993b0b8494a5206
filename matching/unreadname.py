"""Parts of a line's name that look like requirements but that no rule of the name grammar read: a number with
its unit or noun ("42U", "600×800", "10 км"), a standard or code ("1000BASE-T", "RJ-45", "VPN").

A «yes» must be proven for every requirement, those of the name included (issue 15): "Модуль SFP 1000BASE-T
(RJ-45)" was "yes" for optical modules on its DDM characteristic alone, "Шкаф 42U 600×800" for a 12U cabinet on its
colour. Each unread part becomes a requirement that only the card saying the same words proves (its name, or one
spec that does not deny them); otherwise it stays "unknown", never "no" (what the part means was not read).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from matching.cards import ProductCard, denies
from matching.normalise import fix_lookalikes, implied, lemma, tables, tokens
from matching.requirements import Requirement
from matching.typegate import known_types
from matching.units import unit_info

SOURCE = "name-unread"
_PHRASE_RE = re.compile(r"(?:[^,;()\[\]«»]|(?<=\d),(?=\d))+")
_NUMBER_RE = re.compile(r"\d+(?:[.,]\d+)?")
_DIGITS_RE = re.compile(r"\d+")
_ATOM_RE = re.compile(r"\d+(?:[.,]\d+)?|[a-z]+")
_LATIN_RE = re.compile(r"[A-Za-z]")
_CYRILLIC_RE = re.compile(r"[а-яёА-ЯЁ]")
_BRACKETED_RE = re.compile(r"\(([^()]+)\)")
_TIMES = frozenset({"x", "х", "×", "*"})
_GROUPED_RE = re.compile(r"(?<=\d)[ \u00a0\u202f](?=\d{3}(?!\d))")
"""The space grouping a number's thousands as a requirement is described («1 000 ВА»)."""


def _atoms(text: str) -> set[str]:
    """Numbers (decimal point normalised), Latin letter runs (lowercase) and rival qualifiers of a text."""
    found = {a.replace(",", ".") for a in _ATOM_RE.findall(fix_lookalikes(text).lower())}
    return found | (set(tokens(text)) & _rival_words())


def _looks_required(word: str) -> bool:
    """A word with a digit, a Latin word (a code, standard or brand) without Cyrillic letters, or a rival qualifier
    that is no product type ("настольного", "монохромное": one of a family the card may state another of)."""
    if any(c.isdigit() for c in word) or (bool(_LATIN_RE.search(word)) and not _CYRILLIC_RE.search(word)):
        return True
    return bool(set(tokens(word)) & _rival_words())


@lru_cache(maxsize=1)
def _rival_words() -> frozenset[str]:
    rivals = {t for group in tables().conflicts for t in group if _CYRILLIC_RE.search(t)}
    return frozenset(rivals - known_types())


def _is_code_number(word: str, after: str) -> bool:
    """A Latin word without digits followed by its number or version ("Wi-Fi 6E", "RAID 5")."""
    latin = not any(c.isdigit() for c in word) and not _CYRILLIC_RE.search(word)
    return latin and any(c.isdigit() for c in after) and not _CYRILLIC_RE.search(after) and len(after) <= 4


def _measures(word: str, countable: frozenset[str]) -> bool:
    """The word after a bare number makes it a requirement: a unit ("10 км"), a thing counted ("2 линии"), a code
    ("8 × 1G"); not a stage or a lot ("1 этап")."""
    return _looks_required(word) or unit_info(word) is not None or lemma(word.lower()) in countable


def candidate_parts(name: str, countable: frozenset[str] = frozenset()) -> list[str]:
    """The requirement-looking parts of a name, as written: a bare number goes with the word after it when that
    measures or counts ("10 км", "2 линии", "8 × 1G"), a word with digits or Latin letters stands alone ("42U",
    "1000BASE-T", "SFP") or with its number ("Wi-Fi 6E", "RAID 5"); nothing is joined across a comma or a bracket
    ("WDM, 20 км"). ``countable``: the lemmas of the things a name counts."""
    parts = []
    for phrase in _PHRASE_RE.findall(fix_lookalikes(name)):
        parts.extend(_phrase_parts([w.strip(".:-–") for w in phrase.split() if w.strip(".:-–")], countable))
    return parts


def _phrase_parts(words: list[str], countable: frozenset[str]) -> list[str]:
    parts = []
    i = 0
    while i < len(words):
        word = words[i]
        if _NUMBER_RE.fullmatch(word) and i + 1 < len(words):
            j = i + 2 if words[i + 1] in _TIMES and i + 2 < len(words) else i + 1
            if _measures(words[j], countable):
                parts.append(" ".join(words[i : j + 1]))
            i = j + 1
            continue
        if _looks_required(word):
            after = words[i + 1] if i + 1 < len(words) else ""
            measured = _NUMBER_RE.fullmatch(after) and i + 2 < len(words) and _measures(words[i + 2], countable)
            code = bool(after) and _is_code_number(word, after) and not measured  # "WDM 100 Мбит/с": the speed's
            parts.append(f"{word} {after}" if code else word)
            i += 1 if code else 0
        i += 1
    return parts


def unread_requirements(
    name: str, read: Iterable[Requirement], countable: frozenset[str] = frozenset()
) -> list[Requirement]:
    """A requirement for each requirement-looking part of ``name`` that none of the ``read`` requirements took:
    a part is read when each of its numbers and Latin words appears in what a read requirement says (its label,
    values or text). A part whose words the name's own tokens do not keep names the product type ("Модуль SFP"
    is a transceiver), which the type gate decides; so do the rival qualifiers of a classification name whose
    bracket refines the type ("Компьютер персональный настольный (моноблок)")."""
    said: set[str] = set()
    for req in read:
        text = " ".join((req.name, req.describe(), *req.values))
        said |= _atoms(text) | _atoms(_GROUPED_RE.sub("", text))  # «≥ 1 000 ВА» read «1000 ВА» of the name
    kept = set(tokens(name))
    classified = any(set(tokens(inner)) & known_types() for inner in _BRACKETED_RE.findall(name))
    found = []
    for part in candidate_parts(name, countable):
        words = tokens(part)
        if not words or not set(words) & kept or _atoms(part) <= said:
            continue
        if classified and set(words) <= _rival_words():
            continue  # "Компьютер персональный настольный (моноблок)": a classification's words, the type refined
        found.append(Requirement(name=f"{part} (в наименовании)", kind="text", text=part, source=SOURCE,
                                 name_tokens=words))  # fmt: skip
    return found


def stated_elsewhere(part: Requirement, characteristics: Iterable[Requirement]) -> bool:
    """An unread part of the name that one of the line's characteristics states in full ("Точка доступа наружная
    IР54" with «Степень защиты: не ниже IР54»): that characteristic says what the part means (here a minimum),
    and is decided on its own; a bare part would ask the code exactly."""
    text = part.text or ""
    keys = _DIGITS_RE.findall(text) or [text.lower()]  # a quick look first: most parts are brands and models
    atoms, words = None, frozenset(part.name_tokens)
    for c in characteristics:
        raw = " ".join((c.name, c.text or "", *c.values)).lower()
        if not all(k in raw for k in keys):
            continue
        atoms = _atoms(text) if atoms is None else atoms
        said = " ".join((c.name, c.describe(), *c.values))
        if atoms <= _atoms(said) and words <= frozenset(tokens(said)):
            return True
    return False


def proven(req: Requirement, card: ProductCard) -> bool:
    """The card says the part's words together: in its name, or in one spec (name, value and unit) that does not
    deny them ("Цифровая диагностика (DDM): не поддерживается" proves no DDM)."""
    words = frozenset(req.name_tokens)
    if not words:
        return False
    if words <= implied(frozenset(card.tokens)):
        return True
    for s in card.specs:
        if denies(s):
            continue
        said = s.tokens | s.value_tokens
        if words <= said or words <= said | implied(frozenset(tokens(f"{s.spec.value} {s.spec.unit or ''}"))):
            return True
    return False
