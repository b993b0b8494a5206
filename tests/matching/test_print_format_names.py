"""On a printer or MFP line, «Максимальный формат печати» and «Формат печати» are the card's «Максимальный формат»
(every format a printer states is its largest): the type's paraphrase must not leave the card's own wording as
«another scope» (the demo's MFPs were «unknown» on it)."""

from __future__ import annotations

import pytest

from matching.engine import Matcher
from store.schema import NoticeRecord
from tests.matching.conftest import product

MFP = product("MFP", "Многофункциональное устройство (МФУ) M240, лазерное, A4", [("Максимальный формат", "A4")],
              category="МФУ")
A3 = product("MFP3", "Многофункциональное устройство (МФУ) M348, лазерное, A3", [("Максимальный формат", "A3")],
             category="МФУ")


def _notice(characteristic: str, value: str) -> NoticeRecord:
    line = {"index": 1, "quantity": "1", "name": "МФУ лазерное", "sum": "100000", "characteristics": [
        {"name": characteristic, "kind": "values", "values": [value]}]}  # fmt: skip
    return NoticeRecord.model_validate({"source": "eis44", "number": "F1", "items": [line]})


@pytest.mark.parametrize("name", ["Максимальный формат печати", "Формат печати", "Максимальный формат"])
def test_the_cards_largest_format_decides(name: str) -> None:
    verdicts = {c.sku: c.compliant for c in Matcher([MFP, A3]).match_notice(_notice(name, "A4")).items[0].candidates}
    assert verdicts["MFP"] == "yes"
    assert verdicts["MFP3"] != "yes"  # another format never proves A4
