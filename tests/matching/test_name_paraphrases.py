"""KTRU names against distributors' shorter spec names (dev3: «не уверены, что … — та же характеристика»): a
paraphrase in ``alignment.json`` makes «Срок гарантии производителя» the card's «Гарантия», «Поддержка уровней
RAID» its «RAID», «Материал проводника» its «Проводник», «Поддерживаемые частотные диапазоны» its «Диапазоны»
(a value in GHz) and «Максимальное количество одновременно подключенных клиентов» its «Количество клиентов».
The value still decides: a value that fails stays «no» or «unknown», never «yes»."""

from __future__ import annotations

from matching.requirements import from_characteristic
from store.schema import Characteristic
from tests.matching.conftest import Shelf, product

AP = product(
    "AP-1",
    "Точка доступа Wi-Fi 6E",
    [("Количество клиентов", "до 1000"), ("Диапазоны", "2,4 ГГц, 5 ГГц, 6 ГГц"), ("Скорость", "2402 Мбит/с")],
)
SERVER = product(
    "SR-1",
    "Сервер 2U",
    [("RAID", "аппаратный RAID-контроллер, уровни 0/1/5/6/10/50/60"), ("Гарантия", "3 года (выезд на место, NBD)")],
)
SHORT = product("SR-2", "Сервер 1U", [("RAID", "программный, уровни 0/1"), ("Гарантия", "1 год")])
CORD = product("PC-1", "Патч-корд U/UTP кат. 5е, 1 м", [("Проводник", "многопроволочная медь, 26 AWG")])
CCA = product("PC-2", "Кабель витая пара U/UTP кат.5е CCA", [("Материал жилы", "CCA (алюминий, покрытый медью)")])
SHELF = Shelf(AP, SERVER, SHORT, CORD, CCA)


def decide(card, **asked) -> str:
    (req,) = from_characteristic(Characteristic(**asked))
    return SHELF.decide(req, card)


def test_a_manufacturers_warranty_in_years_is_the_cards_warranty():
    asked = {"name": "Срок гарантии производителя", "kind": "range", "min": "36", "unit": "мес."}
    assert decide(SERVER, **asked) == "yes"  # 3 года = 36 мес («года» is a unit)
    assert decide(SHORT, **asked) == "no"  # trap: 1 год < 36 мес
    # the text form «не менее 36 месяцев» reads «месяцев» as a unit: no false «no» on «3 года»
    assert decide(SERVER, name="Срок гарантии производителя", kind="text", text="не менее 36 месяцев") == "yes"
    assert decide(SHORT, name="Срок гарантии производителя", kind="text", text="не менее 36 месяцев") != "yes"


def test_raid_levels_are_the_cards_raid():
    assert decide(SERVER, name="Поддержка уровней RAID", kind="values", values=["0", "1", "5", "10"]) == "yes"
    assert decide(SHORT, name="Поддержка уровней RAID", kind="values", values=["5", "6"]) != "yes"  # trap


def test_conductor_material_is_the_cards_conductor():
    assert decide(CORD, name="Материал проводника", kind="values", values=["Медь"]) == "yes"
    assert decide(CORD, name="Материал проводника", kind="values", values=["Алюминий"]) != "yes"  # trap
    for name in ("Материал проводника", "Материал токопроводящей жилы"):
        assert decide(CORD, name=name, kind="values", values=["Медь"]) == "yes"
        assert decide(CCA, name=name, kind="values", values=["Медь"]) == "no"  # trap: copper-clad aluminium


def test_frequency_bands_and_clients_of_an_access_point():
    assert decide(AP, name="Поддерживаемые частотные диапазоны", kind="values", values=["2,4 ГГц", "5 ГГц"]) == "yes"
    assert decide(AP, name="Поддерживаемые частотные диапазоны", kind="values", values=["60 ГГц"]) != "yes"  # trap
    clients = {"name": "Максимальное количество одновременно подключенных клиентов", "kind": "range", "unit": "шт"}
    assert decide(AP, **clients, min="500") == "yes"
    assert decide(AP, **clients, min="2000") != "yes"  # trap: up to 1000
