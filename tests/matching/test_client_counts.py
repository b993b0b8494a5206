"""The clients an access point serves at once («Максимальное количество одновременно подключаемых (подключенных)
клиентов») are the card's «Количество клиентов: до 256» or «Клиентов: до 512»: «до» is the maximum asked. Clients of
another thing («VPN-клиентов») and other counts («Количество SSID») are not. Hand-made cards."""

from __future__ import annotations

from matching.requirements import from_characteristic
from store.schema import Characteristic
from tests.matching.conftest import Shelf, product

COUNTED = product("AP-1", "Точка доступа", [("Количество клиентов", "до 256"), ("Количество SSID", "16")])
SHORT = product("AP-2", "Точка доступа", [("Клиентов", "до 512"), ("Количество SSID", "16")])
SSIDS = product("AP-3", "Точка доступа", [("Количество SSID", "32")])
ROUTER = product("RT-1", "Маршрутизатор беспроводной", [("Клиентов Wi-Fi", "до 256"), ("VPN", "IPsec, WireGuard")])
SHELF = Shelf(COUNTED, SHORT, SSIDS, ROUTER)


def clients(least: int, name: str = "Максимальное количество одновременно подключаемых клиентов"):
    (req,) = from_characteristic(Characteristic(name=name, kind="range", min=least, unit="шт"))
    return req


def test_the_cards_client_count_is_the_one_asked():
    assert SHELF.decide(clients(200), COUNTED) == "yes"
    assert SHELF.decide(clients(200), SHORT) == "yes"
    assert SHELF.decide(clients(500, "Максимальное количество одновременно подключенных клиентов"), SHORT) == "yes"
    assert SHELF.decide(clients(300), COUNTED) == "no"


def test_other_clients_and_counts_prove_nothing():
    # Traps: a count of SSIDs or ports is no count of clients; Wi-Fi clients are no VPN clients.
    assert SHELF.decide(clients(20), SSIDS) == "unknown"
    assert SHELF.decide(clients(50, "Максимальное количество одновременно подключаемых VPN-клиентов"), ROUTER) != "yes"
