"""The weekly report (issue 22): new relevant tenders, pipeline movement, wins and losses with reasons, the
forecast, receivables, top customers and competitors — with charts, as one self-contained report."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal

from analytics.charts import bars
from analytics.forecast import forecast
from analytics.receivables import BUCKETS, company_receivables
from analytics.report import Column, Report, Section, Table
from digest.format import format_money, format_percent
from pipeline.settings import STAGE_LABELS, PipelineSettings
from store.analytics import AnalyticsRepository, Session
from store.pipeline import PipelineRepository

C = Column


@dataclass
class WeeklyOptions:
    company_inn: str | None
    as_of: date
    settings: PipelineSettings
    plan: Mapping[str, Decimal] | None = None
    days: int = 7
    png: bool = False


def _chart(report_pngs: dict[str, bytes], key: str, options: WeeklyOptions, *args, **kwargs) -> str:
    if options.png:
        report_pngs[key] = bars(*args, fmt="png", **kwargs)  # type: ignore[assignment]
    return bars(*args, **kwargs)  # type: ignore[return-value]


def _stage(value: str | None) -> str:
    return STAGE_LABELS.get(value or "", value or "—")


def _new_and_movement(session: Session, since: datetime, options: WeeklyOptions, pngs: dict) -> list[Section]:
    repository = AnalyticsRepository(session)
    new = repository.new_relevant(since)
    fresh = Section("Новые подходящие закупки", figures={"За неделю": str(len(new))}, tables=[Table(
        "Новые закупки", "Новые закупки, подходящие каталогу", [
            C("number", "Номер"), C("title", "Предмет"), C("customer_name", "Заказчик"), C("nmck", "НМЦК", "money"),
            C("deadline_at", "Приём заявок до", "date"), C("score", "Соответствие", "int")], new)])
    changes = repository.stage_changes(since)
    rows = [dict(change, from_label=_stage(change["from_value"]), to_label=_stage(change["to_value"]))
            for change in changes]
    current = Counter(entry.stage for entry, _ in PipelineRepository(session).entries())
    labels = [_stage(stage) for stage in STAGE_LABELS if current.get(stage)]
    movement = Section("Движение воронки", figures={"Изменений стадий": str(len(rows))})
    if labels:
        movement.charts.append(_chart(pngs, "funnel", options, labels,
                                      {"Закупок": [current[s] for s in STAGE_LABELS if current.get(s)]},
                                      "Закупки по стадиям"))
    movement.tables.append(Table("Движение", "Изменения стадий за неделю", [
        C("number", "Номер"), C("title", "Предмет"), C("from_label", "Было"), C("to_label", "Стало"),
        C("who", "Кто"), C("at", "Когда", "date")], rows))
    reasons = options.settings.loss_reasons
    closed = [dict(row, result="Выиграна" if row["to_value"] == "won" else "Проиграна",
                   reason=reasons.get(row["loss_reason"] or "", row["loss_reason"]) if row["to_value"] == "lost"
                   else None) for row in rows if row["to_value"] in ("won", "lost")]
    won = sum(1 for row in closed if row["to_value"] == "won")
    results = Section("Выигрыши и проигрыши", figures={"Выиграно": str(won), "Проиграно": str(len(closed) - won)},
                      tables=[Table("Итоги", "Итоги за неделю", [
                          C("number", "Номер"), C("title", "Предмет"), C("customer_name", "Заказчик"),
                          C("result", "Итог"), C("reason", "Причина"), C("our_price", "Наша цена", "money"),
                          C("winning_price", "Цена победителя", "money")], closed)])
    return [fresh, movement, results]


def _forecast_section(session: Session, options: WeeklyOptions, pngs: dict) -> Section:
    result = forecast(session, options.company_inn, options.as_of, options.settings, options.plan)
    rows = result.rows()
    section = Section("Прогноз продаж", lines=[
        "Вероятность победы по стадиям: " + ", ".join(
            f"{_stage(stage)} — {format_percent(value * 100)}" for stage, value in result.probabilities.items())
        + f" (по нашим {result.closed} выигранным и проигранным закупкам, сглажено к настройкам)"])
    series = {"Воронка (взвешенно)": [float(r["pipeline"]) for r in rows],
              "По контрактам": [float(r["contracted"]) for r in rows]}
    if options.plan:
        series["План"] = [float(r["plan"] or 0) for r in rows]
    section.charts.append(_chart(pngs, "forecast", options, [r["month"] for r in rows], series,
                                 "Прогноз выручки по месяцам, ₽"))
    section.tables.append(Table("Прогноз", "Прогноз по месяцам", [
        C("month", "Месяц"), C("pipeline", "Воронка (взвешенно)", "money"), C("contracted", "По контрактам", "money"),
        C("total", "Итого", "money"), C("plan", "План", "money"), C("vs_plan", "Отклонение от плана", "money")],
        rows))
    return section


def _receivables_section(session: Session, options: WeeklyOptions, pngs: dict) -> Section:
    section = Section("Дебиторская задолженность")
    if not options.company_inn:
        section.lines.append("ИНН нашей компании не задан (--company): задолженность не рассчитана.")
        return section
    result = company_receivables(session, options.company_inn, options.as_of)
    section.figures["Просрочено всего"] = format_money(result.total_overdue)
    section.figures.update({label: format_money(amount) for label, amount in result.buckets.items()})
    section.figures["Ещё не наступил срок"] = format_money(result.not_due)
    if result.total_overdue:
        section.charts.append(_chart(pngs, "receivables", options, list(result.buckets),
                                     {"Просрочено, ₽": [float(v) for v in result.buckets.values()]},
                                     "Просроченная задолженность по срокам"))
    section.tables.append(Table("Дебиторка", "Просрочено по заказчикам", [
        C("customer_inn", "ИНН"), C("customer_name", "Заказчик"),
        *[C(label, label, "money") for label, _, _ in BUCKETS], C("total", "Всего", "money"),
        C("oldest_days", "Наибольшая просрочка, дней", "int")], result.customer_rows()))
    return section


def _market_section(session: Session, options: WeeklyOptions, pngs: dict) -> Section:
    repository = AnalyticsRepository(session)
    groups = repository.catalogue_groups()
    since = options.as_of - timedelta(days=365)
    customers = repository.top_customers(groups, since)
    winners = repository.top_winners(groups, since, options.company_inn)
    scope = f"ОКПД2 {', '.join(groups)}" if groups else "все категории"
    section = Section("Крупнейшие заказчики и конкуренты", lines=[f"За 12 месяцев, {scope}."])
    if winners:
        section.charts.append(_chart(pngs, "competitors", options, [w["winner_name"] or w["winner_inn"]
                                     for w in winners], {"Побед": [w["wins"] for w in winners]},
                                     "Конкуренты: число побед", horizontal=True))
    section.tables.append(Table("Заказчики", "Крупнейшие заказчики", [
        C("customer_inn", "ИНН"), C("customer_name", "Заказчик"), C("purchases", "Закупок", "int"),
        C("nmck", "Сумма НМЦК", "money"), C("relevant", "Подходят каталогу", "int")], customers))
    section.tables.append(Table("Конкуренты", "Главные конкуренты", [
        C("winner_inn", "ИНН"), C("winner_name", "Победитель"), C("wins", "Побед", "int"),
        C("amount", "Сумма", "money"), C("discount", "Средняя скидка", "percent")], winners))
    return section


def weekly_report(session: Session, options: WeeklyOptions) -> Report:
    since = datetime.combine(options.as_of - timedelta(days=options.days), time(0), tzinfo=UTC)
    pngs: dict[str, bytes] = {}
    sections = _new_and_movement(session, since, options, pngs)
    sections += [_forecast_section(session, options, pngs), _receivables_section(session, options, pngs),
                 _market_section(session, options, pngs)]
    period = f"{(options.as_of - timedelta(days=options.days)).strftime('%d.%m.%Y')} — " \
             f"{options.as_of.strftime('%d.%m.%Y')}"
    return Report("Еженедельный отчёт", period, datetime.now(UTC), sections, pngs)
