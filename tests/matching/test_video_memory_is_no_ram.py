"""A graphics card's memory is no RAM (issue 15, dev6 6/1, a false «yes» of main): «Общий объем установленной
оперативной памяти ≥ 4 ГБ» on a laptop card stating no RAM but «Видеокарта: RTX 3050 Laptop, 4 ГБ GDDR6» was met by
the only other byte amount (alignment.json unit_things «video»). Trap: the video memory against RAM; the RAM stated
beside it still decides. Hand-made cards."""

from __future__ import annotations

from matching.cards import product_card
from matching.compliance import check
from matching.namegrammar import item_requirements
from matching.specmatch import SpecVocabulary
from store.schema import Characteristic, Item
from tests.matching.conftest import product

GPU = ("Видеокарта", "NVIDIA GeForce RTX 3050 Laptop, 4 ГБ GDDR6, 2048 ядер CUDA, до 1,74 ГГц")
CARDS = {
    p.sku: product_card(p)
    for p in (
        product("NB-1", "Ноутбук 15,6\"", [("Процессор", "Core i7-12650H"), GPU, ("Хранение данных", "SSD 1 ТБ")]),
        product("NB-2", "Ноутбук 15,6\"", [("Оперативная память", "16 ГБ DDR5"), GPU, ("Накопитель", "SSD 512 ГБ")]),
    )
}
VOCAB = SpecVocabulary(CARDS.values())


def decide(sku: str, name: str, least: str) -> str:
    ch = Characteristic(name=name, kind="range", min=least, unit="ГБ")
    (req,) = item_requirements(Item(index=1, name="Ноутбук", characteristics=[ch]))
    return check(req, CARDS[sku], VOCAB).status


def test_video_memory_proves_no_ram():
    assert decide("NB-1", "Общий объем установленной оперативной памяти", "4") == "unknown"
    assert decide("NB-1", "Объем оперативной памяти", "2") == "unknown"


def test_ram_and_video_memory_each_their_own():
    assert decide("NB-2", "Общий объем установленной оперативной памяти", "8") == "yes"
    assert decide("NB-2", "Общий объем установленной оперативной памяти", "32") == "no"
