"""A device's own power supplies read from its card (issue 15: count, hot swap and redundancy left "unknown" on
«Блоки питания: 2 × 550 Вт, горячая замена», «Питание: 2 × 600 Вт, горячая замена; PoE …, бюджет 740 Вт», a name's
«2 БП»). Traps: «без горячей замены» is no hot swap though it says the words; a count of hot-swap supplies is not
proven by a count alone; a supply voltage or an external adapter says nothing of the supplies' count."""

from __future__ import annotations

from matching.requirements import from_characteristic
from store.schema import Characteristic
from tests.matching.conftest import Shelf, at_least, product

TWO_HOT = product("SW-2", "Коммутатор агрегации", [("Блоки питания", "2 × 550 Вт, горячая замена")])
SENTENCE = product("SW-S", "Коммутатор L3 48×GE, 2 БП", [("Питание", "2 × 600 Вт, горячая замена; бюджет PoE 740 Вт")])
TWO_COLD = product("FW-2", "Межсетевой экран 1U", [("Блоки питания", "2 × 150 Вт, без горячей замены")])
TWO_PLAIN = product("RT-2", "Маршрутизатор 1U, 2 БП", [("Порты", "8 × GE")])
ONE = product("SW-1", "Коммутатор L2+", [("Блок питания", "встроенный, AC 220 В")])
ADAPTER = product("SW-A", "Коммутатор настольный", [("Питание", "внешний адаптер 12 В DC")])
SHELF = Shelf(TWO_HOT, SENTENCE, TWO_COLD, TWO_PLAIN, ONE, ADAPTER)


def present(name: str):
    (found,) = from_characteristic(Characteristic(name=name, kind="values", values=["Да"]))
    return found


def test_count_of_supplies():
    count = at_least("Количество блоков питания", 2, "шт")
    assert SHELF.decide(count, TWO_HOT) == "yes"
    assert SHELF.decide(count, SENTENCE) == "yes"
    assert SHELF.decide(count, TWO_PLAIN) == "yes"  # «2 БП» in the name
    assert SHELF.decide(count, ONE) == "no"
    assert SHELF.decide(count, ADAPTER) == "unknown"  # trap: an adapter's voltage counts nothing
    hot_count = at_least("Количество блоков питания с возможностью горячей замены", 2, "шт")
    assert SHELF.decide(hot_count, TWO_HOT) == "yes"
    assert SHELF.decide(hot_count, TWO_PLAIN) == "unknown"  # trap: two supplies, hot swap unsaid
    assert SHELF.decide(hot_count, ONE) == "no"


def test_hot_swap_and_redundancy():
    hot = present("Горячая замена блоков питания")
    assert SHELF.decide(hot, SENTENCE) == "yes"
    assert SHELF.decide(hot, TWO_COLD) == "no"  # trap: «без горячей замены»
    assert SHELF.decide(hot, ONE) == "no"
    redundant = present("Резервирование блоков питания")
    assert SHELF.decide(redundant, TWO_HOT) == "yes"
    assert SHELF.decide(redundant, ONE) == "no"
    assert SHELF.decide(redundant, ADAPTER) != "yes"
