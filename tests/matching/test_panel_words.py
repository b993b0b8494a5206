"""Interactive panels' characteristics in the words notices use (`alignment.json` paraphrases for every type):
«Количество (точек) одновременных касаний» is the card's «Точек касания», «Формат разрешения» its «Разрешение»,
«Наличие слота для встраиваемого компьютера формата OPS» its «Слот OPS»."""

from __future__ import annotations

from matching.requirements import from_characteristic
from store.schema import Characteristic
from tests.matching.conftest import Shelf, product

PANEL = product(
    "IP-75", "Интерактивная панель 75\" 4K",
    [("Разрешение", "3840 × 2160 (4K UHD)"), ("Точек касания", "20"), ("Слот OPS", "есть"), ("Яркость", 400, "кд/м²")],
)  # fmt: skip
BASIC = product(
    "IP-65F", "Интерактивная панель 65\" Full HD",
    [("Разрешение", "1920 × 1080 (Full HD)"), ("Точек касания", "10"), ("Слот OPS", "нет"), ("Яркость", 350, "кд/м²")],
)  # fmt: skip
SHELF = Shelf(PANEL, BASIC)


def asked(name: str, **kw):
    (req,) = from_characteristic(Characteristic(name=name, **kw))
    return req


TOUCHES = asked("Количество одновременных касаний", kind="range", min="20", unit="Штука")
RESOLUTION = asked("Формат разрешения", kind="values", values=["4K UHD"])
OPS = asked("Наличие слота для встраиваемого компьютера формата OPS", kind="values", values=["Наличие"])


def test_a_panel_stating_them_meets_them():
    assert [SHELF.decide(r, PANEL) for r in (TOUCHES, RESOLUTION, OPS)] == ["yes", "yes", "yes"]


def test_a_panel_stating_less_fails_them():
    assert [SHELF.decide(r, BASIC) for r in (TOUCHES, RESOLUTION, OPS)] == ["no", "no", "no"]
