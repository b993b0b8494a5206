"""Streams of one radio band stated as a grid beside the band (issue 15, session 13, dev7 12/1): «Количество
пространственных потоков в диапазоне 5 ГГц ≥ 4» on «Скорость: AX5400: 574 Мбит/с (2,4 ГГц, 2x2) + 4804 Мбит/с
(5 ГГц, 4x4)» stayed «характеристика не найдена»: the clauses of :mod:`matching.statedcounts` split the bracket. Here a
clause keeps its brackets whole; one naming the asked band and no other, with one grid «N×M», states min(N, M)
streams of that band (``alignment.json`` ``band_grids``); a 2,4 ГГц grid counts no 5 ГГц streams."""

from __future__ import annotations

import json
import re
from functools import lru_cache

from matching.cards import SpecCard
from matching.normalise import implied, tokens
from matching.units import DATA_DIR

_GRID_RE = re.compile(r"(?<![\d.,])(?P<a>\d)\s*[×xх]\s*(?P<b>\d)(?![\d.,])", re.IGNORECASE)


@lru_cache(maxsize=1)
def _vocabulary() -> tuple[str, frozenset[str], str]:
    data = json.loads((DATA_DIR / "alignment.json").read_text(encoding="utf-8"))["stated_counts"]["band_grids"]
    return data["thing"], frozenset(data["proven"]), data["band"]


def _clauses(value: str) -> list[str]:
    """The value's parts between «;», «,» (not a decimal one) and «+» outside brackets."""
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(value):
        depth += {"(": 1, ")": -1}.get(ch, 0)
        decimal = ch == "," and value[i - 1 : i].isdigit() and value[i + 1 : i + 2].isdigit()
        if depth == 0 and (ch in ";+" or (ch == "," and not decimal)):
            parts.append(value[start:i])
            start = i + 1
    return [*parts, value[start:]]


def band_grid_counts(thing: str, rest: frozenset[str], spec: SpecCard) -> list[tuple[int, str]]:
    """The streams of the band the count's name asks that one spec states by a grid beside that band."""
    counted, proven, band = _vocabulary()
    asked = {w for w in rest if w.startswith(band)}
    if thing != counted or len(asked) != 1 or not rest - asked <= proven:
        return []
    found = []
    for clause in _clauses(spec.spec.value):
        said = implied(frozenset(tokens(clause)))
        grids = _GRID_RE.findall(clause)
        if len(grids) == 1 and {w for w in said if w.startswith(band)} == asked:
            found.append((min(int(grids[0][0]), int(grids[0][1])), clause.strip()))
    return found
