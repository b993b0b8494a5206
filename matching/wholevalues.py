"""A required value read as a whole against an offered one, where words and numbers alone mislead: a processor at
least the asked one ("не ниже Intel Core i5 12-го поколения" against "Intel Core i5-12400",
:mod:`matching.processors`), a span covering the asked one ("от -40 до +70 °C" against "-40…+75 °C",
:mod:`matching.spans`)."""

from __future__ import annotations

from matching.processors import processor_meets
from matching.spans import span_covers


def meets_whole(required: str, offered: str) -> bool | None:
    """Whether the offered value meets the required one read as a whole; None when no reading applies."""
    found = processor_meets(required, offered)
    return found if found is not None else span_covers(required, offered)
