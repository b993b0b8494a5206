"""A rack width in a line's name ("Блок розеток 19\\" на 8 розеток", "Полка 19\\""): the width of the rack the product
mounts in, not a length of any part of it (a PDU's 2,5 м cord failed «19\\"» as a length). Lines whose type measures
its screen in inches ("Монитор 19\\"") keep it as their diagonal. The width is proven only where the card says it (its
name or one spec, as an unread part of the name is), never disproved. Sizes and types: `value_classes.json`
`rack_widths`."""

from __future__ import annotations

import json
from functools import lru_cache

from matching.normalise import tokens
from matching.requirements import Requirement
from matching.typegate import line_types
from matching.units import DATA_DIR, Quantity
from matching.unreadname import SOURCE


@lru_cache(maxsize=1)
def _widths() -> tuple[frozenset[float], frozenset[str]]:
    data = json.loads((DATA_DIR / "value_classes.json").read_text(encoding="utf-8"))["rack_widths"]
    return frozenset(float(i) for i in data["inches"]), frozenset(data["screen_types"])


def rack_width(name: str, q: Quantity, inch: bool, label: str) -> Requirement | None:
    """The requirement of a rack width the size ``q`` of the line's name is (``inch``: written in inches; ``label``:
    the requirement's name), or None when the size is no rack width (another size, or a screen type's diagonal)."""
    inches, screens = _widths()
    if not inch or q.value not in inches:
        return None
    if line_types(name) & screens:
        return None
    text = f"{q.value:g} {q.unit}"
    return Requirement(name=label, kind="text", text=text, source=SOURCE, name_tokens=tokens(text))
