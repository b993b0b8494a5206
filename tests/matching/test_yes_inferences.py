"""Inferences that prove "yes", each with the trap it must not fall into (issue 15: a false "yes" costs a bid).
Hand-made cards; each "yes" below was "unknown" (or a wrong "no") before its inference."""

from __future__ import annotations

from matching.cards import product_card
from matching.compliance import check
from matching.namegrammar import item_requirements, name_requirements
from matching.requirements import from_characteristic
from matching.specmatch import SpecVocabulary
from store.schema import Characteristic, Item
from tests.matching.conftest import product

OUTDOOR = product("AP-O", "Точка доступа уличная", [("Степень защиты", "IP65"), ("Стандарт Wi-Fi", "802.11ac")])
INDOOR = product("AP-I", "Точка доступа Wi-Fi 6", [("Степень защиты", "IP20"), ("Стандарт Wi-Fi", "802.11ax"),
                                                   ("Монтаж", "потолочный")])  # fmt: skip
SWITCH = product("SW-1", "Коммутатор L2", [("Порты RJ-45", 24, "шт"), ("Высота", 1, "U"), ("Уровень", "L2")])
MONITOR = product("MN-4K", "Монитор 27\" IPS 4K", [("Разрешение", "3840x2160"), ("Диагональ", 27, "дюйм")])
SERVER = product("SRV-2", "Сервер 2U", [("Блоки питания", "2 × 1200 Вт"), ("Количество процессоров", 2, "шт")])
CORD = product("PC-1", "Патч-корд кат. 6, 3 м", [("Категория", "6"), ("Экран", "нет"), ("Длина", 3, "м")])
SHIELDED = product("PC-2", "Патч-корд кат. 6, 2 м", [("Категория", "6"), ("Экранирование", "F/UTP")])
SWITCH_L3 = product("SW-3", "Коммутатор 48 портов", [("Порты RJ-45", 48, "шт"), ("Высота", 1, "U"), ("Уровень", "L3")])
QUIET = product("SW-Q", "Коммутатор 8 портов", [("Порты RJ-45", 8, "шт"), ("Уровень шума", 20, "дБ")])
UPS = product("UPS-3", "ИБП 3000 ВА", [("Розетки", "IEC C13 × 8"), ("Полная мощность", 3000, "ВА")])
SWITCH_PSU = product("SW-P", "Коммутатор 48 портов", [("Порты RJ-45", 48, "шт"), ("Блоки питания", 2, "шт")])
MIXED = product("UPS-M", "ИБП 1500 ВА", [("Розетки", "IEC C13 × 4, Schuko × 2"), ("Полная мощность", 1500, "ВА")])
ALL = [OUTDOOR, INDOOR, SWITCH, MONITOR, SERVER, CORD, SHIELDED, SWITCH_L3, QUIET, UPS, SWITCH_PSU, MIXED]
CARDS = {p.sku: product_card(p) for p in ALL}
VOCAB = SpecVocabulary(CARDS.values())


def decide(card, name: str, *values: str, kind: str = "values", unit: str | None = None, **bounds: str) -> str:
    ch = Characteristic(name=name, kind=kind, unit=unit, values=list(values), **bounds)
    (req,) = from_characteristic(ch)
    return check(req, CARDS[card.sku], VOCAB).status


def decide_in_line(card, line_name: str, name: str, text: str) -> str:
    """A text characteristic decided as a line of that name aligns it (with its product type's paraphrases)."""
    item = Item(index=1, name=line_name, characteristics=[Characteristic(name=name, kind="text", text=text)])
    (req,) = [r for r in item_requirements(item) if r.source == "text"]
    return check(req, CARDS[card.sku], VOCAB).status


def decide_name(card, line_name: str, label: str) -> str:
    req = next(r for r in name_requirements(line_name) if r.name.startswith(label))
    return check(req, CARDS[card.sku], VOCAB).status


def test_an_ingress_code_at_least_the_asked_one_digit_by_digit_is_yes():
    assert decide(OUTDOOR, "Степень защиты корпуса", kind="text", text="не ниже IР54") == "yes"
    # A bare code is exact or a minimum: IP65 against IP54 stays for the specialist.
    assert decide(OUTDOOR, "Степень защиты корпуса", kind="text", text="IP54") == "unknown"
    # The protection of another part (the power supply) is not the card's.
    assert decide(OUTDOOR, "Степень защиты блока питания", kind="text", text="не ниже IP54") == "unknown"


def test_a_monitors_resolution_is_its_screens():
    assert decide_in_line(MONITOR, "Монитор", "Разрешение экрана", "не менее 2560x1440") == "yes"
    assert decide_in_line(MONITOR, "Монитор", "Разрешение экрана", "не менее 5120x2880") == "no"
    # A web camera's resolution is another part's: the screen's proves nothing of it.
    assert decide_in_line(MONITOR, "Монитор", "Разрешение веб-камеры", "не менее 1920x1080") == "unknown"


def test_two_supplies_of_1200_w_meet_a_bound_both_readings_agree_on():
    # Each supply and both together meet 1000 Вт; the count 2 of «2 × 1200 Вт» is not the power.
    assert decide(SERVER, "Мощность блока питания", kind="range", unit="Вт", min="1000") == "yes"
    assert decide(SERVER, "Мощность блока питания", kind="range", unit="Вт", min="3000") == "no"
    # 1600 Вт each is not met, 1600 Вт together is: the specialist decides what the notice means.
    assert decide(SERVER, "Мощность блока питания", kind="range", unit="Вт", min="1600") == "unknown"


def test_a_cable_without_a_screen_is_unshielded_u_utp_never_f_utp():
    assert decide(CORD, "Тип экранирования", "U/UTP") == "yes"
    assert decide(CORD, "Тип экранирования", "F/UTP") == "no"
    assert decide(SHIELDED, "Тип экранирования", "U/UTP") == "no"


def test_a_level_or_rack_height_of_a_line_name_is_the_spec_named_in_the_grammars_own_words():
    assert decide_name(SWITCH_L3, "Коммутатор L3 48 портов, 1U", "L3") == "yes"
    assert decide_name(SWITCH_L3, "Коммутатор L3 48 портов, 1U", "1U") == "yes"
    assert decide_name(SWITCH, "Коммутатор L3 48 портов, 1U", "L3") == "no"
    assert decide_name(SWITCH_L3, "Коммутатор L3 2U", "2U") == "no"
    # «Уровень шума» is not the switching level: a spec whose name adds a word is not the grammar's own.
    assert decide_name(QUIET, "Коммутатор L3", "L3") == "unknown"


def test_a_port_speed_after_a_count_is_the_counts_kind_not_a_size_of_its_own():
    names = [r.name for r in name_requirements("Коммутатор 48 портов 1G, 6 SFP+")]
    assert "48 портов 1G (в наименовании)" in names
    assert not any(n.startswith("1 G") for n in names)
    # Alone, the speed stays a requirement (nothing else carries it).
    assert any(n.startswith("1 G") for n in (r.name for r in name_requirements("Коммутатор 1G")))


def test_a_bound_on_each_supply_is_never_met_by_their_total():
    assert decide(SERVER, "Мощность каждого блока питания", kind="range", unit="Вт", min="1600") == "no"
    assert decide(SERVER, "Мощность каждого блока питания", kind="range", unit="Вт", min="1200") == "yes"


def test_a_counted_noun_keeps_the_words_completing_it():
    assert decide_name(SWITCH_PSU, "Коммутатор 48 портов 1G, 2 блока питания", "2 блока питания") == "yes"
    assert decide_name(SWITCH_PSU, "Коммутатор 48 портов 1G, 3 блока питания", "3 блока питания") == "no"


def test_a_wireless_standard_is_the_cards_wi_fi_standard_only_for_a_wi_fi_value():
    assert decide(INDOOR, "Стандарт беспроводной связи", "IEEE 802.11ax") == "yes"
    assert decide(INDOOR, "Стандарт беспроводной связи", "Bluetooth 5.0") == "unknown"


def test_output_outlets_are_the_cards_outlets():
    assert decide(UPS, "Количество выходных розеток", kind="range", unit="шт", min="6") == "yes"
    assert decide(UPS, "Количество выходных розеток", kind="range", unit="шт", min="10") == "no"


def test_outlets_counted_by_kind_count_the_asked_kind_or_all_of_them():
    # All outlets are six: the first count of the value (4) neither meets «не менее 6» nor «не более 4».
    assert decide(MIXED, "Количество выходных розеток", kind="range", unit="шт", min="6") == "yes"
    assert decide(MIXED, "Количество выходных розеток", kind="range", unit="шт", max="4") == "no"
    assert decide(MIXED, "Количество розеток Schuko", kind="range", unit="шт", min="4") != "yes"


def test_a_total_bound_is_met_by_the_sum_of_counted_things():
    assert decide(SERVER, "Суммарная мощность блоков питания", kind="range", unit="Вт", min="2000") == "yes"
    assert decide(SERVER, "Суммарная мощность блоков питания", kind="range", unit="Вт", min="3000") == "no"


def test_a_count_of_one_kind_is_read_in_the_value_listing_the_kinds():
    assert decide(MIXED, "Количество выходных розеток IEC C13", kind="range", unit="шт", min="4") == "yes"
    assert decide(MIXED, "Количество выходных розеток Schuko", kind="range", unit="шт", min="2") == "yes"
    assert decide(MIXED, "Количество выходных розеток Schuko", kind="range", unit="шт", min="4") == "no"
    # A kind the value does not list: the card's outlets are all of other kinds.
    assert decide(UPS, "Количество выходных розеток Schuko", kind="range", unit="шт", min="1") == "no"
