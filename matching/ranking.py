"""How the matcher ranks a line's candidates: the score, the rank order, and which candidates get every verdict.

Kept apart from ``matching.engine`` (which checks the candidates) so the ranking rules read in one place.
"""

from __future__ import annotations

from bisect import insort
from collections.abc import Callable

from matching.results import Candidate
from store.schema import Item

COMPLETE_TOP = 10
"""Candidates per line kept with every verdict (the store keeps these; the export shows the first 3)."""


def hundredths(value: float) -> float:
    """``value`` to 2 decimals as numpy rounds (scaled by 100, rounded half to even, scaled back), not as
    ``round(value, 2)`` does (correctly rounded): the pre-score was a numpy float and was rounded so, and
    candidates tied on it rank by price, so this keeps every ranking as it was."""
    return round(value * 100.0) / 100.0


def complete_closest(
    candidates: list[Candidate],
    fitting: int,
    complete: Callable[[int], Candidate],
    best_key: Callable[[int], tuple],
) -> None:
    """When fewer than 3 fit, the kept places after the fitting ones go to the closest failing products by
    their complete check (gap, then score…). ``candidates`` are ranked by the quick check, which stops at a
    product's first failure. The complete check keeps the quick check's verdicts and adds the others: the gap
    only grows (gaps are ≥ 0), and the score is at most what it would be were every unchecked requirement met,
    so ``best_key(position)`` bounds a product's final rank key from below (as its quick key does). A product
    whose bound ranks after the last kept place among those completed so far can never take a kept place and
    is left as it is; the kept places are then exactly those a complete check of every product would give
    (the products after them are never stored nor reported)."""
    places = COMPLETE_TOP - fitting
    final: list[tuple] = []  # kept sorted
    for position in range(fitting, len(candidates)):
        cand = candidates[position]
        if not cand.complete:
            if len(final) >= places and final[places - 1] < best_key(position):
                continue
            cand = complete(position)
        insort(final, rank_key(cand))


def candidate_score(name: float, code: float | None, share: float, price: float, failing: bool, factor: float) -> int:
    """A candidate's score 0..100: name (with the code) 40 %, compliance share 50 %, price fit 10 %; a failing
    product gets 0.6 of it, and the national regime its factor."""
    raw = 0.28 * name + 0.12 * (0.5 if code is None else code) + 0.5 * share + 0.1 * price
    if failing:
        raw *= 0.6
    raw *= factor
    score = round(100 * raw)
    return 0 if score < 0 else 100 if score > 100 else score  # max(0, min(100, …)) without two calls


def rank_key(c: Candidate) -> tuple:
    """Proven products first, then undecided ones, best score first; failing ones last, the closest first."""
    if c.compliant == "no":
        return (2, c.gap, -c.score, c.price, c.sku)
    return (0 if c.compliant == "yes" else 1, -c.score, c.gap, c.price, c.sku)


def line_unit_price(item: Item) -> float | None:
    """The line's price per unit: its unit price, else its sum over its quantity (None when neither is known)."""
    if item.unit_price is None:
        if item.sum is None or item.quantity is None or float(item.quantity) <= 0:
            return None
        return float(item.sum) / float(item.quantity)
    return float(item.unit_price)


def price_fit(unit: float | None, price: float) -> float:
    """0.7–1 within the line's unit price (cheaper is better: an auction is won on price), falling to 0 at twice
    the price; 0.5 when the line's unit price is unknown or not positive."""
    if unit is None or unit <= 0:
        return 0.5
    ratio = price / unit
    return 1.0 - 0.3 * ratio if ratio <= 1.0 else max(0.0, 1.4 - 0.7 * ratio)
