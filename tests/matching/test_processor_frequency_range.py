"""A processor's frequency range on a card («Intel Core i5-1235U (10 ядер / 12 потоков, 1,3–4,4 ГГц)») is base to
turbo: «Частота процессора базовая» is its low end, a maximum/turbo frequency its high end (issue 15, dev2 108/1,
dev4 112/1: «характеристика не найдена»). Traps: the base frequency is never the range's high end, a plain
«Частота процессора» names neither end, a memory's range in МГц is no processor's. Hand-made cards."""

from __future__ import annotations

from matching.cards import product_card
from matching.compliance import check
from matching.namegrammar import item_requirements
from matching.processors import asks_frequency_end, frequency_end
from matching.specmatch import SpecVocabulary
from store.schema import Characteristic, Item
from tests.matching.conftest import product

LAPTOP = product("NB-1", "Ноутбук", [("Процессор", "Intel Core i5-1235U (10 ядер / 12 потоков, 1,3–4,4 ГГц)")])
DESKTOP = product("PC-1", "Рабочая станция", [("Платформа", "Intel Core i7-13700 (16 ядер, 2,1–5,2 ГГц), B760")])
MEMORY = product("PC-2", "Системный блок", [("Процессор", "Intel Core i5-12400, 2,5 ГГц, память DDR4 2666–3200 МГц")])
CARDS = {p.sku: product_card(p) for p in (LAPTOP, DESKTOP, MEMORY)}
VOCAB = SpecVocabulary(CARDS.values())


def decide(sku: str, name: str, least: str) -> str:
    ch = Characteristic(name=name, kind="range", min=least, unit="ГГц")
    (req,) = item_requirements(Item(index=1, name="Компьютер", characteristics=[ch]))
    return check(req, CARDS[sku], VOCAB).status


def test_the_base_frequency_is_the_low_end():
    assert decide("NB-1", "Частота процессора базовая", "1.2") == "yes"
    assert decide("PC-1", "Базовая частота процессора", "2") == "yes"


def test_the_high_end_is_no_base_frequency():
    assert decide("NB-1", "Частота процессора базовая", "2.5") == "no"  # 4,4 ГГц is the turbo one


def test_the_turbo_frequency_is_the_high_end():
    assert decide("PC-1", "Максимальная частота процессора", "5") == "yes"
    assert decide("NB-1", "Максимальная частота процессора в режиме Turbo", "4.6") == "no"


def test_neither_end_named_or_a_memory_range():
    ch = Characteristic(name="Частота процессора", kind="range", min="2.5", unit="ГГц")
    (req,) = item_requirements(Item(index=1, name="Компьютер", characteristics=[ch]))
    assert frequency_end(req, CARDS["NB-1"]) is None and not asks_frequency_end(req)
    assert decide("PC-2", "Частота процессора базовая", "3") != "no"
