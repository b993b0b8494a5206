"""A limit the requirement's name asks («Поддерживаемая предельная плотность бумаги») stated by a spec of the plain
name as a range («Плотность бумаги: 52–300 г/м²»): its upper end is the limit, its lower end the minimum (dev2: «без
уточнения «предельный»»). A single value states no limit: the installed memory is no maximum memory."""

from __future__ import annotations

from matching.requirements import from_characteristic
from store.schema import Characteristic
from tests.matching.conftest import Shelf, product

MFP = product("MFP-1", "МФУ A3", [("Плотность бумаги", "52–300 г/м²"), ("Формат", "A3")])
UP_TO = product("MFP-2", "МФУ A4", [("Плотность бумаги", "до 220 г/м²"), ("Формат", "A4")])
SERVER = product("SRV-1", "Сервер 1U", [("Оперативная память", 128, "ГБ"), ("Процессор", "Intel Xeon Silver 4310")])
SHELF = Shelf(MFP, UP_TO, SERVER)


def decide(card, name: str, unit: str, **bounds: str) -> str:
    (req,) = from_characteristic(Characteristic(name=name, kind="range", unit=unit, **bounds))
    return SHELF.decide(req, card)


def test_a_range_states_its_limits():
    assert decide(MFP, "Поддерживаемая предельная плотность бумаги", "г/м2", min="250") == "yes"
    assert decide(MFP, "Максимальная плотность бумаги", "г/м2", min="350") == "no"
    assert decide(MFP, "Минимальная плотность бумаги", "г/м2", max="60") == "yes"
    assert decide(UP_TO, "Максимальная плотность бумаги", "г/м2", min="200") == "yes"


def test_a_single_value_or_the_wrong_side_states_no_limit():
    assert decide(SERVER, "Максимальный объем оперативной памяти", "ГБ", min="64") == "unknown"
    assert decide(UP_TO, "Минимальная плотность бумаги", "г/м2", max="60") == "unknown"
