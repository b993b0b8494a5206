"""A seller's short spec name for a requirement's thing (issue 15, dev7 24/1, 15/2, 16/1, dev5 117/2: all «yes»
left «unknown»): «Максимальное количество клиентов» on «Клиенты: до 128», «Количество каналов» on «Каналы: 32
IP-канала», «Статическая контрастность» on «Контрастность: 3000:1 (статическая)», «Максимальный объем карты памяти»
on «Карта памяти: microSD до 256 ГБ» (matching/shortnames.py, limits.py). Traps: a plain value is no maximum, a
qualifier neither a measure nor stated in the value («Динамическая», «веб-камеры», «суммарная»), a value with
several numbers, two specs of the short name's kind. Hand-made cards."""

from __future__ import annotations

from matching.cards import product_card
from matching.compliance import check
from matching.namegrammar import item_requirements
from matching.specmatch import SpecVocabulary
from store.schema import Characteristic, Item
from tests.matching.conftest import product

CARDS = {
    p.sku: product_card(p)
    for p in (
        product("AP-1", "Точка доступа Wi-Fi 6", [("Клиенты", "до 128"), ("Питание", "PoE 802.3at")]),
        product("AP-2", "Точка доступа Wi-Fi 6", [("Клиенты", "128"), ("Порт", "1 × 1G RJ-45")]),
        product("NVR-1", "Видеорегистратор", [("Каналы", "32 IP-канала"), ("HDD", "4 × SATA до 16 ТБ")]),
        product("NVR-2", "Видеорегистратор", [("Каналы", "32 IP-канала"), ("Каналы записи", "16")]),
        product("MN-1", 'Монитор 27"', [("Контрастность", "3000:1 (статическая)"), ("Разрешение", "2560×1440")]),
        product("CAM-1", "Видеокамера IP", [("Карта памяти", "microSD до 256 ГБ"), ("Объектив", "2,8 мм")]),
        product("SW-1", "Коммутатор", [("PoE", "IEEE 802.3af/at на 8 портах, бюджет 120 Вт"), ("Порты", "8 × 1G")]),
        product("NB-1", 'Ноутбук 15,6"', [("Оперативная память", "16 ГБ"), ("Экран", '15,6" IPS')]),
        product("UPS-1", "ИБП 1500 ВА", [("Розетки", "4 × C13, Schuko"), ("Мощность", "1500 ВА")]),
        product("AP-3", "Точка доступа", [("Скорость", "1200 Мбит/с"), ("Диапазоны", "2,4 и 5 ГГц")]),
    )
}
VOCAB = SpecVocabulary(CARDS.values())


def decide(sku: str, name: str, least: str, unit: str | None = None) -> str:
    ch = Characteristic(name=name, kind="range", min=least, unit=unit)
    (req,) = item_requirements(Item(index=1, name="Товар", characteristics=[ch]))
    return check(req, CARDS[sku], VOCAB).status


def test_up_to_a_count_is_the_maximum():
    assert decide("AP-1", "Максимальное количество клиентов", "100", "шт") == "yes"
    assert decide("AP-1", "Максимальное количество клиентов", "200", "шт") == "no"


def test_a_plain_count_is_no_maximum():
    # Trap: «Клиенты: 128» states no limit, as «Оперативная память: 16 ГБ» is no «Максимальный объем».
    assert decide("AP-2", "Максимальное количество клиентов", "100", "шт") == "unknown"
    assert decide("NB-1", "Максимальный объем оперативной памяти", "8", "ГБ") == "unknown"


def test_a_count_named_by_its_things():
    assert decide("NVR-1", "Количество каналов", "32", "шт") == "yes"
    assert decide("NVR-1", "Количество каналов", "64", "шт") == "no"


def test_two_specs_of_the_short_names_kind_prove_nothing():
    assert decide("NVR-2", "Количество каналов", "32", "шт") == "unknown"


def test_a_qualifier_stated_in_the_value():
    assert decide("MN-1", "Статическая контрастность", "1000") == "yes"
    assert decide("MN-1", "Динамическая контрастность", "1000") == "unknown"  # trap: another contrast


def test_a_bound_after_a_kind_word_is_the_maximum():
    assert decide("CAM-1", "Максимальный объем карты памяти", "128", "ГБ") == "yes"
    assert decide("CAM-1", "Максимальный объем карты памяти", "512", "ГБ") == "no"


def test_a_value_of_several_numbers_is_not_read_by_a_short_name():
    # Trap: the naive reading takes 802 (of 802.3af) as the budget; the labelled part «бюджет 120 Вт» decides.
    assert decide("SW-1", "Бюджет PoE", "185", "Вт") == "no"
    assert decide("SW-1", "Бюджет PoE", "100", "Вт") == "yes"


def test_a_total_is_no_reading_of_one_rate():
    assert decide("AP-3", "Максимальная суммарная скорость передачи данных", "1000", "Мбит/с") == "unknown"


def test_a_latin_kind_in_the_value_is_one_kind_among_others():
    # Trap: «Schuko» is stated in the value, yet the 4 outlets are C13: how many Schuko is not written.
    assert decide("UPS-1", "Количество выходных розеток Schuko", "1", "шт") == "unknown"
