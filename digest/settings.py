"""Digest settings (``closing_days`` and ``min_score`` come from ``[digest]`` of ``tenderflow.toml``).

Operational yardsticks, not legal thresholds: how far ahead "closing soon" looks, and when a source's last run
looks broken enough to warn the reader that a quiet digest may be hiding a failed crawl.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class DigestSettings:
    closing_days: int = 3
    """"Closing soon" = application deadline within this many days."""
    min_score: int = 0
    """Notices scoring below this are left out (a notice scoring 0 is never shown)."""
    few_notices_ratio: float = 0.3
    """Warn when the last run returned fewer notices than this share of the usual (median of recent runs)."""
    few_notices_floor: int = 5
    """...but only when the usual count is at least this many, so tiny sources do not cry wolf."""
    max_error_rate: float = 0.1
    """Warn when the last run's error rate exceeds this."""
    stale_hours: int = 36
    """Warn when a source has had no successful run for this many hours."""
    history_runs: int = 7
    """How many previous successful runs make the "usual" yardstick."""
    notice_checks: Callable[[dict[str, Any]], list[str]] | None = None
    """Sanity checks of a notice record (the CLI passes ``bids.sanity.check_texts``; digest does not import bids)."""
