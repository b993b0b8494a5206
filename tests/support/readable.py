"""What a Russian reader must never meet in a page: English words and raw codes of the contract, decimal points
in amounts, register-style units ("5 Штука"). Used by the browser test of the digest and the bid package."""

from __future__ import annotations

import html
import re

# The contract's own codes and English words that leak when a value is shown as stored.
RAW_CODES = re.compile(
    r"\b(?:44-FZ|223-FZ|615-PP|EAP20|EZK20|OK20|ZKP20|active|amended|cancelled|closed|ban|restriction|advantage|"
    r"yes|unknown|None|null|True|False|eis44|eis223|eis-search|eis-xml|ocds|open|restricted|neg-w-call|"
    r"cn-standard|can-standard|finished|application|contract|warranty|specification|contract_draft)\b"
    r"(?!-[a-z0-9]{6}-)"  # "ocds-rx4p2z-2026-…" is a registry number (an OCDS ocid), shown as published
)
# An amount with a decimal point: "298800.00 ₽", "1311264.00", "10025050.52 руб".
POINT_AMOUNTS = re.compile(r"\b\d[\d\u00a0\u202f ]*\.\d{1,2}(?:\s|\u00a0)*(?:₽|руб|€|\$|%)|\b\d{4,}\.\d{2}\b")
# Units as the OKEI register names them, capitalised, after a number or alone in a cell.
REGISTER_UNITS = re.compile(
    r"\b(?:Штука|Штук|Штуки|Килограмм|Грамм|Метр|Литр|Упаковка|Комплект|Пачка|Рулон|Гигабайт|Мегабайт|Терабайт|"
    r"Дюйм|Сантиметр|Миллиметр|Условная единица)\b"
)


def visible_text(page: str) -> str:
    """A page's text without markup, styles and scripts (the browser test reads ``innerText`` instead)."""
    page = re.sub(r"<(style|script)\b.*?</\1>", " ", page, flags=re.S | re.I)
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", page)))


def problems(text: str) -> list[str]:
    """Every offending fragment of ``text`` with a little context, for a readable assertion message."""
    found = []
    for kind, pattern in (("код", RAW_CODES), ("точка в сумме", POINT_AMOUNTS), ("единица", REGISTER_UNITS)):
        for match in pattern.finditer(text):
            start, end = max(match.start() - 30, 0), min(match.end() + 30, len(text))
            found.append(f"{kind}: {match.group(0)!r} in …{text[start:end]!r}…")
    return found
