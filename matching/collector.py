"""The cyclic garbage collector paused for a batch of matching work."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused() -> Iterator[None]:
    """The cyclic garbage collector paused for a batch's work: a batch allocates many small objects (results,
    verdicts, explanations) that reference counting frees, and every collection meanwhile walks all of them
    again (with the collector on, serialising a batch's explanations took twice as long). The batch's few
    cycles are collected after it, once the collector runs again."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
