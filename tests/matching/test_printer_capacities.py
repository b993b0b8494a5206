"""Printer and MFP wordings of KTRU against short card names (issue 15, dev4 106/1, 109/1, 122/1):
«Максимальная месячная нагрузка» is the card's «Месячная нагрузка» (a duty is a maximum by nature: alignment.json
limits), «Количество листов в устройстве автоподачи» its «Автоподатчик» («Автоподатчик» and «Устройство
автоподачи» are one name: alignment.json paraphrases). Traps: a recommended monthly volume is no maximum; a feeder
holding fewer sheets fails. Hand-made cards."""

from __future__ import annotations

from matching.cards import product_card
from matching.compliance import check
from matching.namegrammar import item_requirements
from matching.specmatch import SpecVocabulary
from store.schema import Characteristic, Item
from tests.matching.conftest import product

PRINTER = product("PR-1", "Принтер лазерный", [
    ("Месячная нагрузка", "80000", "стр"), ("Лоток", "250", "лист"),
])
ADVISED = product("PR-2", "Принтер лазерный", [("Рекомендуемая месячная нагрузка", "5000", "стр")])
MFP = product("MF-1", "МФУ цветное", [
    ("Скорость ч/б печати", "27", "стр/мин"), ("Скорость цветной печати", "20", "стр/мин"),
    ("Автоподатчик", "50 листов, реверсивный"),
])
CARDS = {p.sku: product_card(p) for p in (PRINTER, ADVISED, MFP)}
VOCAB = SpecVocabulary(CARDS.values())


def decide(sku: str, name: str, least: str, unit: str | None = None) -> str:
    ch = Characteristic(name=name, kind="range", min=least, unit=unit)
    (req,) = item_requirements(Item(index=1, name="МФУ", characteristics=[ch]))
    return check(req, CARDS[sku], VOCAB).status


def test_the_monthly_duty_is_a_maximum():
    assert decide("PR-1", "Максимальная месячная нагрузка, стр", "50000") == "yes"
    assert decide("PR-1", "Максимальная месячная нагрузка, стр", "100000") == "no"


def test_a_recommended_volume_is_no_maximum():
    assert decide("PR-2", "Максимальная месячная нагрузка, стр", "3000") == "unknown"


def test_tray_and_feeder_capacities():
    # «Лоток» for «Емкость лотка подачи бумаги» is no longer assumed: cards naming «Лоток подачи бумаги» beside
    # «Лоток ручной подачи», or «Подача бумаги: лоток 250 листов + многоцелевой лоток 100 листов» (dev6), read wrong.
    assert decide("PR-1", "Емкость лотка подачи бумаги", "150", "лист") != "no"
    assert decide("MF-1", "Количество листов в устройстве автоподачи", "50", "лист") == "yes"
    assert decide("MF-1", "Количество листов в устройстве автоподачи", "100", "лист") == "no"

