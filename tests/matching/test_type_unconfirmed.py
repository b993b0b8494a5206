"""A pair whose type no noun decides and whose OKPD2 codes share only their two-digit class (26: computers,
monitors and TV sets alike) is never "yes": its type is not confirmed."""

from __future__ import annotations

from matching.cards import product_card
from matching.engine import Matcher
from matching.typegate import line_types, product_types, type_unconfirmed
from store.schema import NoticeRecord
from tests.matching.conftest import product

PANEL = product("PN", "Дисплей профессиональный 55\" 4K", [("Диагональ", "55", "дюйм"), ("Разрешение", "3840x2160")],
                category="Профессиональные дисплеи", okpd2="26.20.17.110")


def unconfirmed(name: str, okpd2: str) -> str | None:
    card = product_card(PANEL)
    return type_unconfirmed(line_types(name), (okpd2,), card, product_types(card))


def test_only_the_class_shared_leaves_the_type_unconfirmed() -> None:
    assert unconfirmed("Устройство отображения 55\" 4K", "26.40.20.122") is not None  # a TV set's group
    assert unconfirmed("Устройство отображения 55\" 4K", "26.20.17.110") is None  # the same group
    assert unconfirmed("Устройство отображения 55\" 4K", "26.20.40.190") is None  # the same subclass 26.20


def _notice(okpd2: str) -> NoticeRecord:
    line = {"index": 1, "quantity": "1", "name": "Дисплей профессиональный 55\"", "sum": "90000",
            "okpd2": okpd2, "characteristics": [{"name": "Диагональ", "kind": "range", "min": "55",
                                                 "min_inclusive": True, "unit": "дюйм"}]}  # fmt: skip
    return NoticeRecord.model_validate({"source": "eis44", "number": "T" + okpd2, "items": [line]})


def test_an_unconfirmed_type_is_at_best_unknown() -> None:
    matcher = Matcher([PANEL])
    (tv,) = matcher.match_notice(_notice("26.40.20.122")).items[0].candidates
    (display,) = matcher.match_notice(_notice("26.20.17.110")).items[0].candidates
    assert tv.compliant == "unknown"
    assert display.compliant == "yes"
