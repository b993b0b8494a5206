"""The spec a value of a class family is asked of, found by the family its value names when no spec's name aligns
(`value_classes.json` `align_by_value`): «Тип экранирования: U/UTP», «Конструкция кабеля: U/UTP (неэкранированный)»
or «U/UTP» in a cable line's name are the card's «Тип кабеля: UTP», «Конструкция: F/UTP» or «Экран: нет»: a cable
card states its screening under one spec whatever its name. Only the card's one spec naming a class of the family
is the one; of several, the only one naming a class of every asked family («Тип: F/UTP» for «Экранирование: Да
(F/UTP)», not the connectors' «RJ-45 экранированные»), when the others agree with it; otherwise nothing is
decided."""

from __future__ import annotations

import json
from functools import lru_cache

from matching.cards import ProductCard, SpecCard
from matching.requirements import Requirement
from matching.units import DATA_DIR
from matching.values import value_classes


@lru_cache(maxsize=1)
def _families() -> frozenset[str]:
    data = json.loads((DATA_DIR / "value_classes.json").read_text(encoding="utf-8"))
    return frozenset(data["align_by_value"]["families"])


def _asked_family(req: Requirement) -> frozenset[str]:
    """The listed families every asked value names a class of."""
    if req.kind != "values" or not req.values:
        return frozenset()
    shared = None
    for value in req.values:
        named = frozenset(value_classes(value)) & _families()
        shared = named if shared is None else shared & named
    return shared or frozenset()


def family_spec(req: Requirement, card: ProductCard) -> SpecCard | None:
    """The card's only spec whose value (or its "нет" read as a class, ``none_names``) names a class of a listed
    family every asked value names (of several, the only one naming a class of each); None otherwise."""
    asked = req.lookup.get("family")
    if asked is None:
        asked = req.lookup["family"] = _asked_family(req)
    if not asked:
        return None
    found = [s for s in card.specs if asked & frozenset(value_classes(s.class_text))]
    if len(found) > 1:  # "Тип: F/UTP" and "Разъемы: RJ-45 экранированные": the construction is said of the cable
        full = [s for s in found if asked <= frozenset(value_classes(s.class_text))]
        found = full if len(full) == 1 and _agree(found, asked) else found
    return found[0] if len(found) == 1 else None


def _agree(specs: list[SpecCard], families: frozenset[str]) -> bool:
    """The specs name the same classes in each of those families they name ("UTP" and "F/UTP" do not)."""
    for family in families:
        named = {value_classes(s.class_text)[family] for s in specs if family in value_classes(s.class_text)}
        if len(named) > 1:
            return False
    return True
