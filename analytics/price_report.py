"""Price advice as a report (``report price NUMBER --out FILE.html``): the discount distribution with our
price, the cost floor and the anti-dumping threshold marked on the scale."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

from analytics.charts import discount_histogram
from analytics.price import PriceAdvice, advice_lines
from analytics.report import Column, Report, Section, Table


def _discount(advice: PriceAdvice, price: Decimal) -> float:
    return float((advice.nmck - price) / advice.nmck * 100)


def price_report(advice: PriceAdvice) -> Report:
    marks: dict[str, float] = {}
    if advice.price is not None:
        marks["Наша цена"] = _discount(advice, advice.price)
    if advice.anti_dumping_percent is not None:
        marks["Антидемпинг"] = float(advice.anti_dumping_percent)
    if advice.cost_floor is not None:
        marks["Себестоимость"] = _discount(advice, advice.cost_floor)
    section = Section("Совет по цене", lines=advice_lines(advice))
    section.charts.append(discount_histogram(advice.discounts, marks, f"Скидки победителей ({advice.cases})"))
    section.tables.append(Table("Сравнение", "Шаги сравнения", [Column("label", "Сопоставимые закупки"),
                                Column("cases", "Случаев", "int")],
                                [{"label": step.label, "cases": step.cases} for step in advice.steps]))
    section.tables.append(Table("Процентили", "Скидка победителя и цена", [
        Column("quantile", "Доля закупок, %", "int"), Column("discount", "Скидка", "percent"),
        Column("price", "Цена", "money")],
        [{"quantile": int(q * 100), "discount": Decimal(str(v)), "price": advice.price_at(q)}
         for q, v in advice.quantiles.items()]))
    return Report(f"Совет по цене: закупка {advice.number}", advice.used.label, datetime.now(UTC), [section])
