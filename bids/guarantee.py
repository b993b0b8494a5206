"""The bank guarantee checklist: amounts, anti-dumping, minimum terms, Art. 45 contents, checks, documents, dates."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from bids.company import Company
from bids.dates import add_months, day_of, format_day
from bids.money import dec
from bids.procedure import classify, procedure_name
from bids.ruleset import Citation, RuleSet
from bids.securities import (
    RUSSIAN_LAWS,
    AntiDumping,
    SecurityCheck,
    anti_dumping,
    application_security,
    as_published,
    contract_security,
    warranty_security,
)
from bids.steps import Step, calendar_note, guarantee_steps, law_list
from store.schema import NoticeRecord

_KIND_SHORT = {"application": "заявка", "contract": "контракт", "warranty": "гарантийные обязательства"}


@dataclass
class Term:
    kind: str
    text: str
    min_end: date | None
    citation: Citation

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "text": self.text,
            "min_end": self.min_end.isoformat() if self.min_end else None,
            "citation": self.citation.to_dict(),
        }


@dataclass
class BankDocument:
    key: str
    name: str
    status: str
    """ok | expires | missing | optional | generated"""
    status_text: str
    valid_until: date | None = None

    @property
    def flagged(self) -> bool:
        return self.status in ("expires", "missing")

    def to_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "name": self.name,
            "status": self.status,
            "status_text": self.status_text,
            "flagged": self.flagged,
            "valid_until": self.valid_until.isoformat() if self.valid_until else None,
        }


@dataclass
class GuaranteeChecklist:
    notice: NoticeRecord
    procedure: str | None
    procedure_name: str
    rules: RuleSet
    deadline: date | None
    securities: list[SecurityCheck]
    anti_dumping: AntiDumping
    terms: list[Term]
    contents: list[dict[str, Any]]
    bank_checks: list[dict[str, Any]]
    documents: list[BankDocument]
    steps: list[Step]
    warnings: list[str] = field(default_factory=list)
    forms: list[str] = field(default_factory=list)
    """How each required security may be given (the participant chooses)."""

    @property
    def unconfirmed(self) -> list[dict[str, Any]]:
        """Every [C] rule the checklist rests on (shown as "не подтверждено")."""
        seen: dict[str, dict[str, Any]] = {}
        cites = [c for s in self.securities for c in s.citations] + [t.citation for t in self.terms]
        cites += [s.citation for s in self.steps if s.citation]
        cites += [Citation(x["article"], x["confidence"]) for x in self.contents + self.bank_checks]
        cites.append(self.rules.cite("bank_documents_meta"))
        for c in cites:
            if c.unconfirmed:
                seen.setdefault(c.article, c.to_dict())
        return list(seen.values())

    def to_dict(self) -> dict[str, Any]:
        n = self.notice
        return {
            "notice": {
                "source": n.source,
                "number": n.number,
                "version": n.version,
                "law": n.law,
                "title": n.title,
                "ikz": n.ikz,
                "nmck": n.nmck,
                "currency": n.currency,
                "published_at": n.published_at,
                "deadline_at": n.deadline_at,
                "contract_end_at": n.contract_end_at,
                "smp_only": n.smp_only,
                "customer": n.customer.name if n.customer else None,
            },
            "procedure": self.procedure,
            "procedure_name": self.procedure_name,
            "rules": self.rules.to_manifest(),
            "securities": [s.to_dict() for s in self.securities],
            "anti_dumping": self.anti_dumping.to_dict(),
            "terms": [t.to_dict() for t in self.terms],
            "contents": self.contents,
            "bank_checks": self.bank_checks,
            "documents": [d.to_dict() for d in self.documents],
            "steps": [s.to_dict() for s in self.steps],
            "unconfirmed": self.unconfirmed,
            "warnings": self.warnings,
            "forms": self.forms,
        }


def _terms(notice: NoticeRecord, deadline: date | None, kinds: set[str], rules: RuleSet) -> list[Term]:
    if notice.law == "223-FZ":
        cite = rules.cite("guarantee_terms_223")
        return [Term(kind, "по документации о закупке", None, cite) for kind in sorted(kinds)]
    section = "guarantee_terms"
    conf = rules.cite(section).confidence
    terms: list[Term] = []
    if "application" in kinds:
        months = int(rules.value(section, "application_months_after_deadline"))
        end = add_months(deadline, months) if deadline else None
        text = (
            f"не ранее {format_day(end)} (окончание подачи заявок {format_day(deadline)} + {months} мес.)"
            if end
            else f"окончание подачи заявок + {months} мес. (дата окончания подачи не указана)"
        )
        terms.append(Term("application", text, end, Citation(rules.value(section, "article_application"), conf)))
    months = int(rules.value(section, "contract_months_after_term"))
    article = Citation(rules.value(section, "article_contract"), conf)
    if "contract" in kinds:
        term_end = day_of(notice.contract_end_at)
        end = add_months(term_end, months) if term_end else None
        text = (
            f"не ранее {format_day(end)} (срок исполнения контракта {format_day(term_end)} + {months} мес.)"
            if end
            else f"срок исполнения обязательств + {months} мес. (срок исполнения в извещении не найден)"
        )
        terms.append(Term("contract", text, end, article))
    if "warranty" in kinds:
        terms.append(Term("warranty", f"срок гарантийных обязательств + {months} мес.", None, article))
    return terms


def _contents(kinds: set[str], notice: NoticeRecord, rules: RuleSet) -> list[dict[str, Any]]:
    ikz = notice.ikz
    rows = []
    for item in law_list("guarantee_contents", notice, rules):
        applies = sorted(kinds & set(item["applies_to"]))
        if not applies:
            continue
        text = str(item["text"]).replace(
            "{days}", str(rules.value("guarantee_timing", "guarantor_payment_working_days"))
        )
        if item["key"] == "amount_ikz":
            text += f": ИКЗ {ikz}" if ikz else ": ИКЗ в извещении не найден - получите его до заказа гарантии"
        rows.append(
            {
                "key": item["key"],
                "text": text,
                "applies_to": applies,
                "applies_to_text": ", ".join(_KIND_SHORT[k] for k in applies),
                "article": item["article"],
                "confidence": item["confidence"],
                "unconfirmed": item["confidence"] == "C",
            }
        )
    return rows


def _documents(company: Company | None, deadline: date | None, rules: RuleSet) -> list[BankDocument]:
    docs = []
    for item in rules.list("bank_documents"):
        key, name = str(item["key"]), str(item["name"])
        if item.get("generated"):
            docs.append(BankDocument(key, name, "generated", "формируется по данным закупки"))
            continue
        held = company.document(key) if company else None
        if held is None:
            status = ("optional", "при необходимости") if item.get("optional") else ("missing", "нет в досье")
            docs.append(BankDocument(key, name, *status))
        elif held.valid_until and deadline and held.valid_until < deadline:
            docs.append(
                BankDocument(
                    key,
                    name,
                    "expires",
                    f"истекает {format_day(held.valid_until)}, до окончания подачи заявок",
                    held.valid_until,
                )
            )
        else:
            until = f"действует до {format_day(held.valid_until)}" if held.valid_until else "в досье"
            docs.append(BankDocument(key, name, "ok", until, held.valid_until))
    return docs


def build_guarantee_checklist(
    notice: NoticeRecord,
    rules: RuleSet,
    price: Decimal | None = None,
    company: Company | None = None,
    treasury: bool = False,
) -> GuaranteeChecklist:
    """``treasury``: the contract's settlements are under treasury support (read from the draft contract)."""
    procedure = classify(notice, rules)
    deadline = day_of(notice.deadline_at)
    warnings = list(rules.warnings)
    if notice.law in RUSSIAN_LAWS:
        app = application_security(notice, procedure, rules)
        contract = contract_security(notice, procedure, rules, price, treasury)
        warranty = warranty_security(notice, rules)
    else:
        warnings.append(f"Закупка по {notice.law}: нормы 44-ФЗ / 223-ФЗ не применяются, суммы не проверены")
        nmck = dec(notice.nmck)
        app = as_published("application", notice.application_security, nmck, rules)
        contract = as_published("contract", notice.contract_security, nmck, rules)
        warranty = as_published("warranty", notice.warranty_security, nmck, rules)
    dumping = anti_dumping(notice, procedure, contract, rules, price)
    kinds = {s.kind for s in (app, contract, warranty) if s.required}
    if procedure is None:
        warnings.append(f"Процедура «{notice.procedure or 'не указана'}» не распознана: проверьте нормы вручную")
    if kinds and not notice.ikz and notice.law != "223-FZ":
        warnings.append("ИКЗ не найден в извещении: гарантия без верного ИКЗ не пройдёт проверку площадки")
    if deadline is None:
        warnings.append("Дата окончания подачи заявок не указана: сроки не рассчитаны")
    if notice.law == "223-FZ":
        warnings.append("223-ФЗ: размер, форма и сроки обеспечения определяются положением о закупке заказчика")
    for check in (app, contract, warranty):
        warnings.extend(check.warnings)
    documents = _documents(company, deadline, rules)
    warnings.extend(f"{d.name}: {d.status_text}" for d in documents if d.status == "expires")
    bank_checks = [dict(x, unconfirmed=x["confidence"] == "C") for x in law_list("bank_checks", notice, rules)]
    steps = guarantee_steps(notice, deadline, kinds, rules)
    if note := calendar_note(steps, rules):
        warnings.append(note)
    forms = []
    if notice.law == "44-FZ" or notice.law is None:
        for check, section in ((app, "application_security_44"), (contract, "contract_security_44")):
            if check.required and rules.section(section).get("forms"):
                forms.append(f"{check.label}: {rules.section(section)['forms']}")
    return GuaranteeChecklist(
        forms=forms,
        notice=notice,
        procedure=procedure,
        procedure_name=procedure_name(procedure, rules),
        rules=rules,
        deadline=deadline,
        securities=[app, contract, warranty],
        anti_dumping=dumping,
        terms=_terms(notice, deadline, kinds, rules),
        contents=_contents(kinds, notice, rules),
        bank_checks=bank_checks,
        documents=documents,
        steps=steps,
        warnings=warnings,
    )
