"""A presence whose name names one class of a value family («Возможность установки в стойку 19\\"»: rack mounting),
proven by the card stating that class: in its name, or in a spec's value that does not deny it («Форм-фактор:
универсальный: стоечный 19\\" 2U или напольный»). The words of the name need not be the card's («установка в
стойку» against «стоечный»): the class decides. Only the families `value_classes.json` `presence_classes` lists
(not «цветной», whose word may qualify a screen rather than the printing). Proves only "yes"; a card stating
another class («напольный») leaves the requirement to the other rules.
"""

from __future__ import annotations

import json
from functools import lru_cache

from matching.cards import ProductCard, SpecCard, denies
from matching.requirements import Requirement
from matching.units import DATA_DIR
from matching.values import value_classes


@lru_cache(maxsize=1)
def _families() -> frozenset[str]:
    data = json.loads((DATA_DIR / "value_classes.json").read_text(encoding="utf-8"))["presence_classes"]
    return frozenset(data["families"])


def _asked(req: Requirement) -> tuple[str, str] | None:
    """(family, class) of the one class of a listed family the presence's name names."""
    found = req.lookup.get("presence class", False)
    if found is False:
        named = value_classes(" ".join(req.name_tokens)) if req.kind == "presence" and req.present else {}
        listed = [(f, c) for f, classes in named.items() if f in _families() for c in classes]
        found = req.lookup["presence class"] = listed[0] if len(listed) == 1 else None
    return found


def class_stated(req: Requirement, card: ProductCard) -> tuple[str, SpecCard | None] | None:
    """(where, spec) the card states the class the presence's name names (spec None: the card's name); None when it
    does not, or the requirement names no such class."""
    asked = _asked(req)
    if asked is None:
        return None
    family, name = asked
    if name in value_classes(card.product.name).get(family, ()):
        return f"наименование: {card.product.name}", None
    for spec in card.specs:
        if not denies(spec) and name in value_classes(spec.spec.value).get(family, ()):
            return f"{spec.spec.name} — {spec.spec.value}", spec
    return None
