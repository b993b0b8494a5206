"""A quantity a requirement names by a bracketed label («Длина волны передатчика (Tx): 1310 нм») read where the card
writes that label: in a value («WDM Tx 1310 нм / Rx 1550 нм») or a spec's name («Длина волны Tx: 1310 нм»).

Only a short Latin label (Tx, Rx, In, Out) in brackets at the end of the name, a quantity of the asked dimension
right after the label in a value (or the only one of a spec named with it), and one such quantity on the whole card;
«10/100BASE-TX» is no label. Exact values («1310 нм») and ranges are compared on base units.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from matching.cards import ProductCard, SpecCard
from matching.ranges import EPS, in_range
from matching.requirements import Requirement
from matching.units import Quantity, parse_quantities

_LABEL_RE = re.compile(r"\((?P<label>[A-Za-z]{2,4})\)\s*$")
_AFTER = 24
"""How far after a label its quantity is looked for ("Tx 1310 нм", "Tx: 1310 нм")."""


@dataclass(frozen=True, slots=True)
class _Asked:
    label: re.Pattern[str]
    dimension: str
    exact: float | None


def asks_labelled(req: Requirement) -> bool:
    """A requirement of a quantity named by a bracketed Latin label (kept on the requirement)."""
    m = _LABEL_RE.search(req.name)
    asked = None
    if m is not None:
        label = re.compile(rf"(?<![\w-]){re.escape(m.group('label'))}(?![\w-])", re.IGNORECASE)
        if req.kind == "range" and req.dimension not in (None, "count"):
            asked = _Asked(label, req.dimension, None)
        elif req.kind in ("text", "values"):
            found = [q for text in (req.text or "", *req.values) for q in parse_quantities(text) if q.dimension]
            if len(found) == 1 and not re.search(r"не\s|≥|≤|>|<|от\s|до\s", req.text or ""):
                asked = _Asked(label, found[0].dimension, found[0].base)
    req.lookup["labelled"] = asked
    return asked is not None


def _labelled(asked: _Asked, spec: SpecCard) -> list[Quantity]:
    if asked.label.search(spec.spec.name):
        found = [q for q in parse_quantities(spec.spec.value) if q.dimension == asked.dimension]
        return found if len(found) == 1 else []
    found = []
    for m in asked.label.finditer(spec.spec.value):
        after = parse_quantities(spec.spec.value[m.end() : m.end() + _AFTER])
        if after and after[0].dimension == asked.dimension:
            found.append(after[0])
    return found


def labelled_quantity(req: Requirement, card: ProductCard) -> tuple[str, str, SpecCard] | None:
    """("yes" | "no", reason, spec) when the card writes one quantity under the label; None otherwise. Only for a
    requirement :func:`asks_labelled` accepted."""
    asked: _Asked = req.lookup["labelled"]
    found = [(q, spec) for spec in card.specs for q in _labelled(asked, spec)]
    if not found or len({round(q.base, 6) for q, _ in found}) != 1:
        return None
    q, spec = found[0]
    if asked.exact is not None:
        ok = abs(q.base - asked.exact) <= EPS * max(1.0, abs(asked.exact))
    else:
        ok = in_range(req, q.base)
    said = f"в карточке ({spec.spec.name}): {spec.spec.value}, требуется {req.describe()}"
    return ("yes" if ok else "no"), said, spec
