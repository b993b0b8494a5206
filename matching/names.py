"""The name stage of the matcher: each line's name against every product of its block.

``rapidfuzz.process.cdist(token_set_ratio)`` compares the names of a block's lines with the block's product names
(normalised, ``matching.normalise.canonical``); the best :data:`TOP_BY_NAME` products of each line go on to the
pre-score. A batch names few distinct things ("Ноутбук", "Коммутатор" in many notices), so each distinct name
is compared once and its lines share the result: a row depends only on the name and the block.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from rapidfuzz import fuzz, process

from matching.index import CatalogueIndex

TOP_BY_NAME = 24
"""Candidates kept per line after the cdist name stage (the rest of the block is not looked at again)."""


def block_scores(
    index: CatalogueIndex, ids: list[int], names: Sequence[str], workers: int
) -> dict[str, list[tuple[int, float]]]:
    """Per distinct name of ``names``: (card id, name similarity 0..1) of the best :data:`TOP_BY_NAME` products
    among ``ids`` (the block, sorted), in card id order; ``workers``: rapidfuzz threads (-1: every core)."""
    choices = [index.cards[c].text for c in ids]
    queries = list(dict.fromkeys(names))
    matrix = process.cdist(queries, choices, scorer=fuzz.token_set_ratio, workers=workers, dtype=np.uint8)
    if len(ids) > TOP_BY_NAME:
        keep = np.argpartition(-matrix.astype(np.int16), TOP_BY_NAME - 1, axis=1)[:, :TOP_BY_NAME]
    else:
        keep = np.broadcast_to(np.arange(len(ids)), (len(queries), len(ids)))
    scored: dict[str, list[tuple[int, float]]] = {}
    for row, name in enumerate(queries):
        cols = sorted(keep[row].tolist())
        # Python floats, not numpy scalars: every later sum, product and round on them costs ~10× less.
        scores = matrix[row].tolist()
        scored[name] = [(ids[col], scores[col] / 100.0) for col in cols]
    return scored
