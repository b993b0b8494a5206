"""The commercial proposal (коммерческое предложение): specification, VAT, total in words, terms; DOCX + HTML."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from bids.company import Company
from bids.money import dec, format_money, format_percent, round_money
from bids.ruleset import RuleSet
from bids.words import rubles_in_words
from matching import ru_format
from store.schema import NoticeRecord, Product


@dataclass
class ProposalLine:
    index: int
    name: str
    model: str
    codes: str
    country: str
    registry_number: str
    unit: str
    quantity: Decimal
    unit_price: Decimal | None
    total: Decimal | None
    vat_rate: Decimal | None

    def to_dict(self) -> dict[str, Any]:
        return {k: (format(v, "f") if isinstance(v, Decimal) else v) for k, v in self.__dict__.items()}


@dataclass
class Proposal:
    notice: NoticeRecord
    company: Company
    date: date
    lines: list[ProposalLine]
    total: Decimal
    vat: Decimal | None
    vat_text: str
    total_words: str
    terms: list[tuple[str, str]]
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "lines": [x.to_dict() for x in self.lines],
            "total": format(self.total, "f"),
            "vat": format(self.vat, "f") if self.vat is not None else None,
            "vat_text": self.vat_text,
            "total_words": self.total_words,
            "terms": self.terms,
            "warnings": self.warnings,
        }


def _qty(value: str | None) -> Decimal:
    return dec(value) if value is not None else Decimal(1)


def _lines(
    notice: NoticeRecord, products: Mapping[int, Product | None], price: Decimal | None, rules: RuleSet
) -> tuple[list[ProposalLine], list[str]]:
    warnings: list[str] = []
    catalogue_total = sum(
        (dec(p.price) * _qty(i.quantity) for i in notice.items if (p := products.get(i.index))), Decimal(0)
    )
    factor = price / catalogue_total if price is not None and catalogue_total > 0 else None
    lines = []
    for item in notice.items:
        product = products.get(item.index)
        if item.quantity is None:
            warnings.append(f"Позиция {item.index}: количество не указано, принято 1")
        qty = _qty(item.quantity)
        if product is None:
            warnings.append(f"Позиция {item.index}: товар не подобран, позиция без цены")
            lines.append(
                ProposalLine(
                    item.index,
                    item.name,
                    "",
                    " / ".join(c for c in (item.ktru, item.okpd2) if c),
                    "",
                    "",
                    item.unit or "",
                    qty,
                    None,
                    None,
                    None,
                )
            )
            continue
        unit_price = dec(product.price)
        if factor is not None:
            unit_price = round_money(unit_price * factor, rules)
        model = " ".join(x for x in (product.vendor, product.model) if x)
        lines.append(
            ProposalLine(
                index=item.index,
                name=product.name,
                model=model,
                codes=" / ".join(c for c in (item.ktru or product.ktru, item.okpd2 or product.okpd2) if c),
                country=product.country or "",
                registry_number=product.registry_number or "",
                unit=ru_format.unit_for(None, item.unit) or "шт.",
                quantity=qty,
                unit_price=unit_price,
                total=round_money(unit_price * qty, rules),
                vat_rate=dec(product.vat_rate),
            )
        )
    return lines, warnings


def _vat(lines: list[ProposalLine], company: Company, rules: RuleSet) -> tuple[Decimal | None, str]:
    """VAT included in the prices: per line at the product's rate (or the rule set's), total = sum."""
    if company.terms.vat == "none":
        return None, f"НДС не облагается{': ' + company.terms.vat_basis if company.terms.vat_basis else ''}"
    default = rules.dec("vat", "rate")
    by_rate: dict[Decimal, Decimal] = {}
    for line in lines:
        if line.total is None:
            continue
        rate = line.vat_rate if line.vat_rate is not None else default
        by_rate[rate] = by_rate.get(rate, Decimal(0)) + line.total
    vat = Decimal(0)
    parts = []
    for rate, amount in sorted(by_rate.items(), reverse=True):
        if rate == 0:
            parts.append(f"{format_money(amount)} - без НДС")
            continue
        part = round_money(amount * rate / (Decimal(100) + rate), rules)
        vat += part
        parts.append(f"НДС {format_percent(rate)}: {format_money(part)}")
    return vat, "в том числе " + "; ".join(parts) if parts else "НДС: 0"


def _warranty_text(notice: NoticeRecord, products: Mapping[int, Product | None], default: int | None) -> str:
    """One term when all lines agree, else per line; the company default fills products without one."""
    months = {i.index: (p.warranty_months or default) for i in notice.items if (p := products.get(i.index))}
    known = {m for m in months.values() if m}
    if not known:
        return "по условиям контракта"
    if len(known) == 1 and all(months.values()):
        return f"{known.pop()} мес. (гарантия производителя и поставщика)"
    parts = [f"поз. {i} - {m} мес." if m else f"поз. {i} - по условиям контракта" for i, m in sorted(months.items())]
    return "по позициям: " + "; ".join(parts)


def build_proposal(
    notice: NoticeRecord,
    products: Mapping[int, Product | None],
    company: Company,
    rules: RuleSet,
    price: Decimal | None = None,
    today: date | None = None,
) -> Proposal:
    lines, warnings = _lines(notice, products, price, rules)
    total = sum((x.total for x in lines if x.total is not None), Decimal(0))
    if price is not None and total != price:
        warnings.append(
            f"Сумма по позициям {format_money(total)} отличается от цены предложения "
            f"{format_money(price)} из-за округления цен за единицу"
        )
    vat, vat_text = _vat(lines, company, rules)
    t = company.terms
    warranty = _warranty_text(notice, products, t.warranty_months)
    terms = [
        ("Место поставки", notice.delivery_place or "в соответствии с условиями контракта"),
        ("Срок поставки", t.delivery),
        ("Условия оплаты", t.payment),
        ("Гарантия", warranty),
        ("Цена включает", "стоимость товара, доставку, погрузку-разгрузку, налоги и иные обязательные платежи"),
        ("Срок действия предложения", f"{t.validity_days} календарных дней с даты предложения"),
    ]
    return Proposal(
        notice=notice,
        company=company,
        date=today or date.today(),
        lines=lines,
        total=total,
        vat=vat,
        vat_text=vat_text,
        total_words=rubles_in_words(total),
        terms=terms,
        warnings=warnings,
    )


SPEC_HEADERS = [
    "№",
    "Наименование",
    "Товарный знак, модель",
    "КТРУ / ОКПД2",
    "Страна происхождения",
    "Номер реестровой записи",
    "Ед. изм.",
    "Кол-во",
    "Цена за ед., ₽",
    "Сумма, ₽",
]


def spec_row(line: ProposalLine) -> list[str]:
    money = lambda v: format_money(v, "") if v is not None else "—"  # noqa: E731
    qty = format(line.quantity.normalize(), "f").replace(".", ",")
    return [
        str(line.index),
        line.name,
        line.model,
        line.codes,
        line.country,
        line.registry_number,
        line.unit,
        qty,
        money(line.unit_price),
        money(line.total),
    ]


def requisites(company: Company) -> list[str]:
    c = company
    rows = [
        c.name,
        f"ИНН {c.inn}" + (f", КПП {c.kpp}" if c.kpp else "") + (f", ОГРН {c.ogrn}" if c.ogrn else ""),
        f"Адрес: {c.address}",
    ]
    if c.phone or c.email:
        rows.append(", ".join(x for x in (c.phone and f"тел. {c.phone}", c.email and f"e-mail: {c.email}") if x))
    b = c.bank
    rows.append(f"Р/с {b.account} в {b.name}, БИК {b.bik}" + (f", к/с {b.corr_account}" if b.corr_account else ""))
    return rows


def subject(notice: NoticeRecord) -> str:
    text = f"Коммерческое предложение по извещению № {notice.number}"
    if notice.ikz:
        text += f" (ИКЗ {notice.ikz})"
    return text + (f": {notice.title}" if notice.title else "")
