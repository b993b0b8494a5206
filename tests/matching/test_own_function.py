"""The only function of a product type names no other part: a web camera's «Разрешение видео» and a scanner's
«Разрешение сканирования» are the card's «Разрешение» (issue 15: left "unknown" on every such card). A type doing
several things (an MFU) keeps the word, and another value of the product («Разрешение фото») proves nothing.
Hand-made cards."""

from __future__ import annotations

from matching.cards import product_card
from matching.compliance import check
from matching.namegrammar import item_requirements
from matching.specmatch import SpecVocabulary
from store.schema import Characteristic, Item
from tests.matching.conftest import product

WEBCAM = product("WC-4K", "Веб-камера 4K", [("Разрешение", "3840x2160"), ("Микрофон", "да")], category="Веб-камеры")
WEBCAM_HD = product("WC-HD", "Веб-камера HD", [("Разрешение", "1280x720"), ("Микрофон", "да")], category="Веб-камеры")
PHOTO = product(
    "WC-PH", "Веб-камера", [("Разрешение фото", "3840x2160"), ("Микрофон", "да")], category="Веб-камеры"
)  # fmt: skip
SCANNER = product(
    "SC-1", "Сканер планшетный A4",
    [("Оптическое разрешение", "1200x2400 dpi"), ("Скорость сканирования", 20, "стр/мин")], category="Сканеры",
)  # fmt: skip
MFP = product(
    "MFP-1", "МФУ лазерное A4", [("Разрешение печати", "1200x1200 dpi"), ("Скорость печати", 30, "стр/мин")],
    category="МФУ",
)  # fmt: skip
CARDS = {p.sku: product_card(p) for p in (WEBCAM, WEBCAM_HD, PHOTO, SCANNER, MFP)}
VOCAB = SpecVocabulary(CARDS.values())


def decide(card, line: str, name: str, text: str | None = None, **bounds: str) -> str:
    kind = "text" if text else "range"
    ch = Characteristic(name=name, kind=kind, text=text, **bounds)
    (req,) = [r for r in item_requirements(Item(index=1, name=line, characteristics=[ch])) if r.source != "name"]
    return check(req, CARDS[card.sku], VOCAB).status


def test_a_web_cameras_video_resolution_is_its_resolution():
    assert decide(WEBCAM, "Веб-камера", "Разрешение видео", "не менее 1920x1080") == "yes"
    assert decide(WEBCAM_HD, "Веб-камера", "Разрешение видео", "не менее 1920x1080") == "no"


def test_a_scanners_scanning_resolution_is_its_resolution():
    assert decide(SCANNER, "Сканер", "Оптическое разрешение сканирования", "не менее 1200x1200 dpi") == "yes"
    assert decide(SCANNER, "Сканер", "Скорость сканирования", min="30", unit="стр/мин") == "no"


def test_another_value_of_the_product_proves_nothing():
    assert decide(PHOTO, "Веб-камера", "Разрешение видео", "не менее 1920x1080") != "yes"


def test_a_product_doing_several_things_keeps_the_word():
    # An MFU's printing resolution is no scanning resolution.
    assert decide(MFP, "МФУ", "Разрешение сканирования", "не менее 600x600 dpi") != "yes"
    assert decide(MFP, "МФУ", "Скорость сканирования", min="20", unit="стр/мин") != "yes"


PROJECTOR = product("PJ-1", "Проектор DLP Full HD", [("Разрешение", "1920x1080"), ("Максимальное входное разрешение",
                    "3840x2160"), ("Яркость", 4000, "лм")], category="Проекторы")  # fmt: skip
INPUT_ONLY = product(
    "PJ-2", "Проектор с поддержкой 4K", [("Максимальное разрешение", "3840x2160")], category="Проекторы"
)
MORE = {p.sku: product_card(p) for p in (PROJECTOR, INPUT_ONLY)}
MORE_VOCAB = SpecVocabulary(MORE.values())


def test_a_native_resolution_is_the_cards_resolution_not_its_maximum():
    def native(card, text: str) -> str:
        item = Item(index=1, name="Проектор", characteristics=[
            Characteristic(name="Собственное разрешение", kind="text", text=text)])  # fmt: skip
        (req,) = item_requirements(item)
        return check(req, MORE[card.sku], MORE_VOCAB).status

    assert native(PROJECTOR, "не менее 1920x1080") == "yes"
    assert native(PROJECTOR, "не менее 3840x2160") == "no"
    # The maximum (input) resolution is another value: a 4K input proves no 4K native resolution.
    assert native(INPUT_ONLY, "не менее 3840x2160") == "unknown"


def test_a_category_naming_several_types_keeps_the_word():
    from matching.alignment import own_function

    assert own_function({"сканер"}) == frozenset({"сканирование"})
    # "Сканеры и МФУ": the product may be an MFU, whose scanning speed is not its only speed.
    assert own_function({"сканер", "мфу"}) == frozenset()
    shared = product_card(product(
        "MFP-2", "МФУ лазерное A4", [("Скорость сканирования", 20, "стр/мин")], category="Сканеры и МФУ"))  # fmt: skip
    assert "сканирование" in shared.specs[0].tokens
