"""Issue 15: verdicts a specialist can trust — one test per weakness class, on hand-made products.

Each test fails on the matcher before issue 15 (it gave "yes" where nothing was proven, or missed a proof).
"""

from __future__ import annotations

import csv

from matching.engine import Matcher
from matching.export import write_matches
from store.schema import NoticeRecord
from tests.matching.conftest import product

SWITCH_SPECS = [("Уровень коммутации", "L3"), ("Тип коммутатора", "управляемый"), ("Поддержка PoE/PoE+", "Да"),
                ("Количество портов 10/100/1000 Base-T", 48, "шт")]  # fmt: skip
CATALOGUE = [
    product("SW-48-L3", "Коммутатор X48 L3 PoE+", [*SWITCH_SPECS, ("Скорость портов uplink", "10 Гбит/с")],
            price="90000", category="Коммутаторы"),
    product("SW-24-L3", "Коммутатор X24 L3 PoE+",
            [*SWITCH_SPECS[:3], ("Количество портов 10/100/1000 Base-T", 24, "шт"),
             ("Скорость портов uplink", "1 Гбит/с")], price="60000", category="Коммутаторы"),
    product("SW-48-NOPOE", "Коммутатор X48N L3", [SWITCH_SPECS[0], SWITCH_SPECS[1], ("Поддержка PoE/PoE+", "Нет"),
            SWITCH_SPECS[3]], price="70000", category="Коммутаторы"),
    product("SW-BARE", "Коммутатор Y48", [], price="50000", category="Коммутаторы"),
    product("PC-1", "Компьютер персональный Z1", [("Объем оперативной памяти", 16, "ГБ")], price="50000",
            category="Персональные компьютеры", okpd2="26.20.15.000"),
    product("MB-1", "Моноблок Z27", [("Объем оперативной памяти", 16, "ГБ"), ("Диагональ экрана", 27, "дюйм")],
            price="70000", category="Моноблоки", okpd2="26.20.15.000"),
    product("CAB-6A", "Кабель витая пара F/UTP кат. 6A", [("Категория", "6A"), ("Оболочка", "LSZH"),
            ("Максимальный формат", "A4")], price="20000", category="Кабели"),
    product("SRV-1", "Сервер R1", [("Исполнение", "19\" стоечное 1U"), ("Срок действия лицензии", "не ограничено"),
            ("Количество установленных процессоров", 2, "шт")], price="300000", category="Серверы"),
]  # fmt: skip


def notice(number: str, *items: dict, nmck: str | None = None) -> NoticeRecord:
    lines = [{"index": i, "quantity": "1", **item} for i, item in enumerate(items, start=1)]
    return NoticeRecord.model_validate({"source": "eis44", "number": number, "nmck": nmck, "items": lines})


def by_sku(result, index: int = 0) -> dict:
    return {c.sku: c for c in result.items[index].candidates}


def test_requirements_in_the_line_name_must_be_proven():
    matcher = Matcher(CATALOGUE)
    line = {"name": "Коммутатор 48 портов PoE+ управляемый L3", "sum": "100000"}
    found = by_sku(matcher.match_notice(notice("N1", line)))
    assert found["SW-48-L3"].compliant == "yes"
    assert found["SW-24-L3"].compliant == "no"  # 24 ports
    assert found["SW-48-NOPOE"].compliant == "no"  # "PoE: нет" decides the PoE+ requirement
    bare = found["SW-BARE"]  # nothing about it can be checked: not "yes"
    assert bare.compliant == "unknown" and bare.reasons
    ranked = [c.sku for c in matcher.match_notice(notice("N1", line)).items[0].candidates]
    assert ranked.index("SW-48-L3") < ranked.index("SW-BARE") < ranked.index("SW-24-L3")


def test_closed_world_and_one_threshold():
    matcher = Matcher(CATALOGUE)
    chars = [{"name": "Количество портов с поддержкой PoE+", "kind": "range", "min": "8", "unit": "шт"}]
    found = by_sku(
        matcher.match_notice(notice("N2", {"name": "Коммутатор", "sum": "100000", "characteristics": chars}))
    )
    assert found["SW-48-NOPOE"].compliant == "no"  # the card says PoE: нет
    # The plain port count is not the PoE port count: a qualifier that does not agree proves nothing.
    assert found["SW-48-L3"].compliant != "no" and "Количество портов с поддержкой PoE+" not in found["SW-48-L3"].failed
    assert found["SW-BARE"].compliant == "unknown"
    # "no" needs a proof of difference: two words that merely do not match leave the verdict open.
    chars = [{"name": "Тип коммутатора", "kind": "values", "values": ["Фиксированной конфигурации"]}]
    line = {"name": "Коммутатор", "sum": "100000", "characteristics": chars}
    found = by_sku(matcher.match_notice(notice("N2b", line)))
    assert found["SW-48-L3"].compliant == "unknown" and "проверьте" in found["SW-48-L3"].reasons[0]


def test_a_denied_feature_denies_only_itself():
    wifi6e_no = product("NB-1", "Ноутбук N1", [("Wi-Fi 6E", "нет"), ("Стандарт Wi-Fi", "Wi-Fi 6 (802.11ax)")])
    card_matcher = Matcher([wifi6e_no])
    chars = [{"name": "Поддержка Wi-Fi", "kind": "values", "values": ["Да"]},
             {"name": "Поддержка Wi-Fi 6E", "kind": "values", "values": ["Да"]}]  # fmt: skip
    line = {"name": "Ноутбук", "sum": "100000", "characteristics": chars}
    (cand,) = card_matcher.match_notice(notice("N2c", line)).items[0].candidates
    assert cand.failed == ["Поддержка Wi-Fi 6E"]


def test_lookalike_letters_inside_codes_and_values():
    matcher = Matcher(CATALOGUE)
    chars = [{"name": "Категория", "kind": "values", "values": ["6А"]},  # Cyrillic А: a category, not 6 amperes
             {"name": "Максимальный формат", "kind": "values", "values": ["А4"]}]  # fmt: skip
    found = by_sku(matcher.match_notice(notice("N3", {"name": "Кабель витая пара", "sum": "30000",
                                                     "characteristics": chars})))  # fmt: skip
    assert found["CAB-6A"].compliant == "yes", found["CAB-6A"].reasons


def test_qualitative_values_classes_brackets_special_values():
    matcher = Matcher(CATALOGUE)
    chars = [{"name": "Исполнение", "kind": "values", "values": ["в стойку"]},
             {"name": "Срок действия лицензии", "kind": "range", "min": "12", "unit": "мес"}]  # fmt: skip
    srv = by_sku(matcher.match_notice(notice("N4", {"name": "Сервер", "sum": "400000", "characteristics": chars})))
    assert srv["SRV-1"].compliant == "yes", srv["SRV-1"].reasons
    chars = [{"name": "Материал оболочки", "kind": "values", "values": ["LSZH (нг(А)-HF)"]}]
    cab = by_sku(matcher.match_notice(notice("N5", {"name": "Кабель витая пара", "sum": "30000",
                                                   "characteristics": chars})))  # fmt: skip
    assert cab["CAB-6A"].compliant == "yes", cab["CAB-6A"].reasons


def test_name_alignment_with_fillers_word_counts_and_derived_specs():
    matcher = Matcher(CATALOGUE)
    chars = [{"name": "Наличие порта 10 Gigabit Ethernet", "kind": "values", "values": ["Да"]}]
    found = by_sku(matcher.match_notice(notice("N5b", {"name": "Коммутатор", "sum": "100000",
                                                      "characteristics": chars})))  # fmt: skip
    # The feature implies a speed: 1 Гбит/с uplinks disprove it, 10 Гбит/с prove it.
    assert found["SW-24-L3"].compliant == "no" and "следует из" in found["SW-24-L3"].reasons[0]
    assert found["SW-48-L3"].compliant == "yes"
    chars = [{"name": "Общий объем установленной оперативной памяти", "kind": "range", "min": "8", "unit": "ГБ"}]
    found = by_sku(matcher.match_notice(notice("N6", {"name": "Моноблок", "sum": "80000", "characteristics": chars})))
    assert found["MB-1"].compliant == "yes", found["MB-1"].reasons
    (memory,) = [v for v in found["MB-1"].explanation["requirements"] if v["name"].startswith("Общий")]
    assert memory["spec"] == "Объем оперативной памяти" and memory["alignment"] >= 0.65  # the evidence shown
    srv = by_sku(matcher.match_notice(notice("N7", {"name": "Сервер 1U, два процессора", "sum": "400000"})))
    assert srv["SRV-1"].compliant == "yes", srv["SRV-1"].reasons
    srv = by_sku(matcher.match_notice(notice("N7b", {"name": "Сервер 2U, два процессора", "sum": "400000"})))
    assert srv["SRV-1"].compliant == "no" and srv["SRV-1"].failed == ["2U (в наименовании)"]


def test_paraphrases_of_the_line_product_type():
    matcher = Matcher(CATALOGUE)
    chars = [{"name": "Уровень модели OSI", "kind": "values", "values": ["L3"]}]
    switch = by_sku(matcher.match_notice(notice("N7c", {"name": "Коммутатор", "sum": "100000",
                                                        "characteristics": chars})))  # fmt: skip
    assert switch["SW-48-L3"].compliant == "yes", switch["SW-48-L3"].reasons
    # The switch vocabulary is not applied to another type's line (the words mean something else there).
    other = by_sku(matcher.match_notice(notice("N7d", {"name": "Сервер", "sum": "400000", "characteristics": chars})))
    assert other["SRV-1"].compliant == "unknown"


def test_other_type_is_no_with_a_reason():
    matcher = Matcher(CATALOGUE)
    chars = [{"name": "Объем оперативной памяти", "kind": "range", "min": "8", "unit": "ГБ"}]
    line = {"name": "Компьютер персональный настольный (моноблок)", "sum": "80000", "characteristics": chars}
    result = matcher.match_notice(notice("N8", line))
    found = by_sku(result)
    assert found["MB-1"].compliant == "yes"
    assert found["PC-1"].compliant == "no" and any("другой тип товара" in r for r in found["PC-1"].reasons)
    assert result.items[0].candidates[0].sku == "MB-1"


def test_every_no_and_unknown_has_a_russian_reason_in_the_export(tmp_path):
    matcher = Matcher(CATALOGUE)
    result = matcher.match_notice(notice("N9", {"name": "Коммутатор 48 портов PoE+ управляемый L3", "sum": "100000"}))
    rows = result.rows(top=10)
    assert {r.compliant for r in rows} >= {"no", "unknown"}
    for row in rows:
        assert (row.compliant == "yes") == (not row.reasons), row
    write_matches(rows, "csv", tmp_path / "m.csv")
    cells = list(csv.DictReader((tmp_path / "m.csv").open(encoding="utf-8")))
    no = next(c for c in cells if c["sku"] == "SW-24-L3")
    assert "не соответствует" in no["reasons"]


def test_a_line_won_only_at_a_loss_is_not_a_fit():
    matcher = Matcher(CATALOGUE)
    line = {"name": "Коммутатор 48 портов PoE+ управляемый L3", "sum": "77600"}  # catalogue 90 000: 16 % over
    result = matcher.match_notice(notice("N10", line, nmck="77600"))
    assert result.items[0].candidates[0].compliant == "yes"
    assert not result.relevant
    assert "убыток" in result.explanation["nmck"] and "₽" in result.explanation["nmck"]
    assert "убыток" in result.explanation["lines"][0]["price"]
    fine = matcher.match_notice(notice("N11", {**line, "sum": "120000"}, nmck="120000"))
    assert fine.relevant and fine.explanation["lines"][0]["margin"] == 30000.0
