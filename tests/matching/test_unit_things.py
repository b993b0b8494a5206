"""Drives and RAM are both counted in bytes, never each other (dev4 105/1: «Общий объем установленных накопителей ≥
30 000 ГБ» was failed on a NAS's «Память: 4 ГБ DDR4», the card's only spec in bytes once its drives were written
«4 × 8 ТБ»). A spec chosen by its unit alone that names the other thing is set aside for the card's spec naming the
asked thing; without one, nothing is found. Hand-made cards."""

from __future__ import annotations

from matching.requirements import from_characteristic
from store.schema import Characteristic
from tests.matching.conftest import Shelf, product

NAS = product(
    "NAS-4", "Сетевое хранилище NAS 4 отсека",
    [("Отсеки для дисков", '4 × 3,5"/2,5" SATA, горячая замена'),
     ("Установленные диски", "4 × 8 ТБ SATA (7200 об/мин)"), ("Память", "4 ГБ DDR4 (до 8 ГБ)"),
     ("Сеть", "2 × 2,5GbE RJ-45")],
)  # fmt: skip
DISKLESS = product(
    "NAS-0", "Сетевое хранилище NAS 4 отсека",
    [("Отсеки", '4 × 3,5"'), ("Диски", "в комплект поставки не входят"), ("ОЗУ", "64 ГБ DDR4 ECC")],
)  # fmt: skip
SHELF = Shelf(NAS, DISKLESS)


def decide(card, name: str, low: str) -> str:
    (req,) = from_characteristic(Characteristic(name=name, kind="range", min=low, unit="ГБ"))
    return SHELF.decide(req, card)


DRIVES = "Общий объем установленных накопителей"


def test_the_drives_spec_decides_a_drives_bound_not_the_memory():
    assert decide(NAS, DRIVES, "30000") == "yes"  # 4 × 8 ТБ = 32 ТБ
    assert decide(NAS, DRIVES, "40000") == "no"


def test_memory_never_meets_a_drives_bound():
    # The only spec in bytes is the RAM: 64 ГБ would meet «≥ 32 ГБ» of drives the card does not have.
    assert decide(DISKLESS, DRIVES, "32") == "no"  # «Диски: в комплект поставки не входят»
    assert decide(DISKLESS, "Объем накопителей", "32") == "unknown"  # not said to be installed: nothing found


def test_a_bound_on_drives_the_nas_takes_is_no_installed_drive():
    # «не входят» says nothing of the drives a diskless NAS supports.
    assert decide(DISKLESS, "Максимальный поддерживаемый объем накопителей", "40000") != "no"


def test_a_memory_bound_still_finds_the_memory():
    assert decide(NAS, "Объем оперативной памяти", "4") == "yes"
    assert decide(NAS, "Объем оперативной памяти", "8") == "no"
