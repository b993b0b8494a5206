"""What a line's name says the product comes with («Ноутбук с сенсорным экраном», «Веб-камера с автофокусом»)
is a requirement the card must state (issue 15, dev cases 107/4 and 117/4): a touch screen was "yes" on every
laptop, the name's words unread. Hand-made cards."""

from __future__ import annotations

from matching.cards import product_card
from matching.compliance import check, overall
from matching.namegrammar import item_requirements, name_requirements
from matching.specmatch import SpecVocabulary
from store.schema import Characteristic, Item
from tests.matching.conftest import product

LAPTOP = product("NB-1", "Ноутбук 14\" IPS", [("Диагональ экрана", 14, "дюйм"), ("Оперативная память", 16, "ГБ")])
FOCUS = product("WC-1", "Веб-камера 4K", [("Разрешение", "3840x2160"), ("Автофокус", "да"), ("Микрофон", "встроенный")])
FIXED = product("WC-2", "Веб-камера Full HD", [("Разрешение", "1920x1080"), ("Автофокус", "нет")])
NAS = product("NAS-1", "Сетевое хранилище", [("Поддержка RAID", "0, 1, 5, 10"), ("Вес", 2, "кг")])
NAS_01 = product("NAS-2", "Сетевое хранилище", [("Поддержка RAID", "0, 1"), ("Вес", 5, "кг")])
CARDS = {p.sku: product_card(p) for p in (LAPTOP, FOCUS, FIXED, NAS, NAS_01)}
VOCAB = SpecVocabulary(CARDS.values())


def line(sku: str, name: str, chars: list[Characteristic] | None = None) -> str:
    item = Item(index=1, name=name, characteristics=chars or [])
    return overall([check(r, CARDS[sku], VOCAB) for r in item_requirements(item)])


DIAGONAL = [Characteristic(name="Диагональ экрана", kind="range", min="14", min_inclusive=True, unit="дюйм")]


def test_a_feature_the_card_does_not_state_keeps_the_line_from_yes():
    assert line("NB-1", "Ноутбук с сенсорным экраном", DIAGONAL) == "unknown"
    assert line("NB-1", "Ноутбук", DIAGONAL) == "yes"
    assert line("NB-1", "Ноутбук 14\"", DIAGONAL) == "yes"


def test_a_card_stating_the_feature_decides_it():
    assert line("WC-1", "Веб-камера с автофокусом") == "yes"
    assert line("WC-2", "Веб-камера с автофокусом") == "no"
    assert line("WC-1", "Веб-камера с микрофоном и автофокусом") == "yes"
    assert line("WC-2", "Веб-камера с микрофоном и автофокусом") == "no"


def test_a_code_with_its_number_is_said_by_one_spec():
    assert line("NAS-1", "Сетевое хранилище с RAID 5") == "yes"
    # Trap: RAID of one spec and the 5 of «Вес: 5 кг» do not say «RAID 5».
    assert line("NAS-2", "Сетевое хранилище с RAID 5") != "yes"


def test_services_and_features_read_elsewhere_add_nothing():
    assert line("NB-1", "Ноутбук с доставкой", DIAGONAL) == "yes"
    assert [r.name for r in name_requirements("Коммутатор с PoE")] == ["PoE (в наименовании)"]
