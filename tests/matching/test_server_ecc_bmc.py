"""A server's «Поддержка коррекции ошибок оперативной памяти (ECC)» is ECC, which a card writes as «ECC» in its
memory spec; a management controller is a BMC under its vendors' names too (iDRAC, iLO, XClarity, iRMC: synonyms.json
groups «ecc», «bmc»; issue 15, dev4 104/1). Traps: memory said to be without ECC («non-ECC», «без ECC») never proves
it. Hand-made cards."""

from __future__ import annotations

from matching.cards import product_card
from matching.compliance import check
from matching.namegrammar import item_requirements
from matching.specmatch import SpecVocabulary
from store.schema import Characteristic, Item
from tests.matching.conftest import product

ECC = product("SR-1", "Сервер 1U", [("Оперативная память", "128 ГБ (8 × 16 ГБ DDR4-3200 RDIMM ECC)")])
NON_ECC = product("SR-2", "Сервер башенный", [("Оперативная память", "64 ГБ DDR5 (non-ECC)")])
WITHOUT = product("SR-3", "Сервер башенный", [("Оперативная память", "16 ГБ DDR4 без ECC")])
IDRAC = product("SR-4", "Сервер 2U", [("Управление", "iDRAC9 Enterprise, выделенный порт")])
CARDS = {p.sku: product_card(p) for p in (ECC, NON_ECC, WITHOUT, IDRAC)}
VOCAB = SpecVocabulary(CARDS.values())
ECC_NAME = "Поддержка коррекции ошибок оперативной памяти (ECC)"


def decide(sku: str, name: str) -> str:
    ch = Characteristic(name=name, kind="values", values=["Да"])
    (req,) = item_requirements(Item(index=1, name="Сервер", characteristics=[ch]))
    return check(req, CARDS[sku], VOCAB).status


def test_ecc_named_in_the_memory_spec():
    assert decide("SR-1", ECC_NAME) == "yes"
    assert decide("SR-1", "Поддержка ECC") == "yes"


def test_memory_without_ecc_proves_nothing():
    assert decide("SR-2", ECC_NAME) != "yes"
    assert decide("SR-3", ECC_NAME) != "yes"
    assert decide("SR-3", "Поддержка ECC") != "yes"  # «без ECC» said the other way round


def test_a_vendors_controller_is_a_bmc():
    assert decide("SR-4", "Наличие BMC") == "yes"
