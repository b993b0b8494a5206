"""What the matcher's notice explanation (``matching.relevance``) tells the reader: short Russian phrases on
why the score, and the lines whose best product is not proven with what to check on each.

The explanation is stored JSON written by any matcher version: every key is optional and of any type, and a
malformed entry is skipped, never an error.
"""

from __future__ import annotations

from typing import Any

from digest import format as fmt
from digest.model import CheckView


def notice_reasons(explanation: Any) -> list[str]:
    """Short Russian phrases from the matcher's notice explanation (``matching.relevance``)."""
    if not explanation:
        return []
    if isinstance(explanation, str):
        return [explanation]
    if isinstance(explanation, list):
        return [str(part) for part in explanation if part]
    if isinstance(explanation.get("reasons"), list):
        return [str(part) for part in explanation["reasons"] if part]
    reasons = [explanation["possible"]] if isinstance(explanation.get("possible"), str) else []
    coverage, possible = explanation.get("coverage"), explanation.get("possible_coverage")
    if isinstance(coverage, int | float):
        reasons.append(f"позиции покрыты каталогом на {round(coverage * 100)}{fmt.NBSP}%")
    if isinstance(possible, int | float):
        reasons.append(f"с товарами, соответствие которых не доказано, — на {round(possible * 100)}{fmt.NBSP}%")
    for line in explanation.get("lines") or []:
        if not isinstance(line, dict):
            continue
        for key in ("reason", "price", "margin_note"):
            if line.get(key):
                reasons.append(f"поз. {line.get('index')}: {line[key]}")
    for key in ("nmck", "nmck_margin", "reason"):
        if isinstance(explanation.get(key), str):
            reasons.append(explanation[key])
    return reasons


def to_check(explanation: Any, record: dict[str, Any]) -> list[CheckView]:
    """Lines whose best product is not proven and what to check on each (``lines[].unproven`` of the
    matcher's notice explanation, ``matching.relevance``)."""
    if not isinstance(explanation, dict):
        return []
    names = {item.get("index"): item.get("name") or "" for item in record.get("items") or []}
    return [
        CheckView(line["index"], names.get(line["index"], ""), line.get("unproven_sku"), [str(r) for r in unproven])
        for line in explanation.get("lines") or []
        if isinstance(line, dict)
        and isinstance(unproven := line.get("unproven"), list)
        and isinstance(line.get("index"), int)
    ]
