"""The application checklist for the procedure, with the national-regime documents each line requires."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from bids.company import Company
from bids.dates import day_of
from bids.money import format_money
from bids.procedure import classify, procedure_name
from bids.ruleset import RuleSet
from bids.securities import SecurityCheck
from matching.regime import origin
from store.schema import Item, NoticeRecord, Product

REGIME_LABELS = {"ban": "запрет", "restriction": "ограничение", "advantage": "преимущество", None: "не установлена"}


@dataclass
class LineRegime:
    index: int
    name: str
    regime: str | None
    software: bool
    product: str
    country: str
    registry_number: str
    documents: list[dict[str, Any]]
    flag: str = ""

    @property
    def regime_label(self) -> str:
        label = REGIME_LABELS.get(self.regime, str(self.regime))
        return f"{label} (ПО)" if self.software else label

    def to_dict(self) -> dict[str, Any]:
        return {
            "index": self.index,
            "name": self.name,
            "regime": self.regime,
            "software": self.software,
            "product": self.product,
            "country": self.country,
            "registry_number": self.registry_number,
            "documents": self.documents,
            "flag": self.flag,
        }


@dataclass
class ApplicationChecklist:
    notice: NoticeRecord
    procedure: str | None
    procedure_name: str
    deadline: date | None
    items: list[dict[str, Any]]
    securities: list[str]
    lines: list[LineRegime]
    warnings: list[str] = field(default_factory=list)

    @property
    def has_parts(self) -> bool:
        return any(x.get("part") for x in self.items)

    def to_dict(self) -> dict[str, Any]:
        return {
            "notice": {"source": self.notice.source, "number": self.notice.number, "law": self.notice.law},
            "procedure": self.procedure,
            "procedure_name": self.procedure_name,
            "deadline": self.deadline.isoformat() if self.deadline else None,
            "items": self.items,
            "securities": self.securities,
            "lines": [x.to_dict() for x in self.lines],
            "warnings": self.warnings,
        }


def is_software(item: Item, rules: RuleSet) -> bool:
    code = item.okpd2 or (item.ktru or "")[:12]
    return any(code.startswith(p) for p in rules.value("national_regime", "software_okpd2_prefixes"))


def _with_flag(doc: dict[str, Any], law: str | None = None) -> dict[str, Any]:
    """A rule line for the document: the article of the notice's law, the "unconfirmed" flag."""
    article = doc.get("article_223") if law == "223-FZ" and doc.get("article_223") else doc.get("article")
    shown = {k: v for k, v in doc.items() if k not in ("article_223", "when")}
    return dict(shown, article=article, unconfirmed=doc.get("confidence") == "C")


def _line(item: Item, product: Product | None, rules: RuleSet, law: str | None = None) -> LineRegime:
    docs = rules.section("national_regime_documents")
    software = is_software(item, rules)
    needed = list(docs["always"])
    if item.national_regime in ("ban", "restriction"):
        needed += docs["software"] if software else docs[item.national_regime]
    elif item.national_regime == "advantage":
        needed += docs["advantage"]
    line = LineRegime(
        index=item.index,
        name=item.name,
        regime=item.national_regime,
        software=software,
        product=" ".join(x for x in (product.vendor, product.model) if x) or product.name if product else "",
        country=(product.country or "") if product else "",
        registry_number=(product.registry_number or "") if product else "",
        documents=[_with_flag(d, law) for d in needed],
    )
    if product is None:
        line.flag = "товар не подобран"
    elif item.national_regime in ("ban", "restriction"):
        if not product.registry_number:
            line.flag = "нет номера реестровой записи: товар будет считаться иностранным"
            if item.national_regime == "ban":
                line.flag += ", заявку отклонят (запрет)"
        elif origin(product) in ("foreign", "unknown") and not software:
            line.flag = f"страна происхождения «{product.country or 'не указана'}» при мере «{line.regime_label}»"
    elif not product.country:
        line.flag = "не указана страна происхождения"
    return line


def _security_lines(checks: list[SecurityCheck], rules: RuleSet, law: str | None) -> list[str]:
    lines = []
    for check in checks:
        if not check.required:
            lines.append(f"{check.label}: не требуется")
            continue
        amount = format_money(check.amount) if check.amount is not None else "сумма не указана"
        lines.append(f"{check.label}: {amount}")
    forms = rules.section("application_security_44").get("forms") if law != "223-FZ" else None
    if checks and checks[0].required and forms:
        lines.append(f"Способ обеспечения заявки: {forms}")
    return lines


def build_checklist(
    notice: NoticeRecord,
    products_by_line: Mapping[int, Product | None],
    securities: list[SecurityCheck],
    rules: RuleSet,
    company: Company | None = None,
) -> ApplicationChecklist:
    procedure = classify(notice, rules)
    warnings = []
    if procedure is None:
        warnings.append(f"Процедура «{notice.procedure or 'не указана'}» не распознана: состав заявки по документации")
        items: list[dict[str, Any]] = []
    else:
        items = rules.list(f"checklists.{procedure}")
    lines = [_line(item, products_by_line.get(item.index), rules, notice.law) for item in notice.items]
    regime = any(line.regime for line in lines)
    items = [_with_flag(x) for x in items if x.get("when") != "national_regime" or regime]
    if notice.smp_only and company is not None and not company.smp:
        warnings.append(
            "Закупка только для СМП/СОНКО, а компания в профиле не отмечена как СМП: заявку вернут "
            "(проверьте запись в едином реестре СМСП)"
        )
    by_flag: dict[str, list[str]] = {}
    for line in lines:
        if line.flag:
            by_flag.setdefault(line.flag, []).append(str(line.index))
    warnings += [f"{'Позиции' if len(ix) > 1 else 'Позиция'} {', '.join(ix)}: {flag}" for flag, ix in by_flag.items()]
    return ApplicationChecklist(
        notice=notice,
        procedure=procedure,
        procedure_name=procedure_name(procedure, rules),
        deadline=day_of(notice.deadline_at),
        items=items,
        securities=_security_lines(securities, rules, notice.law),
        lines=lines,
        warnings=warnings,
    )
