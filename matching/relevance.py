"""Notice relevance: how much of the notice (by line sum) our catalogue covers with fitting products.

A line counts as covered by its best candidate: fully when compliant, partly when compliance is unknown
(fewer unknowns, more credit), not at all when a requirement fails or the national regime bars the product.
A candidate whose price times quantity exceeds the line sum covers only 0.4 of it (the bid would be at a loss);
every line's margin is shown, and a notice whose catalogue cost exceeds its NMCK is never relevant (it can
only be won at a loss), with the reason said. An undecided requirement earns no credit. Relevant means
coverage ≥ 0.5.
"""

from __future__ import annotations

from decimal import Decimal

from matching import ru_format
from matching.results import ItemResult, NoticeResult
from store.schema import Item, NoticeRecord

RELEVANT_COVERAGE = 0.5
PRICE_TOLERANCE = 1.0
OVER_BUDGET_FACTOR = 0.4
"""A line whose best product costs more than the line sum is mostly not a fit: the bid would lose money."""
MIN_LINE_NAME = 0.4
TOP_CONSIDERED = 3
UNKNOWN_CREDIT = 0.0
"""A requirement that cannot be decided earns no credit (only what is proven counts)."""


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
        total = len(best.verdicts)
        fit = (total - len(best.unknown) + UNKNOWN_CREDIT * len(best.unknown)) / total if total else 0.0
    info: dict = {"sku": best.sku, "fit": fit}
    line_sum = _line_sum(item)
    if line_sum is not None:
        cost = best.price * float(Decimal(item.quantity or "1"))
        margin = line_sum - cost
        info["margin"] = round(margin, 2)
        if cost > PRICE_TOLERANCE * line_sum:
            fit *= OVER_BUDGET_FACTOR
            info["fit"] = fit
            info["price"] = (f"убыток по позиции: цена каталога × количество = {money(cost)} больше цены позиции "
                             f"{money(line_sum)} (на {money(-margin)}, {-margin / line_sum * 100:.0f} %)")  # fmt: skip
        else:
            info["margin_note"] = f"маржа {money(margin)} ({margin / line_sum * 100:.0f} %)" if line_sum else ""
    return fit, info


def _line_sum(item: Item) -> float | None:
    if item.sum is not None:
        return float(Decimal(item.sum))
    if item.unit_price is not None and item.quantity is not None:
        return float(Decimal(item.unit_price) * Decimal(item.quantity))
    return None


def money(value: float) -> str:
    """Russian money format: ``298 800,00 ₽``."""
    return ru_format.money(Decimal(str(round(value, 2))))


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
        nmck = float(Decimal(notice.nmck))
        explanation["margin"] = round(nmck - cost, 2)
        at_loss = cost > nmck
        if at_loss:
            coverage *= 0.8
            explanation["nmck"] = (f"можно выиграть только в убыток: стоимость по каталогу {money(cost)} превышает "
                                   f"НМЦК {money(nmck)}")  # fmt: skip
        else:
            explanation["nmck_margin"] = f"маржа к НМЦК {money(nmck - cost)}"
    else:
        at_loss = False
    score = round(scored / total) if total else 0
    relevant = coverage >= RELEVANT_COVERAGE and not at_loss
    return NoticeResult(notice.source, notice.number, max(0, min(100, score)), relevant, items, explanation)
