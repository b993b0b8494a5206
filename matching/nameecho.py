"""A quantity of a line's name that the card's own name states the same ("Шкаф настенный 19\\" 12U" against "Шкаф
настенный 19\\" 12U 600×450", "Модуль SFP+ 10GBASE-LR, 10 км" against "… SM, 1310 нм, 10 км, LC"): names written
alike say it of the same thing, even when no spec does (the 19" mounting standard) or the spec's name is another
one ("Максимальная дальность").

Only the number the line's name writes, in its dimension, proves it: a larger one is not echoed ("≥ 850 нм" is no
lower bound a 1310 нм module meets), so a name echo never widens what a spec would decide.
"""

from __future__ import annotations

from functools import lru_cache

from matching.cards import ProductCard
from matching.ranges import EPS, in_range
from matching.requirements import Requirement
from matching.units import Quantity, parse_quantities

NAME_SOURCES = frozenset({"name", "name-bare"})
OWN_NAME_DIMENSIONS = frozenset({"rack_units"})
"""Dimensions a product's name states only of the product itself («Шкаф 19\" 42U»: its height in rack units), so
the card's name proves them for a characteristic too («Количество монтажных единиц (U): 42»)."""


@lru_cache(maxsize=65_536)
def _name_quantities(name: str) -> tuple[Quantity, ...]:
    return tuple(q for q in parse_quantities(name) if q.dimension not in (None, "count", "percent"))


def echoed(req: Requirement, card: ProductCard) -> bool:
    """The card's name states the quantity the line's name wrote (its bound, in the same dimension)."""
    if req.source not in NAME_SOURCES and req.dimension not in OWN_NAME_DIMENSIONS:
        return False
    if req.kind != "range" or req.dimension in (None, "count"):
        return False
    written = [b for b in (req.min, req.max) if b is not None]
    # A whole inch size as its class («10"»: 9,5–10,5) is echoed by any size of the class («10,1"»).
    size_class = req.min is not None and req.max is not None and not req.max_inclusive
    return any(
        q.dimension == req.dimension and (size_class or any(abs(q.base - b) <= EPS * max(1.0, abs(b)) for b in written))
        and in_range(req, q.base)
        for q in _name_quantities(card.product.name)
    )  # fmt: skip
