"""The bid package's compliance table applies the specialists' corrections (``tenderflow match correct``), as
the match that chose the products did (issue 15, points 6-7)."""

from __future__ import annotations

from datetime import datetime

from bids.matching_adapter import matching_compliance
from matching.requirements import from_characteristic
from store.corrections import CorrectionData
from store.schema import Characteristic
from tests.matching.conftest import product

SWITCH = product("SW-1", "Коммутатор управляемый", [("Бюджет PoE", 370, "Вт"), ("Тип матрицы", "AH-IPS")])
MATRIX = Characteristic(name="Тип матрицы экрана", kind="values", values=["IPS"])


def correction(verdict: str, undone: bool = False) -> CorrectionData:
    (req,) = from_characteristic(MATRIX)
    return CorrectionData(
        id=7, notice_number="0373100000126000001", item_index=1, sku="SW-1", characteristic=MATRIX.name,
        required=req.describe(), spec_name="Тип матрицы", offered="AH-IPS", verdict=verdict,
        created_at=datetime(2026, 12, 1), undone_at=datetime(2026, 12, 2) if undone else None,
    )  # fmt: skip


def test_the_table_takes_the_specialists_verdict():
    plain, *_ = matching_compliance([SWITCH])(MATRIX, SWITCH)
    status, reason, spec = matching_compliance([SWITCH], [correction("no")])(MATRIX, SWITCH)
    assert plain != "no"
    assert status == "no"
    assert "по исправлению специалиста" in reason
    assert spec is not None and spec.name == "Тип матрицы"


def test_an_undone_correction_is_not_applied():
    status, *_ = matching_compliance([SWITCH], [correction("no", undone=True)])(MATRIX, SWITCH)
    assert status != "no"
