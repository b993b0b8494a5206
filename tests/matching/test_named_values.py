"""A value a line's name writes in Latin letters after the noun it is a value of ("Ноутбук, ОС Astra Linux", "с
процессором Intel Core i5") is a value requirement on the spec that noun names (issue 15: «ОС Astra Linux» in a
line name was not read). Hand-made cards."""

from __future__ import annotations

from matching.namegrammar import name_requirements
from tests.matching.conftest import Shelf, product

ASTRA = product("NB-A", "Ноутбук 14\"", [("Операционная система", "Astra Linux Special Edition"), ("ОЗУ", 16, "ГБ")])
WINDOWS = product("NB-W", "Ноутбук 14\"", [("Операционная система", "Windows 11 Pro"), ("ОЗУ", 16, "ГБ")])
NO_OS = product("NB-N", "Ноутбук 15,6\"", [("Операционная система", "нет"), ("ОЗУ", 8, "ГБ")])
SILENT = product("NB-S", "Ноутбук 15,6\"", [("Процессор", "Intel Core i5-1335U"), ("ОЗУ", 8, "ГБ")])
SHELF = Shelf(ASTRA, WINDOWS, NO_OS, SILENT)


def values(name: str) -> list[tuple[str, tuple[str, ...]]]:
    return [(r.name, r.values) for r in name_requirements(name) if r.kind == "values"]


def test_an_os_named_in_a_line_name_is_read():
    assert values("Ноутбук, ОС Astra Linux") == [("ОС Astra Linux (в наименовании)", ("Astra Linux",))]
    assert values("Моноблок с предустановленной ОС Windows 11 Pro")[0][1] == ("Windows 11 Pro",)
    # Once, as a value: not also a feature to find as words.
    assert [r.kind for r in name_requirements("Ноутбук с ОС Astra Linux")] == ["values"]


def test_the_os_spec_decides():
    assert SHELF.decide_name(ASTRA, "Ноутбук, ОС Astra Linux", "ОС") == "yes"
    assert SHELF.decide_name(WINDOWS, "Ноутбук, ОС Astra Linux", "ОС") != "yes"
    assert SHELF.decide_name(NO_OS, "Ноутбук, ОС Astra Linux", "ОС") == "no"
    # A card stating no OS proves nothing: its Linux-free words do not make it "yes".
    assert SHELF.decide_name(SILENT, "Ноутбук, ОС Astra Linux", "ОС") == "unknown"


def test_a_processor_named_by_its_model():
    assert SHELF.decide_name(SILENT, "Ноутбук с процессором Intel Core i5", "процессором") == "yes"
    assert SHELF.decide_name(SILENT, "Ноутбук с процессором Intel Core i7", "процессором") != "yes"


def test_latin_words_after_another_noun_are_no_value():
    assert values("Точка доступа Wi-Fi 6") == []
    assert values("Коммутатор управляемый L3 48 портов") == [("L3 (в наименовании)", ("L3",))]
