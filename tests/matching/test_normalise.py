"""Normalisation: the same thing written differently becomes the same tokens."""

from __future__ import annotations

import pytest

from matching.normalise import canonical, clean, fix_lookalikes, join_spaced_letters, tokens


def test_latin_lookalikes_inside_cyrillic_words_become_cyrillic():
    assert fix_lookalikes("кoммутатор") == "коммутатор"  # Latin o
    assert fix_lookalikes("Kоммутатор упрaвляемый") == "Коммутатор управляемый"


def test_cyrillic_lookalikes_inside_latin_model_names_become_latin():
    assert fix_lookalikes("МЕS2324") == "MES2324"  # Cyrillic М and Е


def test_spaced_letters_are_joined():
    assert join_spaced_letters("к о м м у т а т о р управляемый") == "коммутатор управляемый"


def test_case_yo_and_punctuation():
    assert clean("Ёмкость: 2,5 ТБ!") == clean("емкость 2.5 тб")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Коммутаторов управляемых", "коммутатор управляемый"),
        ("Источник бесперебойного питания", "ИБП"),
        ("многофункциональное устройство", "МФУ"),
        ("система хранения данных", "СХД"),
        ("автоматизированное рабочее место", "АРМ"),
        ("персональный компьютер", "ПК"),
        ("локальная вычислительная сеть", "ЛВС"),
        ("видеоконференцсвязь", "ВКС"),
        ("точка доступа", "ТД"),
        ("Ноутбуки", "портативный компьютер"),
    ],
)
def test_inflections_abbreviations_and_synonyms_meet(a, b):
    assert canonical(a) == canonical(b)


def test_technical_tokens_are_kept_whole():
    toks = tokens("Коммутатор 24 порта 10/100/1000Base-T, PoE+, 4xSFP+, Wi-Fi 6, RJ-45")
    assert {"poeplus", "sfpplus", "wlan6", "rj45", "gigabit"} <= set(toks)
    assert "poeplus" not in tokens("PoE 802.3af")


def test_quantities_with_unit_scales_index_alike():
    assert canonical("1 Гбит/с") == canonical("1000 Мбит/с")
    assert canonical("3 кВА") == canonical("3000 ВА")
    assert canonical("2 ТБ") == canonical("2000 ГБ")  # decimal prefixes, documented in units.json
    assert canonical("3 кВА") != canonical("3 кВт")  # apparent and active power differ


def test_misleading_words_keep_their_own_lemma():
    assert "маршрутизатор" not in tokens("организация маршрута автобуса")
    assert "сервер" not in tokens("стол сервировочный")


def test_script_repair_inside_codes_and_values_both_ways():
    # Cyrillic look-alikes inside codes become Latin; codes stay codes ("6A" is a category, not 6 amperes) …
    assert tokens("Cat.6а") == tokens("Cat.6A") == ("cat", "6a")
    assert tokens("Категория 6А") == ("категория", "6a")
    assert tokens("Формат А4") == tokens("Формат A4") and tokens("Разъём С13")[-1] == "c13"
    assert tokens("IР54") == ("ip54",) and tokens("5е") == ("5e",)
    # … Latin look-alikes inside Russian units become Cyrillic, and a bare Russian unit stays a quantity.
    assert tokens("5кBт") == tokens("5кВт")
    assert tokens("16А") == tokens("16 А") == ("current16",)
