"""A spec saying "нет" is a class only under the names that say so (`value_classes.json` `none_names`): "Экран:
нет" is an unshielded cable (U/UTP); "Цветная печать: нет" or "Монтаж в стойку: нет" deny the class they name and
never prove it (issue 15: a false "yes" costs a bid). Hand-made cards."""

from __future__ import annotations

from matching.cards import product_card
from matching.compliance import check
from matching.namegrammar import name_requirements
from matching.requirements import from_characteristic
from matching.specmatch import SpecVocabulary
from store.schema import Characteristic
from tests.matching.conftest import product

CORD = product("PC-1", "Патч-корд кат. 6, 3 м", [("Категория", "6"), ("Экран", "нет"), ("Длина", 3, "м")])
SHIELDED = product("PC-2", "Патч-корд кат. 6, 2 м", [("Категория", "6"), ("Экранирование", "F/UTP")])
MONO = product("PR-1", "Принтер A4", [("Цветная печать", "нет"), ("Скорость печати", 30, "стр/мин")])
DESKTOP = product("SW-1", "Коммутатор 8 портов", [("Монтаж в стойку", "нет"), ("Порты RJ-45", 8, "шт")])
CARDS = {p.sku: product_card(p) for p in (CORD, SHIELDED, MONO, DESKTOP)}
VOCAB = SpecVocabulary(CARDS.values())


def decide(card, name: str, *values: str) -> str:
    (req,) = from_characteristic(Characteristic(name=name, kind="values", values=list(values)))
    return check(req, CARDS[card.sku], VOCAB).status


def test_a_cable_without_a_screen_is_unshielded_u_utp_never_f_utp():
    assert decide(CORD, "Тип экранирования", "U/UTP") == "yes"
    assert decide(CORD, "Тип экранирования", "неэкранированный") == "yes"
    assert decide(CORD, "Тип экранирования", "F/UTP") == "no"
    assert decide(SHIELDED, "Тип экранирования", "U/UTP") == "no"


def test_a_denied_class_is_never_the_class():
    assert decide(MONO, "Цветность печати", "цветная") != "yes"
    assert decide(DESKTOP, "Тип монтажа", "в стойку") != "yes"
    assert decide(DESKTOP, "Монтаж", "стоечный") != "yes"


def test_screening_written_in_a_line_name_is_a_requirement():
    def name_status(card, line_name: str) -> str:
        (req,) = [r for r in name_requirements(line_name) if "экранирован" in r.name]
        return check(req, CARDS[card.sku], VOCAB).status

    # Without it, «Патч-корд экранированный» with category and length only was "yes" on «Экран: нет».
    assert name_status(CORD, "Патч-корд экранированный") == "no"
    assert name_status(SHIELDED, "Патч-корд экранированный") == "yes"
    assert name_status(CORD, "Патч-корд неэкранированный") == "yes"
    assert name_status(SHIELDED, "Патч-корд неэкранированный") == "no"
