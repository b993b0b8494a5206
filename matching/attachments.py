"""Requirements from attached documents (ТЗ, specification) merged into a notice's purchase lines.

Input is the stored JSON form of the requirements (``crawlers.documents.specification.requirements_json``, kept
in ``Attachment.requirements``: one object per requirement with the block it belongs to), so matching depends on
the store's data, not on the crawler code.

Each block is assigned to a line by, in order of weight: KTRU/OKPD2 codes written in the block, name similarity
(rapidfuzz on normalised names), the position number («№ п/п») and, as a last resort, the order of blocks when
there are as many products as lines. A notice with one line takes every block. Requirements a line does not
have yet are added (with their origin); one that contradicts the line's structured characteristic is kept out
and reported as a :class:`Conflict`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz

from matching.normalise import canonical
from matching.requirements import from_characteristic
from store.attachments import AttachmentRepository
from store.db import Session
from store.schema import Characteristic, Item, NoticeRecord

NAME_THRESHOLD = 60
"""Name similarity (0-100) from which a block may be assigned to a line without a code or position."""
SAME_CHARACTERISTIC = 88
"""Similarity of two characteristic names above which they are the same requirement."""


@dataclass
class Provenance:
    item_index: int
    name: str
    file: str
    origin: dict[str, Any]
    label: str
    """Russian label of the origin: «ТЗ.docx, таблица 1, строка 5»."""
    assigned_by: str = "name"
    """How the block was tied to the line: code, name, position, order, single-line (order is the weakest)."""


@dataclass
class Conflict:
    item_index: int
    name: str
    structured: dict[str, Any]
    attachment: dict[str, Any]
    label: str
    against: str = "notice"
    """``notice``: contradicts the structured data; ``attachment``: contradicts another attached document."""

    def message(self) -> str:
        other = "с извещением" if self.against == "notice" else "с другим документом закупки"
        return f"позиция {self.item_index}: «{self.name}» в документе ({self.label}) расходится {other}"


@dataclass
class MergeResult:
    record: NoticeRecord
    added: list[Provenance] = field(default_factory=list)
    confirmed: list[Provenance] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    unassigned: list[dict[str, Any]] = field(default_factory=list)
    """Blocks no line could be chosen for (several lines, no name, code or position agreed)."""
    assignment: dict[int, tuple[int, str] | None] = field(default_factory=dict)
    """Block number (0-based, in the given order) -> (item index, how it was decided), or None."""


def _name_key(text: str) -> str:
    return canonical(text) or text.lower()


def _code_score(block: dict[str, Any], item: Item) -> int:
    score = 0
    for code in block.get("codes") or []:
        if item.ktru and code == item.ktru:
            score = max(score, 60)
        elif item.okpd2 and (code == item.okpd2 or code.split("-")[0] == item.okpd2):
            score = max(score, 30)
        elif item.ktru and code.split("-")[0] == item.ktru.split("-")[0]:
            score = max(score, 25)
    return score


def _score(block: dict[str, Any], item: Item) -> tuple[float, str | None]:
    """(score, how) of assigning ``block`` to ``item``; ``how`` is None when the pair is not acceptable."""
    product = block.get("product")
    name = fuzz.token_set_ratio(_name_key(product), _name_key(item.name)) if product else 0.0
    codes = _code_score(block, item)
    position = 10 if block.get("position") == item.index else 0
    how = "code" if codes else "name" if name >= NAME_THRESHOLD else "position" if position and name >= 40 else None
    return name + codes + position, how


def assign_blocks(items: list[Item], blocks: list[dict[str, Any]]) -> dict[int, tuple[int, str] | None]:
    """Block number -> (item index, how: code, name, position, order or single-line), or None."""
    if not items:
        return dict.fromkeys(range(len(blocks)))
    if len(items) == 1:
        return dict.fromkeys(range(len(blocks)), (items[0].index, "single-line"))
    indexes = {item.index for item in items}
    assignment: dict[int, tuple[int, str] | None] = {}
    for number, block in enumerate(blocks):
        _score_value, how, index = max(((*_score(block, item), item.index) for item in items), key=lambda e: e[0])
        if how is not None:
            assignment[number] = (index, how)
        elif not block.get("product") and block.get("position") in indexes:
            assignment[number] = (block["position"], "position")
        else:
            assignment[number] = None
    # As many distinct products as lines, in the same order: the order decides what names could not
    # (the ТЗ describes the same objects as the notice, often in other words: «АРМ тип 1» for «Компьютер»).
    products: list[str] = []
    for block in blocks:
        if block.get("product") and block["product"] not in products:
            products.append(block["product"])
    if len(products) == len(items) and None in assignment.values():
        taken = {value[0] for value in assignment.values() if value}
        by_order = {product: items[position].index for position, product in enumerate(products)}
        for number, block in enumerate(blocks):
            target = by_order.get(block.get("product") or "")
            if assignment[number] is None and target is not None and target not in taken:
                assignment[number] = (target, "order")
    return assignment


def _comparable(characteristic: Characteristic) -> tuple[Any, ...] | None:
    """The characteristic as the matcher reads it (bounds in base units, values), or None when only words."""
    requirements = [r for r in from_characteristic(characteristic) if r.kind != "text"]
    if len(requirements) != 1:
        return None
    r = requirements[0]
    if r.kind == "range":
        low = round(r.min, 9) if r.min is not None else None
        high = round(r.max, 9) if r.max is not None else None
        return ("range", r.dimension, low, r.min_inclusive if low is not None else None, high,
                r.max_inclusive if high is not None else None)  # fmt: skip
    if r.kind == "values":
        return ("values", frozenset(" ".join(v.lower().replace("ё", "е").split()) for v in r.values))
    return (r.kind, r.present)


def contradicts(structured: Characteristic, attachment: Characteristic) -> bool:
    """True when both state the requirement differently, compared as the matcher reads them (units converted:
    «1 Гбит/с» equals «1000 Мбит/с»); requirements only in words are never judged contradictory."""
    left, right = _comparable(structured), _comparable(attachment)
    if left is None or right is None:
        return False
    if left[0] == right[0] == "range" and None in (left[1], right[1]):
        left, right = (left[0], None, *left[2:]), (right[0], None, *right[2:])  # one side has no known unit
    return left != right


def _find(item: Item, name: str) -> Characteristic | None:
    key = _name_key(name)
    best, best_score = None, 0.0
    for characteristic in item.characteristics:
        score = fuzz.token_sort_ratio(key, _name_key(characteristic.name))
        if score > best_score:
            best, best_score = characteristic, score
    return best if best_score >= SAME_CHARACTERISTIC else None


def group_blocks(requirements: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Stored requirements (one object each, with their ``block``) regrouped into blocks with ``entries``."""
    blocks: list[dict[str, Any]] = []
    keys: dict[str, dict[str, Any]] = {}
    for entry in requirements:
        header = entry.get("block") or {}
        key = json.dumps([header.get("origin"), header.get("product"), header.get("position")], sort_keys=True)
        block = keys.get(key)
        if block is None:
            block = {**header, "entries": []}
            keys[key] = block
            blocks.append(block)
        block["entries"].append(entry)
    return blocks


def merge_attachment_requirements(record: NoticeRecord, requirements: Iterable[dict[str, Any]]) -> MergeResult:
    """A copy of ``record`` with the attachments' requirements (``Attachment.requirements`` of its files, in
    order) added to their lines, plus what happened to each. Free-text requirements stay ``kind="text"``: the
    matcher parses them (``matching.requirements``) like any text-form characteristic."""
    blocks = group_blocks(requirements)
    merged = record.model_copy(deep=True)
    result = MergeResult(record=merged, assignment=assign_blocks(merged.items, blocks))
    items = {item.index: item for item in merged.items}
    structured_names = {index: {c.name for c in item.characteristics} for index, item in items.items()}
    for number, block in enumerate(blocks):
        assigned = result.assignment.get(number)
        if assigned is None:
            result.unassigned.append(block)
            continue
        target, how = assigned
        item = items[target]
        for entry in block["entries"]:
            characteristic = Characteristic.model_validate(entry["characteristic"])
            origin = entry.get("origin") or {}
            provenance = Provenance(
                target, characteristic.name, str(origin.get("file", "")), origin, entry.get("origin_label", ""), how
            )
            existing = _find(item, characteristic.name)
            if existing is None:
                item.characteristics.append(characteristic.model_copy(update={"origin": provenance.label or None}))
                result.added.append(provenance)
            elif contradicts(existing, characteristic):
                result.conflicts.append(
                    Conflict(
                        target,
                        characteristic.name,
                        existing.to_json_dict(),
                        characteristic.to_json_dict(),
                        provenance.label,
                        "notice" if existing.name in structured_names[target] else "attachment",
                    )
                )
            else:
                result.confirmed.append(provenance)
    return result


def with_attachment_requirements(session: Session, notice_id: int, record: NoticeRecord) -> MergeResult:
    """``record`` (a stored notice) with the requirements of the attachments its current version lists: the
    one call the matcher, the digest and the bid assembler need (``result.record`` to match, ``result.added``
    for the file/table/row of each requirement, ``result.conflicts`` to flag)."""
    return merge_attachment_requirements(record, AttachmentRepository(session).requirements(notice_id))
