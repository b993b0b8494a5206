"""Another kind of product within one type: an optical patch cord offered on a copper cord's line fails its
category, screening and 10GBASE-T (`value_classes.json` `card_kinds`), and a server, switch or UPS whose
height is given in rack units is rack-mounted, so it fails a stand-alone («Отдельностоящий», «напольный») line
(`rack_units_mounting`); a cabinet's «42U» is its capacity and proves nothing. Hand-made cards."""

from __future__ import annotations

from matching.requirements import from_characteristic
from store.schema import Characteristic
from tests.matching.conftest import Shelf, product

OPTICAL = product(
    "PC-LC", "Патч-корд оптический LC/UPC-LC/UPC SM 9/125 duplex, 3 м",
    [("Тип волокна", "одномодовое 9/125 мкм (G.652.D, OS2)"), ("Разъемы", "LC/UPC – LC/UPC"), ("Длина", "3 м")],
)  # fmt: skip
COPPER = product("PC-6", "Патч-корд 3 м", [("Длина", "3 м"), ("Оболочка", "LSZH")])
CONVERTER = product("MC-1", "Медиаконвертер оптический 1000BASE-LX", [("Скорость", "1000 Мбит/с")])
HYBRID = product("CB-H", "Кабель оптический комбинированный, 4 волокна + витая пара", [("Волокна", "4 × OS2")])
RACK_SERVER = product("SRV-2U", "Сервер Гравитон С2122И 2U", [("Форм-фактор", "2U"), ("Процессоры", "2 × Xeon")])
CABINET = product("RK-42", 'Шкаф телекоммуникационный 19"', [("Высота", "42U"), ("Глубина", "800 мм")])
RACK_TOWER_UPS = product("UPS-RT", "ИБП 6 кВА", [("Форм-фактор", "Rack/Tower, 4U с батарейным блоком")])
SHELF = Shelf(OPTICAL, COPPER, CONVERTER, HYBRID, RACK_SERVER, CABINET, RACK_TOWER_UPS)


def req(name: str, *values: str, kind: str = "values", **bounds: float | str):
    (found,) = from_characteristic(Characteristic(name=name, kind=kind, values=list(values), **bounds))
    return found


def test_a_copper_cords_category_screening_and_10gbase_t_fail_an_optical_cord():
    assert SHELF.decide(req("Категория", kind="range", min=6), OPTICAL) == "no"
    assert SHELF.decide(req("Экранирование", "Да (F/UTP)"), OPTICAL) == "no"
    assert SHELF.decide(req("Поддержка 10GBASE-T", "Да"), OPTICAL) == "no"
    assert SHELF.decide_name(OPTICAL, "Патч-корд Cat.6а S/FTP 2 м", "Cat.6а") == "no"


def test_a_silent_copper_card_an_optical_cords_own_words_and_an_absence_stay_undecided():
    assert SHELF.decide(req("Категория", kind="range", min=6), COPPER) == "unknown"  # silent, not another kind
    assert SHELF.decide(req("Тип разъема", "LC"), OPTICAL) != "no"
    assert SHELF.decide(req("Экранирование", "нет"), OPTICAL) != "no"


def test_a_kind_is_read_only_for_its_types():
    assert SHELF.decide(req("Поддержка 10GBASE-T", "Да"), CONVERTER) == "unknown"  # a converter has both kinds
    assert SHELF.decide(req("Экранирование", "Да (F/UTP)"), CONVERTER) == "unknown"


def test_a_card_saying_the_other_kinds_words_too_is_a_hybrid_left_alone():
    assert SHELF.decide(req("Поддержка 10GBASE-T", "Да"), HYBRID) == "unknown"


def test_a_servers_rack_units_are_rack_mounting():
    assert SHELF.decide(req("Тип сервера", "Отдельностоящий"), RACK_SERVER) == "no"
    assert SHELF.decide_name(RACK_SERVER, "Сервер напольный (Tower)", "напольный") == "no"
    assert SHELF.decide_name(RACK_SERVER, "Сервер стоечный 2U", "стоечный") == "yes"


def test_a_cabinets_units_and_a_rack_tower_ups_prove_no_mounting_against_floor_standing():
    assert SHELF.decide(req("Исполнение", "напольный"), CABINET) == "unknown"
    assert SHELF.decide(req("Исполнение", "напольный"), RACK_TOWER_UPS) != "no"
