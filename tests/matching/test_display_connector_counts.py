"""A laptop's KTRU count «Количество входных видео разъемов HDMI» counts its HDMI connectors: «входных видео» pick
no kind (ports.json display_fillers), a spec «Выход HDMI: 1 шт» states one, and a bare «HDMI 1.4b» in an interface
list is one connector for a count met (issue 15, dev2 101/1, dev4 101/1). Traps: DisplayPort carried by USB-C is no
DisplayPort connector, a bare connector proves no second one (never «no» either), another connector never counts;
an adapter, a cable in the box or a graphics chip's «поддержка HDMI» is no connector. Hand-made cards."""

from __future__ import annotations

from matching.cards import product_card
from matching.compliance import check
from matching.namegrammar import item_requirements
from matching.specmatch import SpecVocabulary
from store.schema import Characteristic, Item
from tests.matching.conftest import product

LISTED = product("NB-1", "Ноутбук", [
    ("Порты", "2 × USB 3.2 Gen 1 Type-A, 1 × USB-C (DisplayPort, Power Delivery), HDMI 1.4b, RJ-45 (1 Гбит/с)"),
])
OUTPUT = product("NB-2", "Ноутбук", [("Выход HDMI", "1", "шт"), ("Порты USB 2.0", "1", "шт")])
DP_ONLY = product("NB-3", "Ноутбук", [("Выход DisplayPort", "1", "шт")])
ACCESSORY = product("NB-4", "Ноутбук", [
    ("Порты", "2 × USB-C (Thunderbolt 4), HDMI через адаптер USB-C (в комплекте)"),
    ("Видеокарта", "Intel Iris Xe (поддержка HDMI 2.0, DisplayPort 1.4)"),
    ("Комплект поставки", "блок питания, кабель HDMI"),
])
CARDS = {p.sku: product_card(p) for p in (LISTED, OUTPUT, DP_ONLY, ACCESSORY)}
VOCAB = SpecVocabulary(CARDS.values())


def decide(sku: str, name: str, least: str) -> str:
    ch = Characteristic(name=name, kind="range", min=least, unit="шт")
    (req,) = item_requirements(Item(index=1, name="Ноутбук", characteristics=[ch]))
    return check(req, CARDS[sku], VOCAB).status


def test_hdmi_counted_in_a_list_and_by_an_output_spec():
    assert decide("NB-1", "Количество входных видео разъемов HDMI", "1") == "yes"
    assert decide("NB-2", "Количество входных видео разъемов HDMI", "1") == "yes"
    assert decide("NB-2", "Количество разъемов HDMI", "1") == "yes"


def test_a_bare_connector_is_one_and_proves_no_more():
    assert decide("NB-1", "Количество входных видео разъемов HDMI", "2") == "unknown"


def test_an_accessory_or_a_chip_is_no_connector():
    """Traps (session 12 review): an HDMI adapter or cable and a graphics chip's «поддержка HDMI» are no HDMI
    connector of the laptop."""
    assert decide("NB-4", "Количество входных видео разъемов HDMI", "1") != "yes"
    assert decide("NB-4", "Количество разъемов HDMI", "1") != "yes"


def test_usb_c_video_and_other_connectors_do_not_count():
    assert decide("NB-1", "Количество разъемов DisplayPort", "1") != "yes"
    assert decide("NB-3", "Количество входных видео разъемов HDMI", "1") != "yes"
