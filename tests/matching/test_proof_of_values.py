"""Values that share words or numbers but are not the value asked (issue 15: a "yes" needs strong evidence).
Hand-made cards; each test failed before its fix."""

from __future__ import annotations

from matching.cards import product_card
from matching.compliance import check
from matching.requirements import from_characteristic
from matching.specmatch import SpecVocabulary
from store.schema import Characteristic
from tests.matching.conftest import product

LAPTOP = product("NB-2", "Ноутбук", [("Память", "DDR5 16 ГБ"), ("Разрешение", "2560x1080")])
CORD = product("PC-1", "Патч-корд", [("Экранирование", "F/UTP"), ("Длина", 2, "м")])
PRINTER = product("PR-4", "Принтер", [("Разрешение печати", "2400x600 dpi")])
CARDS = {p.sku: product_card(p) for p in (LAPTOP, CORD, PRINTER)}
VOCAB = SpecVocabulary(CARDS.values())


def decide(sku: str, ch: Characteristic) -> str:
    (req,) = from_characteristic(ch)
    return check(req, CARDS[sku], VOCAB).status


def test_a_part_of_the_product_named_beyond_the_spec_name_is_another_thing():
    video = Characteristic(name="Объем памяти видеокарты", kind="range", min="2", min_inclusive=True, unit="ГБ")
    assert decide("NB-2", video) == "unknown"  # 16 ГБ of main memory say nothing of the video memory


def test_a_screening_code_is_not_matched_by_the_words_it_shares():
    assert decide("PC-1", Characteristic(name="Тип экранирования", kind="values", values=["U/UTP"])) == "no"
    assert decide("PC-1", Characteristic(name="Тип экранирования", kind="values", values=["F/UTP"])) == "yes"


def test_resolutions_are_compared_side_by_side():
    at_least = Characteristic(name="Разрешение печати", kind="text", text="не менее 1200 x 1200 dpi")
    assert decide("PR-4", at_least) == "no"  # as many dots as 1200x1200, but 600 vertically
    exact = Characteristic(name="Разрешение печати", kind="values", values=["1200x1200 dpi"])
    assert decide("PR-4", exact) == "no"
    assert decide("NB-2", Characteristic(name="Разрешение", kind="text", text="не менее 1920x1200")) == "no"
    assert decide("NB-2", Characteristic(name="Разрешение", kind="text", text="не менее 1920x1080")) == "yes"


def test_a_number_in_a_presence_name_is_not_found_elsewhere_on_the_card():
    nas = product_card(product("NAS-2", "Сетевое хранилище", [("Уровни RAID", "0, 1, 10"), ("Вес", 5, "кг")]))
    vocab = SpecVocabulary([nas])
    (req,) = from_characteristic(Characteristic(name="Поддержка RAID 5", kind="values", values=["Да"]))
    assert check(req, nas, vocab).status != "yes"  # the 5 of "Вес: 5 кг" proved RAID 5


def test_a_value_with_a_number_is_said_by_one_spec_not_pieced_together():
    nas = product_card(product("NAS-3", "Сетевое хранилище", [("Уровни RAID", "0, 1"), ("Вес", 6, "кг")]))
    vocab = SpecVocabulary([nas])
    (req,) = from_characteristic(Characteristic(name="Массивы дисков", kind="values", values=["RAID 6"]))
    assert check(req, nas, vocab).status != "yes"  # "RAID" from one spec, "6" from "Вес: 6 кг"


def test_a_fuzzy_match_is_a_typo_never_another_number():
    ap = product("AP-X", "Точка доступа", [("Стандарт Wi-Fi", "802.11ax"), ("Монтаж", "потолочный")])
    cards = {ap.sku: product_card(ap)}
    vocab = SpecVocabulary(cards.values())

    def status(name: str, value: str) -> str:
        (req,) = from_characteristic(Characteristic(name=name, kind="values", values=[value]))
        return check(req, cards[ap.sku], vocab).status

    # «Wi-Fi 7» (802.11be) reads "wlan7 wlan", 90 % like the card's "wlan6 wlan": another standard, not a typo.
    assert status("Стандарт Wi-Fi", "Wi-Fi 7") != "yes"
    assert status("Стандарт Wi-Fi", "Wi-Fi 6") == "yes"
