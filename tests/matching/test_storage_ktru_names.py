"""KTRU names of a network storage's line against distributors' cards (issue 15, dev3 notice 022: each left
"unknown"): «Количество отсеков для жестких дисков» is the card's «Количество отсеков для дисков» (a bay's kind of
drive is no other bay); «Количество сетевых портов RJ-45 со скоростью не менее 1 Гбит/с» counts the listed «2 × 1GbE
RJ-45» (a speed bound names the ports' kind, never a closed list's "no": faster ports meet it too); «Поддержка RAID 1
(зеркалирование)» is the code «RAID 1» said in one place («Уровни RAID: 0, 1, 5»), the bracket its Russian name.
Hand-made cards."""

from __future__ import annotations

from matching.cards import product_card
from matching.compliance import check
from matching.namegrammar import item_requirements
from matching.specmatch import SpecVocabulary
from store.schema import Characteristic, Item
from tests.matching.conftest import product

SPECS = [("Количество отсеков для дисков", "4"), ("Сетевые порты", "2 × 1GbE RJ-45"), ("Уровни RAID", "RAID 0, 1, 5")]
NAS = product("NAS-4", "Сетевое хранилище на 4 диска", SPECS)
FAST = product(
    "NAS-F", "Сетевое хранилище", [("Отсеки для SSD", "2"), ("Порты", "2 × 10GbE SFP+"), ("RAID", "0, 5, 10")]
)
APART = product("NAS-A", "Сетевое хранилище", [("RAID", "0, 5, 10"), ("HDMI", "1")])
CARDS = {p.sku: product_card(p) for p in (NAS, FAST, APART)}
VOCAB = SpecVocabulary(CARDS.values())


def decide(sku: str, ch: Characteristic) -> str:
    (req,) = item_requirements(Item(index=1, name="Сетевое хранилище", characteristics=[ch]))
    return check(req, CARDS[sku], VOCAB).status


def count(name: str, least: str) -> Characteristic:
    return Characteristic(name=name, kind="range", min=least, unit="шт")


RAID1 = Characteristic(name="Поддержка RAID 1 (зеркалирование)", kind="values", values=["Да"])
PORTS = "Количество сетевых портов RJ-45 со скоростью не менее 1 Гбит/с"


def test_hard_disk_bays_are_the_drive_bays():
    assert decide("NAS-4", count("Количество отсеков для жестких дисков", "2")) == "yes"
    assert decide("NAS-4", count("Количество отсеков для жестких дисков", "5")) == "no"


def test_ports_of_a_speed_bound_are_counted_by_that_kind():
    assert decide("NAS-4", count(PORTS, "2")) == "yes"
    assert decide("NAS-4", count(PORTS, "4")) == "unknown"
    assert decide("NAS-F", count(PORTS, "2")) == "unknown"  # no closed-list "no": faster ports may meet a bound


def test_a_coded_level_with_its_russian_name():
    assert decide("NAS-4", RAID1) == "yes"
    assert decide("NAS-F", RAID1) == "unknown"
    assert decide("NAS-A", RAID1) == "unknown"  # "RAID" here and "1" there is no RAID 1
