"""Scrapy finds Tenderflow's spiders by name without importing them all."""

from __future__ import annotations

from scrapy.spiderloader import SpiderLoader, get_spider_loader

from crawlers.runner import crawl_settings, spider_names
from crawlers.spiders import SPIDERS, SpiderRegistry


def test_the_registry_names_every_spider_scrapy_finds() -> None:
    settings = crawl_settings("sqlite://")
    found = SpiderLoader.from_settings(settings)  # Scrapy's own: imports every module of SPIDER_MODULES
    registry = get_spider_loader(settings)
    assert isinstance(registry, SpiderRegistry)
    assert sorted(registry.list()) == sorted(found.list()) == spider_names()
    for name in SPIDERS:
        assert registry.load(name) is found.load(name)


def test_an_unknown_spider_is_a_key_error() -> None:
    try:
        SpiderRegistry().load("eis-xlm")
    except KeyError as error:
        assert "eis-xlm" in str(error)
    else:
        raise AssertionError("an unknown name must raise KeyError, as Scrapy's loader does")
