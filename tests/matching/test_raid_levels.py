"""«Поддерживаемые уровни RAID» / «Поддержка уровней RAID» are the card's «RAID» or «RAID-контроллер» list: «уровень
RAID» is paraphrased to «RAID» (alignment.json paraphrases), so the levels are decided on the listed ones (issue 15:
dev 112/2, 305/2, dev2 118/1, dev3 114/1, dev4 105/1, 111/1 were «не уверены … 0.55»). Trap: a list lacking an
asked level fails; RAID named on the card is not every level. Hand-made cards."""

from __future__ import annotations

from matching.cards import product_card
from matching.compliance import check
from matching.namegrammar import item_requirements
from matching.specmatch import SpecVocabulary
from store.schema import Characteristic, Item
from tests.matching.conftest import product

NAS = product("NAS-2", "Сетевое хранилище", [("Количество отсеков", "2", "шт"), ("RAID", "0, 1, JBOD")])
SERVER = product("SR-1", "Сервер 1U", [("RAID-контроллер", "аппаратный, RAID 0/1/5/10, кэш 2 ГБ")])
CARDS = {p.sku: product_card(p) for p in (NAS, SERVER)}
VOCAB = SpecVocabulary(CARDS.values())


def decide(sku: str, name: str, levels: list[str]) -> str:
    ch = Characteristic(name=name, kind="values", values=levels)
    (req,) = item_requirements(Item(index=1, name="Сервер", characteristics=[ch]))
    return check(req, CARDS[sku], VOCAB).status


def test_levels_in_the_cards_raid_list():
    assert decide("NAS-2", "Поддерживаемые уровни RAID", ["0", "1"]) == "yes"
    assert decide("SR-1", "Поддерживаемые уровни RAID", ["0", "1", "5", "10"]) == "yes"
    assert decide("SR-1", "Поддержка уровней RAID", ["1", "5"]) == "yes"


def test_a_level_missing_from_the_list_fails():
    assert decide("NAS-2", "Поддерживаемые уровни RAID", ["0", "1", "5", "10"]) == "no"
    assert decide("SR-1", "Поддерживаемые уровни RAID", ["5", "6"]) != "yes"
