"""Notice relevance: how much of the notice (by line sum) our catalogue covers with products proven to fit.

Three states (issue 15: unknowns earn no relevance credit, yet a specialist must still see them):

- **relevant** («подходит»): lines whose best candidate is proven ("yes") cover at least
  :data:`RELEVANT_COVERAGE` of the notice. Only proven lines count.
- **possible** («возможно подходит: соответствие не доказано»): not relevant, but it would be were its
  best "unknown" candidates proven; each such line names what to check (the Russian reasons of its
  undecided requirements, ``lines[].unproven`` of the explanation).
- neither.

A line counts when its best candidate among the reported ones fits (a specialist may bid any of them);
not at all when a requirement fails, the national regime bars the product or the names hardly agree. A
candidate whose price times quantity exceeds the line sum covers only 0.4 of it (the bid would be at a
loss); every line's margin is shown, and a notice whose catalogue cost exceeds its NMCK is neither relevant
nor possible (it can only be won at a loss), with the reason said.

The notice **score** (0–100) ranks notices, it does not decide them: the line-sum weighted score of each
line's best candidate (``matching.ranking.candidate_score``: name and code 40 %, share of proven
requirements 50 %, price 10 %), times the line's price factor (0.4 at a loss), the best candidate being a
proven one before an undecided one of the same price fit. An undecided line thus scores by the evidence its
card gives (half credit per undecided requirement, as in the candidate score); a line without a fitting
candidate scores 0.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from matching import ru_format
from matching.results import Candidate, ItemResult, NoticeResult
from store.schema import Item, NoticeRecord

RELEVANT_COVERAGE = 0.5
PRICE_TOLERANCE = 1.0
OVER_BUDGET_FACTOR = 0.4
"""A line whose best product costs more than the line sum is mostly not a fit: the bid would lose money."""
MIN_LINE_NAME = 0.4
TOP_CONSIDERED = 3
POSSIBLE_NOTE = "возможно подходит: соответствие не доказано"
"""The notice-level phrase of the third state (the digest shows it as a tag and a block)."""


@dataclass(frozen=True, slots=True)
class LineFit:
    """A line's credit: ``proven`` counts toward relevance, ``possible`` were its "unknown" candidate proven;
    ``score`` is what the line adds to the notice score (before weighting)."""

    proven: float
    possible: float
    score: float
    info: dict


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


def _line_fit(item: Item, result: ItemResult) -> LineFit:
    """The line's credit from its reported candidates (a specialist may bid any of them): ``proven`` from the
    best proven one, ``possible`` from the best proven or undecided one (a proven one on a tie). The details
    describe the proven one when there is one; an undecided one that fits better (a proven one is at a loss)
    or alone adds what to check (``unproven``) and its SKU (``unproven_sku``)."""
    if not result.candidates:
        return LineFit(0.0, 0.0, 0.0, {"reason": "нет подходящих товаров в каталоге"})
    fits = [(*_candidate_fit(item, c), c) for c in result.candidates[:TOP_CONSIDERED]]
    fit, info, best = max(fits, key=lambda f: (f[0], f[2].compliant == "yes"))
    if fit <= 0.0:
        return LineFit(0.0, 0.0, 0.0, info)
    proven_fits = [f for f in fits if f[2].compliant == "yes" and f[0] > 0.0]
    proven, shown, _ = max(proven_fits, key=lambda f: f[0]) if proven_fits else (0.0, info, best)
    shown = {**shown, "fit": proven}
    if best.compliant == "unknown":  # better than any proven one: only a proven one at a loss is worse
        check = f"соответствие не доказано, проверьте: {', '.join(best.unknown)}"
        shown |= {"possible_fit": fit, "unproven_sku": best.sku, "unproven": best.reasons,
                  "reason": f"товар {best.sku} — без убытка, но {check}" if proven_fits else check}  # fmt: skip
    return LineFit(proven, fit, fit * best.score, shown)


def _candidate_fit(item: Item, best: Candidate) -> tuple[float, dict]:
    """The share of the line a candidate would cover were it proven (its verdict aside, which the caller
    weighs), with its margin."""
    if best.name_score < MIN_LINE_NAME:
        return 0.0, {"reason": "наименование не совпадает достаточно", "sku": best.sku}
    if not best.eligible or best.compliant == "no":
        return 0.0, {"reason": "лучший товар не соответствует: " + "; ".join(best.failed), "sku": best.sku}
    fit = 1.0
    info: dict = {"sku": best.sku}
    line_sum = _line_sum(item)
    if line_sum is not None:
        cost = best.price * float(Decimal(item.quantity or "1"))
        margin = line_sum - cost
        info["margin"] = round(margin, 2)
        if cost > PRICE_TOLERANCE * line_sum:
            fit *= OVER_BUDGET_FACTOR
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
    covered = possible = scored = 0.0
    details = []
    for item, weight in zip(lines, weights, strict=True):
        line = _line_fit(item, by_index[item.index])
        covered += weight * line.proven
        possible += weight * line.possible
        scored += weight * line.score
        details.append({"index": item.index, "weight": weight, **line.info})
    total = sum(weights)
    coverage = covered / total if total else 0.0
    possible_coverage = possible / total if total else 0.0
    explanation: dict = {"coverage": round(coverage, 3), "lines": details}
    if possible_coverage > coverage:
        explanation["possible_coverage"] = round(possible_coverage, 3)
    at_loss = _nmck(notice, lines, by_index, explanation)
    score = max(0, min(100, round(scored / total) if total else 0))
    relevant = coverage >= RELEVANT_COVERAGE and not at_loss
    maybe = not relevant and not at_loss and possible_coverage >= RELEVANT_COVERAGE
    if maybe:
        explanation["possible"] = POSSIBLE_NOTE
    return NoticeResult(notice.source, notice.number, score, relevant, items, explanation, possible=maybe)


def _nmck(notice: NoticeRecord, lines: list[Item], by_index: dict[int, ItemResult], explanation: dict) -> bool:
    """Whether the notice can only be won at a loss (catalogue cost of the best products above the NMCK); the
    margin against the NMCK goes into ``explanation``."""
    if notice.nmck is None:
        return False
    cost = sum(
        r.candidates[0].price * float(Decimal(it.quantity or "1"))
        for it, r in ((it, by_index[it.index]) for it in lines)
        if r.candidates
    )
    nmck = float(Decimal(notice.nmck))
    explanation["margin"] = round(nmck - cost, 2)
    if cost > nmck:
        explanation["nmck"] = (f"можно выиграть только в убыток: стоимость по каталогу {money(cost)} превышает "
                               f"НМЦК {money(nmck)}")  # fmt: skip
        return True
    explanation["nmck_margin"] = f"маржа к НМЦК {money(nmck - cost)}"
    return False
