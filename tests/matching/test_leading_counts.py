"""A count read from the one multiplier leading a spec's value: «Процессоры: 2 × Intel Xeon Gold 6330 (28 ядер)»
has two processors, «Блоки питания: 2 × 1200 Вт, горячая замена» two supplies (dev2: both «не найдена», and the
28 cores were once read as the processors' count). A value of several counts («2 × 480 ГБ, 4 × 4 ТБ») or
without one («Процессор: Intel Xeon Silver 4310») counts nothing; drive bays are one thing whether named for
«дисков» or «накопителей»."""

from __future__ import annotations

from matching.requirements import from_characteristic
from store.schema import Characteristic
from tests.matching.conftest import Shelf, product

TWO = product(
    "SRV-2",
    "Сервер 2U",
    [
        ("Процессоры", "2 × Intel Xeon Gold 6330 (28 ядер, 2,0 ГГц)"),
        ("Блоки питания", "2 × 1200 Вт, горячая замена, резервирование 1+1"),
        ("Установленные накопители", "2 × 480 ГБ, 4 × 4 ТБ"),
        ("Отсеки для дисков", '12 × 3,5" с горячей заменой'),
    ],
)
ONE = product(
    "SRV-1", "Сервер 1U", [("Процессор", "Intel Xeon Silver 4310"), ("Блок питания", "1 × 800 Вт (второй — опция)")]
)
SHELF = Shelf(TWO, ONE)


def count(card, name: str, **bounds: str) -> str:
    (req,) = from_characteristic(Characteristic(name=name, kind="range", unit="шт", **bounds))
    return SHELF.decide(req, card)


def test_the_leading_multiplier_counts_the_specs_things():
    assert count(TWO, "Количество установленных процессоров", min="2", max="2") == "yes"
    assert count(TWO, "Количество установленных процессоров", min="4") == "no"  # not the 28 cores
    assert count(TWO, "Количество установленных блоков питания", min="2") == "yes"
    assert count(ONE, "Количество установленных блоков питания", min="2") == "no"
    assert count(TWO, "Количество отсеков для накопителей", min="12") == "yes"


def test_no_multiplier_or_several_count_nothing():
    assert count(ONE, "Количество процессоров", min="2") != "yes"
    assert count(ONE, "Количество процессоров", min="1") != "yes"
    assert count(TWO, "Количество установленных накопителей", min="2") != "yes"
