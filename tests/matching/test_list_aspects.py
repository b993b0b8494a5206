"""The items a list names (issue 15, dev–dev5: seven «RAID» and two «VPN» cards left unknown): «Поддерживаемые уровни
RAID» is the card's «RAID: 0, 1, 5, 10», «Протоколы шифрования» its «Шифрование: WPA2-PSK, WPA2-Enterprise»
(`alignment.json` `aspect_words`). Traps: a level offered only with an optional
controller, a level not listed. Hand-made cards."""

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
        product("NAS-1", "Сетевое хранилище", [("RAID", "0, 1, 5, 6, 10, JBOD"), ("Отсеки", '4 × 3,5"')]),
        product("SRV-1", "Сервер 2U", [("RAID", "встроенный RAID 0/1/5/10; RAID 6 — с опциональным контроллером")]),
        product("AP-1", "Точка доступа", [("Шифрование", "WPA/WPA2-PSK, WPA2-Enterprise"), ("Питание", "PoE 802.3at")]),
        product("RT-1", "Маршрутизатор", [("VPN", "IPsec, L2TP, WireGuard"), ("Защита", "IP20")]),
    )
}
VOCAB = SpecVocabulary(CARDS.values())


def decide(sku: str, name: str, *values: str) -> str:
    ch = Characteristic(name=name, kind="values", values=list(values))
    (req,) = item_requirements(Item(index=1, name="Оборудование", characteristics=[ch]))
    return check(req, CARDS[sku], VOCAB).status


def test_levels_and_protocols_are_the_list_items():
    assert decide("NAS-1", "Поддерживаемые уровни RAID", "5", "6") == "yes"
    assert decide("AP-1", "Протоколы шифрования", "WPA2-Enterprise") == "yes"
    assert decide("RT-1", "Поддерживаемые протоколы VPN", "IPsec", "L2TP") == "yes"


def test_an_unlisted_item_or_an_optional_one_proves_nothing():
    assert decide("NAS-1", "Поддерживаемые уровни RAID", "50") != "yes"
    assert decide("SRV-1", "Поддерживаемые уровни RAID", "6") == "unknown"
    assert decide("RT-1", "Поддерживаемые протоколы VPN", "OpenVPN") != "yes"
    assert decide("RT-1", "Уровень защиты", "IP54") != "yes"
