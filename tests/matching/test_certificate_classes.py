"""Classes written inside a regulator's certificate (``matching/certclasses.py``): «МЭ типа А, Б 4 класса»
meets «не ниже 4»; class 6 does not (class 1 is the strongest); another kind or an unstated type decides
nothing. Hand-made cards."""

from __future__ import annotations

from matching.requirements import from_characteristic
from store.schema import Characteristic
from tests.matching.conftest import Shelf, product

FOURTH = product("FW-4", "Межсетевой экран", [("Сертификат ФСТЭК", "есть: МЭ типа А, Б 4 класса; СОВ 4 класса; УД 4")])
SIXTH = product("FW-6", "Межсетевой экран", [("Сертификат ФСТЭК", "МЭ типа А 6 класса"), ("Порты", "6 × RJ-45")])
GATEWAY = product(
    "GW", "Криптошлюз", [("Сертификаты", "ФСБ России — СКЗИ класса КС3; ФСТЭК России — МЭ типа А 4 класса")]
)
TYPE_B = product("FW-B", "Межсетевой экран", [("Сертификат ФСТЭК", "МЭ типа Б 4 класса")])
DETECTION = product("IDS", "Межсетевой экран", [("Сертификат ФСТЭК", "СОВ уровня сети 4 класса")])
SHELF = Shelf(FOURTH, SIXTH, GATEWAY, TYPE_B, DETECTION)
FIREWALL_A = "Класс защиты межсетевого экрана (тип А) по требованиям ФСТЭК России"


def decide(card, name: str, value: str) -> str:
    (req,) = from_characteristic(Characteristic(name=name, kind="text", text=value))
    return SHELF.decide(req, card)


def test_a_stronger_or_equal_class_meets_a_minimum():
    assert decide(FOURTH, FIREWALL_A, "не ниже 4") == "yes"
    assert decide(GATEWAY, "Класс защиты межсетевого экрана по требованиям ФСТЭК России", "не ниже 4 класса") == "yes"
    assert decide(FOURTH, "Уровень доверия по требованиям ФСТЭК России", "не ниже 4") == "yes"


def test_a_weaker_class_is_no_although_its_number_is_larger():
    assert decide(SIXTH, FIREWALL_A, "не ниже 4") == "no"
    assert decide(FOURTH, "Класс защиты системы обнаружения вторжений по требованиям ФСТЭК", "не ниже 2") == "no"


def test_another_kind_or_type_decides_nothing():
    assert decide(TYPE_B, FIREWALL_A, "не ниже 4") == "unknown"  # type А asked, only type Б certified
    assert decide(DETECTION, FIREWALL_A, "не ниже 4") == "unknown"  # an IDS class is not the firewall's
    assert decide(GATEWAY, "Уровень доверия по требованиям ФСТЭК России", "не ниже 4") == "unknown"
