"""Lines buying what only looks like a catalogue product (a TV set, a bag, a bracket, a laptop's adapter, a patch
cord against bulk cable) are of another type by their nouns (`alignment.json` `product_types`), even where the
OKPD2 codes share their two-digit class (26: every computer, monitor and TV set)."""

from __future__ import annotations

import pytest

from matching.cards import product_card
from matching.typegate import line_types, other_type, product_types
from tests.matching.conftest import product

MONITOR = product_card(product("MN", "Монитор 55\" 4K UHD", [("Диагональ", "55", "дюйм")], category="Мониторы",
                               okpd2="26.20.17.110"))
LAPTOP = product_card(product("NB", "Ноутбук 15,6\"", [("Диагональ", "15,6", "дюйм")], category="Ноутбуки",
                              okpd2="26.20.11.110"))
CABLE = product_card(product("CB", "Кабель витая пара U/UTP кат. 5e, 305 м", [("Категория", "5e")],
                             category="Кабель витая пара", okpd2="27.32.13.190"))


def gate(name: str, okpd2: str, card) -> str | None:
    return other_type(line_types(name), (okpd2,), card, product_types(card))


@pytest.mark.parametrize(
    ("name", "okpd2", "card"),
    [
        ("Телевизор 55\" 4K Smart TV", "26.40.20.122", MONITOR),
        ("Кронштейн для монитора настольный", "26.20.40.190", MONITOR),
        ("Подставка под монитор", "26.20.40.190", MONITOR),
        ("Сумка для ноутбука 15,6\"", "26.20.40.190", LAPTOP),
        ("Блок питания (адаптер) для ноутбука 65 Вт", "26.20.40.190", LAPTOP),
        ("Патч-корд U/UTP кат. 5e, 1 м", "27.33.13.130", CABLE),
    ],
)
def test_a_lookalike_line_is_another_type(name: str, okpd2: str, card) -> None:
    assert gate(name, okpd2, card) is not None


def test_the_products_own_lines_keep_their_type() -> None:
    assert gate("Монитор 27\" IPS", "26.20.17.110", MONITOR) is None
    assert gate("Ноутбук 15,6\", 16 ГБ ОЗУ", "26.20.11.110", LAPTOP) is None
    assert gate("Кабель витая пара U/UTP кат. 5е, бухта 305 м", "27.32.13.190", CABLE) is None
