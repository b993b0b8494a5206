"""The garbage collector while spiders run (``crawlers.runner.crawl_collector``): start-up's objects frozen out
of its collections, fewer young-generation collections, and the caller's settings back afterwards."""

from __future__ import annotations

import gc

from crawlers.runner import CRAWL_GC_THRESHOLD, crawl_collector


def test_start_up_objects_are_frozen_during_the_crawl_and_restored_after() -> None:
    gc.unfreeze()  # whatever an earlier test in this process left frozen
    before_threshold = gc.get_threshold()
    survivor = [object()]  # a container that exists before the crawl: frozen with start-up's objects
    with crawl_collector():
        assert gc.get_freeze_count() > 0
        assert gc.get_threshold() == (CRAWL_GC_THRESHOLD, *before_threshold[1:])
        assert not any(item is survivor for item in gc.get_objects())
    assert gc.get_threshold() == before_threshold
    assert gc.get_freeze_count() == 0
    assert any(item is survivor for item in gc.get_objects())


def test_restored_when_the_crawl_fails() -> None:
    gc.unfreeze()
    before = gc.get_threshold()
    try:
        with crawl_collector():
            raise RuntimeError("reactor failed")
    except RuntimeError:
        pass
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == 0


def test_what_a_caller_froze_before_stays_frozen() -> None:
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        with crawl_collector():
            pass
        assert gc.get_freeze_count() >= frozen
    finally:
        gc.unfreeze()
