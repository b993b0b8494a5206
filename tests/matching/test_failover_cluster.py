"""«Поддержка работы в отказоустойчивом кластере» is the card's «Кластеризация» / «Отказоустойчивый кластер» /
«кластер Active-Passive» (synonyms group кластер; «работа в кластере» is the cluster); «Кластеризация: нет» fails
it, and a card naming no cluster (VRRP alone) proves nothing. Hand-made cards."""

from __future__ import annotations

from matching.requirements import from_characteristic
from store.schema import Characteristic
from tests.matching.conftest import Shelf, product

CLUSTER = product("FW-C", "Межсетевой экран", [("Кластеризация", "есть: Active-Passive и Active-Active, до 4 узлов"),
                                               ("Порты", "8 × GE")])  # fmt: skip
NO_CLUSTER = product("FW-N", "Межсетевой экран", [("Кластеризация", "нет (резервирование шлюза по VRRP)"),
                                                  ("Порты", "6 × GE")])  # fmt: skip
VRRP = product("FW-V", "Межсетевой экран", [("Резервирование", "VRRP"), ("Порты", "4 × GE")])
SHELF = Shelf(CLUSTER, NO_CLUSTER, VRRP)


def decide(card) -> str:
    (req,) = from_characteristic(
        Characteristic(name="Поддержка работы в отказоустойчивом кластере", kind="values", values=["Наличие"])
    )
    return SHELF.decide(req, card)


def test_clustering_is_the_failover_cluster():
    assert decide(CLUSTER) == "yes"
    assert decide(NO_CLUSTER) == "no"


def test_another_redundancy_proves_no_cluster():
    assert decide(VRRP) == "unknown"
