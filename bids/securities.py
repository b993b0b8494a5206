"""Security amounts of a notice re-checked against the legal ranges, and the anti-dumping case (Art. 37).

The amounts are read from the notice; a percent without an amount is converted to roubles (Decimal, kopecks
rounded per the rule set). Legal ranges only produce warnings: the notice is what the customer will demand.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from bids.money import dec, format_money, format_percent, percent_of, percent_ratio, round_money
from bids.ruleset import Citation, RuleSet
from bids.words import format_decimal
from store.schema import NoticeRecord, Security

KIND_LABELS = {
    "application": "Обеспечение заявки",
    "contract": "Обеспечение исполнения контракта",
    "warranty": "Обеспечение гарантийных обязательств",
}


@dataclass
class SecurityCheck:
    kind: str
    required: bool
    amount: Decimal | None = None
    percent: Decimal | None = None
    base: Decimal | None = None
    base_label: str = "НМЦК"
    source: str = "извещение"
    """Where the amount comes from: "извещение" (published) or "расчёт" (percent of the base)."""
    range_min: Decimal | None = None
    range_max: Decimal | None = None
    range_text: str | None = None
    in_range: bool | None = None
    warnings: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    """Options the participant has (exemptions), not problems."""
    citations: list[Citation] = field(default_factory=list)

    @property
    def label(self) -> str:
        return KIND_LABELS[self.kind]

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "label": self.label,
            "required": self.required,
            "amount": _s(self.amount),
            "percent": _s(self.percent),
            "base": _s(self.base),
            "base_label": self.base_label,
            "source": self.source,
            "range_min": _s(self.range_min),
            "range_max": _s(self.range_max),
            "range_text": self.range_text,
            "in_range": self.in_range,
            "warnings": self.warnings,
            "notes": self.notes,
            "citations": [c.to_dict() for c in self.citations],
        }


@dataclass
class AntiDumping:
    applies: bool
    reason: str
    price: Decimal | None = None
    drop_percent: Decimal | None = None
    normal_amount: Decimal | None = None
    enlarged_amount: Decimal | None = None
    floor_amount: Decimal | None = None
    good_faith_option: bool = False
    good_faith_text: str | None = None
    citation: Citation | None = None
    exemption_text: str | None = None
    """Art. 96 ч. 8.1 (SMP-only procurements): no contract security at all, the enlarged one included."""

    def to_dict(self) -> dict[str, Any]:
        return {
            "applies": self.applies,
            "reason": self.reason,
            "price": _s(self.price),
            "drop_percent": _s(self.drop_percent),
            "normal_amount": _s(self.normal_amount),
            "enlarged_amount": _s(self.enlarged_amount),
            "floor_amount": _s(self.floor_amount),
            "good_faith_option": self.good_faith_option,
            "good_faith_text": self.good_faith_text,
            "citation": self.citation.to_dict() if self.citation else None,
            "exemption_text": self.exemption_text,
        }


def _s(value: Decimal | None) -> str | None:
    return None if value is None else format(value, "f")


def _present(security: Security | None) -> bool:
    return security is not None and (security.amount is not None or security.percent is not None)


def _fill(check: SecurityCheck, security: Security, rules: RuleSet) -> None:
    """Amount and percent from the notice; compute the missing one; warn when they disagree."""
    amount, percent = dec(security.amount), dec(security.percent)
    check.percent = percent
    if amount is not None:
        check.amount = amount
        if percent is not None and check.base is not None:
            expected = percent_of(check.base, percent, rules)
            if expected != amount:
                check.warnings.append(
                    f"Сумма в извещении {format_money(amount)} не равна {format_percent(percent)} от "
                    f"{check.base_label} ({format_money(expected)}): к оплате - сумма из извещения"
                )
        elif check.base:
            check.percent = percent_ratio(amount, check.base)
    elif percent is not None and check.base is not None:
        check.amount = percent_of(check.base, percent, rules)
        check.source = "расчёт"


def _range(check: SecurityCheck, low_pct: Decimal | None, high_pct: Decimal, rules: RuleSet) -> None:
    """Legal range in roubles (bounds rounded like the amounts, so a published rounded amount is not flagged)."""
    if check.base is None:
        check.warnings.append(f"{check.base_label} не указана: диапазон не проверен")
        return
    check.range_min = percent_of(check.base, low_pct, rules) if low_pct is not None else None
    check.range_max = percent_of(check.base, high_pct, rules)
    low_text = f"{format_percent(low_pct)} - " if low_pct is not None else "не более "
    check.range_text = f"{low_text}{format_percent(high_pct)} от {check.base_label}"
    if check.amount is None:
        return
    too_low = check.range_min is not None and check.amount < check.range_min
    too_high = check.amount > check.range_max
    check.in_range = not (too_low or too_high)
    if not check.in_range:
        check.warnings.append(
            f"{check.label} {format_money(check.amount)} вне допустимого диапазона {check.range_text} "
            f"({format_money(check.range_min) if check.range_min is not None else '0'} - "
            f"{format_money(check.range_max)}): проверьте извещение, возможна жалоба в ФАС"
            + (" (норма не подтверждена)" if any(c.unconfirmed for c in check.citations) else "")
        )


RUSSIAN_LAWS = (None, "44-FZ", "223-FZ")


def as_published(kind: str, security: Security | None, base: Decimal | None, rules: RuleSet) -> SecurityCheck:
    """The notice's security without any legal range (a procurement outside 44-FZ / 223-FZ)."""
    check = SecurityCheck(kind, required=_present(security), base=base)
    if check.required:
        _fill(check, security, rules)
    return check


def application_security(notice: NoticeRecord, procedure: str | None, rules: RuleSet) -> SecurityCheck:
    nmck = dec(notice.nmck)
    check = SecurityCheck("application", required=_present(notice.application_security), base=nmck)
    if notice.law == "223-FZ":
        return _application_223(check, notice, rules)
    section = "application_security_44"
    check.citations.append(rules.cite(section))
    optional_max = rules.dec(section, "optional_nmck_max")
    if not check.required:
        if nmck is not None and nmck > optional_max and procedure is not None:
            check.citations.append(rules.cite(section, "article_optional"))
            check.warnings.append(
                f"Обеспечение заявки в извещении не найдено, хотя при НМЦК более {format_money(optional_max)} "
                "в конкурентной процедуре оно обязательно: проверьте извещение"
            )
        return check
    _fill(check, notice.application_security, rules)
    if nmck is None:
        check.warnings.append("НМЦК не указана: диапазон не проверен")
        return check
    band = next(b for b in rules.list(f"{section}.bands") if "nmck_max" not in b or nmck <= Decimal(str(b["nmck_max"])))
    _range(check, Decimal(str(band["percent_min"])), Decimal(str(band["percent_max"])), rules)
    return check


def _application_223(check: SecurityCheck, notice: NoticeRecord, rules: RuleSet) -> SecurityCheck:
    section = "application_security_223_sme" if notice.smp_only else "application_security_223"
    check.citations.append(rules.cite(section))
    if not check.required:
        return check
    _fill(check, notice.application_security, rules)
    if notice.smp_only:
        floor = rules.dec(section, "allowed_nmck_above")
        if check.base is not None and check.base <= floor:
            unconfirmed = rules.value(section, "allowed_nmck_above_confidence") == "C"
            check.warnings.append(
                f"В закупке только для СМСП обеспечение заявки допускается при НМЦ более {format_money(floor)}"
                + (" (норма не подтверждена)" if unconfirmed else "")
            )
    else:
        floor = rules.dec(section, "optional_nmck_max")
        if check.base is not None and check.base <= floor:
            check.warnings.append(
                f"По имеющимся сведениям при НМЦ не более {format_money(floor)} обеспечение заявки по 223-ФЗ "
                "не устанавливается: сверьте с положением о закупке (норма не подтверждена)"
            )
    _range(check, None, rules.dec(section, "percent_max"), rules)
    return check


def contract_base(notice: NoticeRecord, price: Decimal | None) -> tuple[Decimal | None, str]:
    """Art. 96 ч. 6.2: SMP/SONKO-only procurements count security from the contract price, not NMCK."""
    if notice.smp_only and notice.law != "223-FZ" and price is not None:
        return price, "цены контракта"
    return dec(notice.nmck), "НМЦК"


def smp_exemption_text(notice: NoticeRecord, rules: RuleSet) -> str:
    """Art. 96 ч. 8.1: the SMP-only winner with three clean contracts gives no contract security (Art. 37 too)."""
    section = "smp_good_faith_44"
    return (
        "Победитель освобождается от обеспечения исполнения контракта (в том числе увеличенного по ст. 37) и "
        "от обеспечения гарантийных обязательств, если до заключения контракта представит сведения из реестра "
        f"контрактов об исполнении им самим (без учёта правопреемства) {rules.value(section, 'contracts')} "
        f"контрактов без неустоек (штрафов, пеней) за {rules.value(section, 'years')} года до подачи заявки на "
        f"общую сумму не менее НМЦК ({format_money(dec(notice.nmck))}) ({rules.value(section, 'article')})"
    )


def _at_contract_price(notice: NoticeRecord, price: Decimal | None) -> Security:
    """Art. 96 ч. 6.2: in an SMP-only procurement the published percent (or the amount's share of NMCK) is
    applied to the contract price."""
    security = notice.contract_security
    nmck = dec(notice.nmck)
    if not (notice.smp_only and price is not None and security is not None):
        return security
    if security.percent is not None:
        return Security(amount=None, percent=security.percent)
    if security.amount is not None and nmck:
        share = (dec(security.amount) * 100 / nmck).quantize(Decimal("1E-12"))
        return Security(amount=None, percent=format(share.normalize(), "f"))
    return security


def contract_security(
    notice: NoticeRecord,
    procedure: str | None,
    rules: RuleSet,
    price: Decimal | None = None,
    treasury: bool = False,
) -> SecurityCheck:
    """``treasury``: settlements under treasury support (Art. 96 ч. 6 п. 3, ч. 6.1), a bid input."""
    base, base_label = contract_base(notice, price)
    check = SecurityCheck("contract", required=_present(notice.contract_security), base=base, base_label=base_label)
    if notice.law == "223-FZ":
        section = "contract_security_223_sme" if notice.smp_only else "contract_security_223"
        check.citations.append(rules.cite(section))
        if check.required:
            _fill(check, notice.contract_security, rules)
            if notice.smp_only:
                _range(check, None, rules.dec(section, "percent_max"), rules)
        return check
    section = "contract_security_44"
    check.citations.append(rules.cite(section))
    if notice.smp_only:
        check.citations.append(Citation(str(rules.value(section, "article_smp")), rules.cite(section).confidence))
        if price is None:
            check.warnings.append(
                "Закупка у СМП: обеспечение считается от цены контракта, а цена предложения не указана - "
                "сумма рассчитана от НМЦК"
            )
        check.notes.append(smp_exemption_text(notice, rules))
    if not check.required:
        if procedure not in rules.value(section, "optional_procedures") and procedure is not None:
            check.warnings.append(
                "Обеспечение исполнения контракта в извещении не найдено, хотя для этой процедуры оно "
                "по общему правилу обязательно: проверьте извещение"
            )
        return check
    _fill(check, _at_contract_price(notice, price), rules)
    low, high = rules.dec(section, "percent_min"), rules.dec(section, "percent_max")
    if treasury:
        high = rules.dec(section, "treasury_percent_max")
        check.citations.append(rules.cite(section, "article_treasury"))
    advance = dec(notice.advance_percent)
    if treasury and advance is not None:
        check.notes.append(
            f"Аванс {format_percent(advance)} под казначейским сопровождением: обеспечение считается от "
            f"{check.base_label}, уменьшенной на размер аванса, и не обязано быть не меньше аванса"
        )
        advance = None
    if advance is not None and advance > rules.dec(section, "advance_equal_above_percent"):
        low = high = advance
        check.notes.append(
            f"Аванс {format_percent(advance)} более {format_percent(rules.dec(section, 'advance_equal_above_percent'))}"
            " НМЦК: обеспечение устанавливается в размере аванса"
        )
    elif advance is not None:
        low = max(low, advance)
    _range(check, low, high, rules)
    return check


def warranty_security(notice: NoticeRecord, rules: RuleSet) -> SecurityCheck:
    check = SecurityCheck("warranty", required=_present(notice.warranty_security), base=dec(notice.nmck))
    if notice.law == "223-FZ":
        if check.required:
            _fill(check, notice.warranty_security, rules)
        return check
    section = "warranty_security_44"
    check.citations.append(rules.cite(section))
    if check.required:
        _fill(check, notice.warranty_security, rules)
        _range(check, None, rules.dec(section, "percent_max"), rules)
    return check


def anti_dumping(
    notice: NoticeRecord, procedure: str | None, contract: SecurityCheck, rules: RuleSet, price: Decimal | None
) -> AntiDumping:
    """Art. 37: price ≥ 25 % below NMCK in a contest/auction -> 1.5× security (floors) or good-faith path."""
    section = "anti_dumping_44"
    cite = rules.cite(section)
    nmck = dec(notice.nmck)
    if notice.law == "223-FZ" or procedure not in rules.value(section, "procedures"):
        return AntiDumping(
            False,
            "Антидемпинговые меры ст. 37 применяются только в конкурсе и аукционе 44-ФЗ",
            price=price,
            citation=cite,
        )
    if price is None or nmck is None or nmck <= 0:
        return AntiDumping(False, "Цена предложения не указана: антидемпинг не рассчитан", price=price, citation=cite)
    drop = percent_ratio(nmck - price, nmck)  # rounded, for display only
    threshold = rules.dec(section, "price_drop_percent")
    if (nmck - price) * 100 < threshold * nmck:  # exact: "на 25 и более процентов ниже"
        return AntiDumping(
            False,
            f"Снижение {format_percent(drop)} меньше {format_percent(threshold)}: антидемпинг не применяется",
            price=price,
            drop_percent=drop,
            citation=cite,
        )
    if rules.value(section, "requires_contract_security") and not contract.required:
        return AntiDumping(
            False,
            "Обеспечение исполнения контракта не установлено: ст. 37 не применяется",
            price=price,
            drop_percent=drop,
            citation=cite,
        )
    normal = contract.amount or Decimal(0)
    floor_base = price if notice.smp_only else nmck
    floor = percent_of(floor_base, rules.dec(section, "floor_percent"), rules)
    advance = percent_of(nmck, dec(notice.advance_percent), rules) if notice.advance_percent else Decimal(0)
    enlarged = max(round_money(normal * rules.dec(section, "multiplier"), rules), floor, advance)
    small = nmck <= rules.dec(section, "nmck_threshold")
    good_faith = None
    if small:
        share = rules.dec(section, "good_faith_min_share_percent")
        contracts, years = rules.value(section, "good_faith_contracts"), rules.value(section, "good_faith_years")
        good_faith = (
            f"Либо обеспечение {format_money(normal)} плюс сведения о добросовестности: {contracts} контракта "
            f"за {years} года без неустоек, один из них не менее {format_percent(share)} НМЦК "
            f"({format_money(percent_of(nmck, share, rules))}); представляются с подписанным проектом контракта"
        )
    multiplier = format_decimal(rules.dec(section, "multiplier"))
    reason = (
        f"Цена {format_money(price)} ниже НМЦК на {format_percent(drop)} (порог {format_percent(threshold)}): "
        f"обеспечение {format_money(enlarged)} = max({multiplier} × {format_money(normal)}, "
        f"{format_percent(rules.dec(section, 'floor_percent'))} от {'цены контракта' if notice.smp_only else 'НМЦК'} "
        f"{format_money(floor)}{', аванс ' + format_money(advance) if advance else ''}); аванс не выплачивается"
    )
    return AntiDumping(
        True,
        reason,
        price=price,
        drop_percent=drop,
        normal_amount=normal,
        enlarged_amount=enlarged,
        floor_amount=floor,
        good_faith_option=small,
        good_faith_text=good_faith,
        citation=cite,
        exemption_text=smp_exemption_text(notice, rules) if notice.smp_only else None,
    )
