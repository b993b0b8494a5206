"""Indirect evidence: a spec the requirement reaches by inference rather than by its name can disprove the
requirement ("no") but never prove it. A "yes" resting on such a spec becomes "unknown" (issue 15: a false
"yes" costs a bid, an "unknown" costs a specialist's minute).

The inferences: a spec chosen by its unit alone (the product's only spec in that dimension), unless it
states the exact size a line's name gives ("Сервер 1U"), a count read from
another spec's value ("2 × 1 Гбит/с"), a spec whose name the requirement's name contains with one more noun
("Объем памяти SSD-накопителя" against "Объем памяти"), a name aligned through an indirect paraphrase
("Стандарт беспроводной связи" → "Стандарт WLAN").
"""

from __future__ import annotations

import re

from matching.alignment import indirect_paraphrase
from matching.cards import ProductCard, SpecCard
from matching.normalise import implied, tokens
from matching.requirements import Requirement
from matching.specmatch import SpecVocabulary, extra_noun


def indirect_reason(req: Requirement, spec: SpecCard, card: ProductCard, vocab: SpecVocabulary) -> str | None:
    """Why the spec a "yes" rests on proves nothing (Russian, for the specialist), or None when it is direct."""
    if spec.counted and not _kinds(req) <= implied(spec.tokens):
        # "Количество блоков питания 1600 Вт" against "Блоки питания: 2 × 1200 Вт": the kind counted is not the
        # one asked. A kind the requirement names (a number, a Latin code: "IEC C13") must be the counted one.
        return f"количество прочитано из значения «{spec.spec.name}», а не указано отдельно; проверьте вручную"
    found = req.lookup.get((card.signature, vocab))  # set by best_spec, which every verdict starts with
    if found is None or found[0] is None or card.specs[found[0]] is not spec:
        return None  # a spec the verdict found otherwise (a denial, an implied value): decided there
    # The rest depends on the aligned spec only: memoised on the requirement per interned signature.
    key = ("indirect", card.signature, vocab)
    if key not in req.lookup:
        req.lookup[key] = _aligned_reason(req, spec, found[2], vocab)
    return req.lookup[key]


def _aligned_reason(req: Requirement, spec: SpecCard, by_unit: bool, vocab: SpecVocabulary) -> str | None:
    if by_unit and not _stated_exactly(req):
        return f"«{spec.spec.name}» выбрана только по единице измерения; проверьте вручную"
    noun = extra_noun(req, spec, vocab) if not _stated_exactly(req) else None
    if noun is not None:
        return f"«{spec.spec.name}» не уточняет «{noun}» из названия характеристики; проверьте вручную"
    if indirect_paraphrase(tokens(req.name)):
        return f"«{req.name}» сопоставлено с «{spec.spec.name}» по перефразировке; проверьте вручную"
    return None


def _stated_exactly(req: Requirement) -> bool:
    """An exact value of the line's name ("Сервер 1U", "Коммутатор L3"): its characteristic name is the
    grammar's own wording ("высота в стойке", "уровень коммутации"), so a spec stating that very value, the
    product's only one in its unit or one whose name the wording contains ("Высота", "Уровень"), is the one. A
    lower bound ("Ноутбук 16 ГБ") is met by any larger value of the unit (a 512 ГБ SSD on a card not stating the
    memory), a customer's characteristic name may mean another spec."""
    if req.source != "name":
        return False
    return req.kind == "values" or (req.kind == "range" and req.min is not None and req.min == req.max)


def _kinds(req: Requirement) -> frozenset[str]:
    """Words of the requirement's name that name a kind: numbers and Latin codes ("10", "c13", "sfp")."""
    kinds = req.lookup.get("kinds")
    if kinds is None:
        kinds = req.lookup["kinds"] = frozenset(t for t in req.name_tokens if t[:1].isdigit() or _LATIN_RE.fullmatch(t))
    return kinds


_LATIN_RE = re.compile(r"[a-z0-9][a-z0-9+.\-/]*")
