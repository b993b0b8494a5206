"""Firewall throughputs by mode: «в режиме системы обнаружения вторжений» is the card's «Производительность IPS» /
«с включённой СОВ», «в режиме межсетевого экрана» its «Пропускная способность МЭ» (synonyms: «МЭ», «СОВ», «IDS»;
alignment.json: «производительность ips», «в режиме», «с включённой»); the IPsec or firewall throughput never
answers for the intrusion detection one. Hand-made cards."""

from __future__ import annotations

from matching.requirements import name_tokens
from tests.matching.conftest import Shelf, at_least, product

LARGE = product("FW-L", "Межсетевой экран", [("Пропускная способность МЭ", 40, "Гбит/с"),
                                             ("Пропускная способность IPS", 12, "Гбит/с"),
                                             ("Пропускная способность IPsec VPN", 8, "Гбит/с")])  # fmt: skip
SMALL = product("FW-S", "Межсетевой экран", [("Пропускная способность (межсетевой экран)", 3, "Гбит/с"),
                                             ("Пропускная способность с включённой СОВ", 600, "Мбит/с")])  # fmt: skip
NO_IDS = product("FW-N", "Межсетевой экран", [("Пропускная способность МЭ", 8, "Гбит/с"),
                                              ("Пропускная способность IPsec", 900, "Мбит/с")])  # fmt: skip
SHELF = Shelf(LARGE, SMALL, NO_IDS)
IDS = "Пропускная способность в режиме системы обнаружения вторжений"
FIREWALL = "Пропускная способность в режиме межсетевого экрана"


def test_each_mode_is_the_cards_throughput_of_that_mode():
    assert SHELF.decide(at_least(IDS, 2000, "Мбит/с"), LARGE) == "yes"
    assert SHELF.decide(at_least(FIREWALL, 10, "Гбит/с"), LARGE) == "yes"
    assert SHELF.decide(at_least(IDS, 2000, "Мбит/с"), SMALL) == "no"  # 600 Мбит/с with the IDS on
    assert SHELF.decide(at_least(FIREWALL, 10, "Гбит/с"), SMALL) == "no"


def test_another_modes_throughput_never_answers():
    assert SHELF.decide(at_least(IDS, 500, "Мбит/с"), NO_IDS) != "yes"
    assert name_tokens("Тип матрицы IPS") == ("матрица", "ips")  # a matrix is no intrusion prevention
