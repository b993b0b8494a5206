"""Value cells of specification tables mapped to Characteristic bounds, values or text."""

from __future__ import annotations

import pytest

from crawlers.documents.cells import cell_characteristic


@pytest.mark.parametrize(
    ("value", "unit", "expected"),
    [
        ("не менее 24", "шт", ("range", "24", True, None, None, "шт")),
        ("≥ 370", "Вт", ("range", "370", True, None, None, "Вт")),
        (">= 2,5", None, ("range", "2.5", True, None, None, None)),
        ("более 100", None, ("range", "100", False, None, None, None)),
        ("от 8 до 16", "ГБ", ("range", "8", True, "16", True, "ГБ")),
        ("8 – 16", "ГБ", ("range", "8", True, "16", True, "ГБ")),
        ("не более 45 дБ", None, ("range", None, None, "45", True, "дБ")),
        ("менее 3", "с", ("range", None, None, "3", False, "с")),
        ("до 100 Вт", None, ("range", None, None, "100", True, "Вт")),
        ("не менее 8; не более 16", "ГБ", ("range", "8", True, "16", True, "ГБ")),
        ("не менее 1 500", "ВА", ("range", "1500", True, None, None, "ВА")),
        ("27", "дюйм", ("range", "27", True, "27", True, "дюйм")),
    ],
)
def test_numeric_requirements_become_ranges(value, unit, expected):
    c = cell_characteristic("Параметр", value, unit)
    assert (c.kind, c.min, c.min_inclusive, c.max, c.max_inclusive, c.unit) == expected


@pytest.mark.parametrize(
    ("value", "values"),
    [
        ("Наличие", ["наличие"]),
        ("стоечный или напольный", ["стоечный", "напольный"]),
        ("Windows 11; Astra Linux", ["Windows 11", "Astra Linux"]),
        ("черный", ["черный"]),
    ],
)
def test_presence_and_alternatives_become_values(value, values):
    c = cell_characteristic("Параметр", value, None, "Участник указывает одно значение")
    assert (c.kind, c.values) == ("values", values)
    assert c.fill_instruction == "Участник указывает одно значение"


def test_anything_else_stays_text_for_the_free_text_parser():
    c = cell_characteristic("Стандарты", "Поддержка стандартов IEEE 802.3af/at, не менее 24 портов", None)
    assert c.kind == "text"
    assert c.text == "Поддержка стандартов IEEE 802.3af/at, не менее 24 портов"
