"""Processor requirements in text form: "не ниже Intel Core i5 12-го поколения", "Core i5 и выше" against an
offered model ("Intel Core i5-12400", "Intel Core i5-1235U"): the family (i3 < i5 < i7 < i9) at least the asked
one and, when asked, the generation read from the model number at least the asked one.
"""

from __future__ import annotations

import re

_AT_LEAST_RE = re.compile(r"не\s+(?:ниже|хуже|менее)|(?:и|или)\s+(?:выше|лучше|новее)", re.IGNORECASE)
_ASKED_RE = re.compile(
    r"core\s*i(?P<family>[3579])(?![\w-])(?:\D{0,12}?(?P<gen>\d{1,2})\s*-?\s*(?:го|ого)?\s+поколени)?", re.IGNORECASE
)
_OFFERED_RE = re.compile(r"core\s*i(?P<family>[3579])\s*-?\s*(?P<model>\d{4,5})[a-z]{0,2}\d?(?![\w])", re.IGNORECASE)


def _generation(model: str) -> int:
    """The generation of an Intel Core model number: 12400 → 12, 1235U → 12, 8250U → 8."""
    if len(model) == 5 or (model[0] == "1" and model[1] in "01234"):
        return int(model[:2])
    return int(model[0])


def processor_meets(required: str, offered: str) -> bool | None:
    """Whether an offered processor meets a minimum one in text form; None when either is not read (no "не ниже"
    / "и выше", no Core family, a model number without a generation)."""
    if not _AT_LEAST_RE.search(required):
        return None
    asked = _ASKED_RE.search(required)
    have = _OFFERED_RE.search(offered)
    if asked is None or have is None:
        return None
    if int(have.group("family")) < int(asked.group("family")):
        return False
    gen = asked.group("gen")
    return gen is None or _generation(have.group("model")) >= int(gen)
