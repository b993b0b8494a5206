"""docs/contracts.md stays in step with the canonical records: every field a script can read is documented."""

from __future__ import annotations

from pathlib import Path

import pytest

from store.schema import Characteristic, Classification, Item, MatchRow, NoticeRecord, Party, Security

DOC = Path(__file__).resolve().parents[2] / "docs" / "contracts.md"


@pytest.mark.parametrize("model", [NoticeRecord, Item, Characteristic, Classification, Party, Security, MatchRow])
def test_every_field_is_documented(model) -> None:
    text = DOC.read_text(encoding="utf-8")
    missing = [name for name in model.model_fields if f"`{name}`" not in text and f'"{name}"' not in text]
    assert missing == [], f"{model.__name__} fields not in docs/contracts.md: {missing}"
