"""Compliance table rows, offered values per filling instruction, XLSX read back, formula injection."""

from pathlib import Path

import openpyxl
import pytest

from bids.compliance_table import build_rows, fill_mode, offered_value, requirement_text, write_xlsx
from store.schema import Characteristic, NoticeRecord, ProductSpec

SPECIFIC = "Участник закупки указывает в заявке конкретное значение характеристики"
FIXED = "Значение характеристики не может изменяться участником закупки"


def _unit_info():
    return pytest.importorskip("matching.units").unit_info


def test_rows_one_per_characteristic(notice_of, products, recorded_compliance) -> None:
    notice = notice_of("auction_44")
    rows = build_rows(notice, products, recorded_compliance, _unit_info())
    assert [(r.item_index, r.characteristic) for r in rows] == [
        (1, "Количество портов 1 Гбит/с"),
        (1, "Поддержка PoE+"),
        (1, "Объем буфера пакетов"),
        (2, "Стандарт"),
    ]
    ports, poe, buffer, standard = rows
    assert ports.requirement == "≥ 24" and ports.offered == "24" and ports.mode == "specific"
    assert poe.offered == "Да" and poe.mode == "fixed"  # verbatim customer value
    assert buffer.requirement == "> 1,5 и ≤ 64"
    assert buffer.offered == "4,096"  # 4096 КБ in the customer's unit (Мегабайт), one concrete value
    assert buffer.evidence == "SW-24G-POE: «Буфер пакетов» = 4\u00a0096\u00a0КБ"  # Russian grouping (babel)
    assert ports.trade_mark == "СетьПром SP-2400P" and ports.country == "Россия"
    assert ports.registry_number == "РЭ-10234/25"
    assert standard.offered == "802.11ax" and standard.country == "Китай"


def test_offered_value_never_a_range_for_a_specific_instruction() -> None:
    ch = Characteristic(
        name="Мощность PoE", unit="Ватт", kind="range", min="370", min_inclusive=True, fill_instruction=SPECIFIC
    )
    value, notes = offered_value(ch, "yes", ProductSpec(name="PoE бюджет", value="не менее 370", unit="Вт"), None)
    assert any("конкретное значение" in n for n in notes)
    value, notes = offered_value(ch, "yes", ProductSpec(name="PoE бюджет", value="740", unit="Вт"), _unit_info())
    assert (value, notes) == ("740", [])
    value, notes = offered_value(ch, "unknown", None, None)
    assert value == "" and "укажите конкретное значение" in notes[0]
    assert "не менее" not in value


def test_fixed_instruction_copies_the_customer_value_verbatim() -> None:
    ch = Characteristic(
        name="Объём ОЗУ", unit="Гигабайт", kind="range", min="8", min_inclusive=True, fill_instruction=FIXED
    )
    assert fill_mode(ch) == "fixed"
    assert offered_value(ch, "yes", ProductSpec(name="ОЗУ", value="16", unit="ГБ"), None) == ("≥ 8", [])
    codes = Characteristic(name="x", kind="values", values=["A", "B"], fill_instruction="6")
    assert fill_mode(codes) == "fixed" and offered_value(codes, "yes", None, None)[0] == "A; B"


def test_incompatible_units_are_flagged_not_guessed() -> None:
    ch = Characteristic(
        name="Вес", unit="Килограмм", kind="range", max="5", max_inclusive=True, fill_instruction=SPECIFIC
    )
    value, notes = offered_value(ch, "unknown", ProductSpec(name="Вес", value="2", unit="попугаев"), _unit_info())
    assert value == "2\xa0попугаев" and "пересчитайте" in notes[0]


def test_requirement_text_forms() -> None:
    assert requirement_text(Characteristic(name="a", kind="range", max="10", max_inclusive=False)) == "< 10"
    assert requirement_text(Characteristic(name="a", kind="text", text="наличие")) == "наличие"


def test_line_without_product_is_not_compliant(notice_of, products, recorded_compliance) -> None:
    rows = build_rows(notice_of("auction_44"), {1: products[1]}, recorded_compliance, None)
    assert [r.compliant for r in rows if r.item_index == 2] == ["no"]
    assert rows[-1].reason == "товар не подобран"


def test_xlsx_reads_back_and_neutralises_formulas(tmp_path: Path, notice_of, products, recorded_compliance) -> None:
    data = notice_of("auction_44").model_dump()
    data["title"] = '=HYPERLINK("http://evil.example","click")'
    data["items"][0]["characteristics"][0]["name"] = "=1+2"
    data["items"][0]["characteristics"][1]["values"] = ["@SUM(A1:A2)", "-cmd|' /C calc'!A0"]
    data["items"][1]["name"] = "+7 (495) <b>бомба</b>\x07"
    notice = NoticeRecord.model_validate(data)
    rows = build_rows(notice, products, recorded_compliance, None)
    path = write_xlsx(rows, notice, tmp_path / "t.xlsx")
    wb = openpyxl.load_workbook(path)
    ws = wb["Соответствие"]
    assert ws.cell(1, 1).value.startswith("'Таблица") is False
    assert ws.cell(2, 4).value == "Характеристика"
    values = [[c.value for c in row] for row in ws.iter_rows(min_row=3)]
    assert len(values) == 4
    assert values[0][3] == "'=1+2"
    assert values[1][4] == "'@SUM(A1:A2); -cmd|' /C calc'!A0"
    assert values[3][1] == "'+7 (495) <b>бомба</b>"  # control character dropped
    assert values[0][8] == "не определено"  # renamed characteristic: no recorded verdict
    assert values[2][7] == "4\xa0096\xa0КБ" and values[2][8] == "да"  # no unit table given: catalogue unit kept
    for row in ws.iter_rows():
        for cell in row:
            assert cell.data_type != "f"
            assert not (isinstance(cell.value, str) and cell.value[:1] in "=+-@" and not cell.value[1:2].isdigit())
