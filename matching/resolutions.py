"""Resolutions ("1920x1080", "1200 x 1200 dpi") compared side by side, never by their product: 2400x600 has the
dots of 1200x1200, not its lines (issue 15: that product made a false "yes")."""

from __future__ import annotations

import re

from matching.normalise import clean

_RES_RE = re.compile(r"(\d{3,5})\s*[xх×*]\s*(\d{3,5})")
_AT_LEAST_RE = re.compile(r"не\s+ниже|не\s+менее|≥|>=|не\s+хуже|от", re.IGNORECASE)


def resolution(text: str) -> tuple[int, int] | None:
    """A resolution written "1920x1080" as (1920, 1080) (None without one)."""
    m = _RES_RE.search(text)
    return (int(m.group(1)), int(m.group(2))) if m else None


def asks_at_least(required: str) -> bool:
    """The required resolution is a minimum ("не менее 2560x1440"), not one exact resolution."""
    return _AT_LEAST_RE.search(required) is not None


def resolution_meets(required: str, offered: str) -> bool | None:
    """Whether an offered resolution meets a required one, side by side: "не менее 1200 x 1200" is not met by
    2400x600 (as many dots, fewer lines), "1920x1080" only by 1920x1080. None without both."""
    want, have = resolution(clean(required)), resolution(clean(offered))
    if want is None or have is None:
        return None
    if asks_at_least(required):
        return have[0] >= want[0] and have[1] >= want[1]
    return have == want
