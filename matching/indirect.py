"""Indirect evidence: a spec the requirement reaches by inference rather than by its name can disprove the
requirement ("no") but never prove it (issue 15: a false "yes" costs a bid, an "unknown" a specialist's minute).

The inference restricted here: a size of the line's name met by a spec chosen by its unit alone (the product's
only spec in that dimension, :data:`matching.specmatch.UNIQUE_DIMENSION_SCORE`), unless the name states the
exact size ("Сервер 1U"). A lower bound ("Ноутбук 16 ГБ") is met by any larger value of the unit (a 512 ГБ SSD
on a card not stating the memory).
"""

from __future__ import annotations

from matching.cards import SpecCard
from matching.requirements import Requirement
from matching.specmatch import UNIQUE_DIMENSION_SCORE


def unit_only_reason(req: Requirement, spec: SpecCard, confidence: float, status: str) -> str | None:
    """Why a "yes" of a line name's size resting on the spec proves nothing (Russian, for the specialist), or
    None when it may. Only the line name's sizes are restricted here: a characteristic's name found no spec of
    its own either, but restricting it cost true "yes" (the branch ``verdicts`` did so in a5666c0)."""
    if status != "yes" or confidence != UNIQUE_DIMENSION_SCORE or not req.source.startswith("name"):
        return None
    if _stated_exactly(req):
        return None
    return f"«{spec.spec.name}» выбрана только по единице измерения; проверьте вручную"


def _stated_exactly(req: Requirement) -> bool:
    """An exact size of the line's name ("Сервер 1U", a whole inch size as its class "Планшет 10\"": 9,5–10,5):
    it has no name of its own, and the product's only spec in that unit stating that very value is the one. A
    lower bound is not: any larger value of the unit meets it."""
    return req.source == "name" and req.kind == "range" and req.min is not None and req.max is not None
