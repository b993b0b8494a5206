"""Compliance of one requirement against one product card, with unit conversion and reasons."""

from __future__ import annotations

from matching.cards import product_card
from matching.compliance import check, overall
from matching.requirements import from_characteristic, parse_free_text
from matching.specmatch import SpecVocabulary
from store.schema import Characteristic
from tests.matching.conftest import product

SWITCH = product(
    "SW-24P", "Коммутатор 24 порта PoE+",
    [("Количество портов 10/100/1000 Base-T", 24, "шт"), ("Количество портов SFP", 4, "шт"),
     ("Поддержка PoE/PoE+ (802.3af/at)", "Да"), ("Бюджет PoE", 370, "Вт"), ("Буфер пакетов", 4, "МБ"),
     ("Протоколы управления", "CLI, Web, SNMP v2c/v3, SSH"), ("Время отклика", 5, "мс"), ("Тип матрицы", "IPS")],
)  # fmt: skip
LAPTOP = product(
    "NB-1", "Ноутбук", [("Объем накопителя SSD", 1000, "ГБ"), ("Объем оперативной памяти", 16, "ГБ"),
                        ("Беспроводные интерфейсы", "Wi-Fi 6, Bluetooth 5.2")],
)  # fmt: skip
CARDS = [product_card(SWITCH), product_card(LAPTOP)]
VOCAB = SpecVocabulary(CARDS)


def verdict(ch: Characteristic, card=0):
    (req,) = from_characteristic(ch)
    return check(req, CARDS[card], VOCAB)


def test_differently_worded_name_and_unit_scale():
    v = verdict(Characteristic(name="Кол-во портов RJ-45 1 Гбит/с", kind="range", min="24", min_inclusive=True))
    assert (v.status, v.spec_name) == ("yes", "Количество портов 10/100/1000 Base-T")
    v = verdict(Characteristic(name="Размер пакетного буфера", kind="range", min="4096", unit="Килобайт"))
    assert v.status == "no"  # 4 МБ = 4000 КБ < 4096 КБ (decimal prefixes)
    assert (
        verdict(Characteristic(name="Размер пакетного буфера", kind="range", min="4", unit="Мегабайт")).status == "yes"
    )


def test_terabytes_against_gigabytes():
    assert verdict(Characteristic(name="Объем SSD", kind="range", min="1", unit="Терабайт"), 1).status == "yes"
    assert verdict(Characteristic(name="Объем SSD", kind="range", min="1.5", unit="ТБ"), 1).status == "no"


def test_exclusive_bounds():
    assert verdict(Characteristic(name="Время отклика, мс", kind="range", max="5", max_inclusive=False)).status == "no"
    assert verdict(Characteristic(name="Время отклика, мс", kind="range", max="5", max_inclusive=True)).status == "yes"
    assert (
        verdict(Characteristic(name="Бюджет PoE", kind="range", min="370", min_inclusive=False, unit="Вт")).status
        == "no"
    )


def test_values_and_lists():
    assert verdict(Characteristic(name="Тип матрицы", kind="values", values=["IPS"])).status == "yes"
    assert verdict(Characteristic(name="Тип матрицы", kind="values", values=["VA"])).status == "no"
    v = verdict(Characteristic(name="Поддержка протоколов управления", kind="values", values=["SNMP", "SSH"]))
    assert v.status == "yes"
    v = verdict(Characteristic(name="Поддержка протоколов управления", kind="values", values=["SNMP", "Telnet"]))
    assert v.status == "no" and "Telnet" in v.reason


def test_presence_absence_and_unknown_are_explained():
    assert verdict(Characteristic(name="Наличие PoE+", kind="values", values=["Да"])).status == "yes"
    absent = verdict(Characteristic(name="Наличие сенсорного экрана", kind="values", values=["Нет"]))
    # Not stated is not proven absent: "unknown" with the reason (it was "yes" before issue 15).
    assert absent.status == "unknown" and "не указано" in absent.reason
    missing = verdict(Characteristic(name="Количество вентиляторов", kind="range", min="2", unit="шт"))
    assert missing.status == "unknown" and missing.reason


def test_rival_qualifier_is_not_taken_for_the_spec():
    v = verdict(Characteristic(name="Количество портов SFP+", kind="range", min="4", unit="шт"))
    assert v.status == "unknown"  # the card has SFP (1G) ports, not SFP+


def test_free_text_requirements_and_overall():
    reqs = parse_free_text("не менее 24 портов 1 Гбит/с; наличие PoE+; бюджет PoE ≥ 370 Вт")
    verdicts = [check(r, CARDS[0], VOCAB) for r in reqs]
    assert [v.status for v in verdicts] == ["yes", "yes", "yes"]
    assert overall(verdicts) == "yes"
    more = parse_free_text("бюджет PoE не менее 740 Вт")
    assert overall([*verdicts, check(more[0], CARDS[0], VOCAB)]) == "no"


def test_slash_separated_alternatives():
    pc = product("PC", "ПК", [("Интерфейс накопителя SSD", "NVMe (PCIe)")])
    card = product_card(pc)
    (req,) = from_characteristic(Characteristic(name="Интерфейс накопителя SSD", kind="values", values=["SATA/NVMe"]))
    assert check(req, card, SpecVocabulary([card])).status == "yes"
    (only_sata,) = from_characteristic(Characteristic(name="Интерфейс накопителя SSD", kind="values", values=["SATA"]))
    assert check(only_sata, card, SpecVocabulary([card])).status == "no"
