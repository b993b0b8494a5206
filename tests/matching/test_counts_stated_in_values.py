"""Counts of a thing the card states inside a value of another spec or in a list (issue 15, session 13: dev5 20/1,
107/1, 26/1, 26/2, dev3 17/1, 22/1, dev4 104/1 stayed «характеристика не найдена»): «2 слота SIM» in «Модем», «4
отсека 3,5"/2,5" SATA» in «Хранилище», «Отсеки: 2 × 3,5"/2,5" SATA», «Дисковая корзина: 12 × … + 2 × …», «MIMO: 2×2
MU-MIMO», «Розетки: 8 × CEE 7/3» asked as «гнезда». Traps: «2 × 8 ГБ» of memory counting modules, not slots; bays
without hot swap asked «с возможностью горячей замены» (and hot swap said only of the other bays of a «+» list); an
option («… на 2 слота SIM — опция»); a count of another kind («10 Гбит/с» interfaces against «4 × 1GbE, слот … для
10GbE»); two grids of MIMO; a stated count never says «no». Hand-made cards."""

from __future__ import annotations

from matching.cards import product_card
from matching.compliance import check
from matching.namegrammar import item_requirements
from matching.specmatch import SpecVocabulary
from store.schema import Characteristic, Item
from tests.matching.conftest import product

CARDS = {
    p.sku: product_card(p)
    for p in (
        product("RT", "Маршрутизатор LTE", [("Модем", "встроенный LTE Cat.6, 2 слота SIM (резервирование)")]),
        product(
            "NAS-4",
            "Сетевое хранилище",
            [("Хранилище", '4 отсека 3,5"/2,5" SATA 6 Гбит/с + 2 слота M.2 2280; RAID 0, 1, 5; горячая замена дисков')],
        ),
        product("NAS-2", "Сетевое хранилище", [("Отсеки", '2 × 3,5"/2,5" SATA'), ("Память", "2 × 8 ГБ DDR4")]),
        product(
            "SRV",
            "Сервер",
            [
                ("Дисковая корзина", '12 × 3,5"/2,5" LFF (фронтальные) + 2 × 2,5" (тыльные, hot-swap)'),
                ("Сетевые интерфейсы", "4 × 1GbE RJ-45, слот PCIe 3.0 x8 для 10GbE/25GbE"),
            ],
        ),
        product("SRV-H", "Сервер", [("Отсеки для дисков", '4 × 3.5"/2.5" hot-swap')]),
        product("AP", "Точка доступа", [("MIMO", "2×2 MU-MIMO")]),
        product("AP-2", "Точка доступа", [("MIMO", "4×4 (5 ГГц), 2×2 (2,4 ГГц)")]),
        product("PDU", 'Блок розеток 19"', [("Розетки", "8 × CEE 7/3 (Schuko)")]),
        product("RT-O", "Маршрутизатор", [("Модем", "LTE Cat.4, 1 слот SIM; модуль на 2 слота SIM — опция")]),
        product("SW-2P", "Коммутатор", [("Блоки питания", "2, с горячей заменой (резервирование 1+1)")]),
        product("SW-1P", "Коммутатор", [("Блоки питания", "1 (второй — опция)")]),
        product(
            "MFU", "МФУ", [("Печать", "лазерная, A4"), ("Сканер", "планшетный, 2 лотка оригиналов (АПД и ручной)")]
        ),
    )
}
VOCAB = SpecVocabulary(CARDS.values())


def decide(sku: str, name: str, least: int) -> str:
    ch = Characteristic(name=name, kind="range", min=least, unit="шт")
    (req,) = item_requirements(Item(index=1, name="Оборудование", characteristics=[ch]))
    return check(req, CARDS[sku], VOCAB).status


def test_a_count_before_its_thing_in_another_spec():
    assert decide("RT", "Количество слотов SIM-карт", 2) == "yes"
    assert decide("RT", "Количество слотов SIM-карт", 3) == "unknown"  # a stated count never says «no»
    assert decide("RT-O", "Количество слотов SIM-карт", 2) != "yes"  # trap: two slots only as an option
    assert decide("NAS-4", "Количество отсеков для накопителей", 4) == "yes"
    assert decide("NAS-4", "Количество отсеков для жестких дисков", 2) == "yes"
    # Trap: hot swap is said in another clause of the value, not of the bays counted
    assert decide("NAS-4", "Количество отсеков для накопителей с возможностью горячей замены", 4) != "yes"


def test_a_list_led_by_the_count_in_a_spec_named_by_the_thing():
    assert decide("NAS-2", "Количество отсеков для жестких дисков", 2) == "yes"
    assert decide("NAS-2", "Количество слотов памяти", 2) != "yes"  # trap: «2 × 8 ГБ» counts modules
    assert decide("SRV", "Количество отсеков для накопителей", 12) == "yes"
    assert decide("SRV-H", "Количество отсеков для накопителей с возможностью горячей замены", 4) == "yes"
    # Trap: only the two rear bays of the «+» list are hot-swap
    assert decide("SRV", "Количество отсеков для накопителей с возможностью горячей замены", 12) != "yes"
    assert decide("SRV", "Количество сетевых интерфейсов 10 Гбит/с", 2) != "yes"  # trap: 1GbE ports and a slot


def test_spatial_streams_of_a_mimo_grid():
    assert decide("AP", "Количество пространственных потоков MIMO", 2) == "yes"
    assert decide("AP", "Количество пространственных потоков MIMO", 4) == "unknown"
    assert decide("AP-2", "Количество пространственных потоков MIMO", 4) != "yes"  # trap: 4×4 on one band only


def test_sockets_are_outlets():
    assert decide("PDU", "Количество гнезд", 8) == "yes"
    assert decide("PDU", "Количество гнезд", 10) == "no"


def test_a_bare_count_leading_a_spec_named_by_the_thing():
    assert decide("SW-2P", "Количество блоков питания", 2) == "yes"
    assert decide("SW-1P", "Количество блоков питания", 2) != "yes"  # trap: the second one is an option


def test_a_count_in_a_spec_of_another_part_is_not_the_asked_one():
    assert decide("MFU", "Количество лотков", 2) != "yes"  # trap: the scanner's trays, not the printer's
