"""An all-in-one's «Разрешение экрана» / «Тип матрицы экрана» are its card's «Разрешение» / «Матрица» (its only
screen, as a monitor's: alignment.json paraphrases of «моноблок»); its web camera's resolution never answers.
Hand-made cards."""

from __future__ import annotations

from matching.namegrammar import item_requirements
from store.schema import Characteristic, Item
from tests.matching.conftest import Shelf, product

IPS = product("AIO-24", 'Моноблок 23,8"', [("Разрешение", "1920x1080"), ("Матрица", "IPS, антибликовое покрытие")])
VA = product("AIO-27", 'Моноблок 27"', [("Разрешение", "2560x1440"), ("Матрица", "VA")])
CAMERA_ONLY = product("AIO-C", 'Моноблок 21,5"', [("Разрешение веб-камеры", "1920x1080"), ("Матрица", "IPS")])
SHELF = Shelf(IPS, VA, CAMERA_ONLY)


def decide(line: str, name: str, value: str, card) -> str:
    kind = {"kind": "text", "text": value} if value.startswith("не ") else {"kind": "values", "values": [value]}
    (req,) = item_requirements(Item(index=1, name=line, characteristics=[Characteristic(name=name, **kind)]))
    return SHELF.decide(req, card)


def test_the_screen_of_an_all_in_one_is_its_only_one():
    assert decide("Моноблок", "Тип матрицы экрана", "IPS", IPS) == "yes"
    assert decide("Моноблок", "Разрешение экрана", "не менее 1920x1080", IPS) == "yes"
    assert decide("Моноблок", "Тип матрицы экрана", "IPS", VA) == "no"


def test_a_web_camera_resolution_never_answers():
    assert decide("Моноблок", "Разрешение экрана", "не менее 1920x1080", CAMERA_ONLY) != "yes"
