"""A web camera is a type of its own, not a video camera ("Веб-камера" against an IP camera, issue 15: a type gate
must never let a product of another type be "yes"). Hand-made products."""

from __future__ import annotations

from matching.cards import product_card
from matching.engine import Matcher
from matching.normalise import tokens
from matching.typegate import line_types, other_type, product_types
from store.schema import NoticeRecord
from tests.matching.conftest import product

WEBCAM = product(
    "WC-1", "Веб-камера Full HD с микрофоном", [("Разрешение", "1920x1080"), ("Микрофон", "встроенный")],
    category="Веб-камеры", okpd2="26.20.16.190",
)  # fmt: skip
IPCAM = product(
    "IPC-1", "IP-камера купольная 2 Мп", [("Разрешение", "1920x1080"), ("Микрофон", "встроенный")],
    category="IP-камеры видеонаблюдения", okpd2="26.20.16.190",
)  # fmt: skip


def test_the_spellings_of_a_web_camera_are_one_type():
    for name in ("Веб-камера", "Веб камера", "Вебкамера", "Web-камера"):
        assert line_types(name) == frozenset({"вебкамера"}), name
    assert line_types("Видеокамера IP") == frozenset({"видеокамера"})


def test_an_ip_camera_is_another_type_than_a_web_camera():
    ip_card, web_card = product_card(IPCAM), product_card(WEBCAM)
    wanted = line_types("Веб-камера")
    assert other_type(wanted, (), ip_card, product_types(ip_card)) is not None
    assert other_type(wanted, (), web_card, product_types(web_card)) is None
    assert other_type(line_types("Видеокамера IP"), (), web_card, product_types(web_card)) is not None


def test_a_laptops_web_camera_keeps_its_words():
    # "Разрешение веб-камеры" names another part than the screen's "Разрешение" (a component noun).
    assert tokens("Разрешение веб-камеры") == ("разрешение", "вебкамера")


def test_no_ip_camera_is_yes_for_a_web_camera_line():
    line = {
        "index": 1, "quantity": "1", "name": "Веб-камера", "okpd2": "26.20.16.190",
        "characteristics": [
            {"name": "Разрешение видео", "kind": "text", "text": "1920x1080"},
            {"name": "Наличие встроенного микрофона", "kind": "values", "values": ["Да"]},
        ],
    }  # fmt: skip
    result = Matcher([WEBCAM, IPCAM]).match_notice(NoticeRecord(source="test", number="W1", items=[line]))
    verdicts = {c.sku: c.compliant for c in result.items[0].candidates}
    assert verdicts.get("IPC-1") in (None, "no")
    assert verdicts["WC-1"] != "no"
