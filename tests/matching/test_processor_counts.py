"""Cores and threads of a processor stated in a spec not named «Процессор» («Платформа: Intel Core i7-13700 (16
ядер: 8P + 8E, 24 потока)»): the one spec whose value names a processor model (alignment.json part_models) states
them (issue 15, dev4 103/1). A bound written on the card («не менее 4 ядер») states no count: 6 cores may be
there (dev3 111/1 Y-PC-05, a wrong «no»). Hand-made cards."""

from __future__ import annotations

from matching.cards import product_card
from matching.compliance import check
from matching.namegrammar import item_requirements
from matching.specmatch import SpecVocabulary
from store.schema import Characteristic, Item
from tests.matching.conftest import product

PLATFORM = product("PC-1", "Рабочая станция", [
    ("Платформа", "Intel Core i7-13700 (16 ядер: 8P + 8E, 24 потока, 2,1–5,2 ГГц), чипсет Intel B760"),
    ("Видео", "Intel UHD 770; выходы HDMI 2.0, 2 × DisplayPort 1.4"),
])
BOUND = product("PC-2", "Системный блок", [("Процессор", "64-разрядный x86, не менее 4 ядер, частота от 3,0 ГГц")])
GPU = product("PC-3", "Рабочая станция", [
    ("Графика", "NVIDIA RTX A2000 (3328 ядер CUDA)"),
    ("Платформа", "Mid-Tower, чипсет B760"),
])
TWO = product("PC-4", "Рабочая станция", [
    ("Платформа", "Intel Core i5-12400 (6 ядер)"),
    ("Сопроцессор", "Intel Xeon Phi (64 ядра)"),
])
CARDS = {p.sku: product_card(p) for p in (PLATFORM, BOUND, GPU, TWO)}
VOCAB = SpecVocabulary(CARDS.values())


def decide(sku: str, name: str, least: str) -> str:
    ch = Characteristic(name=name, kind="range", min=least, unit="шт")
    (req,) = item_requirements(Item(index=1, name="Системный блок", characteristics=[ch]))
    return check(req, CARDS[sku], VOCAB).status


def test_counts_in_a_spec_naming_the_model():
    assert decide("PC-1", "Количество ядер процессора", "6") == "yes"
    assert decide("PC-1", "Количество потоков процессора", "12") == "yes"
    assert decide("PC-1", "Количество ядер процессора", "20") == "no"


def test_a_bound_on_the_card_is_no_count():
    assert decide("PC-2", "Количество ядер процессора", "6") == "unknown"


def test_cores_of_another_part_or_of_two_models_decide_nothing():
    assert decide("PC-3", "Количество ядер процессора", "6") == "unknown"
    assert decide("PC-4", "Количество ядер процессора", "32") == "unknown"
