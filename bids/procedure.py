"""Which procedure a notice is (44-FZ e-auction / e-contest / e-quotation, 223-FZ generic / SME-only)."""

from __future__ import annotations

from bids.ruleset import RuleSet
from store.schema import NoticeRecord


def classify(notice: NoticeRecord, rules: RuleSet) -> str | None:
    """The rule set's procedure key, or None when the notice's procedure is not one we know."""
    procedures = rules.section("procedures")
    if notice.law == "223-FZ":
        want_sme = bool(notice.smp_only)
        for key, spec in procedures.items():
            if spec.get("law") == "223-FZ" and bool(spec.get("smp_only")) == want_sme:
                return key
        return None
    if notice.law not in (None, "44-FZ"):
        return None
    code = (notice.procedure_code or "").upper()
    name = (notice.procedure or "").lower()
    for key, spec in procedures.items():
        if spec.get("law") != "44-FZ":
            continue
        if code and any(code.startswith(c.upper()) for c in spec.get("codes", [])):
            return key
    for key, spec in procedures.items():
        if spec.get("law") == "44-FZ" and name and any(n in name for n in spec.get("names", [])):
            return key
    return None


def procedure_name(key: str | None, rules: RuleSet) -> str:
    if key is None:
        return "Процедура не распознана"
    return str(rules.section("procedures")[key]["name"])
