"""List items under «уровни» / «протоколы» (issue 15, session 13): read early in the session («Поддерживаемые уровни
RAID» on the card's «RAID: 0, 1, 5, 10») and withdrawn at its end: with it the frozen part's false «yes» went from 1
to 2, as the same RAID reading did in sessions 11 and 12 (`alignment.json` `aspect_words` `_doc_session13`). These
tests keep the reading out and its traps safe: a level only with an optional controller, a level not listed.
Hand-made cards."""

from __future__ import annotations

from matching.alignment import vocabulary
from matching.cards import product_card
from matching.compliance import check
from matching.namegrammar import item_requirements
from matching.normalise import tokens
from matching.specmatch import SpecVocabulary
from store.schema import Characteristic, Item
from tests.matching.conftest import product

CARDS = {
    p.sku: product_card(p)
    for p in (
        product("NAS-1", "Сетевое хранилище", [("RAID", "0, 1, 5, 6, 10, JBOD"), ("Отсеки", "4 × 3,5\"")]),
        product("SRV-1", "Сервер 2U", [("RAID", "встроенный RAID 0/1/5/10; RAID 6 — с опциональным контроллером")]),
        product("RT-1", "Маршрутизатор", [("VPN", "IPsec, L2TP, WireGuard"), ("Защита", "IP20")]),
    )
}
VOCAB = SpecVocabulary(CARDS.values())


def decide(sku: str, name: str, *values: str) -> str:
    ch = Characteristic(name=name, kind="values", values=list(values))
    (req,) = item_requirements(Item(index=1, name="Оборудование", characteristics=[ch]))
    return check(req, CARDS[sku], VOCAB).status


def test_levels_and_protocols_are_no_aspect_words():
    assert vocabulary().aspects.isdisjoint({*tokens("уровень"), *tokens("протокол")})


def test_an_unlisted_item_or_an_optional_one_proves_nothing():
    assert decide("NAS-1", "Поддерживаемые уровни RAID", "50") != "yes"
    assert decide("SRV-1", "Поддерживаемые уровни RAID", "6") != "yes"
    assert decide("RT-1", "Поддерживаемые протоколы VPN", "OpenVPN") != "yes"
    assert decide("RT-1", "Уровень защиты", "IP54") != "yes"
