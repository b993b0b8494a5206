"""A «yes» resting on an optional clause proves nothing (issue 15, dev6 22/1: «RAID 6 — с опциональным контроллером
MR416i» met «Поддерживаемые уровни RAID: RAID 6» once the list items were read): the value is decided again without
its optional clauses (`matching/options.py`). The clauses the product has still decide. Hand-made cards."""

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
        product("SRV-B", "Сервер", [("Уровни RAID", "RAID 0/1/5/10; RAID 6 — с опциональным контроллером MR416i")]),
        product("UPS-1", "ИБП", [("Интерфейсы", "USB, RS-232; SNMP-карта приобретается отдельно")]),
        product("SRV-O", "Сервер", [("Уровни RAID", "опционально, по заказу")]),
    )
}
VOCAB = SpecVocabulary(CARDS.values())


def decide(sku: str, name: str, *values: str) -> str:
    ch = Characteristic(name=name, kind="values", values=list(values))
    (req,) = item_requirements(Item(index=1, name="Оборудование", characteristics=[ch]))
    return check(req, CARDS[sku], VOCAB).status


def test_optional_clause_proves_nothing():
    assert decide("SRV-B", "Уровни RAID", "RAID 6") == "unknown"
    assert decide("UPS-1", "Интерфейсы", "SNMP") != "yes"
    assert decide("SRV-O", "Уровни RAID", "RAID 1") != "yes"


def test_clauses_the_product_has_still_decide():
    assert decide("SRV-B", "Уровни RAID", "RAID 5") == "yes"
    assert decide("UPS-1", "Интерфейсы", "USB", "RS-232") == "yes"
