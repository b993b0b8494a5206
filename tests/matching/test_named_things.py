"""A characteristic name equal to a spec name once measure and connector words are dropped is that spec
("Количество портов HDMI" → "HDMI", "Объем оперативной памяти" → "Оперативная память") when the spec's value can
be that measure; any other word left (a version, a cache, a maximum) keeps the ordinary, unsure alignment.
Hand-made cards."""

from __future__ import annotations

from matching.cards import product_card, spec_card
from matching.compliance import check
from matching.namegrammar import name_requirements
from matching.ranges import check_range
from matching.requirements import from_characteristic
from matching.specmatch import SpecVocabulary
from store.schema import Characteristic, ProductSpec
from tests.matching.conftest import product

MONITOR = product("MN-1", "Монитор 27\"", [("HDMI", 2, "шт"), ("DisplayPort", 1, "шт"), ("Диагональ", 27, "дюйм")])
NO_DP = product("MN-2", "Монитор 24\"", [("HDMI", 1, "шт"), ("DisplayPort", 0, "шт"), ("Диагональ", 24, "дюйм")])
LAPTOP = product("NB-1", "Ноутбук 14\"", [("Оперативная память", 16, "ГБ"), ("SSD", 512, "ГБ"), ("Вес", 1.4, "кг")])
SERVER = product(
    "SRV-1", "Сервер 1U", [("Оперативная память", 64, "ГБ"), ("Максимальный объем оперативной памяти", 1024, "ГБ")]
)
VERSIONED = product("MN-3", "Монитор 24\"", [("HDMI", "2.0"), ("DisplayPort", "1.4"), ("Диагональ", 24, "дюйм")])
WORDED = product(
    "SRV-2", "Сервер 2U",
    [("Процессор", "Intel Xeon Silver 4310"), ("PoE", "PoE+ (802.3at)"), ("Оперативная память", 128, "ГБ")],
)  # fmt: skip
CARDS = {p.sku: product_card(p) for p in (MONITOR, NO_DP, LAPTOP, SERVER, VERSIONED, WORDED)}
VOCAB = SpecVocabulary(CARDS.values())


def decide(card, name: str, *values: str, unit: str | None = None, **bounds: str) -> str:
    kind = "range" if bounds else "values"
    ch = Characteristic(name=name, kind=kind, unit=unit, values=list(values), **bounds)
    (req,) = from_characteristic(ch)
    return check(req, CARDS[card.sku], VOCAB).status


def test_a_count_of_ports_of_a_kind_is_the_spec_named_by_the_kind():
    assert decide(MONITOR, "Количество портов HDMI", unit="шт", min="2") == "yes"
    assert decide(NO_DP, "Количество портов HDMI", unit="шт", min="2") == "no"
    assert decide(MONITOR, "Наличие разъема DisplayPort", "Да") == "yes"
    # A version the card does not give keeps the count undecided.
    assert decide(MONITOR, "Количество портов HDMI версии 2.1", unit="шт", min="1") == "unknown"


def test_a_volume_of_memory_or_storage_is_the_cards_memory_or_storage():
    assert decide(LAPTOP, "Объем оперативной памяти", unit="ГБ", min="16") == "yes"
    assert decide(LAPTOP, "Обьем SSD", unit="ГБ", min="512") == "yes"  # a typo of «Объем»
    assert decide(LAPTOP, "Общий объем накопителей SSD", unit="ГБ", min="1024") == "no"


def test_a_cache_or_a_maximum_is_not_the_installed_memory():
    assert decide(LAPTOP, "Объем кэш-памяти процессора", unit="МБ", min="12") != "yes"
    assert decide(LAPTOP, "Максимальный объем оперативной памяти", unit="ГБ", min="8") == "unknown"
    # The installed memory is the card's own «Оперативная память», not its maximum.
    assert decide(SERVER, "Общий объем установленной оперативной памяти", unit="ГБ", min="128") == "no"
    assert decide(SERVER, "Общий объем установленной оперативной памяти", unit="ГБ", min="64") == "yes"


def test_a_version_is_not_a_count_of_ports():
    # «HDMI: 2.0» gives the version: it proves a port exists, not how many.
    assert decide(VERSIONED, "Количество портов HDMI", unit="шт", min="2") == "unknown"
    assert decide(VERSIONED, "Наличие разъема DisplayPort", "Да") == "yes"
    # Whatever aligns a count to it, the version is no count.
    (req,) = from_characteristic(Characteristic(name="Количество портов HDMI", kind="range", unit="шт", min="2"))
    assert check_range(req, spec_card(ProductSpec(name="HDMI", value="2.0")))[0] == "unknown"
    assert check_range(req, spec_card(ProductSpec(name="HDMI", value="2", unit="шт")))[0] == "yes"


def test_a_number_inside_words_is_no_count():
    # «Intel Xeon Silver 4310» names a model, not 4310 processors; «802.3at» a standard, not 802 PoE ports.
    assert decide(WORDED, "Количество процессоров", unit="шт", min="2") == "unknown"
    assert decide(WORDED, "Количество портов PoE", unit="шт", min="24") == "unknown"
    assert decide(WORDED, "Наличие PoE", "Да") == "yes"
    # The same count written in a line name.
    (req,) = [r for r in name_requirements("Сервер 2U, два процессора") if r.name.startswith("два процессора")]
    assert check(req, CARDS[WORDED.sku], VOCAB).status == "unknown"
