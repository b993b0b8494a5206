"""The fibres an optical module uses (issue 15, session 13, dev7 6/2 and 13/2): «Количество оптических волокон = 1 шт»
on a BiDi module's card («Волокно: одномодовое, одно волокно», «Разъём: Simplex SC», «Стандарт: 1000BASE-BX-U»)
stayed «характеристика не найдена». The card says the count by a word of one or two fibres anywhere (its name or a
value: «simplex», «BiDi», «двухволоконный», «Duplex» read «двусторонний») or by a number word right before «волокно»
(``ports.json`` ``fibre_count``). A card saying both counts says none; only a count met is decided («yes»), a duplex
module for «одно волокно» stays to be checked."""

from __future__ import annotations

import json
from functools import lru_cache
from itertools import pairwise

from matching.cards import ProductCard, denies
from matching.normalise import tokens
from matching.ranges import in_range
from matching.requirements import Requirement
from matching.units import DATA_DIR


@lru_cache(maxsize=1)
def _vocabulary() -> tuple[frozenset[str], str, dict[str, int], dict[str, int]]:
    data = json.loads((DATA_DIR / "ports.json").read_text(encoding="utf-8"))["fibre_count"]
    return frozenset(data["name"]), data["thing"], dict(data["words"]), dict(data["numbers"])


def _said(text: str) -> set[int]:
    """The fibre counts a text says."""
    _, thing, words, numbers = _vocabulary()
    ordered = tokens(text)
    found = {words[w] for w in ordered if w in words}
    found.update(numbers[w] for w, nxt in pairwise(ordered) if nxt == thing and w in numbers)
    return found


def fibre_count(req: Requirement, card: ProductCard) -> str | None:
    """The reason a module's one stated fibre count meets the asked one; None otherwise."""
    name, thing, _, _ = _vocabulary()
    if req.kind != "range" or req.dimension not in (None, "count") or req.min is None:
        return None
    if thing not in req.name_tokens or not set(req.name_tokens) <= name:
        return None
    found = _said(card.product.name)
    for spec in card.specs:
        if not denies(spec):
            found |= _said(f"{spec.spec.name} {spec.spec.value}")
    if len(found) != 1 or not in_range(req, float(next(iter(found)))):
        return None
    return f"в карточке указано волокон: {found.pop()}, требуется {req.describe()}"
