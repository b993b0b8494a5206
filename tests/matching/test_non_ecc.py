"""Memory «без ECC» or «non-ECC» proves no ECC (issue 15, a false «yes» of main found by office16 and kept when that
branch was reverted): «Поддержка ECC: Да» was met by «16 ГБ DDR4 без ECC», the word ECC being on the card. A rewrite
reads the denial as one token («nonecc», `synonyms.json`). Traps: both denials; ECC memory still proves it, and a
board taking both («ECC/non-ECC») still names ECC. Hand-made cards."""

from __future__ import annotations

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
        product("S1", "Сервер 1U", [("Оперативная память", "16 ГБ DDR4 без ECC")]),
        product("S2", "Сервер 1U", [("Оперативная память", "16 ГБ DDR4 non-ECC UDIMM")]),
        product("S3", "Сервер 1U", [("Оперативная память", "32 ГБ DDR4 ECC RDIMM")]),
    )
}
VOCAB = SpecVocabulary(CARDS.values())


def decide(sku: str, name: str, value: str) -> str:
    ch = Characteristic(name=name, kind="values", values=[value])
    (req,) = item_requirements(Item(index=1, name="Сервер", characteristics=[ch]))
    return check(req, CARDS[sku], VOCAB).status


def test_denied_ecc_proves_no_ecc():
    for sku in ("S1", "S2"):
        assert decide(sku, "Поддержка ECC", "Да") != "yes", sku
        assert decide(sku, "Оперативная память с ECC", "Наличие") != "yes", sku


def test_ecc_memory_still_proves_it():
    assert decide("S3", "Поддержка ECC", "Да") == "yes"
    assert "ecc" in tokens("Поддержка памяти ECC/non-ECC")
