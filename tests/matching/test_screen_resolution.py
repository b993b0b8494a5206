"""A monitor's «Разрешение экрана» is its card's «Разрешение» (a paraphrase of the monitor type only); the
resolution of another part (a web camera) proves nothing of the screen's. Hand-made cards."""

from __future__ import annotations

from matching.cards import product_card
from matching.compliance import check
from matching.namegrammar import item_requirements
from matching.specmatch import SpecVocabulary
from store.schema import Characteristic, Item
from tests.matching.conftest import product

MONITOR = product("MN-4K", "Монитор 27\" IPS 4K", [("Разрешение", "3840x2160"), ("Диагональ", 27, "дюйм")])
CAMERA_ONLY = product(
    "MN-CAM", "Монитор 24\" с веб-камерой", [("Разрешение веб-камеры", "1920x1080"), ("Диагональ", 24, "дюйм")]
)
CAMERA = product("WC-1", "Веб-камера", [("Разрешение", "1920x1080"), ("Микрофон", "да")])
CARDS = {p.sku: product_card(p) for p in (MONITOR, CAMERA_ONLY, CAMERA)}
VOCAB = SpecVocabulary(CARDS.values())


def decide_in_line(card, line_name: str, name: str, text: str) -> str:
    """A text characteristic decided as a line of that name aligns it (with its product type's paraphrases)."""
    item = Item(index=1, name=line_name, characteristics=[Characteristic(name=name, kind="text", text=text)])
    (req,) = [r for r in item_requirements(item) if r.source == "text"]
    return check(req, CARDS[card.sku], VOCAB).status


def test_a_monitors_screen_resolution_is_its_cards_resolution():
    assert decide_in_line(MONITOR, "Монитор", "Разрешение экрана", "не менее 2560x1440") == "yes"
    assert decide_in_line(MONITOR, "Монитор", "Разрешение матрицы", "не менее 3840x2160") == "yes"
    assert decide_in_line(MONITOR, "Монитор", "Разрешение экрана", "не менее 5120x2880") == "no"


def test_another_parts_resolution_is_not_the_screens():
    assert decide_in_line(MONITOR, "Монитор", "Разрешение веб-камеры", "не менее 1920x1080") == "unknown"
    assert decide_in_line(CAMERA_ONLY, "Монитор", "Разрешение экрана", "не менее 1920x1080") != "yes"
    # Another type's line keeps its own words: a camera has no screen.
    assert decide_in_line(CAMERA, "Веб-камера", "Разрешение экрана", "не менее 1920x1080") != "yes"
