"""Price advice for a notice (issue 22): the distribution of winning discounts in comparable finished
procedures, the probability of winning at a price, the catalogue cost floor and the anti-dumping threshold.

Comparable means: the same goods group (OKPD2, first two levels), procedure, NMCK band and region. With fewer
than ``min_cases`` such procedures the comparison widens one step at a time (all regions, any NMCK, any
procedure, the whole OKPD2 class) and says which; when even the widest has too few, the advice says it is weak.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from itertools import pairwise

import pandas as pd

from bids.ruleset import load_rules
from digest.format import NBSP, format_money, format_money_short, format_percent
from store.analytics import AnalyticsRepository, Comparable, Session

MIN_CASES = 5
QUANTILES = (0.1, 0.25, 0.5, 0.75, 0.9)
BAND_EDGES = (Decimal(0), Decimal(100_000), Decimal(300_000), Decimal(1_000_000), Decimal(3_000_000),
              Decimal(10_000_000), Decimal(30_000_000), Decimal(100_000_000), Decimal(1_000_000_000))


class PriceAdviceError(ValueError):
    """The notice cannot be advised on (unknown, or no NMCK); the message is for the user."""


@dataclass(frozen=True)
class Step:
    label: str
    where: Comparable
    cases: int


@dataclass
class PriceAdvice:
    number: str
    nmck: Decimal
    steps: list[Step]
    """Every comparison tried, narrowest first; the last one is what the advice uses."""
    discounts: list[float]
    quantiles: dict[float, float]
    weak: bool
    notes: list[str] = field(default_factory=list)
    price: Decimal | None = None
    win_probability: float | None = None
    cost_floor: Decimal | None = None
    anti_dumping_price: Decimal | None = None
    anti_dumping_percent: Decimal | None = None

    @property
    def cases(self) -> int:
        return len(self.discounts)

    @property
    def used(self) -> Step:
        return self.steps[-1]

    def price_at(self, quantile: float) -> Decimal:
        """The price that would have won that share of the comparable procedures."""
        discount = Decimal(str(self.quantiles[quantile]))
        return (self.nmck * (100 - discount) / 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def band(nmck: Decimal) -> tuple[Decimal, Decimal | None]:
    for low, high in pairwise(BAND_EDGES):
        if low <= nmck < high:
            return low, high
    return BAND_EDGES[-1], None


def _band_label(low: Decimal, high: Decimal | None) -> str:
    if high is None:
        return f"НМЦК от {format_money_short(low)}"
    return f"НМЦК от {format_money_short(low)} до {format_money_short(high)}"


def comparison_steps(fact: dict) -> list[tuple[str, Comparable]]:
    """The comparisons to try, narrowest first, each with what it compares in words."""
    group, procedure, region = fact.get("okpd2_group"), fact.get("procedure_code"), fact.get("region")
    low, high = band(fact["nmck"])
    goods = f"ОКПД2 {group}" if group else "любые товары"
    steps = [
        (f"{goods}, способ {procedure or '—'}, {_band_label(low, high)}, регион {region or '—'}",
         Comparable(group, None, procedure, region, low, high)),
        (f"{goods}, способ {procedure or '—'}, {_band_label(low, high)}, все регионы",
         Comparable(group, None, procedure, None, low, high)),
        (f"{goods}, способ {procedure or '—'}, любая НМЦК, все регионы", Comparable(group, None, procedure)),
        (f"{goods}, любой способ, любая НМЦК, все регионы", Comparable(group)),
    ]
    if group:
        steps.append((f"класс ОКПД2 {group[:2]}, любой способ, любая НМЦК, все регионы",
                      Comparable(None, group[:2])))
    return steps


def _widening_note(previous: Step, following: str) -> str:
    return (f"Сопоставимых закупок ({previous.label}) только {previous.cases}: сравнение расширено — "
            f"{following}.")


def advise(session: Session, number: str, price: Decimal | None = None, min_cases: int = MIN_CASES,
           on: date | None = None) -> PriceAdvice:
    repository = AnalyticsRepository(session)
    fact = repository.purchase(number)
    if fact is None:
        raise PriceAdviceError(f"закупка {number} не найдена в базе")
    if not fact.get("nmck"):
        raise PriceAdviceError(f"у закупки {number} не указана НМЦК: совет по цене невозможен")
    steps: list[Step] = []
    discounts: list = []
    notes: list[str] = []
    for label, where in comparison_steps(fact):
        if steps:
            notes.append(_widening_note(steps[-1], label))
        discounts = repository.discounts(where, exclude=number)
        steps.append(Step(label, where, len(discounts)))
        if len(discounts) >= min_cases:
            break
    weak = len(discounts) < min_cases
    if weak:
        notes.append(f"Совет слабый: сопоставимых завершённых закупок только {len(discounts)} (нужно не меньше "
                     f"{min_cases}) даже при самом широком сравнении ({steps[-1].label}).")
    series = pd.Series([float(d) for d in discounts], dtype="float64")
    quantiles = {q: round(float(series.quantile(q)), 2) for q in QUANTILES} if len(series) else {}
    advice = PriceAdvice(number, Decimal(fact["nmck"]), steps, series.tolist(), quantiles, weak, notes)
    _cost_floor(repository, advice)
    _anti_dumping(advice, fact, on)
    if price is not None:
        advice.price = price
        advice.win_probability = win_probability(series, advice.nmck, price)
    return advice


def win_probability(discounts: pd.Series, nmck: Decimal, price: Decimal) -> float | None:
    """Share of comparable procedures our price would have won: those whose winning discount was not deeper
    than ours (the empirical distribution function at our discount)."""
    if discounts.empty:
        return None
    ours = float((nmck - price) / nmck * 100)
    return float((discounts <= ours + 1e-9).mean())


def _cost_floor(repository: AnalyticsRepository, advice: PriceAdvice) -> None:
    lines = repository.cost_floor_lines(advice.number)
    record = repository.notice_record(advice.number) or {}
    quantities = {item.get("index"): item.get("quantity") for item in record.get("items") or []}
    if lines:
        advice.cost_floor = sum(
            (Decimal(str(price)) * Decimal(str(quantities.get(index) or 1)) for index, _, price in lines),
            Decimal(0),
        ).quantize(Decimal("0.01"))
        if len(lines) < len(quantities):
            advice.notes.append(f"Себестоимость по каталогу учитывает {len(lines)} из {len(quantities)} позиций.")


def _anti_dumping(advice: PriceAdvice, fact: dict, on: date | None) -> None:
    if fact.get("law") not in (None, "44-FZ"):
        return
    rules = load_rules(on or date.today())
    percent = rules.dec("anti_dumping_44", "price_drop_percent")
    advice.anti_dumping_percent = percent
    advice.anti_dumping_price = (advice.nmck * (100 - percent) / 100).quantize(Decimal("0.01"))


def advice_lines(advice: PriceAdvice) -> list[str]:
    """The advice in words, for the command line and the reports."""
    lines = [f"Закупка {advice.number}: НМЦК {format_money(advice.nmck)}",
             f"Сравнение: {advice.used.label}; сопоставимых завершённых закупок: {advice.cases}"]
    lines += advice.notes
    if advice.quantiles:
        lines.append("Скидка победителя от НМЦК по процентилям: " + "; ".join(
            f"{int(q * 100)}-й — {format_percent(Decimal(str(v)))}" for q, v in advice.quantiles.items()))
        lines.append("Цена, которая выиграла бы в доле сопоставимых закупок: " + "; ".join(
            f"в {int(q * 100)}{NBSP}% — {format_money(advice.price_at(q))}" for q in (0.25, 0.5, 0.75, 0.9)))
    if advice.price is not None and advice.win_probability is not None:
        lines.append(f"Наша цена {format_money(advice.price)}: вероятность победы "
                     f"{format_percent(Decimal(str(round(advice.win_probability * 100, 1))))}")
    if advice.cost_floor is not None:
        lines.append(f"Себестоимость по каталогу: {format_money(advice.cost_floor)}")
        if advice.price is not None and advice.price < advice.cost_floor:
            lines.append("Внимание: наша цена ниже себестоимости по каталогу.")
    if advice.anti_dumping_price is not None:
        lines.append(f"Антидемпинг: цена {format_money(advice.anti_dumping_price)} и ниже (снижение на "
                     f"{format_percent(advice.anti_dumping_percent)} и более) — обеспечение в 1,5 раза больше "
                     "или подтверждение добросовестности")
        if advice.price is not None and advice.price <= advice.anti_dumping_price:
            lines.append("Внимание: наша цена в зоне антидемпинговых мер.")
    return lines
