"""«Пропускная способность» is «Производительность» (of a firewall, a VPN gateway), «межсетевого экранирования» the
firewall's: dev batch 10/11 routers and firewalls stated their throughputs as «Производительность …»."""

from __future__ import annotations

from matching.normalise import tokens
from tests.matching.conftest import Shelf, at_least, product

ROUTER = product("RT", "Маршрутизатор", [
    ("Производительность межсетевого экрана", 3, "Гбит/с"), ("Производительность шифрования IPsec (AES-256)", 900,
                                                             "Мбит/с"),
    ("Оперативная память", 2, "ГБ"), ("Туннели VPN", "IPsec, L2TP"),
])  # fmt: skip
SHELF = Shelf(ROUTER)


def test_throughput_is_performance():
    assert tokens("Пропускная способность") == tokens("Производительность")
    assert tokens("Производительность межсетевого экранирования") == tokens("Производительность межсетевого экрана")
    assert SHELF.decide(at_least("Пропускная способность в режиме шифрования IPsec", 800, "Мбит/с"), ROUTER) == "yes"
    assert SHELF.decide(at_least("Пропускная способность в режиме шифрования IPsec", 1, "Гбит/с"), ROUTER) == "no"
