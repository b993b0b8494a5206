"""Parts of a line's name that no grammar rule reads ("1000BASE-T", "42U", "600×800") still have to be proven by
the card before a «yes» (issue 15: optical SFP modules were "yes" for «Модуль SFP 1000BASE-T (RJ-45)» on their DDM
alone, a 12U cabinet for «Шкаф 42U 600×800» on its colour)."""

from __future__ import annotations

from matching.compliance import check, overall
from matching.namegrammar import item_requirements, name_requirements
from matching.unreadname import SOURCE, candidate_parts
from store.schema import Characteristic, Item
from tests.matching.conftest import Shelf, product

SFP_LX = product("SFP-LX", "Модуль SFP 1000BASE-LX, 1,25 Гбит/с, SM, 1310 нм, 10 км, 2 × LC, DDM",
                 [("Стандарт", "1000BASE-LX"), ("Цифровая диагностика (DDM)", "да")])  # fmt: skip
SFP_T = product("SFP-T", "Модуль SFP 1000BASE-T, RJ-45, медный, до 100 м",
                [("Стандарт", "1000BASE-T"), ("Разъём", "RJ-45"), ("Цифровая диагностика (DDM)", "да")])  # fmt: skip
SFP_T_NO_DDM = product("SFP-T0", "Модуль SFP медный", [("Стандарт", "1000BASE-T"), ("DDM", "не поддерживается")])
GREY = ("Цвет", "серый RAL 7035")
RACK_12 = product("RK-12", "Шкаф настенный 19\" 12U 600×450", [("Высота в юнитах", 12, "U"), GREY])
RACK_42 = product("RK-42", "Шкаф напольный 19\" 42U 600×800", [("Высота в юнитах", 42, "U"), GREY])
RACK_42_SPECS = product("RK-42S", "Шкаф напольный", [("Высота", 42, "U"), GREY])
SHELF = Shelf(SFP_LX, SFP_T, SFP_T_NO_DDM, RACK_12, RACK_42, RACK_42_SPECS)


def line_verdict(name: str, characteristic: tuple[str, str], card) -> str:
    item = Item(index=1, name=name, characteristics=[Characteristic(name=characteristic[0], kind="values",
                                                           values=[characteristic[1]])])  # fmt: skip
    return overall([check(r, SHELF.cards[card.sku], SHELF.vocab) for r in item_requirements(item)])


def unread(name: str) -> list[str]:
    return [r.text for r in name_requirements(name) if r.source == SOURCE]


def test_a_standard_in_the_name_is_asked_of_the_card():
    assert unread("Модуль SFP 1000BASE-T (RJ-45)") == ["RJ-45"]  # the standard is read as the card's «Стандарт»
    ddm = ("Наличие функции цифровой диагностики (DDM)", "Наличие")
    # Was "yes" on DDM alone; its «Стандарт: 1000BASE-LX» is a rival standard (test_ethernet_standards): "no".
    assert line_verdict("Модуль SFP 1000BASE-T (RJ-45)", ddm, SFP_LX) == "no"
    assert line_verdict("Модуль SFP 1000BASE-T (RJ-45)", ddm, SFP_T) == "yes"


def test_rack_units_and_a_size_in_the_name_are_asked_of_the_card():
    colour = ("Цвет", "серый (RAL 7035 или эквивалент)")
    assert line_verdict("Шкаф 42U 600×800", colour, RACK_12) != "yes"
    assert line_verdict("Шкаф 42U 600×800", colour, RACK_42) == "yes"
    # 42U said by a spec with its unit proves the height; 600×800 is said nowhere: the specialist decides.
    assert line_verdict("Шкаф 42U 600×800", colour, RACK_42_SPECS) == "unknown"


def test_an_unread_part_is_never_proven_by_a_spec_denying_it_and_never_fails():
    (ddm,) = [r for r in name_requirements("Модуль SFP 1000BASE-T DDM") if r.text == "DDM"]
    assert SHELF.decide(ddm, SFP_T_NO_DDM) == "unknown"  # "DDM: не поддерживается" does not say it has DDM
    assert SHELF.decide(ddm, SFP_T) == "yes"
    (code,) = [r for r in name_requirements("Модуль SFP WDM") if r.text == "WDM"]
    assert SHELF.decide(code, SFP_LX) == "unknown"  # not read, so not refuted either


def test_parts_the_grammar_reads_or_the_type_names_are_not_asked_twice():
    assert unread("Коммутатор 24 порта PoE+ управляемый") == []
    assert unread("Ноутбук 15,6–17,3\", 16 ГБ ОЗУ") == []
    assert unread("Сервер 2U") == []
    assert unread("Модуль SFP 1000BASE-LX WDM") == ["WDM"]  # "Модуль SFP" is the type (a transceiver)
    assert unread("Видеокамера IP уличная") == []  # an IP camera, not a code "IP"
    assert unread("Выполнение работ (1 этап)") == []  # a stage, not a count


def test_parts_are_cut_at_commas_and_brackets_not_at_decimal_commas():
    assert candidate_parts("Модуль SFP WDM, 20 км") == ["SFP", "WDM", "20 км"]
    assert candidate_parts("Медиаконвертер WDM 100 Мбит/с") == ["WDM", "100 Мбит/с"]
    assert candidate_parts("Точка доступа Wi-Fi 6E") == ["Wi-Fi 6E"]
    assert candidate_parts("Моноблок 23,8\" (Core i5)") == ["23,8\"", "Core i5"]
