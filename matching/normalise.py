"""Russian text normalisation for matching: one function turns any name into comparable tokens.

Steps (ARCHITECTURE.md section 6.1): case, ``ё``, Latin look-alike letters inside Cyrillic words (and the
reverse inside Latin model names), spaced letters, punctuation, technical rewrites (PoE+, Wi-Fi, RJ-45, ...),
lemmas (pymorphy3, cached), abbreviations and synonyms (ЛВС, ИБП, АРМ, СХД, ...). The tables live in
``matching/data/synonyms.json``; nothing domain-specific is a literal here.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

import pymorphy3

from matching.units import DATA_DIR, replace_quantities, unit_keys

_LAT_TO_CYR = str.maketrans("aceopxykAaBCEHKMOPTXYb", "асеорхукАаВСЕНКМОРТХУь")
_CYR_TO_LAT = str.maketrans("асеорхукАВСЕНКМОРТХУ", "aceopxykABCEHKMOPTXY")
_LAT_LOOKALIKE = set("aceopxykABCEHKMOPTXY")
_CYR_LOOKALIKE = set("асеорхукАВСЕНКМОРТХУ")
_WORD_RE = re.compile(r"[^\W\d_]+", re.UNICODE)
_CYR_RE = re.compile(r"[а-яА-ЯёЁ]")
_LAT_RE = re.compile(r"[a-zA-Z]")
_SPACED_RE = re.compile(r"(?<!\S)(?:[^\W\d_]\s){2,}[^\W\d_](?!\S)")
_THOUSANDS_RE = re.compile(r"(?<![\d.,])(\d{1,3})[\s\u00a0\u202f](\d{3})(?![\d])")
_DECIMAL_COMMA_RE = re.compile(r"(\d),(\d)")
_TOKEN_RE = re.compile(r"[a-zа-я0-9_]+(?:\.[0-9]+)?(?:x[0-9]+)*", re.UNICODE)
_COUNT_PREFIX_RE = re.compile(r"(\d)\s*[xх×]\s*(?=[a-zа-я])")
_PUNCT_RE = re.compile(r"[^\w.\s]+|(?<!\d)\.|\.(?!\d)", re.UNICODE)


class _Tables:
    def __init__(self) -> None:
        data = json.loads((DATA_DIR / "synonyms.json").read_text(encoding="utf-8"))
        self.case_rewrites = [(re.compile(p), r) for p, r in data["case_sensitive_rewrites"]]
        self.rewrites = [(re.compile(p), r) for p, r in data["rewrites"]]
        self.stopwords = frozenset(data["stopwords"])
        self.lookalike_codes = frozenset(data["lookalike_codes"]["codes"])
        self.conflicts = [list(g) for g in data.get("conflicts", [])]
        self.implications = {k: tuple(v) for k, v in data.get("implications", {}).items() if not k.startswith("_")}
        features = {t for group in self.conflicts for t in group} | set(data.get("features", []))
        features |= {t for k, v in self.implications.items() for t in (k, *v)}
        self.features = frozenset(features)
        phrases: dict[tuple[str, ...], str] = {}
        for canonical, variants in data["groups"].items():
            for variant in [canonical, *variants]:
                key = tuple(lemma(w) for w in variant.replace("-", " ").split())
                if key:
                    phrases.setdefault(key, canonical)
        self.phrases = phrases
        self.max_phrase = max(len(k) for k in phrases)
        self.unit_letters = frozenset(u.lower() for u in unit_keys() if u and all(_CYR_RE.match(c) for c in u))
        """Russian unit spellings written only in Cyrillic letters (``а``, ``в``, ``м``): ``16А`` is a current."""


_tables: _Tables | None = None


def tables() -> _Tables:
    global _tables
    if _tables is None:
        _tables = _Tables()
    return _tables


_morph: pymorphy3.MorphAnalyzer | None = None


def _best_parse(word: str) -> Any:
    """The most probable pymorphy3 parse of one lowercase word (the analyzer loaded on first use)."""
    global _morph
    if _morph is None:
        _morph = pymorphy3.MorphAnalyzer()
    return _morph.parse(word)[0]


@lru_cache(maxsize=200_000)
def lemma(word: str) -> str:
    """Normal form of one lowercase word (Latin words, numbers and codes are kept as they are)."""
    if not _CYR_RE.search(word) or any(ch.isdigit() for ch in word) or len(word) < 3:
        return word
    return _best_parse(word).normal_form.replace("ё", "е")


@lru_cache(maxsize=50_000)
def is_noun(word: str) -> bool:
    """A Russian noun (by its most probable parse); Latin words, numbers and codes are not."""
    if not _CYR_RE.search(word) or any(ch.isdigit() for ch in word):
        return False
    return _best_parse(word).tag.POS == "NOUN"


@lru_cache(maxsize=10_000)
def nouns_in_number(text: str) -> tuple[tuple[str, bool], ...]:
    """The Russian nouns of a text in order, as (lemma, written in the plural) by their most probable parse:
    "Общий объем установленных накопителей" → (("объем", False), ("накопитель", True))."""
    found = []
    for word in _WORD_RE.findall(text.lower().replace("ё", "е")):
        if _CYR_RE.search(word) and len(word) >= 3 and (parse := _best_parse(word)).tag.POS == "NOUN":
            found.append((parse.normal_form.replace("ё", "е"), parse.tag.number == "plur"))
    return tuple(found)


def _fix_word_script(match: re.Match[str]) -> str:
    word = match.group(0)
    if not _LAT_RE.search(word):
        return _latin_code(match) or word
    if not _CYR_RE.search(word):
        return word
    cyr = sum(1 for ch in word if _CYR_RE.match(ch) and ch not in _CYR_LOOKALIKE)
    lat = sum(1 for ch in word if _LAT_RE.match(ch) and ch not in _LAT_LOOKALIKE)
    if lat > cyr:
        return word.translate(_CYR_TO_LAT)
    return word.translate(_LAT_TO_CYR)


def _latin_code(match: re.Match[str]) -> str | None:
    """A word written only in Cyrillic look-alike letters that is a Latin code (``РоЕ+``, ``РоЕ``: Cyrillic Р, о, Е):
    its Latin reading when a ``+`` follows it (no Russian word takes one), it is one of ``synonyms.json``
    ``lookalike_codes`` (``ЕСС``), it is an upper-case dotted code (``Н.264``) or it is slash-paired with a code
    typed in look-alikes too and is no Russian word (``Тх/Rх``); None otherwise (``ВА``, ``ТВ``, ``ТОР``, ``НЕТ``,
    ``СОВ`` of ``IPS/СОВ`` stay Russian)."""
    word = match.group(0)
    if any(ch not in _CYR_LOOKALIKE for ch in word):
        return None
    latin = word.translate(_CYR_TO_LAT)
    text, start, end = match.string, match.start(), match.end()
    if text.startswith("+", end) or latin.lower() in tables().lookalike_codes:
        return latin
    if word.isupper() and _DOTTED_CODE_RE.match(text, end):
        return latin
    after, before = _PAIR_AFTER_RE.match(text, end), _PAIR_BEFORE_RE.search(text[:start])
    partner = (after.group(1) if after else "") + (before.group(1) if before else "")
    if _MISSCRIPTED_RE.search(partner) and not _is_russian(word):
        return latin
    return None


# ``Н.264``: a dot and two or more digits right after the letters, no digit or letter following.
_DOTTED_CODE_RE = re.compile(r"\.\d{2,}(?![\w.])")
# ``Тх/Rх``: a slash with no spaces joins the word to a partner word.
_PAIR_AFTER_RE = re.compile(r"/([^\W\d_]+)")
_PAIR_BEFORE_RE = re.compile(r"([^\W\d_]+)/$")
# A partner mixing a Latin letter without a Cyrillic twin and a Cyrillic look-alike (``Rх``) was typed by the same
# hand in look-alikes: the pair is a Latin code pair. A pure Latin partner says nothing (``IPS/СОВ``, ``АТС/PBX``).
_MISSCRIPTED_RE = re.compile(r"(?=.*[bdfgijlnqrsuvwzDFGIJLNQRSUVWZ])(?=.*[асеорхукАВСЕНКМОРТХУ])")


def _is_russian(word: str) -> bool:
    """A word the Russian dictionary knows (``тв``, ``тор``, ``нет``): it is never read as a Latin code."""
    global _morph
    if _morph is None:
        _morph = pymorphy3.MorphAnalyzer()
    return bool(_morph.word_is_known(word.lower()))


_CODE_RE = re.compile(r"(?<![^\W\d_])(?:\d+[^\W\d_]+\d*|[^\W\d_]+\d[^\W_]*)(?![^\W\d_])")
_CODE_CONTEXT_RE = re.compile(r"(?:кат|категори[а-я]*|cat|класс[а-я]*|class)\.?\s*$", re.IGNORECASE)
_LETTER_SUFFIX_RE = re.compile(r"\d+([^\W\d_]+)$")


def _fix_code_script(match: re.Match[str]) -> str:
    """Letters inside a code with digits take the script of the code: ``А5``, ``IР54``, ``С13`` (Cyrillic look-alikes)
    → Latin; ``5е`` → ``5e``; a digit-first token whose letters are a Russian unit (``16А``, ``220В``) stays a
    quantity unless a code word precedes it (``категория 6А`` is a cable category, not 6 amperes)."""
    word = match.group(0)
    letters = [ch for ch in word if not ch.isdigit()]
    cyr = [ch for ch in letters if _CYR_RE.match(ch)]
    if not cyr:
        return word
    if any(ch not in _CYR_LOOKALIKE for ch in cyr):
        lat = [ch for ch in letters if _LAT_RE.match(ch) and ch not in _LAT_LOOKALIKE]
        # A real Russian word part (``5кВт``, ``2хГБ``): Latin look-alikes go Cyrillic instead.
        return word.translate(_LAT_TO_CYR) if len(lat) < len(cyr) else word
    suffix = _LETTER_SUFFIX_RE.match(word)
    code_context = _CODE_CONTEXT_RE.search(match.string[: match.start()])
    if suffix and not code_context and suffix.group(1).lower() in tables().unit_letters:
        return word
    return word.translate(_CYR_TO_LAT)


def fix_lookalikes(text: str) -> str:
    """``кoммутатор`` (Latin o) → ``коммутатор``; ``МЕS2324`` (Cyrillic М, Е) → ``MES2324``; ``IР54`` → ``IP54``."""
    return _WORD_RE.sub(_fix_word_script, _CODE_RE.sub(_fix_code_script, text))


def join_spaced_letters(text: str) -> str:
    """``к о м м у т а т о р`` → ``коммутатор``."""
    return _SPACED_RE.sub(lambda m: m.group(0).replace(" ", ""), text)


_WLAN_LIST_RE = re.compile(r"802\.11((?:[a-z]{1,2}/)+[a-z]{1,2})\b")
"""A list of 802.11 amendments ("802.11a/b/g/n/ac"): each one is named, and each must be proven."""
_WLAN_AMENDMENT_RE = re.compile(r"(?:\bieee\s*)?802\.11(?!ac\b|ax\b|be\b)([a-z]{1,2})\b")
"""An amendment other than Wi-Fi 5/6/7 (rewritten by ``synonyms.json``) keeps its letters: 802.11k is not Wi-Fi."""


@lru_cache(maxsize=100_000)
def clean(text: str) -> str:
    """Lowercase, look-alikes fixed, rewrites applied, punctuation as spaces; numbers keep their decimal point."""
    t = tables()
    text = text.replace("\u00a0", " ").replace("\u202f", " ")
    for pattern, repl in t.case_rewrites:
        text = pattern.sub(repl, text)
    text = join_spaced_letters(fix_lookalikes(text))
    text = text.lower().replace("ё", "е")
    text = _THOUSANDS_RE.sub(r"\1\2", text)
    text = _DECIMAL_COMMA_RE.sub(r"\1.\2", text)
    if "802.11" in text:
        text = _WLAN_LIST_RE.sub(lambda m: " ".join(f"802.11{a}" for a in m.group(1).split("/")), text)
        text = _WLAN_AMENDMENT_RE.sub(r" wlan11\1 wlan ", text)
    for pattern, repl in t.rewrites:
        text = pattern.sub(repl, text)
    text = _COUNT_PREFIX_RE.sub(r"\1 ", text)
    text = replace_quantities(text)
    text = _PUNCT_RE.sub(" ", text)
    return " ".join(text.split())


def _apply_groups(words: list[str]) -> list[str]:
    t = tables()
    out: list[str] = []
    i = 0
    while i < len(words):
        for size in range(min(t.max_phrase, len(words) - i), 0, -1):
            canonical = t.phrases.get(tuple(words[i : i + size]))
            if canonical is not None:
                out.append(canonical)
                i += size
                break
        else:
            out.append(words[i])
            i += 1
    return out


def phrase_tokens(phrases: Iterable[str]) -> frozenset[str]:
    """Every token of a vocabulary's phrases (a data file's word list), as one set."""
    return frozenset(t for phrase in phrases for t in tokens(phrase))


@lru_cache(maxsize=200_000)
def tokens(text: str) -> tuple[str, ...]:
    """Comparable tokens of a name: lemmas, synonyms folded to one canonical token, stopwords dropped."""
    words = [lemma(w) for w in _TOKEN_RE.findall(clean(text))]
    stop = tables().stopwords
    return tuple(w for w in _apply_groups(words) if w not in stop)


def fold(words: tuple[str, ...]) -> tuple[str, ...]:
    """Lemmas assembled by a grammar (a counted noun and the words completing it) with synonyms folded as in
    ``tokens``: "линия sip" is "sipаккаунт", as the card's «SIP-линии» reads."""
    return tuple(_apply_groups(list(words)))


def canonical(text: str) -> str:
    """Tokens joined by spaces: the string that rapidfuzz compares."""
    return " ".join(tokens(text))


def implied(found: frozenset[str] | set[str]) -> frozenset[str]:
    """Tokens with what they include added (``sfpplus`` → ``sfp``; ``poeplus`` → ``poe``): what a product offers."""
    rules = tables().implications
    extra = {t for token in found for t in rules.get(token, ())}
    return frozenset(found) | extra if extra else frozenset(found)


def feature_tokens(found: frozenset[str] | set[str] | tuple[str, ...]) -> frozenset[str]:
    """The feature words among tokens (PoE, SFP+, Wi-Fi 6, L3, DDR4…: the qualifiers of ``synonyms.json``)."""
    return frozenset(t for t in found if t in tables().features)
