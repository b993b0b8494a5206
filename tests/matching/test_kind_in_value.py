"""A kind of the spec's thing named in its value: KTRU's «Общий объем накопителей SSD» on a distributor's «Накопитель:
SSD 512 ГБ M.2 NVMe PCIe 3.0» (SSD is a drive; issue 15, dev2/dev3: «характеристика не найдена»). Only a part naming
the asked kind with one quantity and nothing but Latin codes of its make: another kind or other words prove nothing;
kinds joined by «+» are each read in their own part. Hand-made cards."""

from __future__ import annotations

from matching.cards import product_card
from matching.compliance import check
from matching.namegrammar import item_requirements
from matching.specmatch import SpecVocabulary
from store.schema import Characteristic, Item
from tests.matching.conftest import product

RAM = ("Оперативная память", "16 ГБ DDR4-3200 (2 × 8 ГБ), расширение до 64 ГБ")
SSD = product("NB-1", 'Ноутбук 15,6"', [RAM, ("Накопитель", "SSD 512 ГБ M.2 NVMe PCIe 3.0")])
LISTED = product("NB-2", 'Ноутбук 16"', [RAM, ("Накопитель", "SSD 1 ТБ, M.2 2280 NVMe PCIe 4.0 x4")])
HDD = product("NB-3", 'Ноутбук 17,3"', [RAM, ("Накопитель", "HDD 1 ТБ SATA")])
BOTH = product("NB-4", 'Ноутбук 17,3"', [RAM, ("Накопитель", "HDD 1 ТБ + SSD 256 ГБ")])
SLOT = product("NB-5", 'Ноутбук 14"', [RAM, ("Накопитель", "слот для SSD до 2 ТБ")])
CARDS = {p.sku: product_card(p) for p in (SSD, LISTED, HDD, BOTH, SLOT)}
VOCAB = SpecVocabulary(CARDS.values())


def decide(sku: str, least: str, unit: str = "ГБ") -> str:
    ch = Characteristic(name="Общий объем накопителей SSD", kind="range", min=least, unit=unit)
    (req,) = item_requirements(Item(index=1, name="Ноутбук", characteristics=[ch]))
    return check(req, CARDS[sku], VOCAB).status


def test_the_kind_in_its_own_part():
    """«HDD 1 ТБ + SSD 256 ГБ»: each kind's amount in its own part (session 13; before, «which drive holds the
    bound?» left it unknown)."""
    assert decide("NB-4", "200") == "yes"
    assert decide("NB-4", "500") == "no"


def test_the_kind_named_in_the_drives_value():
    assert decide("NB-1", "500") == "yes"
    assert decide("NB-2", "1", "ТБ") == "yes"
    assert decide("NB-1", "1", "ТБ") == "no"


def test_another_kind_two_sizes_or_other_words_prove_nothing():
    assert decide("NB-3", "500") == "unknown"
    assert decide("NB-5", "200") == "unknown"
    assert decide("NB-5", "500") == "unknown"
