"""Counts of a thing the card states inside a value (issue 15, session 13): «Количество слотов SIM-карт ≥ 2» on «Модем:
встроенный LTE Cat.6, 2 слота SIM (резервирование)», «Количество отсеков для накопителей ≥ 4» on «Хранилище: 4
отсека 3,5"/2,5" SATA 6 Гбит/с + 2 слота M.2», «Количество отсеков для жестких дисков ≥ 2» on «Отсеки: 2 × 3,5"/2,5"
SATA» stayed «характеристика не найдена».

The thing is the word right after «Количество» (``alignment.json`` ``stated_counts``); the card states it as «N
<thing>» in one clause of a value (a part between «;», «,» and « + »), or as the leading «N × …» of a spec named by
the thing alone, or as a bare number leading such a spec («Блоки питания: 2, с горячей заменой»). Every other word
of the name must be in that clause or the spec's name, or proven by the clause's words (``evidence``: SATA, LFF say
the bays hold drives); so «с возможностью горячей замены» needs the clause to say it. A number not right before the
thing («2 × 8 ГБ» of memory modules) counts nothing. A stated count is at least that many things (another clause may
state more): only a lower bound it meets is decided, never a «no», and every statement of the thing on the card must
meet it. A spec naming another part of the product than the name asks («Сканер: 2 лотка оригиналов» for «Количество
лотков») is left out.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache

from matching.alignment import vocabulary
from matching.bandgrids import band_grid_counts
from matching.cards import ProductCard, SpecCard, denies, value_shape
from matching.fibrecount import fibre_count
from matching.normalise import implied, tokens
from matching.offered import is_optional
from matching.ranges import in_range
from matching.requirements import Requirement
from matching.units import DATA_DIR

_CLAUSE_RE = re.compile(r"\s*(?:;|,(?!\d)|(?<!\d),)\s*|\s+\+\s+")
_PLUS_RE = re.compile(r"\s+\+\s+")
_ADJECTIVE_RE = re.compile(r"(?:ый|ий|ой)$")
_GRID_RE = re.compile(r"(?<![\d.,])(?P<a>\d)\s*[×xх]\s*(?P<b>\d)(?:\s*:\s*(?P<k>\d))?(?![\d.,])", re.IGNORECASE)
_BARE_RE = re.compile(r"^\s*(?P<n>\d{1,3})\s*(?:[,;(]|$)")
_LEADING_RE = re.compile(r"^\s*(?P<n>\d{1,3})\s*[×xх*]\s*\S", re.IGNORECASE)


@lru_cache(maxsize=1)
def _vocabulary() -> tuple[
    frozenset[str], frozenset[str], dict[str, frozenset[str]], frozenset[str], dict[str, frozenset[str]]
]:
    data = json.loads((DATA_DIR / "alignment.json").read_text(encoding="utf-8"))["stated_counts"]
    evidence = {word: frozenset(proof) for word, proof in data["evidence"].items()}
    ports = json.loads((DATA_DIR / "ports.json").read_text(encoding="utf-8"))["things"]
    grids = {thing: frozenset(words) for thing, words in data["grids"].items()}
    return frozenset(data["count"]), frozenset(data["generic"]), evidence, frozenset(ports), grids


def _asked(req: Requirement) -> tuple[str, frozenset[str]] | None:
    """The thing a lower-bounded count asks and the other words of its name («слот», {sim})."""
    if req.kind != "range" or req.dimension not in (None, "count") or req.min is None or req.max is not None:
        return None
    count, generic, _, ports, _ = _vocabulary()
    words = [w for w in req.name_tokens if w not in generic]
    if len(words) < 2 or words[0] not in count or set(words) & ports:
        return None  # ports and interfaces: matching.ports counts them by kind
    at = 2 if len(words) > 2 and _ADJECTIVE_RE.search(words[1]) else 1  # «пространственных потоков»: потоки
    return words[at], frozenset(words[1:]) - count - {words[at]}


def _proven(rest: frozenset[str], said: frozenset[str]) -> bool:
    """Every other word of the name is said, or proven by what is said (``evidence``)."""
    evidence = _vocabulary()[2]
    return all(w in said or said & evidence.get(w, frozenset()) for w in rest)


def _counted_list(value: str) -> bool:
    """A value of one count («2 × 3,5" SATA»), of counts by kind, or of counts joined by «+» («12 × 3,5" LFF + 2 ×
    2,5"»); not «2 × 480 ГБ, 4 × 4 ТБ», whose sizes may be what is listed (matching.cards.value_shape)."""
    if value_shape(value) in ("counted", "kinds"):
        return True
    parts = _PLUS_RE.split(value)
    return len(parts) > 1 and all(value_shape(part) == "counted" for part in parts)


def _first_entry(value: str) -> str:
    """The value up to its first separator outside brackets («12 × 3,5" LFF (фронтальные, hot-swap)» of «… + 2 ×
    2,5"», not «4 × 1GbE RJ-45» and the «слот … для 10GbE» after it)."""
    depth = 0
    for i, ch in enumerate(value):
        depth += {"(": 1, ")": -1}.get(ch, 0)
        if depth == 0 and (ch in ";+" or (ch == "," and not value[i + 1 : i + 2].isdigit())):
            return value[:i]
    return value


def _counts(thing: str, rest: frozenset[str], spec: SpecCard) -> list[tuple[int, str]]:
    """The counts of the thing one spec states with every other asked word, with the words stating each."""
    found = []
    m = _LEADING_RE.match(spec.spec.value)
    named = thing in spec.tokens and spec.tokens <= rest | {thing}  # «Отсеки», «Дисковая корзина» (отсек диск)
    bare = _BARE_RE.match(spec.spec.value) if named else None  # «Блоки питания: 2, с горячей заменой (1+1)»
    counts = bare and spec.quantity is not None and spec.quantity.dimension in (None, "count")
    if counts and _proven(rest, spec.tokens) and not is_optional(spec.spec.value):
        found.append((int(bare.group("n")), spec.spec.value))
    if m and named and _counted_list(spec.spec.value) and not is_optional(_first_entry(spec.spec.value)):
        lead = frozenset(tokens(_first_entry(spec.spec.value)))  # not «+ 2 × 2,5" (hot-swap)»'s words
        if _proven(rest, spec.tokens | implied(lead)):  # «Отсеки: 2 × 3,5"/2,5" SATA»
            found.append((int(m.group("n")), _first_entry(spec.spec.value).strip()))
    for clause in _CLAUSE_RE.split(spec.spec.value):
        if is_optional(clause):
            continue  # «автоподатчик (50 листов) — опция»: a part bought apart
        words = tokens(clause)
        said = implied(frozenset(words)) | spec.tokens
        grid = _GRID_RE.search(clause)
        if grid and said & _vocabulary()[4].get(thing, frozenset()) and _proven(rest, said):
            found.append((int(grid.group("k") or min(int(grid.group("a")), int(grid.group("b")))), clause))
        for i, word in enumerate(words[:-1]):
            if word.isdigit() and words[i + 1] == thing and _proven(rest, said):
                found.append((int(word), clause))
    return found


def stated_count(req: Requirement, card: ProductCard) -> tuple[str, SpecCard | None] | None:
    """(reason, spec) when the card states the asked thing's count and every statement meets the lower bound."""
    if (fibres := fibre_count(req, card)) is not None:  # «Количество волокон = 1» on «одно волокно», «Simplex SC»
        return fibres, None
    asked = _asked(req)
    if asked is None:
        return None
    thing, rest = asked
    other = vocabulary().components - rest - {thing}  # «Сканер: 2 лотка» counts no paper trays
    specs = [s for s in card.specs if not denies(s) and not s.tokens & other]
    found = [(n, said, s) for s in specs for n, said in _counts(thing, rest, s) + band_grid_counts(thing, rest, s)]
    if not found or not all(in_range(req, float(n)) for n, _, _ in found):
        return None
    n, said, spec = found[0]
    return f"в карточке ({spec.spec.name}): «{said}» — {n} шт., требуется {req.describe()}", spec
