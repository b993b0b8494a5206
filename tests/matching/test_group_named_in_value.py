"""A byte amount of RAM or of drives asked of a card whose spec has a generic name and names the thing in its value
(«Память: 16 ГБ DDR4-3200», «Хранение данных: SSD 1 ТБ NVMe», «Накопители: SSD 1 ТБ + свободный отсек 3,5"»):
the one spec naming the asked group (alignment.json unit_things) decides (issue 15, dev4 101/1, 103/1, 113/1).
Traps: a kind of drive the spec does not name (SSD asked, HDD offered), a spec naming two kinds, and a count of
drives, which a spec of bays never states. Hand-made cards."""

from __future__ import annotations

from matching.cards import product_card
from matching.compliance import check
from matching.namegrammar import item_requirements
from matching.specmatch import SpecVocabulary
from store.schema import Characteristic, Item
from tests.matching.conftest import product

LAPTOP = product("NB-1", "Ноутбук 15,6\"", [
    ("Память", "16 ГБ DDR4-3200 (2 × 8 ГБ), до 64 ГБ"),
    ("Хранение данных", "SSD 1 ТБ PCIe NVMe"),
])
DESKTOP = product("PC-1", "Системный блок", [
    ("Память", "32 ГБ DDR5-4800 (2 × 16 ГБ), 4 слота, до 128 ГБ"),
    ("Накопители", "HDD 2 ТБ SATA"),
])
MIXED = product("PC-2", "Системный блок", [("Память", "8 ГБ DDR4"), ("Накопители", "SSD 256 ГБ + HDD 1 ТБ")])
SERVER = product("SR-1", "Сервер 1U", [("Оперативная память", "64", "ГБ"), ("Отсеки для дисков", "4", "шт")])
CARDS = {p.sku: product_card(p) for p in (LAPTOP, DESKTOP, MIXED, SERVER)}
VOCAB = SpecVocabulary(CARDS.values())


def decide(sku: str, name: str, least: str, unit: str = "ГБ") -> str:
    ch = Characteristic(name=name, kind="range", min=least, unit=unit)
    (req,) = item_requirements(Item(index=1, name="Компьютер", characteristics=[ch]))
    return check(req, CARDS[sku], VOCAB).status


def test_memory_named_by_its_ddr_generation():
    assert decide("NB-1", "Общий объем установленной оперативной памяти", "16") == "yes"
    assert decide("PC-1", "Объем установленной оперативной памяти", "16") == "yes"
    assert decide("NB-1", "Объем оперативной памяти", "32") == "no"


def test_drives_named_by_their_kind():
    assert decide("NB-1", "Общий объем накопителей SSD", "512") == "yes"
    assert decide("NB-1", "Объем накопителя SSD", "2000") == "no"


def test_a_kind_the_spec_does_not_name_proves_nothing():
    assert decide("PC-1", "Объем накопителя SSD", "512") == "unknown"  # HDD is no SSD
    assert decide("PC-2", "Объем накопителя SSD", "512") == "no"  # «SSD 256 ГБ + HDD 1 ТБ»: the SSD's own part


def test_the_maximum_is_not_the_installed_amount():
    assert decide("NB-1", "Максимальный объем оперативной памяти", "128") == "unknown"


def test_a_count_of_drives_is_no_count_of_bays():
    assert decide("SR-1", "Количество установленных накопителей", "4", "шт") == "unknown"


ROOM = {
    p.sku: product_card(p)
    for p in (
        product("NB-9", "Ноутбук 14\"", [("Память", "расширение до 64 ГБ"), ("Накопитель", "слот для SSD до 2 ТБ")]),
        product("PC-9", "Системный блок", [("Слоты для накопителей", "2 × M.2 SSD до 4 ТБ")]),
        product("SR-9", "Сервер", [("Память", "DDR4 без ECC, 4 слота, до 128 ГБ"), ("Диски", "поддержка до 80 ТБ")]),
        product("PC-8", "Системный блок", [("Память", "32 ГБ DDR5 (2 × 16 ГБ), 4 слота, до 128 ГБ")]),
    )
}


def test_room_for_things_is_no_amount_installed():
    """Traps: a spec stating the room for memory or drives (before any installed amount) proves no amount."""
    vocab = SpecVocabulary(ROOM.values())
    asked = (("NB-9", "Объем оперативной памяти"), ("NB-9", "Объем накопителя SSD"), ("PC-9", "Объем накопителя SSD"),
             ("SR-9", "Объем оперативной памяти"), ("SR-9", "Общий объем установленных накопителей"))  # fmt: skip
    for sku, name in asked:
        ch = Characteristic(name=name, kind="range", min="16", unit="ГБ")
        (req,) = item_requirements(Item(index=1, name="Компьютер", characteristics=[ch]))
        assert check(req, ROOM[sku], vocab).status == "unknown", (sku, name)


def test_installed_amount_before_the_room():
    """«32 ГБ DDR5 (2 × 16 ГБ), 4 слота, до 128 ГБ»: the first clause stating bytes is the installed amount (dev6 7/1
    traps an upper bound «до 128 ГБ» after words without a number)."""
    vocab = SpecVocabulary(ROOM.values())
    ch = Characteristic(name="Объем оперативной памяти", kind="range", min="32", unit="ГБ")
    (req,) = item_requirements(Item(index=1, name="Компьютер", characteristics=[ch]))
    assert check(req, ROOM["PC-8"], vocab).status == "yes"


KINDS = {
    p.sku: product_card(p)
    for p in (
        product("WS-1", "Рабочая станция", [("Накопители", "SSD 1 ТБ NVMe + HDD 2 ТБ 7200 об/мин")]),
        product("WS-2", "Рабочая станция", [("Накопители", "SSD 256 ГБ + HDD 1 ТБ")]),
        product("WS-3", "Сервер", [("Накопители", "2 × 480 ГБ SSD, 4 × 8 ТБ HDD")]),
        product("WS-4", "Рабочая станция", [("Накопители", "SSD + HDD 1 ТБ")]),
    )
}


def test_each_kind_read_in_its_own_part():
    """«SSD 1 ТБ NVMe + HDD 2 ТБ»: the part naming the asked kind holds its amount (dev7 125/1). Traps: a part
    multiplying («2 × 480 ГБ SSD»: each or in all?) and a kind without its own amount («SSD + HDD 1 ТБ»)."""
    vocab = SpecVocabulary(KINDS.values())

    def decide(sku: str, name: str, least: str) -> str:
        ch = Characteristic(name=name, kind="range", min=least, unit="ГБ")
        (req,) = item_requirements(Item(index=1, name="Компьютер", characteristics=[ch]))
        return check(req, KINDS[sku], vocab).status

    assert decide("WS-1", "Объем накопителя SSD", "512") == "yes"
    assert decide("WS-1", "Объем накопителя HDD", "2000") == "yes"
    assert decide("WS-2", "Объем накопителя SSD", "512") == "no"
    assert decide("WS-3", "Объем накопителя SSD", "512") != "yes"
    assert decide("WS-4", "Объем накопителя SSD", "512") != "yes"
