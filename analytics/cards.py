"""Customer and competitor cards (issue 22): one self-contained report each, from the fact tables."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

import pandas as pd

from analytics.charts import bars
from analytics.receivables import discipline, stage_frame
from analytics.report import Column, Report, Section, Table
from digest.format import format_money, format_percent
from pipeline.settings import STAGE_LABELS
from store.analytics import DECIDED, AnalyticsRepository, Session, digits

C = Column


def _frame(rows: list[dict[str, Any]]) -> pd.DataFrame:
    frame = pd.DataFrame(rows)
    for name in ("nmck", "discount", "winning_price", "offer", "amount"):
        if name in frame:
            frame[name] = pd.to_numeric(frame[name].map(lambda v: None if v is None else float(v)))
    return frame


def _pct(value: float | None) -> str:
    return "—" if value is None or value != value else format_percent(Decimal(str(round(value, 2))))


def _records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    return [{k: (None if isinstance(v, float) and v != v else v) for k, v in row.items()}
            for row in frame.to_dict("records")]


def monthly(frame: pd.DataFrame) -> pd.DataFrame:
    """Purchases by month of publication: count and NMCK total."""
    known = frame.dropna(subset=["published_month"])
    return known.groupby("published_month").agg(purchases=("notice_number", "size"), nmck=("nmck", "sum")) \
        .reset_index().rename(columns={"published_month": "month"})


def _customer_sections(frame: pd.DataFrame, pipeline: list[dict], payments: list[dict], as_of: date) -> list:
    months = monthly(frame)
    relevant = int(frame["relevant"].fillna(False).astype(bool).sum())
    overview = Section("Закупки заказчика", figures={
        "Закупок": str(len(frame)), "Сумма НМЦК": format_money(Decimal(str(round(frame["nmck"].sum(), 2)))),
        "Подходят нашему каталогу": f"{relevant} из {len(frame)}",
    })
    if not months.empty:
        overview.charts.append(bars(list(months["month"]), {"Закупок": list(months["purchases"])},
                                    "Закупки по месяцам"))
    overview.tables.append(Table("Закупки по месяцам", "По месяцам", [
        C("month", "Месяц"), C("purchases", "Закупок", "int"), C("nmck", "Сумма НМЦК", "money")],
        _records(months)))
    groups = frame.assign(relevant=frame["relevant"].fillna(False).astype(int)).groupby(
        frame["okpd2_group"].fillna("—")).agg(purchases=("notice_number", "size"), nmck=("nmck", "sum"),
                                               relevant=("relevant", "sum")).reset_index()
    overview.tables.append(Table("По ОКПД2", "По группам ОКПД2", [
        C("okpd2_group", "ОКПД2"), C("purchases", "Закупок", "int"), C("nmck", "Сумма НМЦК", "money"),
        C("relevant", "Подходят каталогу", "int")], _records(groups.sort_values("nmck", ascending=False))))
    decided = frame[frame["outcome"].isin(DECIDED) & frame["winner_inn"].notna()]
    winners = decided.groupby("winner_inn").agg(
        winner_name=("winner_name", "first"), wins=("notice_number", "size"), amount=("winning_price", "sum"),
        discount=("discount", "median")).reset_index().sort_values(["wins", "amount"], ascending=False)
    won = Section("Кто выигрывает", tables=[Table("Победители", "Победители и их скидки", [
        C("winner_inn", "ИНН"), C("winner_name", "Победитель"), C("wins", "Побед", "int"),
        C("amount", "Сумма", "money"), C("discount", "Медиана скидки", "percent")], _records(winners))])
    won.figures["Медиана скидки победителя"] = _pct(decided["discount"].median() if len(decided) else None)
    ours = Section("Наша история с заказчиком")
    stages = pd.Series([row["stage"] for row in pipeline], dtype="object").value_counts()
    ours.tables.append(Table("Наши стадии", "Наши закупки по стадиям", [C("stage", "Стадия"),
                             C("count", "Закупок", "int")],
                             [{"stage": STAGE_LABELS.get(s, s), "count": int(n)} for s, n in stages.items()]))
    closed = int(stages.get("won", 0) + stages.get("lost", 0))
    ours.figures["Выиграно / проиграно"] = f"{int(stages.get('won', 0))} / {int(stages.get('lost', 0))}"
    ours.figures["Доля побед"] = _pct(stages.get("won", 0) / closed * 100 if closed else None)
    pay = Section("Контракты и платёжная дисциплина")
    summary = discipline(payments, as_of)
    pay.figures.update({"Этапов оплаты": str(summary["stages"]),
                        "Оплачено в срок": _pct(summary["on_time_share"] * 100
                                                if summary["on_time_share"] is not None else None),
                        "Средняя просрочка, дней": "—" if summary["avg_days_late"] is None
                        else f"{summary['avg_days_late']:.1f}".replace(".", ","),
                        "Наибольшая просрочка, дней": str(summary["max_days_late"] or 0)})
    stage_rows = _records(stage_frame(payments, as_of)) if payments else []
    pay.tables.append(Table("Этапы оплаты", "Этапы оплаты контрактов", [
        C("contract_reg_number", "Контракт"), C("due_on", "Срок", "date"), C("amount", "Сумма", "money"),
        C("paid_on", "Оплачено", "date"), C("days_late", "Дней просрочки", "int")], stage_rows))
    return [overview, won, ours, pay]


def customer_card(session: Session, inn: str, as_of: date | None = None) -> Report:
    repository = AnalyticsRepository(session)
    as_of = as_of or date.today()
    rows = repository.customer_purchases(inn)
    if not rows:
        raise LookupError(f"заказчик с ИНН {inn} не найден среди закупок в базе")
    frame = _frame(rows)
    name = next((n for n in frame["customer_name"] if isinstance(n, str)), inn)
    pipeline = repository.pipeline_of(frame["notice_number"])
    payments = repository.payments(customer_inn=inn)
    sections = _customer_sections(frame, pipeline, payments, as_of)
    return Report(f"Заказчик: {name}", f"ИНН {digits(inn)}", datetime.now(UTC), sections)


def competitor_card(session: Session, inn: str, company_inn: str | None) -> Report:
    repository = AnalyticsRepository(session)
    inn = digits(inn) or inn
    rows = repository.participations([inn] + ([company_inn] if company_inn else []))
    frame = _frame(rows)
    theirs = frame[frame["inn"] == inn] if not frame.empty else frame
    if theirs.empty:
        raise LookupError(f"участник с ИНН {inn} не найден в протоколах в базе")
    name = next((n for n in theirs["name"] if isinstance(n, str)), inn)
    wins = theirs[theirs["winner_inn"] == inn]
    overview = Section("Участие и победы", figures={
        "Участий": str(len(theirs)), "Побед": str(len(wins)),
        "Доля побед": _pct(len(wins) / len(theirs) * 100),
        "Типичная скидка (медиана побед)": _pct(wins["discount"].median() if len(wins) else None),
    })
    for key, label, sheet in (("okpd2_group", "ОКПД2", "Категории"), ("customer_name", "Заказчик", "Заказчики"),
                              ("region", "Регион", "Регионы")):
        table = theirs.assign(won=(theirs["winner_inn"] == inn).astype(int)).groupby(
            theirs[key].fillna("—")).agg(participations=("notice_number", "size"), wins=("won", "sum")) \
            .reset_index().sort_values("participations", ascending=False).head(20)
        overview.tables.append(Table(sheet, f"{sheet}: участие и победы", [
            C(key, label), C("participations", "Участий", "int"), C("wins", "Побед", "int")], _records(table)))
    categories = overview.tables[0].rows
    overview.charts.append(bars([row["okpd2_group"] for row in categories],
                                {"Участий": [row["participations"] for row in categories],
                                 "Побед": [row["wins"] for row in categories]}, "Категории"))
    sections = [overview, _head_to_head(frame, inn, company_inn)]
    return Report(f"Конкурент: {name}", f"ИНН {inn}", datetime.now(UTC), sections)


def _head_to_head(frame: pd.DataFrame, inn: str, company_inn: str | None) -> Section:
    section = Section("Против нас")
    if not company_inn:
        section.lines.append("ИНН нашей компании не задан (--company): сравнение невозможно.")
        return section
    ours = frame[frame["inn"] == digits(company_inn)].set_index("notice_number")
    theirs = frame[frame["inn"] == inn].set_index("notice_number")
    both = theirs.join(ours[["place", "offer"]], suffixes=("", "_ours"), how="inner")
    ahead = both["place"].lt(both["place_ours"]).sum() if len(both) else 0
    section.figures.update({"Общих закупок": str(len(both)), "Они впереди": str(int(ahead)),
                            "Мы впереди": str(int(both["place"].gt(both["place_ours"]).sum()) if len(both) else 0)})
    rows = _records(both.reset_index()[["notice_number", "title", "place", "offer", "place_ours", "offer_ours"]])
    section.tables.append(Table("Против нас", "Общие закупки", [
        C("notice_number", "Закупка"), C("title", "Предмет"), C("place", "Их место", "int"),
        C("offer", "Их цена", "money"), C("place_ours", "Наше место", "int"), C("offer_ours", "Наша цена", "money")],
        rows))
    return section
