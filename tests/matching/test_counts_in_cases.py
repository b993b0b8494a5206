"""A count a line's name writes in another case ("Сервер с двумя процессорами", "на четырех дисках", "с 4 портами
SFP+") is a count like "2 процессора", not a feature to find as words (issue 15: «с двумя процессорами» was left
"unknown" on every server). Hand-made cards."""

from __future__ import annotations

from matching.namegrammar import name_requirements
from tests.matching.conftest import Shelf, product

TWO = product("SRV-2", "Сервер 2U", [("Количество процессоров", 2, "шт"), ("Оперативная память", 128, "ГБ")])
ONE = product("SRV-1", "Сервер 1U", [("Количество процессоров", 1, "шт"), ("Оперативная память", 64, "ГБ")])
MODEL = product("SRV-M", "Сервер 1U", [("Процессор", "Intel Xeon Silver 4310"), ("Оперативная память", 64, "ГБ")])
SFP2 = product("SW-2", "Коммутатор", [("Порты RJ-45", 24, "шт"), ("Порты SFP+", 2, "шт")])
SFP4 = product("SW-4", "Коммутатор", [("Порты RJ-45", 24, "шт"), ("Порты SFP+", 4, "шт")])
SHELF = Shelf(TWO, ONE, MODEL, SFP2, SFP4)


def counts(name: str) -> list[tuple[str, float | None]]:
    return [(r.name, r.min) for r in name_requirements(name) if r.kind == "range"]


def test_oblique_cases_of_number_words_are_counts():
    assert counts("Сервер с двумя процессорами") == [("двумя процессорами (в наименовании)", 2.0)]
    assert counts("Сетевое хранилище на четырех дисках") == [("четырех дисках (в наименовании)", 4.0)]
    assert counts("Сервер из двух блоков питания") == [("двух блоков питания (в наименовании)", 2.0)]
    # Read as a count only: no feature "двумя процессорами" left to find as words.
    assert [r.kind for r in name_requirements("Сервер с двумя процессорами")] == ["range"]


def test_a_count_unit_in_the_instrumental_case():
    assert counts("Коммутатор с 4 портами SFP+")[0][1] == 4.0
    assert SHELF.decide_name(SFP2, "Коммутатор с 4 портами SFP+", "4 портами") == "no"
    assert SHELF.decide_name(SFP4, "Коммутатор с 4 портами SFP+", "4 портами") == "yes"


def test_the_count_decides_on_the_card():
    assert SHELF.decide_name(TWO, "Сервер с двумя процессорами", "двумя") == "yes"
    assert SHELF.decide_name(ONE, "Сервер с двумя процессорами", "двумя") == "no"


def test_a_processor_model_is_no_count_of_processors():
    assert SHELF.decide_name(MODEL, "Сервер с двумя процессорами", "двумя") == "unknown"


def test_other_words_after_a_number_word_are_no_count():
    assert counts("Ноутбук с тремя годами гарантии") == []
