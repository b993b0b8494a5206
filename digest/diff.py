"""What changed between two versions of a notice, in the words a specialist checks: deadline, NMCK, securities,
lines, quantities, prices, national regime and characteristics.

Works on contract records (``NoticeRecord.to_json_dict()`` form) so it reads any stored version.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from digest import format as fmt
from digest.model import REGIME_LABELS, Change

STATUS_LABELS = {"active": "активна", "amended": "изменена", "cancelled": "отменена", "closed": "завершена"}
MAX_CHANGES = 15


def _money(record: dict[str, Any]) -> Callable[[Any], str | None]:
    def show(value: Any) -> str | None:
        return None if value is None else fmt.format_money(fmt.to_decimal(value), record.get("currency"))

    return show


def _moment(value: Any) -> str | None:
    return None if value is None else fmt.format_datetime(fmt.parse_timestamp(value))


PROCEDURE_DATES = (
    ("auction_at", "Дата торгов"),
    ("review_at", "Рассмотрение заявок"),
    ("summary_at", "Подведение итогов"),
)


def _procedure_date(value: Any) -> str | None:
    return None if value is None else fmt.format_moment(fmt.parse_moment(value))


def _security(record: dict[str, Any], key: str) -> str | None:
    security = record.get(key) or {}
    percent, amount = fmt.to_decimal(security.get("percent")), fmt.to_decimal(security.get("amount"))
    parts = []
    if percent is not None:
        parts.append(fmt.format_percent(percent))
    if amount is not None:
        parts.append(fmt.format_money(amount, record.get("currency")))
    return " · ".join(parts) or None


def _quantity(item: dict[str, Any]) -> str | None:
    quantity = fmt.to_decimal(item.get("quantity"))
    if quantity is None:
        return None
    return fmt.format_quantity(quantity, item.get("unit"))


def _diff_characteristics(label: str, old: dict[str, Any], new: dict[str, Any]) -> list[Change]:
    old_chars = {ch["name"]: ch for ch in old.get("characteristics") or []}
    new_chars = {ch["name"]: ch for ch in new.get("characteristics") or []}
    changes = []
    for name, characteristic in new_chars.items():
        before = old_chars.get(name)
        after_text = fmt.format_requirement(characteristic)
        if before is None:
            changes.append(Change(f"{label}, добавлено требование «{name}»", None, after_text))
        elif fmt.format_requirement(before) != after_text:
            changes.append(Change(f"{label}, «{name}»", fmt.format_requirement(before), after_text))
    for name, characteristic in old_chars.items():
        if name not in new_chars:
            changes.append(
                Change(f"{label}, удалено требование «{name}»", fmt.format_requirement(characteristic), None)
            )
    return changes


def _diff_items(old: dict[str, Any], new: dict[str, Any]) -> list[Change]:
    money = _money(new)
    old_items = {item["index"]: item for item in old.get("items") or []}
    new_items = {item["index"]: item for item in new.get("items") or []}
    changes: list[Change] = []
    for index, item in sorted(new_items.items()):
        label = f"Позиция {index}"
        before = old_items.get(index)
        if before is None:
            changes.append(Change(f"{label} добавлена", None, f"{item['name']}, {_quantity(item) or '—'}"))
            continue
        if before.get("name") != item.get("name"):
            changes.append(Change(f"{label}, наименование", before.get("name"), item.get("name")))
        if _quantity(before) != _quantity(item):
            changes.append(Change(f"{label}, количество", _quantity(before), _quantity(item)))
        for key, what in (("unit_price", "цена за единицу"), ("sum", "сумма")):
            if fmt.to_decimal(before.get(key)) != fmt.to_decimal(item.get(key)):
                changes.append(Change(f"{label}, {what}", money(before.get(key)), money(item.get(key))))
        if before.get("national_regime") != item.get("national_regime"):
            changes.append(
                Change(
                    f"{label}, нацрежим",
                    REGIME_LABELS.get(before.get("national_regime"), "нет"),
                    REGIME_LABELS.get(item.get("national_regime"), "нет"),
                )
            )
        changes.extend(_diff_characteristics(label, before, item))
    for index, item in sorted(old_items.items()):
        if index not in new_items:
            changes.append(Change(f"Позиция {index} удалена", item.get("name"), None))
    return changes


def diff_records(old: dict[str, Any], new: dict[str, Any]) -> list[Change]:
    """Changes from ``old`` to ``new``, most consequential first; capped at ``MAX_CHANGES`` with a tail note."""
    money = _money(new)
    changes: list[Change] = []
    statuses = {old.get("status"), new.get("status")}
    if len(statuses) > 1 and not statuses <= {"active", "amended"}:
        changes.append(
            Change(
                "Статус",
                STATUS_LABELS.get(old.get("status"), old.get("status")),
                STATUS_LABELS.get(new.get("status"), new.get("status")),
            )
        )
    if fmt.parse_timestamp(old.get("deadline_at")) != fmt.parse_timestamp(new.get("deadline_at")):
        changes.append(Change("Срок подачи заявок", _moment(old.get("deadline_at")), _moment(new.get("deadline_at"))))
    for key, what in PROCEDURE_DATES:
        if fmt.parse_moment(old.get(key)) != fmt.parse_moment(new.get(key)):
            changes.append(Change(what, _procedure_date(old.get(key)), _procedure_date(new.get(key))))
    if fmt.to_decimal(old.get("nmck")) != fmt.to_decimal(new.get("nmck")):
        changes.append(Change("НМЦК", money(old.get("nmck")), money(new.get("nmck"))))
    for key, what in (("application_security", "Обеспечение заявки"), ("contract_security", "Обеспечение контракта")):
        before, after = _security(old, key), _security(new, key)
        if before != after:
            changes.append(Change(what, before, after))
    if (old.get("title") or "") != (new.get("title") or ""):
        changes.append(Change("Наименование", old.get("title"), new.get("title")))
    changes.extend(_diff_items(old, new))
    if len(changes) > MAX_CHANGES:
        rest = len(changes) - MAX_CHANGES + 1
        changes = [*changes[: MAX_CHANGES - 1], Change(f"и ещё {rest} изменений", None, "см. извещение")]
    return changes
