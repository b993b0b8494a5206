"""An ingress protection code asked («Степень защиты оболочки: не ниже IP65») of a card with no spec of its own for
it, read where the card speaks for the product's body: its name («… Wi-Fi 6, IP67») or a spec such as «Исполнение:
уличное, степень защиты IP67» (`value_classes.json` `ingress_places`); never a part's spec («Блок питания: IP20»)
nor a clause naming a part («Исполнение: уличное, кабельный гермоввод IP68»: the gland's code).
One code there decides: a minimum digit by digit (:func:`matching.values.ingress_at_least`), a lower code fails
(:func:`matching.values.ingress_below`), an exact code is met only by the same; two codes decide nothing.
A card with no code at all that says its body is for indoors only («Исполнение: для помещений») fails a minimum
against water jets or more («не ниже IP65», outdoor gear): `ingress_places` `indoor_words`.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache

from matching.alignment import vocabulary
from matching.cards import ProductCard, SpecCard
from matching.normalise import tokens
from matching.requirements import Requirement
from matching.units import DATA_DIR
from matching.valuelabels import value_clauses
from matching.values import code_form, ingress_at_least, ingress_below

_WORDS = frozenset({"степень", "защита"})
_CODE_RE = re.compile(r"(?<![^\W\d_])[iі][pр]\s*-?\s*[0-6xх][0-9xх](?![0-9])", re.IGNORECASE)


@lru_cache(maxsize=1)
def _places() -> tuple[frozenset[frozenset[str]], frozenset[str]]:
    data = json.loads((DATA_DIR / "value_classes.json").read_text(encoding="utf-8"))["ingress_places"]
    return frozenset(frozenset(tokens(n)) for n in data["names"]), frozenset(data["clause_words"])


def _bodys_codes(value: str) -> list[str]:
    """The codes of a body place's value in clauses that speak of the body or its protection only («уличное,
    степень защиты IP67»), not of a part («кабельный гермоввод IP68»)."""
    allowed = _places()[1] | vocabulary().body
    found = []
    for clause in value_clauses(value):
        codes = [m.group(0) for m in _CODE_RE.finditer(clause)]
        if codes and {t for t in tokens(clause) if not any(ch.isdigit() for ch in t)} <= allowed:
            found.extend(codes)
    return found


def _asked(req: Requirement) -> str | None:
    if not set(req.name_tokens) >= _WORDS or set(req.name_tokens) - _WORDS - vocabulary().body:
        return None
    text = req.text if req.kind == "text" else (req.values[0] if req.kind == "values" and len(req.values) == 1 else "")
    return text if text and _CODE_RE.search(text) else None


def asks_ingress(req: Requirement) -> bool:
    """The requirement asks an ingress code of the product's body (decided once per requirement)."""
    asked = req.lookup["ingress"] = _asked(req)
    return asked is not None


def ingress_stated(req: Requirement, card: ProductCard) -> tuple[str, str, SpecCard | None] | None:
    """("yes" | "no", reason, spec) on the one code the card's body places state; None when the card has a spec of
    its own for the code (the alignment decides) or states none or several. Only after :func:`asks_ingress`."""
    if any(s.tokens >= _WORDS for s in card.specs):
        return None
    found: dict[str, SpecCard | None] = {code_form(m.group(0)): None for m in _CODE_RE.finditer(card.product.name)}
    for spec in card.specs:
        if spec.tokens in _places()[0]:
            for code in _bodys_codes(spec.spec.value):
                found.setdefault(code_form(code), spec)
    asked: str = req.lookup["ingress"]
    if not found:
        return _indoor_only(asked, card)
    if len(found) != 1:
        return None
    ((code, spec),) = found.items()
    where = f"{spec.spec.name} — {spec.spec.value}" if spec is not None else f"наименование: {card.product.name}"
    said = f"в карточке ({where}): {code.upper()}, требуется {asked}"
    if ingress_at_least(asked, code) or code_form(asked) == code:
        return "yes", said, spec
    if ingress_below(asked, code):
        return "no", said, spec
    return None


_ASKED_RE = re.compile(r"(?:не\s*ниже|не\s*менее|не\s*хуже|≥|>=)\s*[iі][pр]\s*-?\s*[0-6xх]([0-9])", re.IGNORECASE)


@lru_cache(maxsize=1)
def _indoor() -> tuple[frozenset[str], frozenset[str], frozenset[frozenset[str]], int]:
    data = json.loads((DATA_DIR / "value_classes.json").read_text(encoding="utf-8"))["ingress_places"]
    names = frozenset(frozenset(tokens(n)) for n in data["indoor_names"])
    return frozenset(data["indoor_words"]), frozenset(data["indoor_also"]), names, int(data["jets_digit"])


def _indoor_only(asked: str, card: ProductCard) -> tuple[str, str, SpecCard] | None:
    """("no", reason, spec) when the card states no code and a body or placement spec says only «для помещений»
    while a minimum against water jets or more is asked; None otherwise."""
    words, also, names, jets = _indoor()
    m = _ASKED_RE.search(asked)
    if m is None or int(m.group(1)) < jets:
        return None
    product = card.product
    specs = (f"{s.spec.name} {s.spec.value}" for s in card.specs)
    written = " ".join([product.name, product.description or "", *specs])
    if _CODE_RE.search(written):
        return None
    for spec in card.specs:
        if spec.tokens not in _places()[0] and spec.tokens not in names:
            continue
        for clause in value_clauses(spec.spec.value):
            said = frozenset(tokens(clause))
            if said & words and said <= words | also:
                where = f"{spec.spec.name} — {spec.spec.value}"
                return "no", f"в карточке ({where}): для помещений, степень защиты не указана; требуется {asked}", spec
    return None
