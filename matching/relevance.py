"""Notice relevance: how much of the notice (by line sum) our catalogue covers with fitting products.

A line counts as covered by its best candidate: fully when compliant, partly when compliance is unknown
(fewer unknowns, more credit), not at all when a requirement fails or the national regime bars the product.
A candidate whose price times quantity exceeds the line sum by more than 20 % covers only 0.4 of it (the bid
would be at a loss), and the notice's NMCK is checked the same way. Relevant means coverage ≥ 0.5.
"""

from __future__ import annotations

from decimal import Decimal

from matching.results import ItemResult, NoticeResult
from store.schema import Item, NoticeRecord

RELEVANT_COVERAGE = 0.5
PRICE_TOLERANCE = 1.2
OVER_BUDGET_FACTOR = 0.4
"""A line whose best product costs more than the line sum (+20 %) is mostly not a fit: the bid would lose money."""
MIN_LINE_NAME = 0.4
TOP_CONSIDERED = 3
UNKNOWN_CREDIT = 0.4
"""A requirement that cannot be decided counts this much of a fulfilled one."""


def _weights(items: list[Item]) -> list[float]:
    raw: list[float | None] = []
    for item in items:
        if item.sum is not None:
            raw.append(float(Decimal(item.sum)))
        elif item.unit_price is not None and item.quantity is not None:
            raw.append(float(Decimal(item.unit_price) * Decimal(item.quantity)))
        else:
            raw.append(None)
    known = [w for w in raw if w and w > 0]
    fallback = sorted(known)[len(known) // 2] if known else 1.0
    return [w if w and w > 0 else fallback for w in raw]


def _line_fit(item: Item, result) -> tuple[float, dict]:
    """The best fit among the line's reported candidates (a specialist may bid any of them)."""
    if not result.candidates:
        return 0.0, {"reason": "нет подходящих товаров в каталоге"}
    fits = [_candidate_fit(item, c) for c in result.candidates[:TOP_CONSIDERED]]
    return max(fits, key=lambda f: f[0])


def _candidate_fit(item: Item, best) -> tuple[float, dict]:
    if best.name_score < MIN_LINE_NAME:
        return 0.0, {"reason": "наименование не совпадает достаточно", "sku": best.sku}
    if not best.eligible or best.compliant == "no":
        return 0.0, {"reason": "лучший товар не соответствует: " + "; ".join(best.failed), "sku": best.sku}
    if best.compliant == "yes":
        fit = 1.0
    else:
        total = len(best.verdicts) or 1
        fit = (total - len(best.unknown) + UNKNOWN_CREDIT * len(best.unknown)) / total
    info: dict = {"sku": best.sku, "fit": fit}
    if item.quantity is not None and item.sum is not None:
        cost = best.price * float(Decimal(item.quantity))
        if cost > PRICE_TOLERANCE * float(Decimal(item.sum)):
            fit *= OVER_BUDGET_FACTOR
            info["fit"] = fit
            info["price"] = f"цена каталога × количество = {cost:.2f} больше суммы строки {item.sum}"
    return fit, info


def notice_result(notice: NoticeRecord, items: list[ItemResult]) -> NoticeResult:
    by_index = {r.index: r for r in items}
    lines = [it for it in notice.items if it.index in by_index]
    if not lines:
        return NoticeResult(notice.source, notice.number, 0, False, items, {"reason": "нет позиций"})
    weights = _weights(lines)
    covered = 0.0
    scored = 0.0
    details = []
    for item, weight in zip(lines, weights, strict=True):
        result = by_index[item.index]
        fit, info = _line_fit(item, result)
        covered += weight * fit
        if result.candidates:
            scored += weight * fit * max(c.score for c in result.candidates[:TOP_CONSIDERED])
        details.append({"index": item.index, "weight": weight, **info})
    total = sum(weights)
    coverage = covered / total if total else 0.0
    explanation: dict = {"coverage": round(coverage, 3), "lines": details}
    if notice.nmck is not None:
        cost = sum(
            r.candidates[0].price * float(Decimal(it.quantity or "1"))
            for it, r in ((it, by_index[it.index]) for it in lines)
            if r.candidates
        )
        if cost > PRICE_TOLERANCE * float(Decimal(notice.nmck)):
            coverage *= 0.8
            explanation["nmck"] = f"стоимость по каталогу {cost:.2f} превышает НМЦК {notice.nmck}"
    score = round(scored / total) if total else 0
    relevant = coverage >= RELEVANT_COVERAGE
    return NoticeResult(notice.source, notice.number, max(0, min(100, score)), relevant, items, explanation)
