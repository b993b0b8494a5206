"""A qualifier the requirement's name adds to its spec's name must be stated by the card, or the spec's value
proves nothing (issue 15: a "yes" needs strong evidence). Hand-made cards; each guarded case was a "yes" before."""

from __future__ import annotations

from matching.cards import product_card
from matching.compliance import check
from matching.requirements import from_characteristic
from matching.specmatch import SpecVocabulary
from store.schema import Characteristic, Product
from tests.matching.conftest import product

LAPTOP = product("NB-1", "Ноутбук 14\"", [("Частота процессора", 4.6, "ГГц"), ("Оперативная память", 16, "ГБ")])
PRINTER = product("PR-1", "Принтер лазерный A4", [("Скорость печати", 40, "стр/мин"), ("Формат", "A4")])
COLOUR = product("PR-2", "Принтер A4", [("Скорость печати", 24, "стр/мин"), ("Цветность", "цветная")])
UPS = product("UPS-1", "ИБП 1500 ВА", [("Розетки", "IEC C13 × 4"), ("Полная мощность", 1500, "ВА")])
SERVER = product(
    "SRV-1", "Сервер 1U", [("Оперативная память", 64, "ГБ"), ("Максимальный объем оперативной памяти", 1024, "ГБ")]
)
ONLY_MAX = product("SRV-2", "Сервер 2U", [("Максимальный объем оперативной памяти", 1024, "ГБ")])
ALL = [LAPTOP, PRINTER, COLOUR, UPS, SERVER, ONLY_MAX]
CARDS = {p.sku: product_card(p) for p in ALL}
VOCAB = SpecVocabulary(CARDS.values())


def decide(card: Product, name: str, unit: str | None = None, **bounds: str) -> str:
    kind = "range" if bounds.keys() & {"min", "max"} else "values"
    ch = Characteristic(name=name, kind=kind, unit=unit, **bounds)
    (req,) = from_characteristic(ch)
    return check(req, CARDS[card.sku], VOCAB).status


def test_a_base_frequency_is_not_the_cards_unqualified_frequency():
    assert decide(LAPTOP, "Частота процессора базовая", "ГГц", min="2", min_inclusive=True) == "unknown"
    assert decide(LAPTOP, "Частота процессора", "ГГц", min="2", min_inclusive=True) == "yes"


def test_a_colour_speed_needs_a_card_stating_colour():
    assert decide(PRINTER, "Скорость цветной печати", "стр/мин", min="20", min_inclusive=True) == "unknown"
    assert decide(PRINTER, "Скорость печати", "стр/мин", min="20", min_inclusive=True) == "yes"
    # A card stating colour keeps the verdict of its speed.
    assert decide(COLOUR, "Скорость цветной печати", "стр/мин", min="30", min_inclusive=True) == "no"


def test_a_duplex_speed_is_not_the_print_speed():
    assert decide(PRINTER, "Скорость двусторонней печати", "стр/мин", min="30", min_inclusive=True) == "unknown"



def test_a_spec_adding_a_maximum_is_not_the_installed_value():
    assert decide(SERVER, "Объем установленной оперативной памяти", "ГБ", min="128", min_inclusive=True) != "yes"
    assert decide(ONLY_MAX, "Объем оперативной памяти", "ГБ", min="128", min_inclusive=True) == "unknown"
    assert decide(ONLY_MAX, "Максимальный объем оперативной памяти", "ГБ", min="128", min_inclusive=True) == "yes"


CAMERA_ONLY = product(
    "MN-CAM", "Монитор 24\" с веб-камерой", [("Разрешение веб-камеры", "1920x1080"), ("Диагональ", 24, "дюйм")]
)
PART_CARDS = {p.sku: product_card(p) for p in (CAMERA_ONLY, LAPTOP, PRINTER)}
PART_VOCAB = SpecVocabulary(PART_CARDS.values())


def test_a_spec_naming_another_part_proves_nothing_of_the_product():
    # «Разрешение веб-камеры» is the camera's: the product's own resolution is not stated.
    (req,) = from_characteristic(Characteristic(name="Разрешение", kind="text", text="не менее 1920x1080"))
    assert check(req, PART_CARDS[CAMERA_ONLY.sku], PART_VOCAB).status == "unknown"


SCANNER = product(
    "SC-1", "Сканер протяжный A4",
    [("Разрешение", "600x600 dpi"), ("Максимальное разрешение (интерполированное)", "1200x1200 dpi"),
     ("Формат", "A4")],
)  # fmt: skip
SCAN_CARDS = {p.sku: product_card(p) for p in (SCANNER, LAPTOP, PRINTER)}
SCAN_VOCAB = SpecVocabulary(SCAN_CARDS.values())


def test_a_bound_found_as_words_on_the_card_is_met_only_where_no_other_scope_says_them():
    def status(name: str, text: str) -> str:
        (req,) = from_characteristic(Characteristic(name=name, kind="text", text=text))
        return check(req, SCAN_CARDS[SCANNER.sku], SCAN_VOCAB).status

    # The interpolated maximum is not the optical resolution.
    assert status("Оптическое разрешение сканирования", "не менее 1200x1200 dpi") == "unknown"
    assert status("Оптическое разрешение сканирования", "не менее 600x600 dpi") != "no"
