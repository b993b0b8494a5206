"""Requirements from KTRU characteristics and from free text."""

from __future__ import annotations

import pytest

from matching.namegrammar import item_requirements, name_requirements
from matching.requirements import from_characteristic, parse_free_text
from store.schema import Characteristic, Item


def one(text: str, name: str | None = None):
    found = parse_free_text(text, name=name)
    assert len(found) == 1, found
    return found[0]


def test_not_less_than_with_count_unit_keeps_the_noun_in_the_name():
    req = one("не менее 24 портов 1 Гбит/с")
    assert (req.kind, req.min, req.min_inclusive, req.max) == ("range", 24, True, None)
    assert "порт" in req.name_tokens


def test_from_to_range_converts_units():
    req = one("Объем оперативной памяти от 8 до 16 ГБ")
    assert (req.min, req.max, req.dimension) == (8e9, 16e9, "bytes")
    assert req.min_inclusive and req.max_inclusive


def test_symbol_comparator_and_exclusive_words():
    assert one("Бюджет PoE ≥ 370 Вт").min == 370
    more = one("Количество блоков питания более 2")
    assert (more.min, more.min_inclusive) == (2, False)
    less = one("Время отклика менее 5 мс")
    assert (less.max, less.max_inclusive) == (pytest.approx(0.005), False)


def test_not_worse_takes_direction_from_the_name():
    assert one("Время отклика не хуже 5 мс").max == pytest.approx(0.005)
    assert one("Яркость не хуже 300 кд/м2").min == 300


def test_presence_and_absence():
    req = one("наличие PoE+")
    assert (req.kind, req.present, req.name_tokens) == ("presence", True, ("poeplus",))
    assert one("отсутствие вентиляторов").present is False


def test_ratio_and_thousand_separators():
    assert one("Контрастность ≥ 20 000:1").min == 20000


def test_resolution_is_not_a_number_bound():
    req = one("разрешение не ниже 1920x1080", name="Разрешение")
    assert req.kind == "text"


def test_several_clauses_in_one_text():
    found = parse_free_text("не менее 24 портов 10/100/1000 Base-T; наличие PoE+; бюджет PoE не менее 370 Вт")
    assert [r.kind for r in found] == ["range", "presence", "range"]


def test_characteristic_range_with_bounds_and_unit_from_name():
    ch = Characteristic(name="Время отклика, мс", kind="range", max="6", max_inclusive=False)
    (req,) = from_characteristic(ch)
    assert (req.max, req.max_inclusive, req.dimension) == (pytest.approx(0.006), False, "time")
    assert req.name_tokens == ("время", "отклик")


def test_characteristic_values():
    (yes,) = from_characteristic(Characteristic(name="Поддержка VLAN", kind="values", values=["Да"]))
    assert (yes.kind, yes.present) == ("presence", True)
    (exact,) = from_characteristic(
        Characteristic(name="Количество блоков питания", kind="values", values=["1"], unit="шт")
    )
    assert (exact.kind, exact.min, exact.max) == ("range", 1, 1)
    (inside,) = from_characteristic(Characteristic(name="Контрастность", kind="values", values=["≥1000:1"]))
    assert inside.min == 1000
    (enum,) = from_characteristic(Characteristic(name="Стандарт", kind="values", values=["802.11ax"]))
    assert enum.kind == "values"


def test_item_name_comparisons_become_requirements_without_the_head():
    item = Item(index=1, name="Источник бесперебойного питания мощностью не менее 6 кВА")
    (req,) = item_requirements(item)
    assert req.min == 6000 and req.dimension == "apparent_power"
    assert "ибп" not in req.name_tokens


def test_unit_in_parentheses_and_yes_as_text():
    (ram,) = from_characteristic(Characteristic(name="Объем оперативной памяти (Гб)", kind="range", min="8"))
    assert (ram.min, ram.dimension, ram.name_tokens) == (8e9, "bytes", ("емкость", "озу"))
    (poe,) = from_characteristic(Characteristic(name="Поддержка PoE", kind="text", text="Да"))
    assert (poe.kind, poe.present) == ("presence", True)


def test_postfix_comparisons_and_dash_ranges():
    assert one("Объем ОЗУ 8 ГБ и более").min == 8e9
    heavy = one("Вес 2 кг и менее")
    assert (heavy.max, heavy.max_inclusive) == (2000, True)
    diag = one("Диагональ 23-27 дюймов")
    assert (diag.min, diag.max) == (pytest.approx(584.2), pytest.approx(685.8))
    assert parse_free_text("Коммутатор S2985G-24T") == []  # a model number is not a range


def test_one_grammar_reads_requirements_in_line_names():
    def read(name: str) -> dict[str, tuple]:
        return {r.name: (r.kind, r.min, r.max, r.values, r.name_tokens) for r in name_requirements(name)}

    switch = read("Коммутатор 24 порта, 4 порта SFP+ управляемый L2")
    assert switch["24 порта (в наименовании)"][:2] == ("range", 24.0)
    assert switch["4 порта SFP+ (в наименовании)"][4] == ("количество", "порт", "sfpplus")  # counts SFP+ ports
    assert switch["L2 (в наименовании)"][3] == ("L2", "L2+", "L3")  # L3 satisfies L2
    assert switch["управляемый (в наименовании)"][0] == "presence"
    poe = read("Коммутатор 48 портов PoE+")
    assert set(poe) == {"48 портов (в наименовании)", "PoE+ (в наименовании)"}
    server = read("Сервер 2U, два процессора")
    assert server["два процессора (в наименовании)"][1] == 2.0 and server["2U (в наименовании)"][1:3] == (2.0, 2.0)
    (laptop,) = name_requirements('Ноутбук 15,6–17,3"')
    assert laptop.kind == "range" and round(laptop.min / 25.4, 1) == 15.6 and round(laptop.max / 25.4, 1) == 17.3
    assert laptop.name_tokens == ("диагональ",)
    assert name_requirements("Выполнение работ (1 этап)") == []  # an ordinal, not a count
