"""A count of a part's own parts inside the part's spec: «Количество ядер процессора: не менее 16» against
«Процессор: Intel Core i7-13700 (16 ядер, до 5,2 ГГц)»; hybrid cores («6 P-ядер + 8 E-ядер») or a count under
another spec's name prove nothing. Hand-made cards."""

from __future__ import annotations

from matching.requirements import from_characteristic
from store.schema import Characteristic
from tests.matching.conftest import Shelf, product

I7 = product(
    "PC-7", "Системный блок", [("Процессор", "Intel Core i7-13700 (16 ядер, до 5,2 ГГц)"), ("Память", 32, "ГБ")]
)
I5 = product(
    "PC-5", "Системный блок", [("Процессор", "Intel Core i5-12400 (6 ядер / 12 потоков)"), ("Память", 16, "ГБ")]
)
HYBRID = product("NB-H", "Ноутбук", [("Процессор", "Intel Core i7-1355U (2 P-ядра + 8 E-ядер)"), ("Память", 16, "ГБ")])
COOLER = product("PC-C", "Системный блок", [("Система охлаждения", "16 ядер тепловых трубок"), ("Память", 16, "ГБ")])
SHELF = Shelf(I7, I5, HYBRID, COOLER)


def decide(card, text: str) -> str:
    (req,) = from_characteristic(Characteristic(name="Количество ядер процессора", kind="text", text=text))
    return SHELF.decide(req, card)


def test_the_count_inside_the_processor_spec_decides():
    assert decide(I7, "не менее 16") == "yes"
    assert decide(I5, "не менее 16") == "no"


def test_hybrid_cores_or_another_specs_count_prove_nothing():
    assert decide(HYBRID, "не менее 8") != "yes"
    assert decide(COOLER, "не менее 16") != "yes"


SERVER = product("SRV-2", "Сервер 2U", [("Процессоры", "2 × Intel Xeon Silver 4310 (12 ядер, 24 потока)")])
SERVER_SHELF = Shelf(SERVER, I7)


def each_processor(card, low: str) -> str:
    name = "Количество ядер каждого установленного процессора"
    (req,) = from_characteristic(Characteristic(name=name, kind="range", min=low, unit="шт"))
    return SERVER_SHELF.decide(req, card)


def test_cores_of_each_processor_are_the_count_its_spec_states():
    # dev2: «каждого» kept the KTRU name from the reading («12 ядер» of «2 × Xeon …» is per processor).
    assert each_processor(SERVER, "12") == "yes"
    assert each_processor(SERVER, "16") == "no"
    assert each_processor(I7, "16") == "yes"


def test_each_does_not_open_another_parts_count():
    name = "Количество ядер каждого установленного модуля"
    (req,) = from_characteristic(Characteristic(name=name, kind="range", min="12", unit="шт"))
    assert SERVER_SHELF.decide(req, SERVER) != "yes"


TWO_CPUS = product("SRV-22", "Сервер 1U", [("Процессоры", "2 × Intel Xeon Silver 4310 (12 ядер, 2.1 ГГц)")])
ONE_CPU = product("SRV-T", "Сервер Tower", [("Процессор", "Intel Xeon E-2334 (4 ядра, 3.4 ГГц), 1 шт")])
COUNTED_APART = product(
    "SRV-C",
    "Сервер 2U",
    [("Процессор", "Intel Xeon Silver 4310 (12 ядер)"), ("Количество установленных процессоров", 2, "шт")],
)
TOTAL_SHELF = Shelf(TWO_CPUS, ONE_CPU, COUNTED_APART)


def cores(card, name: str, low: str) -> str:
    (req,) = from_characteristic(Characteristic(name=name, kind="range", min=low, unit="шт"))
    return TOTAL_SHELF.decide(req, card)


TOTAL = "Общее количество ядер установленных процессоров"


def test_a_total_of_cores_counts_every_processor():
    # dev4 104/1: «2 × Xeon Silver 4310 (12 ядер)» has 24 cores in all, not 12.
    assert cores(TWO_CPUS, TOTAL, "24") == "yes"
    assert cores(TWO_CPUS, "Суммарное количество ядер процессоров", "24") == "yes"
    assert cores(TWO_CPUS, TOTAL, "32") == "no"
    assert cores(COUNTED_APART, TOTAL, "24") == "yes"  # the processors counted by a spec of their own


def test_a_total_never_multiplies_what_is_no_count_of_processors():
    # One processor: its model number (2334) or the «1 шт» multiply nothing.
    assert cores(ONE_CPU, TOTAL, "8") == "no"
    assert cores(ONE_CPU, TOTAL, "4") == "yes"


def test_per_processor_asks_read_one_processor():
    assert cores(TWO_CPUS, "Количество ядер каждого установленного процессора", "24") == "no"
    assert cores(TWO_CPUS, "Количество ядер процессора", "24") == "no"
    assert cores(TWO_CPUS, "Количество ядер процессора", "12") == "yes"


def test_processors_in_the_plural_without_a_total_word_decide_only_when_both_readings_agree():
    assert cores(TWO_CPUS, "Количество ядер процессоров", "16") == "unknown"
    assert cores(TWO_CPUS, "Количество ядер процессоров", "12") == "yes"
    assert cores(TWO_CPUS, "Количество ядер процессоров", "32") == "no"
