"""Amendment diffs between two contract records."""

from __future__ import annotations

from digest.diff import MAX_CHANGES, diff_records
from tests.digest.records import notice_record


def _changes(old, new):
    return {change.what: (change.old, change.new) for change in diff_records(old, new)}


def test_unchanged_record_has_no_changes():
    record = notice_record("1").to_json_dict()
    assert diff_records(record, record) == []


def test_lines_and_characteristics_added_removed_changed():
    old = notice_record("1").to_json_dict()
    new = notice_record("1").to_json_dict()
    new["items"][0]["quantity"] = "12"
    new["items"][0]["national_regime"] = "ban"
    new["items"][0]["characteristics"].pop(2)
    new["items"][0]["characteristics"].append({"name": "Стекируемость", "kind": "values", "values": ["да"]})
    new["items"].append({**old["items"][0], "index": 2, "name": "Маршрутизатор", "characteristics": []})
    new["application_security"] = {"amount": None, "percent": "0.5"}
    changes = _changes(old, new)
    assert changes["Позиция 1, количество"] == ("10\u00a0шт.", "12\u00a0шт.")
    assert changes["Позиция 1, нацрежим"] == ("Ограничение", "Запрет")
    assert changes["Позиция 1, удалено требование «Поддержка L3»"] == ("да", None)
    assert changes["Позиция 1, добавлено требование «Стекируемость»"] == (None, "да")
    assert changes["Позиция 2 добавлена"][1].startswith("Маршрутизатор")
    assert changes["Обеспечение заявки"] == ("1\u00a0%", "0,5\u00a0%")
    removed = _changes(new, old)
    assert "Позиция 2 удалена" in removed


def test_amended_status_alone_is_not_news_but_cancellation_is():
    old = notice_record("1").to_json_dict()
    assert _changes(old, {**old, "status": "amended"}) == {}
    assert _changes(old, {**old, "status": "cancelled"})["Статус"] == ("активна", "отменена")


def test_long_diffs_are_capped_with_a_tail():
    old = notice_record("1").to_json_dict()
    new = notice_record("1").to_json_dict()
    new["items"] = [{**old["items"][0], "index": i, "name": f"Позиция {i}"} for i in range(2, 40)]
    changes = diff_records(old, new)
    assert len(changes) == MAX_CHANGES
    assert changes[-1].what.startswith("и ещё")
